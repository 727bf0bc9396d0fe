/**
 * `attachParams`: the constructor options Python's `<Estimator>.attach(job)` rebuilds an estimator
 * from, out of the job's DescribeTrainingJob output (`_prepare_init_params_from_job_description`
 * of `EstimatorBase`, `Framework`, each framework and `AmazonAlgorithmEstimatorBase`), split into
 * the estimator's props and the settings only `fit` sends. Pure: the describe comes in as data.
 */
import type { DescribeTrainingJobResponse } from '@aws-sdk/client-sagemaker';
import { UnsupportedOptionError, ValidationError } from '../errors.js';
import type { HyperparameterSpec } from '../estimators/amazon/hyperparameters.js';
import type { PyValue } from '../estimators/types.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import { baseFromName } from '../pythonCompat/names.js';
import { frameworkFromImage, frameworkVersionFromTag } from './attachImages.js';
import { pyJsonLoads } from './attachJson.js';
import type { DirectTrainingSettings } from './settings.js';

/** The framework estimators `attach` knows, by their image registry names. */
export type AttachFramework =
  'tensorflow' | 'pytorch' | 'mxnet' | 'chainer' | 'sklearn' | 'xgboost' | 'huggingface';

/** Which `_prepare_init_params_from_job_description` applies. */
export type AttachFlavor =
  | { readonly kind: 'byo' }
  | {
      readonly kind: 'algorithm';
      /** The hyperparameters the algorithm class itself declares (Python's `cls.__dict__`). */
      readonly hyperparameters: readonly HyperparameterSpec[];
    }
  | { readonly kind: 'framework'; readonly framework: AttachFramework };

/** The estimator a job description rebuilds, as constructor props and `fit` settings. */
export interface AttachParams {
  /** Constructor props (camelCased Python keywords), without `session` and `tags`. */
  readonly props: Record<string, unknown>;
  /** The keywords only `fit` sends (encryption, retry, container entry point, ...). */
  readonly settings: DirectTrainingSettings;
}

/** The training job used another framework's image than the class attached with. */
export class AttachFrameworkMismatchError extends ValidationError {
  constructor(jobName: string, framework: string, expected: string) {
    super(
      'TrainingImage',
      framework,
      `an image of ${expected}: training job ${jobName} didn't use image for requested framework`,
    );
  }
}

type Json = Record<string, unknown>;
const camel = (name: string): string =>
  name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});

/** `EstimatorBase`'s part: the same for every estimator class. */
function baseParams(d: Json, modelChannelName: string | null): AttachParams {
  const resources = obj(d.ResourceConfig);
  const algorithm = obj(d.AlgorithmSpecification);
  const output = obj(d.OutputDataConfig);
  const stopping = obj(d.StoppingCondition);
  const props: Record<string, unknown> = {
    role: d.RoleArn,
    instanceCount: resources.InstanceCount,
    instanceType: resources.InstanceType,
    volumeSize: resources.VolumeSizeInGB,
    maxRun: stopping.MaxRuntimeInSeconds,
    inputMode: algorithm.TrainingInputMode,
    baseJobName: baseFromName(String(d.TrainingJobName)),
    outputPath: output.S3OutputPath,
    outputKmsKey: output.KmsKeyId,
  };
  const settings: Record<string, unknown> = {};
  if ('EnableNetworkIsolation' in d) props.enableNetworkIsolation = d.EnableNetworkIsolation;
  if ('KeepAlivePeriodInSeconds' in resources)
    props.keepAlivePeriodInSeconds = resources.KeepAlivePeriodInSeconds;
  if ('TrainingPlanArn' in resources) props.trainingPlan = resources.TrainingPlanArn;
  if ('InstancePlacementConfig' in resources)
    props.instancePlacementConfig = resources.InstancePlacementConfig;
  props.hyperparameters = 'HyperParameters' in d ? d.HyperParameters : {};
  if ('AlgorithmName' in algorithm) {
    throw new UnsupportedOptionError(
      'AlgorithmSpecification.AlgorithmName',
      String(algorithm.AlgorithmName),
      ['training jobs of a TrainingImage (Marketplace algorithms are not supported)'],
    );
  }
  if (!('TrainingImage' in algorithm)) {
    throw new ValidationError(
      'AlgorithmSpecification',
      algorithm,
      'a TrainingImage or an AlgorithmName (Python: "Invalid AlgorithmSpecification")',
    );
  }
  props.imageUri = algorithm.TrainingImage;
  if ('TrainingImageConfig' in algorithm) {
    const image = obj(algorithm.TrainingImageConfig);
    settings.trainingRepositoryAccessMode = image.TrainingRepositoryAccessMode ?? null;
    settings.trainingRepositoryCredentialsProviderArn =
      obj(image.TrainingRepositoryAuthConfig).TrainingRepositoryCredentialsProviderArn ?? null;
  }
  // Python parity A1 (docs/python-parity.md): the metric definitions are never restored; Python
  // tests a misspelt key (`MetricDefinitons`).
  if ('ContainerEntrypoint' in algorithm)
    settings.containerEntryPoint = algorithm.ContainerEntrypoint;
  if ('ContainerArguments' in algorithm) settings.containerArguments = algorithm.ContainerArguments;
  if ('EnableInterContainerTrafficEncryption' in d)
    settings.encryptInterContainerTraffic = d.EnableInterContainerTrafficEncryption;
  if ('InfraCheckConfig' in d)
    settings.enableInfraCheck = obj(d.InfraCheckConfig).EnableInfraCheck ?? null;
  const vpc = d.VpcConfig;
  if (vpc !== null && typeof vpc === 'object') {
    const { Subnets, SecurityGroupIds } = vpc as Json;
    if (pyTruthy(Subnets)) props.subnets = Subnets;
    if (pyTruthy(SecurityGroupIds)) props.securityGroupIds = SecurityGroupIds;
  }
  if (Array.isArray(d.InputDataConfig) && pyTruthy(modelChannelName)) {
    const channel = (d.InputDataConfig as Json[]).find((c) => c.ChannelName === modelChannelName);
    if (channel) {
      props.modelChannelName = modelChannelName;
      props.modelUri = obj(obj(channel.DataSource).S3DataSource).S3Uri;
    }
  }
  if (pyTruthy(d.EnableManagedSpotTraining)) {
    props.useSpotInstances = true;
    if (pyTruthy(stopping.MaxWaitTimeInSeconds)) props.maxWait = stopping.MaxWaitTimeInSeconds;
  }
  if (pyTruthy(d.RetryStrategy)) {
    settings.maxRetryAttempts = obj(d.RetryStrategy).MaximumRetryAttempts ?? null;
    if (pyTruthy(stopping.MaxWaitTimeInSeconds)) props.maxWait = stopping.MaxWaitTimeInSeconds;
  }
  if ('RemoteDebugConfig' in d)
    settings.enableRemoteDebug = obj(d.RemoteDebugConfig).EnableRemoteDebug ?? null;
  // The values are the describe's, as Python passes them on unchecked.
  return { props, settings };
}

function loads(hyperparameters: Json, key: string): PyValue {
  const raw = hyperparameters[key];
  if (typeof raw !== 'string') {
    throw new ValidationError(
      `HyperParameters.${key}`,
      raw,
      'a JSON string: the job was not started by a framework estimator',
    );
  }
  return pyJsonLoads(raw, `HyperParameters.${key}`);
}

/** `Framework`'s part: the script-mode keys read back, every hyperparameter JSON-decoded. */
function frameworkParams(base: AttachParams): Record<string, unknown> {
  const props = { ...base.props };
  const raw = obj(props.hyperparameters);
  props.entryPoint = loads(raw, 'sagemaker_program');
  props.sourceDir = loads(raw, 'sagemaker_submit_directory');
  props.containerLogLevel = loads(raw, 'sagemaker_container_log_level');
  const hyperparameters: Record<string, PyValue> = {};
  for (const [k, v] of Object.entries(raw)) {
    // Tuning adds this one unencoded (at most quoted).
    if (k === '_tuning_objective_metric') {
      const text = String(v);
      hyperparameters[k] =
        text.startsWith('"') && text.endsWith('"') ? text.replace(/^"+|"+$/g, '') : text;
    } else hyperparameters[k] = loads(raw, k);
  }
  props.hyperparameters = hyperparameters;
  return props;
}

const CHAINER_KEYS = [
  'sagemaker_use_mpi',
  'sagemaker_num_processes',
  'sagemaker_process_slots_per_host',
  'sagemaker_additional_mpi_options',
];

const REGISTRY_NAME: Readonly<Record<AttachFramework, string>> = {
  tensorflow: 'tensorflow',
  pytorch: 'pytorch',
  mxnet: 'mxnet',
  chainer: 'chainer',
  sklearn: 'scikit-learn',
  xgboost: 'xgboost',
  huggingface: 'huggingface',
};

/** Each framework's reading of its image: versions, and a mismatch check. */
function frameworkImageParams(
  framework: AttachFramework,
  props: Record<string, unknown>,
  jobName: string,
): void {
  const image = String(props.imageUri);
  delete props.imageUri;
  const hyperparameters = props.hyperparameters as Record<string, PyValue>;
  const parsed = frameworkFromImage(image);
  const tag = parsed?.tag;
  const expected = REGISTRY_NAME[framework];
  const check = (name: string | undefined): void => {
    if (name !== undefined && name !== expected)
      throw new AttachFrameworkMismatchError(jobName, name, expected);
  };
  const versionOf = (legacy: string | undefined): string | undefined =>
    tag === undefined ? undefined : tag === '1.0' && legacy ? legacy : frameworkVersionFromTag(tag);
  if (framework === 'chainer') {
    for (const key of CHAINER_KEYS) {
      const value = hyperparameters[key];
      if (pyTruthy(value)) props[camel(key.slice('sagemaker_'.length))] = value;
    }
    props.hyperparameters = Object.fromEntries(
      Object.entries(hyperparameters).filter(([k]) => !CHAINER_KEYS.includes(k)),
    );
  }
  switch (framework) {
    case 'tensorflow': {
      if (!parsed) {
        props.imageUri = image;
        return;
      }
      const modelDir = hyperparameters.model_dir;
      delete hyperparameters.model_dir;
      if (pyTruthy(modelDir)) props.modelDir = modelDir;
      else if (parsed.scriptMode === undefined) props.modelDir = false;
      props.pyVersion = parsed.pyVersion;
      props.frameworkVersion = versionOf('1.4');
      if (!pyTruthy(parsed.scriptMode)) props.imageUri = image;
      check(parsed.framework);
      return;
    }
    case 'xgboost': {
      props.pyVersion = parsed?.pyVersion;
      check(parsed?.framework);
      if (tag === undefined) {
        throw new ValidationError(
          'TrainingImage',
          image,
          'a SageMaker XGBoost image (its tag names the framework version)',
        );
      }
      props.frameworkVersion = frameworkVersionFromTag(tag);
      if (!parsed) props.imageUri = image;
      return;
    }
    case 'huggingface': {
      let name = parsed?.framework;
      if (tag !== undefined) {
        const parts = String(name).split('-');
        if (parts.length < 2)
          throw new AttachFrameworkMismatchError(jobName, String(name), expected);
        name = parts[0];
        const versions = /^(.*)-transformers(.*)-(cpu|gpu)-(py2|py3\d*)$/.exec(tag);
        if (!versions)
          throw new ValidationError('TrainingImage', image, 'a Hugging Face image tag');
        props[parts[1] === 'pytorch' ? 'pytorchVersion' : 'tensorflowVersion'] = versions[1];
        props.transformersVersion = versions[2];
      } else props.transformersVersion = undefined;
      props.pyVersion = parsed?.pyVersion;
      if (!parsed) {
        props.imageUri = image;
        return;
      }
      check(name);
      return;
    }
    default: {
      props.frameworkVersion = versionOf(framework === 'mxnet' ? '0.12' : undefined);
      props.pyVersion = parsed?.pyVersion;
      if (!parsed) {
        props.imageUri = image;
        return;
      }
      check(framework === 'pytorch' ? parsed.framework.split('-')[0] : parsed.framework);
    }
  }
}

/**
 * The estimator Python's `attach` rebuilds from a training job's description.
 * @param modelChannelName the channel whose data becomes `modelUri` (`null`: none; XGBoost passes
 * none whatever it is given).
 * @throws {@link ValidationError} for a description Python cannot read (no image, framework
 * hyperparameters that are not JSON), {@link AttachFrameworkMismatchError} when the job ran
 * another framework's image, {@link UnsupportedOptionError} for a Marketplace algorithm job.
 */
export function attachParams(
  description: DescribeTrainingJobResponse | Json,
  flavor: AttachFlavor,
  modelChannelName: string | null = 'model',
): AttachParams {
  const d = description as Json;
  const xgboost = flavor.kind === 'framework' && flavor.framework === 'xgboost';
  const base = baseParams(d, xgboost ? null : modelChannelName);
  if (flavor.kind === 'byo') return base;
  if (flavor.kind === 'algorithm') {
    const props = { ...base.props };
    const raw = obj(props.hyperparameters);
    for (const spec of flavor.hyperparameters) {
      if (spec.name in raw) props[camel(spec.attribute ?? spec.name)] = raw[spec.name];
    }
    delete props.hyperparameters;
    delete props.imageUri;
    return { props, settings: base.settings };
  }
  const props = frameworkParams(base);
  frameworkImageParams(flavor.framework, props, String(d.TrainingJobName));
  return { props, settings: base.settings };
}
