/**
 * A single tuned estimator's training definition as the tuner's `fit` prepares it: a framework
 * stages its code under the tuning job name when `fit` was given one (Python passes it as the
 * training job name), an algorithm sends its computed `mini_batch_size` and accepts file-system
 * record sets.
 */
import type { S3Upload } from '../config/s3Operations.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import { isRecordSetChannel, TrainingInput } from '../estimators/inputs.js';
import type { TrainingRun } from '../estimators/trainingRun.js';
import { jsonDumps } from '../pythonCompat/jsonDumps.js';
import { algorithmFitOverrides } from './algorithmFit.js';
import { frameworkStaging } from './frameworkStaging.js';
import { checkInputs } from './trainingJobRequest.js';

const checkUriInputs = (inputs: unknown): void => {
  checkInputs(inputs, undefined);
};

const isRecords = (inputs: unknown): boolean =>
  isRecordSetChannel(inputs) || (Array.isArray(inputs) && inputs.some(isRecordSetChannel));

/** The definition and, for a framework, the code upload to make instead of the Airflow one. */
export function tunedCode(
  estimator: AnyEstimator,
  run: TrainingRun,
  definition: Record<string, unknown>,
  options: { inputs?: unknown; jobName?: string | null; miniBatchSize?: unknown },
  tunedNames: ReadonlySet<string> = new Set(),
): { definition: Record<string, unknown>; uploads: readonly S3Upload[] | undefined } {
  // `_Job._load_config` validates string inputs and takes a TrainingInput's input mode.
  if (!isRecords(options.inputs)) checkUriInputs(options.inputs);
  if (options.inputs instanceof TrainingInput && options.inputs.props.inputMode) {
    definition = {
      ...definition,
      AlgorithmSpecification: {
        ...(definition.AlgorithmSpecification as object),
        TrainingInputMode: options.inputs.props.inputMode,
      },
    };
  }
  const statics = { ...(definition.StaticHyperParameters as Record<string, unknown>) };
  if (estimator.kind === 'framework') {
    const jobName = options.jobName && !isRecords(options.inputs) ? options.jobName : run.jobName;
    const staging = frameworkStaging(estimator, jobName, run.outputPath);
    const channels = (definition.InputDataConfig as Record<string, unknown>[] | undefined)?.map(
      (c) =>
        c.ChannelName === 'code'
          ? {
              ...c,
              DataSource: {
                S3DataSource: {
                  ...(c.DataSource as { S3DataSource: object }).S3DataSource,
                  S3Uri: staging.uploadedCode.s3Prefix,
                },
              },
            }
          : c,
    );
    return {
      definition: {
        ...definition,
        ...(channels ? { InputDataConfig: channels } : {}),
        StaticHyperParameters: {
          ...statics,
          ...staging.hyperparameters,
          sagemaker_job_name: jsonDumps(jobName),
        },
      },
      uploads: staging.upload ? [staging.upload] : [],
    };
  }
  if (estimator.kind === 'algorithm' && isRecords(options.inputs)) {
    // The tuner passes `mini_batch_size` only when given, so KMeans's own default (5000) applies.
    const miniBatchSize =
      options.miniBatchSize ?? (estimator.definition.className === 'KMeans' ? 5000 : undefined);
    const fitted = algorithmFitOverrides(estimator, options.inputs, miniBatchSize, {
      InputDataConfig: definition.InputDataConfig,
    });
    const hp = (fitted.HyperParameters ?? {}) as Record<string, unknown>;
    if (hp.mini_batch_size !== undefined && !tunedNames.has('mini_batch_size'))
      statics.mini_batch_size = hp.mini_batch_size;
    return {
      definition: {
        ...definition,
        InputDataConfig: fitted.InputDataConfig,
        StaticHyperParameters: statics,
      },
      uploads: undefined,
    };
  }
  return { definition, uploads: undefined };
}
