/**
 * `<Class>.attach(job)` steps of the request cases: our `attach` over the replayed clients, the
 * returned estimator registered under the step's `as` (with its training run, for the later
 * `deploy`/`transformer` steps) and rendered as the Python object's attributes.
 */
import { attach, type Attached } from '../../../../src/operators/direct/attach.js';
import type { AttachableClass } from '../../../../src/direct/attachTargets.js';
import { Estimator } from '../../../../src/estimators/Estimator.js';
import { FactorizationMachines } from '../../../../src/estimators/amazon/FactorizationMachines.js';
import { IPInsights } from '../../../../src/estimators/amazon/IPInsights.js';
import { KMeans } from '../../../../src/estimators/amazon/KMeans.js';
import { KNN } from '../../../../src/estimators/amazon/KNN.js';
import { LDA } from '../../../../src/estimators/amazon/LDA.js';
import { LinearLearner } from '../../../../src/estimators/amazon/LinearLearner.js';
import { NTM } from '../../../../src/estimators/amazon/NTM.js';
import { Object2Vec } from '../../../../src/estimators/amazon/Object2Vec.js';
import { PCA } from '../../../../src/estimators/amazon/PCA.js';
import { RandomCutForest } from '../../../../src/estimators/amazon/RandomCutForest.js';
import { Chainer } from '../../../../src/estimators/frameworks/Chainer.js';
import { HuggingFace } from '../../../../src/estimators/frameworks/HuggingFace.js';
import { MXNet } from '../../../../src/estimators/frameworks/MXNet.js';
import { PyTorch } from '../../../../src/estimators/frameworks/PyTorch.js';
import { SKLearn } from '../../../../src/estimators/frameworks/SKLearn.js';
import { TensorFlow } from '../../../../src/estimators/frameworks/TensorFlow.js';
import { XGBoost } from '../../../../src/estimators/frameworks/XGBoost.js';
import { silentLogger } from '../../../../src/operators/logger.js';
import type { OperatorClock } from '../../../../src/operators/clock.js';
import { UnsupportedCaseError, withPositional } from '../../values.js';
import { rememberRun } from '../airflow.js';
import type { RequestEnv } from '../requests.js';

const CLASSES: Readonly<Record<string, AttachableClass>> = {
  Estimator,
  FactorizationMachines,
  IPInsights,
  KMeans,
  KNN,
  LDA,
  LinearLearner,
  NTM,
  Object2Vec,
  PCA,
  RandomCutForest,
  Chainer,
  HuggingFace,
  MXNet,
  PyTorch,
  SKLearn,
  TensorFlow,
  XGBoost,
};

/** Python's `time.sleep` did not move the recorded clock; ours neither waits nor moves. */
const frozenClock = (now: number | null): OperatorClock => ({
  now: () => (now ?? 0) * 1000,
  sleep: () => Promise.resolve(),
});

const orNull = (v: unknown): unknown => (v === undefined ? null : v);

/** The attributes the cases list, read from our estimator (Python's names). */
function attributes(className: string, attached: Attached): Record<string, unknown> {
  const { estimator, settings, jobName } = attached;
  const o = estimator.options;
  const framework = estimator.kind === 'framework' ? estimator : undefined;
  const attrs: Record<string, unknown> = {
    _current_job_name: jobName,
    base_job_name: orNull(o.baseJobName),
    role: o.role,
    instance_count: orNull(o.instanceCount),
    instance_type: orNull(o.instanceType),
    volume_size: o.volumeSize,
    volume_kms_key: orNull(o.volumeKmsKey),
    max_run: o.maxRun,
    input_mode: o.inputMode,
    output_path: orNull(o.outputPath),
    output_kms_key: orNull(o.outputKmsKey),
  };
  if (estimator.kind !== 'algorithm') attrs.image_uri = orNull(estimator.imageUri);
  attrs.entry_point = orNull(framework?.entryPoint);
  attrs.source_dir = orNull(o.sourceDir);
  if (framework) {
    attrs.framework_version = orNull(framework.frameworkVersion);
    attrs.py_version = orNull(framework.pyVersion);
  }
  if (estimator instanceof HuggingFace) {
    attrs.pytorch_version = orNull(estimator.pytorchVersion);
    attrs.tensorflow_version = orNull(estimator.tensorflowVersion);
  }
  Object.assign(attrs, {
    subnets: orNull(o.subnets),
    security_group_ids: orNull(o.securityGroupIds),
    encrypt_inter_container_traffic: settings.encryptInterContainerTraffic ?? false,
    use_spot_instances: o.useSpotInstances,
    max_wait: orNull(o.maxWait),
    max_retry_attempts: orNull(settings.maxRetryAttempts),
    keep_alive_period_in_seconds: orNull(o.keepAlivePeriodInSeconds),
    model_uri: orNull(o.modelUri),
    model_channel_name: orNull(o.modelChannelName),
    metric_definitions: orNull(o.metricDefinitions),
    tags: attached.tags,
    container_log_level: o.containerLogLevel,
  });
  if (['TensorFlow', 'PyTorch', 'HuggingFace'].includes(className) && framework)
    attrs.distribution = framework.distribution;
  Object.assign(attrs, {
    checkpoint_s3_uri: orNull(o.checkpointS3Uri),
    checkpoint_local_path: orNull(o.checkpointLocalPath),
    environment: orNull(settings.environment),
    training_repository_access_mode: orNull(settings.trainingRepositoryAccessMode),
    container_entry_point: orNull(settings.containerEntryPoint),
    container_arguments: orNull(settings.containerArguments),
  });
  if (estimator instanceof Object2Vec)
    attrs.mini_batch_size = orNull(estimator.get('miniBatchSize'));
  Object.assign(attrs, {
    training_plan: orNull(o.trainingPlan),
    'hyperparameters()': estimator.hyperparameters(),
    'enable_network_isolation()': o.enableNetworkIsolation,
    'latest_training_job.name': jobName,
  });
  return JSON.parse(JSON.stringify(attrs)) as Record<string, unknown>;
}

/** Runs `<Class>.attach(training_job_name, sagemaker_session=None, model_channel_name='model')`. */
export async function attachCall(
  step: { call: string; as?: string },
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  env: RequestEnv,
): Promise<unknown> {
  const className = step.call.slice(0, -'.attach'.length);
  const target = CLASSES[className];
  if (!target) throw new UnsupportedCaseError(`attach on ${className}`);
  const all = withPositional(
    args,
    kwargs,
    ['training_job_name', 'sagemaker_session', 'model_channel_name'],
    step.call,
  );
  const attached = await attach(env.direct, target, String(all.training_job_name), {
    ...(all.model_channel_name !== undefined
      ? { modelChannelName: all.model_channel_name as string | null }
      : {}),
    clock: frozenClock(env.ctx.now),
    logger: silentLogger,
  });
  rememberRun(env.ctx, attached.estimator, attached.run);
  if (step.as !== undefined) env.ctx.refs.set(step.as, attached.estimator);
  return { $object: className, attrs: attributes(className, attached) };
}
