/**
 * What the `*FromEstimator` builders share: where the model comes from (a training run built here,
 * or the Airflow task that trained it: Python's `update_estimator_from_task`), the estimator's
 * VPC, and the model an estimator creates (`create_model`).
 */
import { checkEstimator } from './builderInputs.js';
import { MissingOptionError, OptionTypeError, ValidationError } from '../errors.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import { Model } from '../estimators/Model.js';
import { isTrainingRun, isTrainingRunOf, type TrainingRun } from '../estimators/trainingRun.js';
import type { UploadedCode, VpcConfig } from '../estimators/types.js';
import { posixPathJoin } from '../pythonCompat/s3.js';
import type { Templated } from '../templates.js';
import { assertNever } from '../internal/assertNever.js';
import { resolveBaseJobName } from './trainingConfig.js';

/** The Airflow task that trained the model: its job names are read from the task's XCom. */
export interface AirflowTaskSource {
  /** Airflow task id of the training or tuning operator. */
  readonly airflowTask: string;
  /** What the task ran (Python also accepts any case, as does this builder). */
  readonly taskType: 'training' | 'tuning';
  /**
   * The run built for the estimator before the task (`trainingJob(...).run`): its output path and
   * code stand where the estimator has none. @default - none: the estimator's own output path
   */
  readonly run?: TrainingRun;
}

/**
 * Where a model comes from: the {@link TrainingRun} of a job built here (`trainingJob(...).run`),
 * or the Airflow task that ran the training or tuning.
 */
export type ModelSource = TrainingRun | AirflowTaskSource;

/** Options every `*FromEstimator` builder takes. */
export interface FromEstimatorOptions {
  /** Where the model comes from: a training run of this estimator, or an Airflow task. */
  readonly from: ModelSource;
}

/** The job the model comes from, as Airflow templates or from the training run. */
export interface TaskJob {
  /** The training job name (a template with a task type). */
  readonly trainingJobName: string | undefined;
  /** The job name in the code's S3 path (differs for tuning: read from the static hyperparameters). */
  readonly submitJobName: string | undefined;
}

/** A model source resolved: the job's names and the run, when there is one. @internal */
export interface ResolvedSource {
  readonly job: TaskJob;
  readonly run: TrainingRun | undefined;
}

function checkRun(estimator: AnyEstimator, run: unknown, option: string): TrainingRun {
  if (!isTrainingRun(run)) {
    throw new ValidationError(option, run, 'a TrainingRun made by trainingJob() or tuningJob()');
  }
  if (!isTrainingRunOf(run, estimator)) {
    throw new ValidationError(
      option,
      run.jobName,
      'a TrainingRun of this estimator (this one is of another)',
    );
  }
  return run;
}

/**
 * Resolves a `from` option. `undefined` stands for Python's `task_type=None` on an estimator that
 * never built a training config: nothing is known, and the model data is missing later.
 * @throws {@link ValidationError} for a run of another estimator, or an unknown task type.
 * @internal
 */
export function resolveModelSource(
  estimator: AnyEstimator,
  from: ModelSource | undefined,
): ResolvedSource {
  checkEstimator('estimator', estimator);
  if (from === undefined) return { job: taskJob('', null, undefined), run: undefined };
  if (typeof from === 'object' && from !== null && 'airflowTask' in from) {
    if (typeof from.airflowTask !== 'string') {
      throw new OptionTypeError(
        'from.airflowTask',
        from.airflowTask,
        'an Airflow task id (a string)',
      );
    }
    const run = from.run === undefined ? undefined : checkRun(estimator, from.run, 'from.run');
    return { job: taskJob(from.airflowTask, from.taskType, run), run };
  }
  const run = checkRun(estimator, from, 'from');
  return { job: taskJob('', null, run), run };
}

/**
 * The training job name templates of Python's `update_estimator_from_task`; no task type (`null`)
 * means the run's own job.
 * @throws {@link ValidationError} for a task type other than training, tuning or none.
 * @internal
 */
export function taskJob(taskId: string, taskType: unknown, run: TrainingRun | undefined): TaskJob {
  if (taskType === undefined || taskType === null) {
    return { trainingJobName: run?.jobName, submitJobName: undefined };
  }
  if (typeof taskType !== 'string')
    throw new OptionTypeError('from.taskType', taskType, "'training' or 'tuning'");
  // Python parity Q23 (docs/python-parity.md): the task type is compared lower-cased.
  switch (taskType.toLowerCase()) {
    case 'training': {
      const name = `{{ ti.xcom_pull(task_ids='${taskId}')['Training']['TrainingJobName'] }}`;
      return { trainingJobName: name, submitJobName: name };
    }
    case 'tuning':
      return {
        trainingJobName: `{{ ti.xcom_pull(task_ids='${taskId}')['Tuning']['BestTrainingJob']['TrainingJobName'] }}`,
        // The static hyperparameter holds the JSON-quoted name, hence the strip of '"'.
        submitJobName:
          `{{ ti.xcom_pull(task_ids='${taskId}')['Tuning']['TrainingJobDefinition']` +
          `['StaticHyperParameters']['sagemaker_job_name'].strip('"') }}`,
      };
    default:
      throw new ValidationError('from.taskType', taskType, "'training' or 'tuning' (any case)");
  }
}

/** Sentinel-free VPC choice: `undefined` uses the estimator's, `null` means none. */
export type VpcConfigOverride = VpcConfig | null | undefined;

/**
 * Python's `get_vpc_config(vpc_config_override)`, with `sanitize`'s checks of an override.
 * @throws {@link ValidationError} for an override Python's `sanitize` refuses.
 */
export function estimatorVpcConfig(
  estimator: AnyEstimator,
  override: VpcConfigOverride,
): VpcConfig | undefined {
  if (override === undefined) {
    const { subnets, securityGroupIds } = estimator.options;
    return subnets !== undefined && securityGroupIds !== undefined
      ? { Subnets: subnets, SecurityGroupIds: securityGroupIds }
      : undefined;
  }
  if (override === null) return undefined;
  const option = 'vpcConfigOverride';
  if (typeof override !== 'object' || Array.isArray(override)) {
    throw new ValidationError(option, override, 'an object with Subnets and SecurityGroupIds');
  }
  if (Object.keys(override).length === 0)
    throw new ValidationError(option, override, 'a non-empty object');
  for (const key of ['Subnets', 'SecurityGroupIds'] as const) {
    const list: unknown = override[key];
    if (list === undefined || list === null)
      throw new ValidationError(`${option}.${key}`, list, 'a list of ids');
    if (!Array.isArray(list)) throw new ValidationError(`${option}.${key}`, list, 'a list of ids');
    if (list.length === 0)
      throw new ValidationError(`${option}.${key}`, list, 'a non-empty list of ids');
  }
  return { Subnets: override.Subnets, SecurityGroupIds: override.SecurityGroupIds };
}

/**
 * `<output path>/<job>/output/model.tar.gz`, as Python's `EstimatorBase.model_data` computes it
 * for a job it did not run itself.
 * @throws {@link MissingOptionError} when the output path or the job name is unknown.
 */
export function estimatorModelData(
  estimator: AnyEstimator,
  job: TaskJob,
  run: TrainingRun | undefined,
): string {
  const outputPath = estimator.options.outputPath ?? run?.outputPath;
  if (outputPath === undefined) {
    throw new MissingOptionError(
      'from',
      'the model artifacts are unknown: give the estimator an outputPath, or pass the run from trainingJob()',
    );
  }
  if (job.trainingJobName === undefined) {
    throw new MissingOptionError(
      'from',
      'the training job is unknown: give an Airflow task, or pass the run from trainingJob()',
    );
  }
  return posixPathJoin(outputPath, job.trainingJobName, 'output', 'model.tar.gz');
}

/** Options of the model an estimator creates. */
export interface EstimatorModelOptions {
  readonly role?: Templated<string> | null;
  readonly imageUri?: Templated<string> | null;
  readonly vpcConfigOverride?: VpcConfigOverride;
  /** Framework estimators: the model's entry point. @default - the estimator's rules (Python's `create_model`) */
  readonly entryPoint?: string | null;
  /** Framework estimators: model server workers. @default - one per vCPU */
  readonly modelServerWorkers?: Templated<number> | null;
}

/**
 * Python's `update_submit_s3_uri`: the job name segment before `/source/sourcedir.tar.gz`
 * replaced by the task's template.
 */
export function updateSubmitS3Uri(
  uploaded: UploadedCode | undefined,
  jobName: string | undefined,
): UploadedCode | undefined {
  if (uploaded === undefined || jobName === undefined) return uploaded;
  // Python's `re.sub` with a lookbehind: every non-empty segment run (lazy) followed by the suffix.
  const s3Prefix = uploaded.s3Prefix.replace(
    /(?<=\/)[^/]+?(?=\/source\/sourcedir.tar.gz)/g,
    () => jobName,
  );
  return { s3Prefix, scriptName: uploaded.scriptName };
}

/** The model an estimator creates after training (Python's `create_model`). */
export function estimatorModel(
  estimator: AnyEstimator,
  job: TaskJob,
  run: TrainingRun | undefined,
  options: EstimatorModelOptions,
): Model {
  switch (estimator.kind) {
    case 'byo':
      return new Model({
        session: estimator.session,
        imageUri: options.imageUri || estimator.trainingImageUri(),
        modelData: estimatorModelData(estimator, job, run),
        role: options.role || estimator.options.role,
        vpcConfig: estimatorVpcConfig(estimator, options.vpcConfigOverride) ?? null,
        enableNetworkIsolation: estimator.options.enableNetworkIsolation,
      });
    case 'algorithm':
      return estimator.createModel({
        modelData: estimatorModelData(estimator, job, run),
        vpcConfig: estimatorVpcConfig(estimator, options.vpcConfigOverride),
        ...(options.role ? { role: options.role } : {}),
      });
    case 'framework': {
      // Python parity Q36 (docs/python-parity.md): Python's create_model names the model first
      // (which looks up the training image when the estimator has no base job name), then reads
      // the model data, then the VPC: the call is for the order of the errors only.
      resolveBaseJobName(estimator);
      const modelData = estimatorModelData(estimator, job, run);
      const vpcConfig = estimatorVpcConfig(estimator, options.vpcConfigOverride);
      return estimator.createModel({
        modelData,
        role: options.role ?? null,
        vpcConfig,
        uploadedCode: updateSubmitS3Uri(run?.uploadedCode, job.submitJobName),
        ...(options.entryPoint !== undefined && { entryPoint: options.entryPoint }),
        ...(options.modelServerWorkers !== undefined && {
          modelServerWorkers: options.modelServerWorkers,
        }),
        ...(options.imageUri !== undefined && { imageUri: options.imageUri }),
      });
    }
    default:
      return assertNever(estimator);
  }
}
