/**
 * `trainingBaseConfig` and `trainingConfig`: the CreateTrainingJob request Python's
 * `sagemaker.workflow.airflow.training_config` returns, and `prepareTrainingJob`, which also hands
 * back the state Python keeps on the estimator (job name, output path, uploaded code) so that the
 * `*FromEstimator` builders can take it explicitly. Most users call `trainingJob` instead.
 */
import type { CreateTrainingJobRequest } from '@aws-sdk/client-sagemaker';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import { makeTrainingRun, type TrainingRun } from '../estimators/trainingRun.js';
import type { PyValue, UploadedCode } from '../estimators/types.js';
import type { TrainingInputs } from '../estimators/inputs.js';
import { defined } from '../internal/defined.js';
import { assertNever } from '../internal/assertNever.js';
import { baseNameFromImage, nameFromBase } from '../pythonCompat/names.js';
import { pyOr } from '../pythonCompat/pyOr.js';
import { s3PathJoin } from '../pythonCompat/s3.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { Session } from '../session.js';
import { isPlaceholder, type Templatable } from '../templates.js';
import { algorithmTrainingValues } from './algorithmTraining.js';
import { checkBuilderOptions, checkEstimator } from './builderInputs.js';
import { checkOptionTypes } from '../internal/checkInput.js';
import { checkPlainJson, NewObjects } from '../internal/plainJson.js';
import { extraChannel, formatInputs } from './channels.js';
import {
  holdsList,
  outputDataConfig,
  renderHyperparameters,
  resourceConfig,
} from './trainingRequestParts.js';
import { frameworkTrainingValues } from './frameworkTraining.js';
import { prepareByoScriptMode } from './byoScriptMode.js';
import { mergeS3Operations, type S3Operations, type S3Upload } from './s3Operations.js';

// Not imported, as in localCode.ts: a facade of the built-in would be built on each import of the root.
const nodePath = process.getBuiltinModule('node:path');

/** Options of the training builders (Python's `inputs`, `job_name`, `mini_batch_size`). */
export interface TrainingJobOptions {
  /** Training data. @default - no input channels */
  readonly inputs?: TrainingInputs | null;
  /** Training job name. @default - `<base job name>-<timestamp>` */
  readonly jobName?: string | null;
  /** Mini-batch size, read by the built-in algorithms only. @default - none */
  readonly miniBatchSize?: unknown;
}

/** The training config without `TrainingJobName`, `Tags` and metric definitions. */
export type TrainingBaseConfig = Omit<Templatable<CreateTrainingJobRequest>, 'TrainingJobName'> & {
  S3Operations?: S3Operations;
};

/** The full training config Airflow's SageMakerTrainingOperator takes. */
export type TrainingConfig = Templatable<CreateTrainingJobRequest> & {
  S3Operations?: S3Operations;
};

/** A training config without its name, tags and metrics, and the state that goes with it. */
export interface PreparedTrainingJob {
  readonly config: TrainingBaseConfig;
  readonly run: TrainingRun;
  /**
   * Uploads Python performs while building the config (script mode of the generic estimator) and
   * therefore does not list in `S3Operations`; an operator must perform them too.
   */
  readonly uploads: readonly S3Upload[];
}

/**
 * The options of a public training builder. `jobName` is checked here, not in `prepareTraining`:
 * the tuning builder passes Python's positional `mini_batch_size` in that slot (parity Q16).
 * @internal
 */
export function checkTrainingOptions(options: unknown): void {
  checkBuilderOptions('options', options);
  checkOptionTypes('options', options ?? {}, TRAINING_OPTION_TYPES);
}

const TRAINING_OPTION_TYPES = Object.freeze({ jobName: 'string' } as const);

/** Python's default output path: `s3://<default bucket>/<default prefix>/`. */
export function defaultOutputPath(session: Session, suffix?: string): string {
  return s3PathJoin(['s3://', session.defaultBucket(), session.defaultBucketPrefix, suffix], {
    withEndSlash: suffix === undefined,
  });
}

/** `base_job_name`, or the repository name of the training image. */
export function resolveBaseJobName(estimator: AnyEstimator): string {
  // Python parity Q4 (docs/python-parity.md): `base_job_name or base_name_from_image(...)`.
  return pyOr(estimator.options.baseJobName, () => baseNameFromImage(estimator.trainingImageUri()));
}

/**
 * Builds the training base config and returns it with the state Python would keep on the
 * estimator: the engine of `trainingJob` and {@link trainingConfig}. `made`: where the objects of
 * the config made here are noted, for the caller's check.
 * @internal
 * @throws the typed errors of the estimator's checks, {@link ValidationError} for inputs Python
 * refuses (unknown forms, duplicate channels, instance groups mixed with count and type).
 */
export function prepareTraining(
  estimator: AnyEstimator,
  options: TrainingJobOptions = {},
  optionsChecked = false,
  made = new NewObjects(),
): PreparedTrainingJob {
  checkEstimator('estimator', estimator);
  // `trainingJob` has just checked these very options (`checkTrainingOptions`).
  if (!optionsChecked) checkBuilderOptions('options', options);
  const o = estimator.options;
  const session = estimator.session;
  // Python looks the training image up for a generated name only when no job name is given, so
  // with one, an image error comes later (at `TrainingImage`).
  let baseJobName: string | undefined;
  const generated = (): string =>
    nameFromBase((baseJobName ??= resolveBaseJobName(estimator)), session);
  // Python parity Q35 (docs/python-parity.md): `_prepare_for_training` names the job with
  // `job_name or <generated>` before the Airflow code assigns `job_name` itself, so an empty name
  // still gets a generated one there (then `??` for the name the config carries).
  const preparedName = pyOr(options.jobName, generated);
  const jobName = options.jobName ?? generated();
  const outputPathFromDefault = o.outputPath === undefined;
  const outputPath = o.outputPath ?? defaultOutputPath(session);

  // An algorithm's are replaced below; they are still rendered first where that can fail (a
  // list value is formatted as JSON), so that the same error comes first. `hyperparameters()` is
  // already a copy, read here and never changed.
  let hyperparameters: Record<string, PyValue> | (() => Record<string, PyValue>) =
    estimator.kind === 'framework' || (estimator.kind === 'algorithm' && !holdsList(estimator))
      ? {}
      : estimator.hyperparameters();
  let uploadedCode: UploadedCode | undefined;
  let codeChannelUri: string | undefined;
  const uploads: S3Upload[] = [];
  let s3Operations: S3Operations = {};

  switch (estimator.kind) {
    case 'byo': {
      if (o.sourceDir || o.entryPoint || o.dependencies.length > 0) {
        const script = prepareByoScriptMode(
          o,
          session,
          preparedName,
          outputPath,
          outputPathFromDefault,
        );
        uploadedCode = script.uploadedCode;
        codeChannelUri = script.codeChannelUri;
        if (script.upload) uploads.push(script.upload);
        hyperparameters = { ...hyperparameters, ...script.hyperparameters };
      }
      break;
    }
    case 'algorithm':
      hyperparameters = estimator.hyperparameters(
        algorithmTrainingValues(estimator, options.inputs, options.miniBatchSize),
      );
      break;
    case 'framework': {
      const values = frameworkTrainingValues(
        estimator,
        session,
        preparedName,
        jobName,
        outputPath,
        outputPathFromDefault,
      );
      uploadedCode = values.uploadedCode;
      codeChannelUri = values.codeChannelUri;
      uploads.push(...values.uploads);
      s3Operations = values.s3Operations;
      // Python reads the hyperparameters after the inputs and the image (their errors come first).
      hyperparameters = values.hyperparameters;
      break;
    }
    default:
      assertNever(estimator);
  }

  let inputConfig = formatInputs(options.inputs);
  // Each channel is a copy made here (see `named`).
  if (inputConfig) for (const channel of inputConfig) made.add(channel);
  const modelChannel = extraChannel(
    inputConfig,
    o.modelUri,
    o.modelChannelName,
    'Estimator.modelChannelName',
    {
      contentType: 'application/x-sagemaker-model',
      inputMode: 'File',
    },
  );
  if (modelChannel) inputConfig = [...(inputConfig ?? []), made.add(modelChannel)];
  const codeChannel = extraChannel(inputConfig, codeChannelUri, 'code', 'Estimator code channel');
  if (codeChannel) inputConfig = [...(inputConfig ?? []), made.add(codeChannel)];

  const trainingImage = estimator.trainingImageUri();
  const finalHyperparameters =
    typeof hyperparameters === 'function' ? hyperparameters() : hyperparameters;
  const renderedHyperparameters = made.add(renderHyperparameters(finalHyperparameters));
  const config = made.defined({
    AlgorithmSpecification: made.add({
      TrainingImage: trainingImage,
      TrainingInputMode: o.inputMode,
    }),
    OutputDataConfig: made.add(outputDataConfig(o, outputPath)),
    StoppingCondition: made.add(
      pyTruthy(o.maxWait)
        ? { MaxRuntimeInSeconds: o.maxRun, MaxWaitTimeInSeconds: o.maxWait }
        : { MaxRuntimeInSeconds: o.maxRun },
    ),
    ResourceConfig: made.add(resourceConfig(o)),
    RoleArn: o.role,
    InputDataConfig: inputConfig,
    VpcConfig:
      o.subnets !== undefined && o.securityGroupIds !== undefined
        ? { Subnets: o.subnets, SecurityGroupIds: o.securityGroupIds }
        : undefined,
    EnableManagedSpotTraining: pyTruthy(o.useSpotInstances) ? o.useSpotInstances : undefined,
    HyperParameters:
      Object.keys(renderedHyperparameters).length > 0 ? renderedHyperparameters : undefined,
    S3Operations: Object.keys(s3Operations).length > 0 ? s3Operations : undefined,
    CheckpointConfig:
      o.checkpointLocalPath !== undefined && o.checkpointS3Uri !== undefined
        ? { LocalPath: o.checkpointLocalPath, S3Uri: o.checkpointS3Uri }
        : undefined,
  }) as unknown as TrainingBaseConfig;

  return {
    config,
    run: makeTrainingRun(estimator, {
      jobName,
      outputPath,
      baseJobName: baseJobName ?? resolveBaseJobName(estimator),
      uploadedCode,
      hyperparameters: finalHyperparameters,
      sourceDir: localCodeFolder(estimator),
    }),
    uploads,
  };
}

/** The local folder relative code paths resolve against, as {@link TrainingRun.sourceDir}. */
function localCodeFolder(estimator: AnyEstimator): string | undefined {
  const { sourceDir } = estimator.options;
  const entryPoint =
    estimator.kind === 'framework' ? estimator.entryPoint : estimator.options.entryPoint;
  const folder = sourceDir ?? (entryPoint ? nodePath.dirname(entryPoint) : undefined);
  if (!folder || isPlaceholder(folder) || folder.startsWith('s3://')) return undefined;
  return nodePath.resolve(folder);
}

/**
 * Python's `training_base_config`: the training request without its name, tags and metric
 * definitions (the tuning builder's base).
 * @example
 * const config = trainingBaseConfig(est, { inputs: 's3://bucket/train' });
 */
export function trainingBaseConfig(
  estimator: AnyEstimator,
  options: TrainingJobOptions = {},
): TrainingBaseConfig {
  checkTrainingOptions(options);
  return checkPlainJson('trainingBaseConfig', prepareTraining(estimator, options).config);
}

/**
 * Completes a prepared job into the full training config (what `training_config` adds to the base
 * config: the job name, tags and metric definitions). @internal
 */
export function completeTrainingConfig(
  estimator: AnyEstimator,
  prepared: PreparedTrainingJob,
  ownsConfig = false,
  made?: NewObjects,
): TrainingConfig {
  if (ownsConfig) return completeInPlace(estimator, prepared, made);
  const o = estimator.options;
  const base = prepared.config;
  return checkPlainJson(
    'trainingConfig',
    defined({
      ...base,
      AlgorithmSpecification: defined({
        ...base.AlgorithmSpecification,
        MetricDefinitions: o.metricDefinitions as never,
      }),
      TrainingJobName: prepared.run.jobName,
      Tags: o.tags as never,
    }),
  ) as unknown as TrainingConfig;
}

/**
 * {@link completeTrainingConfig} on a prepared config nobody else holds (built by the caller just
 * before, its objects noted in `made`): the members are added to it rather than to a copy, with
 * the same result, key order included (the spread keeps `AlgorithmSpecification` in place and
 * appends the name and tags).
 */
function completeInPlace(
  estimator: AnyEstimator,
  prepared: PreparedTrainingJob,
  made: NewObjects | undefined,
): TrainingConfig {
  const o = estimator.options;
  const config = prepared.config as Record<string, unknown>;
  if (o.metricDefinitions !== undefined) {
    config.AlgorithmSpecification = {
      ...(config.AlgorithmSpecification as object),
      MetricDefinitions: o.metricDefinitions,
    };
  }
  if (prepared.run.jobName !== undefined) config.TrainingJobName = prepared.run.jobName;
  if (o.tags !== undefined) config.Tags = o.tags;
  return checkPlainJson('trainingConfig', config, made) as unknown as TrainingConfig;
}

/**
 * Python's `training_config`: the CreateTrainingJob request for Airflow's SageMakerTrainingOperator,
 * identical to the Python SDK's (v2.257.6) for the same inputs and clock.
 * @example
 * const config = trainingConfig(est, { inputs: { train: 's3://bucket/train' } });
 * @throws the typed errors of the estimator's checks, {@link ValidationError} for inputs Python
 * refuses (unknown forms, duplicate channels, instance groups mixed with count and type).
 */
export function trainingConfig(
  estimator: AnyEstimator,
  options: TrainingJobOptions = {},
): TrainingConfig {
  checkTrainingOptions(options);
  const made = new NewObjects();
  return completeTrainingConfig(
    estimator,
    prepareTraining(estimator, options, true, made),
    true,
    made,
  );
}

/**
 * The training config for an operator to run: `trainingConfig`'s output plus, in `S3Operations`,
 * the code uploads Python performs while building the config.
 * @deprecated use `trainingJob(estimator, options).config`, the same object.
 */
export function trainingConfigForOperator(
  estimator: AnyEstimator,
  options: TrainingJobOptions = {},
): TrainingConfig {
  checkTrainingOptions(options);
  return withUploads(prepareTraining(estimator, options), estimator);
}

/**
 * The full training config of a prepared job, with the uploads Python performs while building the
 * config (script mode of the generic estimator) added to `S3Operations`: Python's dictionary does
 * not list them, and without them an operator would submit a job whose code was never uploaded.
 * @internal
 */
export function withUploads(
  prepared: PreparedTrainingJob,
  estimator: AnyEstimator,
  ownsConfig = false,
  made?: NewObjects,
): TrainingConfig {
  const config = completeTrainingConfig(estimator, prepared, ownsConfig, made);
  if (prepared.uploads.length === 0) return config;
  return {
    ...config,
    S3Operations: mergeS3Operations([config.S3Operations, { S3Upload: prepared.uploads }]),
  };
}

/**
 * The training base config and its run.
 * @deprecated use `trainingJob`, whose `config` is complete.
 */
export function prepareTrainingJob(
  estimator: AnyEstimator,
  options: TrainingJobOptions = {},
): PreparedTrainingJob {
  checkTrainingOptions(options);
  return prepareTraining(estimator, options);
}

/**
 * Completes a prepared job into the full training config.
 * @deprecated use `trainingJob`, whose `config` is complete.
 */
export function completeTrainingConfigFor(
  estimator: AnyEstimator,
  prepared: PreparedTrainingJob,
): TrainingConfig {
  return completeTrainingConfig(estimator, prepared);
}
