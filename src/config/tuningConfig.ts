/**
 * `tuningConfig`: the CreateHyperParameterTuningJob request of Python's
 * `sagemaker.workflow.airflow.tuning_config`, for one estimator or several.
 */
import type { CreateHyperParameterTuningJobRequest } from '@aws-sdk/client-sagemaker';
import { tuningRanges } from '../estimators/tuner/parameterRanges.js';
import type {
  HyperparameterTuner,
  TunedEstimator,
} from '../estimators/tuner/HyperparameterTuner.js';
import { checkNamedArgument } from '../estimators/tuner/HyperparameterTuner.js';
import { defined } from '../internal/defined.js';
import { checkOptionTypes } from '../internal/checkInput.js';
import { checkPlainJson } from '../internal/plainJson.js';
import { OptionTypeError } from '../errors.js';
import { WarmStartConfig } from '../estimators/tuner/WarmStartConfig.js';
import { checkBuilderOptions, checkEstimator, checkTuner } from './builderInputs.js';
import { jsonDumps } from '../pythonCompat/jsonDumps.js';
import { baseNameFromImage, nameFromBase } from '../pythonCompat/names.js';
import { pyStr } from '../pythonCompat/pyStr.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { Templatable } from '../templates.js';
import { mergeS3Operations, type S3Operations, type S3Upload } from './s3Operations.js';
import type { TrainingInputs } from '../estimators/inputs.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import type { TrainingRun } from '../estimators/trainingRun.js';
import { prepareTraining } from './trainingConfig.js';

/** Options of {@link tuningConfig}. */
export interface TuningConfigOptions {
  /** Training data; for a multi-estimator tuner, an object keyed by estimator name. */
  readonly inputs?: TrainingInputs | Readonly<Record<string, TrainingInputs>> | null;
  /** Tuning job name. @default - `<base>-<yymmdd-HHMM>`, at most 32 characters */
  readonly jobName?: string | null;
  /**
   * Adds `sagemaker_estimator_class_name`/`_module` to the static hyperparameters (frameworks
   * always have them). For a multi-estimator tuner, an object keyed by estimator name, as Python
   * requires (`{}` for none). @default false
   */
  readonly includeClsMetadata?: boolean | Readonly<Record<string, boolean>>;
  /**
   * Mini-batch size of the built-in algorithms; for a multi-estimator tuner, an object keyed by
   * estimator name. With one estimator Python passes it where the training job name belongs (see
   * {@link tuningConfig}). @default - none
   */
  readonly miniBatchSize?: unknown;
}

/** The tuning config Airflow's SageMakerTuningOperator takes. */
export type TuningConfig = Templatable<CreateHyperParameterTuningJobRequest> & {
  S3Operations?: S3Operations;
};

const isFramework = (estimator: AnyEstimator): boolean => estimator.kind === 'framework';

/** Python's `_prepare_static_hyperparameters`. */
function staticHyperparameters(
  tuned: TunedEstimator,
  run: TrainingRun,
  includeClsMetadata: unknown,
): Record<string, string> {
  const out: Record<string, string> = {};
  const tunedNames = new Set(Object.keys(tuned.hyperparameterRanges));
  for (const [k, v] of Object.entries(run.hyperparameters))
    if (!tunedNames.has(k)) out[k] = pyStr(v);
  if (pyTruthy(includeClsMetadata) || isFramework(tuned.estimator)) {
    const cls = tuned.estimator.pythonClass;
    out.sagemaker_estimator_class_name = jsonDumps(cls.name);
    out.sagemaker_estimator_module = jsonDumps(cls.module);
  }
  return out;
}

/** The training definition of one tuned estimator, without hyperparameters, and its S3 operations. */
function definitionBase(
  tuned: TunedEstimator,
  inputs: unknown,
  jobName: unknown,
  miniBatchSize: unknown,
): {
  definition: Record<string, unknown>;
  run: TrainingRun;
  s3Operations: S3Operations | undefined;
  uploads: readonly S3Upload[];
} {
  const prepared = prepareTraining(tuned.estimator, {
    inputs: inputs as TrainingInputs | null,
    jobName: jobName as string | null,
    miniBatchSize,
  });
  const { S3Operations: s3Operations, ...definition } = prepared.config as Record<string, unknown>;
  delete definition.HyperParameters;
  return {
    definition,
    run: prepared.run,
    s3Operations: s3Operations as S3Operations | undefined,
    uploads: prepared.uploads,
  };
}

/**
 * Python's `tuning_config`: the tuning job with its training job definition(s).
 *
 * Python parity Q16 (docs/python-parity.md): for a single-estimator tuner Python passes
 * `mini_batch_size` positionally into `training_base_config`'s `job_name` slot. So the built-in
 * algorithms never see a mini-batch size here (LDA, which requires one, always fails), and a
 * framework estimator's `sagemaker_job_name` and code path take the mini-batch size as the job
 * name. This builder reproduces that output; {@link tuningJob} passes it where it belongs.
 * Multi-estimator tuners pass it correctly, as in Python.
 * @example
 * const config = tuningConfig(tuner, { inputs: 's3://bucket/train' });
 * @throws {@link ValidationError} for per-estimator options that are not keyed by estimator name.
 */
export function tuningConfig(
  tuner: HyperparameterTuner,
  options: TuningConfigOptions = {},
): TuningConfig {
  return pythonTuningJob(tuner, options).config;
}

/** Python's tuning config (Q16 reproduced) and its runs, for the parity replay. @internal */
export function pythonTuningJob(
  tuner: HyperparameterTuner,
  options: TuningConfigOptions = {},
): TuningJob {
  return buildTuning(tuner, options, PYTHON);
}

/** A tuning config and the training run of each tuned estimator. */
export interface TuningJob {
  readonly config: TuningConfig;
  /**
   * The run each estimator's training definition was built with (job name, output path, code),
   * by estimator, for the `*FromEstimator` builders of a later task (as Python keeps it on the
   * estimators).
   */
  readonly runs: ReadonlyMap<AnyEstimator, TrainingRun>;
}

/**
 * A tuning config and its runs.
 * @deprecated use {@link tuningJob} (or {@link tuningConfig} for Python's exact output).
 */
export type PreparedTuningJob = TuningJob;

interface TuningMode {
  /** Python's single-estimator `mini_batch_size` in the job name slot (Q16). */
  readonly miniBatchSizeAsJobName: boolean;
  /** Add the code uploads Python does while building the config to `S3Operations`. */
  readonly withUploads: boolean;
}

const PYTHON: TuningMode = { miniBatchSizeAsJobName: true, withUploads: false };

/**
 * Builds the tuning config and returns it with each estimator's training run.
 * @deprecated use {@link tuningJob} (or {@link tuningConfig} for Python's exact output).
 * @throws as {@link tuningConfig}.
 */
export function prepareTuningJob(
  tuner: HyperparameterTuner,
  options: TuningConfigOptions = {},
): TuningJob {
  return pythonTuningJob(tuner, options);
}

/**
 * The tuning job to run: its config, with the code uploads Python does while building it added to
 * `S3Operations`, and each tuned estimator's run (for `from:` of the model builders). Unlike
 * {@link tuningConfig}, a single-estimator tuner's `miniBatchSize` reaches the algorithm (the
 * corrected path of Python parity Q16).
 * @example
 * const { config, runs } = tuningJob(tuner, { inputs: recordSet, miniBatchSize: 100 });
 * @throws as {@link tuningConfig}.
 */
export function tuningJob(
  tuner: HyperparameterTuner,
  options: TuningConfigOptions = {},
): TuningJob {
  return buildTuning(tuner, options, { miniBatchSizeAsJobName: false, withUploads: true });
}

/** The types of the tuner members the builder reads (each may also be absent). */
const TUNER_FIELD_TYPES = Object.freeze({
  strategy: 'string',
  objectiveType: 'string',
  maxJobs: 'number',
  maxParallelJobs: 'number',
  tags: 'list',
  baseTuningJobName: 'string',
  earlyStoppingType: 'string',
} as const);

function buildTuning(
  tuner: HyperparameterTuner,
  options: TuningConfigOptions,
  mode: TuningMode,
): TuningJob {
  checkTuner('tuner', tuner);
  checkBuilderOptions('options', options);
  options ??= {};
  checkOptionTypes('options', options, { jobName: 'string' });
  checkOptionTypes('tuner', tuner, TUNER_FIELD_TYPES);
  for (const t of tuner.tuned) checkEstimator('tuner estimator', t.estimator);
  if (tuner.warmStartConfig !== undefined && !(tuner.warmStartConfig instanceof WarmStartConfig)) {
    throw new OptionTypeError('tuner.warmStartConfig', tuner.warmStartConfig, 'a WarmStartConfig');
  }
  const runs = new Map<AnyEstimator, TrainingRun>();
  const jobName =
    options.jobName ??
    nameFromBase(
      tuner.baseTuningJobName ?? baseNameFromImage(tuner.firstEstimator().trainingImageUri()),
      tuner.firstEstimator().session,
      {
        maxLength: 32,
        short: true,
      },
    );
  const jobConfig: Record<string, unknown> = {
    Strategy: tuner.strategy,
    ResourceLimits: {
      MaxNumberOfTrainingJobs: tuner.maxJobs,
      MaxParallelTrainingJobs: tuner.maxParallelJobs,
    },
    TrainingJobEarlyStoppingType: tuner.earlyStoppingType,
  };
  let definitions: { TrainingJobDefinition?: unknown; TrainingJobDefinitions?: unknown };
  let s3Operations: S3Operations | undefined;
  const uploads: S3Upload[] = [];

  switch (tuner.mode) {
    case 'single': {
      const tuned = tuner.tuned[0];
      if (pyTruthy(tuned.objectiveMetricName)) {
        jobConfig.HyperParameterTuningJobObjective = {
          Type: tuner.objectiveType,
          MetricName: tuned.objectiveMetricName,
        };
      }
      jobConfig.ParameterRanges = tuningRanges(
        tuned.hyperparameterRanges,
        isFramework(tuned.estimator),
      );
      // Python parity Q16 (docs/python-parity.md): the mini-batch size in the job name slot.
      const base = mode.miniBatchSizeAsJobName
        ? definitionBase(tuned, options.inputs, options.miniBatchSize ?? null, undefined)
        : definitionBase(tuned, options.inputs, null, options.miniBatchSize);
      uploads.push(...base.uploads);
      runs.set(tuned.estimator, base.run);
      const definition: Record<string, unknown> = {
        ...base.definition,
        StaticHyperParameters: staticHyperparameters(
          tuned,
          base.run,
          options.includeClsMetadata ?? false,
        ),
      };
      if (pyTruthy(tuned.metricDefinitions)) {
        definition.AlgorithmSpecification = {
          ...(definition.AlgorithmSpecification as object),
          MetricDefinitions: tuned.metricDefinitions,
        };
      }
      definitions = { TrainingJobDefinition: definition };
      s3Operations = base.s3Operations;
      break;
    }
    case 'multi': {
      const names = tuner.tuned.map((t) => t.name);
      const include = options.includeClsMetadata ?? false;
      checkNamedArgument('inputs', options.inputs, names);
      checkNamedArgument('includeClsMetadata', include, names);
      checkNamedArgument('miniBatchSize', options.miniBatchSize, names);
      const inputs = (options.inputs ?? undefined) as Readonly<Record<string, unknown>> | undefined;
      const miniBatch = (options.miniBatchSize ?? undefined) as
        Readonly<Record<string, unknown>> | undefined;
      const list: Record<string, unknown>[] = [];
      const operations: (S3Operations | undefined)[] = [];
      for (const tuned of tuner.tuned) {
        const name = tuned.name;
        const base = definitionBase(tuned, inputs?.[name] ?? null, null, miniBatch?.[name] ?? null);
        runs.set(tuned.estimator, base.run);
        uploads.push(...base.uploads);
        list.push({
          ...base.definition,
          AlgorithmSpecification: {
            ...(base.definition.AlgorithmSpecification as object),
            MetricDefinitions: tuned.metricDefinitions ?? null,
          },
          StaticHyperParameters: staticHyperparameters(
            tuned,
            base.run,
            (include as Readonly<Record<string, boolean>>)[name] ?? false,
          ),
          DefinitionName: name,
          TuningObjective: {
            Type: tuner.objectiveType,
            MetricName: tuned.objectiveMetricName ?? null,
          },
          HyperParameterRanges: tuningRanges(
            tuned.hyperparameterRanges,
            isFramework(tuned.estimator),
          ),
        });
        operations.push(base.s3Operations);
      }
      definitions = { TrainingJobDefinitions: list };
      s3Operations = mergeS3Operations(operations);
      break;
    }
  }

  if (mode.withUploads && uploads.length > 0) {
    s3Operations = mergeS3Operations([s3Operations, { S3Upload: uploads }]);
  }
  const config = defined({
    HyperParameterTuningJobName: jobName,
    HyperParameterTuningJobConfig: jobConfig,
    ...definitions,
    S3Operations: s3Operations && Object.keys(s3Operations).length > 0 ? s3Operations : undefined,
    Tags: pyTruthy(tuner.tags) ? tuner.tags : undefined,
    WarmStartConfig: tuner.warmStartConfig?.toRequest(),
  }) as unknown as TuningConfig;
  return { config: checkPlainJson('tuningConfig', config), runs };
}
