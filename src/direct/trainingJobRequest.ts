/**
 * `trainingJobRequest`: the CreateTrainingJob request Python's `estimator.fit(...)` sends, with
 * the side effects it needs as data (code uploads, the role to expand). The Airflow
 * `trainingConfig` is its base; `fit` adds what that config drops (environment, retry strategy,
 * network isolation, profiler and debugger configs, ...).
 */
import type { S3Upload } from '../config/s3Operations.js';
import type { TrainingJobOptions } from '../config/trainingConfig.js';
import { trainingJob } from '../config/trainingJob.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import { makeTrainingRun, type TrainingRun } from '../estimators/trainingRun.js';
import { ValidationError } from '../errors.js';
import { TrainingInput } from '../estimators/inputs.js';
import { defined } from '../internal/defined.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import { airflowCompatibleRecords, algorithmFitOverrides } from './algorithmFit.js';
import { frameworkStaging } from './frameworkStaging.js';
import type { DirectTrainingSettings } from './settings.js';
import { checkpointConfig, interContainerEncryption, retryStrategy } from './sharedJobMembers.js';
import { debuggerHookConfig, profilerConfig, metricsTimeSeriesDefault } from './debugging.js';

/** Options of `trainingJobRequest` (and the direct `fit`): the arguments of Python's `fit`. */
export interface TrainingJobRequestOptions extends TrainingJobOptions {
  /** Python's `experiment_config`. @default - none */
  readonly experimentConfig?: Readonly<Record<string, string>> | null;
}

/** A request and what must happen before it is sent. */
export interface DirectTrainingJob {
  readonly request: Record<string, unknown>;
  /** Local code to tar and upload, in order, before the request. */
  readonly uploads: readonly S3Upload[];
  /** The role as configured: a name without `/` is expanded with IAM GetRole. */
  readonly role: unknown;
  /** What Python keeps on the estimator after `fit` (the job name, the uploaded code). */
  readonly run: TrainingRun;
}

const isLocalChannel = (uri: unknown): boolean =>
  typeof uri === 'string' && uri.startsWith('file://');

const isPlainRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** Python's `fit` checks: local data only in local mode, string inputs must be S3 or file URIs. */
export function checkInputs(inputs: unknown, modelUri: unknown): void {
  if (isLocalChannel(inputs) || isLocalChannel(modelUri)) {
    throw new ValidationError(
      'fit.inputs',
      isLocalChannel(inputs) ? inputs : modelUri,
      'an S3 URI: file:// inputs are supported in local mode only',
    );
  }
  const uris =
    typeof inputs === 'string'
      ? [inputs]
      : isPlainRecord(inputs)
        ? Object.values(inputs).filter((v) => typeof v === 'string')
        : [];
  for (const uri of uris) {
    if (!uri.startsWith('s3://') && !uri.startsWith('file://')) {
      throw new ValidationError('fit.inputs', uri, 'a URI starting with s3:// or file://');
    }
  }
  if (typeof modelUri === 'string' && !modelUri.startsWith('s3://')) {
    throw new ValidationError('Estimator.modelUri', modelUri, 'a URI starting with s3://');
  }
}

/** Python's `file_input`: a `file://` channel reads from the local file system. */
function fileChannels(channels: unknown): unknown {
  if (!Array.isArray(channels)) return channels;
  return channels.map((c: Record<string, unknown>) => {
    const s3 = (c.DataSource as { S3DataSource?: { S3Uri?: unknown } } | undefined)?.S3DataSource;
    if (!isLocalChannel(s3?.S3Uri)) return c;
    return {
      ...c,
      DataSource: {
        FileDataSource: { FileDataDistributionType: 'FullyReplicated', FileUri: s3?.S3Uri },
      },
    };
  });
}

/**
 * The CreateTrainingJob request of `fit`, identical to the Python SDK's (v2.257.6).
 * @throws the typed errors of the training builders, {@link ValidationError} for inputs `fit`
 * refuses (local `file://` data, strings that are not S3 URIs).
 */
export function trainingJobRequest(
  estimator: AnyEstimator,
  options: TrainingJobRequestOptions = {},
  settings: DirectTrainingSettings = {},
): DirectTrainingJob {
  const o = estimator.options;
  checkInputs(options.inputs, o.modelUri);
  const algorithm = estimator.kind === 'algorithm';
  const prepared = trainingJob(
    estimator,
    algorithm ? { ...options, inputs: airflowCompatibleRecords(options.inputs) as never } : options,
  );
  const config = prepared.config as Record<string, unknown>;
  const { S3Operations: _airflowUploads, ...airflowBase } = config;
  let base: Record<string, unknown> = airflowBase;
  let uploads: readonly S3Upload[] = prepared.uploads;
  let run = prepared.run;
  if (estimator.kind === 'algorithm') {
    base = algorithmFitOverrides(estimator, options.inputs, options.miniBatchSize, base);
  } else if (estimator.kind === 'framework') {
    const staged = frameworkStaging(estimator, options.jobName || run.jobName, run.outputPath);
    base = {
      ...base,
      HyperParameters: { ...(base.HyperParameters as object), ...staged.hyperparameters },
    };
    uploads = staged.upload ? [staged.upload] : [];
    run = makeTrainingRun(estimator, { ...run, uploadedCode: staged.uploadedCode });
  }
  const outputPath = run.outputPath;
  const spec = base.AlgorithmSpecification as Record<string, unknown>;
  const imageConfig =
    settings.trainingRepositoryAccessMode !== undefined &&
    settings.trainingRepositoryAccessMode !== null
      ? defined({
          TrainingRepositoryAccessMode: settings.trainingRepositoryAccessMode,
          TrainingRepositoryAuthConfig:
            settings.trainingRepositoryCredentialsProviderArn !== undefined &&
            settings.trainingRepositoryCredentialsProviderArn !== null
              ? {
                  TrainingRepositoryCredentialsProviderArn:
                    settings.trainingRepositoryCredentialsProviderArn,
                }
              : undefined,
        })
      : undefined;
  const metrics =
    settings.enableSagemakerMetrics !== undefined
      ? settings.enableSagemakerMetrics
      : metricsTimeSeriesDefault(estimator);
  const isolation = pyTruthy(o.enableNetworkIsolation) ? o.enableNetworkIsolation : undefined;
  const { CheckpointConfig: _airflowCheckpoint, ...rest } = base;
  // Python takes a single TrainingInput's input mode for the whole job.
  const channelMode =
    options.inputs instanceof TrainingInput ? options.inputs.props.inputMode : undefined;
  const request = defined({
    ...rest,
    InputDataConfig: fileChannels(rest.InputDataConfig),
    AlgorithmSpecification: defined({
      ...spec,
      TrainingInputMode: channelMode ?? spec.TrainingInputMode,
      TrainingImageConfig: imageConfig,
      ContainerEntrypoint: settings.containerEntryPoint ?? undefined,
      ContainerArguments: settings.containerArguments ?? undefined,
      EnableSageMakerMetricsTimeSeries: metrics ?? undefined,
    }),
    InfraCheckConfig:
      settings.enableInfraCheck !== undefined && settings.enableInfraCheck !== null
        ? { EnableInfraCheck: settings.enableInfraCheck }
        : undefined,
    Environment: settings.environment ?? undefined,
    ExperimentConfig:
      options.experimentConfig && Object.keys(options.experimentConfig).length > 0
        ? options.experimentConfig
        : undefined,
    EnableNetworkIsolation: isolation,
    EnableInterContainerTrafficEncryption: interContainerEncryption(settings),
    CheckpointConfig: checkpointConfig(o),
    DebugHookConfig: debuggerHookConfig(estimator, settings, outputPath),
    TensorBoardOutputConfig: settings.tensorboardOutputConfig
      ? defined({
          S3OutputPath: settings.tensorboardOutputConfig.s3OutputPath,
          LocalPath: settings.tensorboardOutputConfig.containerLocalOutputPath ?? undefined,
        })
      : undefined,
    ProfilerConfig: profilerConfig(estimator, settings, outputPath),
    RemoteDebugConfig:
      settings.enableRemoteDebug !== undefined && settings.enableRemoteDebug !== null
        ? { EnableRemoteDebug: settings.enableRemoteDebug }
        : undefined,
    SessionChainingConfig:
      settings.enableSessionTagChaining !== undefined && settings.enableSessionTagChaining !== null
        ? { EnableSessionTagChaining: settings.enableSessionTagChaining }
        : undefined,
    RetryStrategy: retryStrategy(settings),
  });
  return { request, uploads, role: o.role, run };
}
