/**
 * One tuned estimator as the tuner's `fit` prepares it (Python's `_prepare_estimator_for_tuning`):
 * script-mode code (a framework's, or a generic estimator's entry point) is staged under the tuning
 * job name when `fit` was given one (Python passes it as the training job name), an algorithm
 * sends its computed `mini_batch_size` and accepts file-system record sets.
 */
import { prepareByoScriptMode } from '../config/byoScriptMode.js';
import type { S3Upload } from '../config/s3Operations.js';
import { prepareTraining } from '../config/trainingConfig.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import { isRecordSetChannel, TrainingInput } from '../estimators/inputs.js';
import type { TrainingRun } from '../estimators/trainingRun.js';
import type { UploadedCode } from '../estimators/types.js';
import { MissingOptionError } from '../errors.js';
import { jsonDumps } from '../pythonCompat/jsonDumps.js';
import { airflowCompatibleRecords, algorithmFitOverrides } from './algorithmFit.js';
import { frameworkStaging } from './frameworkStaging.js';
import { checkInputs } from './trainingJobRequest.js';

/** What the tuner's `fit` prepares one estimator with. */
export interface TunedFit {
  /** This estimator's inputs (a multi-estimator tuner's entry for it). @default - none */
  readonly inputs?: unknown;
  /** The tuning job name given to `fit`. @default - generated */
  readonly jobName?: string | null | undefined;
  /** `mini_batch_size` as passed to the estimator (`undefined`: not passed). @default - not passed */
  readonly miniBatchSize?: unknown;
}

/** Algorithms whose `_prepare_for_training` takes `mini_batch_size` as a required argument. */
const MINI_BATCH_SIZE_REQUIRED = new Set(['LDA', 'NTM']);

const isRecords = (inputs: unknown): boolean =>
  isRecordSetChannel(inputs) || (Array.isArray(inputs) && inputs.some(isRecordSetChannel));

/**
 * The job name the estimator is prepared with: the tuning job's, unless it trains on records
 * (Python parity A4, docs/python-parity.md).
 */
const preparedJobName = (fit: TunedFit, run: TrainingRun): string =>
  fit.jobName && !isRecords(fit.inputs) ? fit.jobName : run.jobName;

interface Staging {
  readonly uploadedCode: UploadedCode;
  readonly upload: S3Upload | undefined;
  readonly hyperparameters: Record<string, string>;
}

/** The script-mode code of `estimator` staged for `jobName`, if it has any. */
function staging(estimator: AnyEstimator, jobName: string, run: TrainingRun): Staging | undefined {
  if (estimator.kind === 'framework') {
    const staged = frameworkStaging(estimator, jobName, run.outputPath);
    return {
      ...staged,
      hyperparameters: { ...staged.hyperparameters, sagemaker_job_name: jsonDumps(jobName) },
    };
  }
  const o = estimator.options;
  if (estimator.kind !== 'byo' || run.uploadedCode === undefined) return undefined;
  return prepareByoScriptMode(
    o,
    estimator.session,
    jobName,
    run.outputPath,
    o.outputPath === undefined,
  );
}

/**
 * Python's `_prepare_for_training` of one tuned estimator: its run (job name, output path; the
 * default bucket is read here when the estimator has no output path) and the code it uploads.
 * @throws {@link MissingOptionError} when LDA or NTM trains on records without a
 * `mini_batch_size` (Python parity A3, docs/python-parity.md); the training builders' errors.
 */
export function tunedStaging(
  estimator: AnyEstimator,
  fit: TunedFit,
): { run: TrainingRun; uploads: readonly S3Upload[] } {
  if (estimator.kind === 'algorithm' && isRecords(fit.inputs)) {
    const name = estimator.definition.className;
    if (MINI_BATCH_SIZE_REQUIRED.has(name) && fit.miniBatchSize === undefined)
      throw new MissingOptionError(
        `${name} mini_batch_size`,
        `${name} takes it as a required argument when tuned on records`,
      );
  }
  const prepared = prepareTraining(estimator, {
    inputs: airflowCompatibleRecords(fit.inputs) as never,
    jobName: null,
    ...(fit.miniBatchSize !== undefined ? { miniBatchSize: fit.miniBatchSize } : {}),
  });
  const staged = staging(estimator, preparedJobName(fit, prepared.run), prepared.run);
  if (!staged) return { run: prepared.run, uploads: prepared.uploads };
  return { run: prepared.run, uploads: staged.upload ? [staged.upload] : [] };
}

/** The definition `fit` sends for one tuned estimator, from its Airflow definition. */
export function tunedCode(
  estimator: AnyEstimator,
  run: TrainingRun,
  definition: Record<string, unknown>,
  fit: TunedFit,
  tunedNames: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  // `_Job._load_config` validates string inputs and the model URI, and takes a TrainingInput's
  // input mode.
  checkInputs(isRecords(fit.inputs) ? undefined : fit.inputs, estimator.options.modelUri);
  if (fit.inputs instanceof TrainingInput && fit.inputs.props.inputMode) {
    definition = {
      ...definition,
      AlgorithmSpecification: {
        ...(definition.AlgorithmSpecification as object),
        TrainingInputMode: fit.inputs.props.inputMode,
      },
    };
  }
  const statics = { ...(definition.StaticHyperParameters as Record<string, unknown>) };
  const staged = staging(estimator, preparedJobName(fit, run), run);
  if (staged) {
    const channels = (definition.InputDataConfig as Record<string, unknown>[] | undefined)?.map(
      (c) =>
        c.ChannelName === 'code'
          ? {
              ...c,
              DataSource: {
                S3DataSource: {
                  ...(c.DataSource as { S3DataSource: object }).S3DataSource,
                  S3Uri: staged.uploadedCode.s3Prefix,
                },
              },
            }
          : c,
    );
    return {
      ...definition,
      ...(channels ? { InputDataConfig: channels } : {}),
      StaticHyperParameters: { ...statics, ...staged.hyperparameters },
    };
  }
  if (estimator.kind === 'algorithm' && isRecords(fit.inputs)) {
    // The tuner passes `mini_batch_size` only when given, so KMeans's own default (5000) applies.
    const miniBatchSize =
      fit.miniBatchSize === undefined && estimator.definition.className === 'KMeans'
        ? 5000
        : fit.miniBatchSize;
    const fitted = algorithmFitOverrides(estimator, fit.inputs, miniBatchSize, {
      InputDataConfig: definition.InputDataConfig,
    });
    const hp = (fitted.HyperParameters ?? {}) as Record<string, unknown>;
    if (hp.mini_batch_size !== undefined && !tunedNames.has('mini_batch_size'))
      statics.mini_batch_size = hp.mini_batch_size;
    return {
      ...definition,
      InputDataConfig: fitted.InputDataConfig,
      StaticHyperParameters: statics,
    };
  }
  return definition;
}
