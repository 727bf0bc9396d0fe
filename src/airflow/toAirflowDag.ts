/**
 * `toAirflowDag`: a DAG file for Airflow's Amazon provider that runs configs made by this
 * library's builders with the provider's SageMaker operators.
 */
import { UnsupportedOptionError, ValidationError } from '../errors.js';
import type { S3Operations } from '../config/s3Operations.js';
import { mergeS3Operations } from '../config/s3Operations.js';
import { operatorArguments, type ResolvedDagOptions } from './operatorArguments.js';
import { isPlainObject } from '../operators/validation/configPath.js';
import { checkTemplates } from './checkTemplates.js';
import { checkProviderLimits } from './providerLimits.js';
import { dagSource, type PythonArgument } from './dagSource.js';
import { AirflowDependencyError } from './errors.js';
import { inferOperatorKind, OPERATOR_SPECS, type AirflowOperatorKind } from './operatorSpecs.js';
import { dropDuplicateParts } from './duplicateParts.js';
import { liftS3Operations, relativeUploadPaths } from './placeS3Operations.js';
import { pythonLiteral, pythonString } from './pythonLiteral.js';
import { xcomReferences } from './xcomReferences.js';
import { orderTasks } from './orderTasks.js';

/** How the provider's operators wait, settable for the whole DAG and per task. */
export interface AirflowWaitOptions {
  /** `wait_for_completion`. @default true */
  readonly waitForCompletion?: boolean;
  /** `check_interval`, seconds between status checks. @default 30 */
  readonly checkIntervalSeconds?: number;
  /** `max_ingestion_time`: fail the task after this long. @default null (no limit) */
  readonly maxIngestionTimeSeconds?: number | null;
  /** `deferrable`: wait in the triggerer instead of a worker slot. @default false */
  readonly deferrable?: boolean;
  /**
   * `action_if_job_exists` of the training, transform and processing operators (the provider
   * knows only these two).
   * @default 'timestamp'
   */
  readonly actionIfJobExists?: 'timestamp' | 'fail';
}

/** One task of the DAG: a config from the builders and the operator that runs it. */
export interface AirflowTask extends AirflowWaitOptions {
  /** Airflow `task_id` (letters, digits, `_`, `-`, `.`). */
  readonly taskId: string;
  /** A config from `trainingConfig`, `tuningConfig`, `modelConfig`, `transformConfig(FromEstimator)`, `deployConfig(FromEstimator)`, `processingConfig`, ... */
  readonly config: object;
  /** The operator. @default - read from the config's keys */
  readonly kind?: AirflowOperatorKind;
  /** More upstream task ids, beyond those the config's XCom templates name. @default [] */
  readonly dependsOn?: readonly string[];
  /**
   * `max_attempts` of a deferred training, transform or processing task.
   * @default - from the stopping condition, see {@link AirflowDagOptions.maxAttemptsMarginSeconds}
   */
  readonly maxAttempts?: number;
  /** `print_log` of the training and processing operators. @default - the provider's (true) */
  readonly printLog?: boolean;
  /** `operation` of the endpoint operator. @default - the provider's ('create') */
  readonly operation?: 'create' | 'update';
}

/** Options of {@link toAirflowDag}. */
export interface AirflowDagOptions extends AirflowWaitOptions {
  /** `dag_id`, also the file name. */
  readonly dagId: string;
  /** `start_date` (UTC). A string is read as an ISO 8601 date. */
  readonly startDate: Date | string;
  /** `schedule`: a cron expression or preset (`'@daily'`), or null to run only when triggered. @default null */
  readonly schedule?: string | null;
  /** `catchup`. @default false */
  readonly catchup?: boolean;
  /** `aws_conn_id` of every operator; null for boto3's default credentials. @default 'aws_default' */
  readonly awsConnId?: string | null;
  /** `region_name` of every operator. @default - the connection's */
  readonly regionName?: string;
  /** DAG `tags`. @default [] */
  readonly tags?: readonly string[];
  /**
   * `'inDag'`: each config keeps its `S3Operations` and the provider uploads at task time, from
   * the worker's disk (Python's behaviour). `'prestage'`: the DAG only submits, and
   * {@link AirflowDag.prestage} lists the uploads to run before it is deployed.
   * @default 'inDag'
   */
  readonly uploads?: 'prestage' | 'inDag';
  /** Added to a job's stopping condition when sizing a deferred task's `max_attempts`. @default 3600 */
  readonly maxAttemptsMarginSeconds?: number;
}

/** A written DAG file and what it holds. */
export interface AirflowDag {
  readonly dagId: string;
  /** `<dagId>.py`. */
  readonly fileName: string;
  /** The Python source. */
  readonly source: string;
  /** The tasks in the order written, with their upstream ids and the config embedded. */
  readonly tasks: readonly {
    readonly taskId: string;
    readonly kind: AirflowOperatorKind;
    readonly className: string;
    readonly upstream: readonly string[];
    readonly config: Readonly<Record<string, unknown>>;
  }[];
  /** With `uploads: 'prestage'`: the operations to run before the DAG runs. */
  readonly prestage: S3Operations | undefined;
  /** Things that may not work as meant on a worker (relative upload paths, dynamic XCom ids). */
  readonly warnings: readonly string[];
}

/** Defaults of {@link AirflowDagOptions}. */
export const AIRFLOW_DAG_DEFAULTS = {
  schedule: null,
  catchup: false,
  awsConnId: 'aws_default',
  tags: [],
  uploads: 'inDag',
  maxAttemptsMarginSeconds: 3600,
  waitForCompletion: true,
  checkIntervalSeconds: 30,
  maxIngestionTimeSeconds: null,
  deferrable: false,
  actionIfJobExists: 'timestamp',
} as const satisfies Required<Omit<AirflowDagOptions, 'dagId' | 'startDate' | 'regionName'>>;

/** The options with their defaults; an option given as `undefined` takes its default too. */
function resolveDagOptions(options: AirflowDagOptions): ResolvedDagOptions {
  const d = AIRFLOW_DAG_DEFAULTS;
  return {
    dagId: options.dagId,
    startDate: options.startDate,
    schedule: options.schedule === undefined ? d.schedule : options.schedule,
    catchup: options.catchup ?? d.catchup,
    awsConnId: options.awsConnId === undefined ? d.awsConnId : options.awsConnId,
    ...(options.regionName !== undefined && { regionName: options.regionName }),
    tags: options.tags ?? d.tags,
    uploads: options.uploads ?? d.uploads,
    maxAttemptsMarginSeconds: options.maxAttemptsMarginSeconds ?? d.maxAttemptsMarginSeconds,
    waitForCompletion: options.waitForCompletion ?? d.waitForCompletion,
    checkIntervalSeconds: options.checkIntervalSeconds ?? d.checkIntervalSeconds,
    maxIngestionTimeSeconds:
      options.maxIngestionTimeSeconds === undefined
        ? d.maxIngestionTimeSeconds
        : options.maxIngestionTimeSeconds,
    deferrable: options.deferrable ?? d.deferrable,
    actionIfJobExists: options.actionIfJobExists ?? d.actionIfJobExists,
  };
}

// Airflow's KEY_REGEX and its 250-character limit, for dag_id and task_id.
const AIRFLOW_KEY = /^[\w.-]{1,250}$/;

function startDateSource(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ValidationError('startDate', value, 'a Date or an ISO 8601 date string');
  }
  const parts = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds() * 1000,
  ];
  return `datetime.datetime(${parts.join(', ')}, tzinfo=datetime.timezone.utc)`;
}

/**
 * Writes a DAG file that runs `tasks` with the Amazon provider's SageMaker operators, each config
 * embedded as a Python literal, with the dependencies the configs' XCom templates imply.
 *
 * Only the `config` (and the connection) of an operator is templated; a template in a number or
 * boolean member of the request is refused unless the operator casts it back to int, since
 * Airflow renders templates to strings. The DAG never sets `render_template_as_native_obj`.
 * @throws {@link AirflowTemplateError} for a template Airflow would send to the API as a string.
 * @throws {@link AirflowDependencyError} for duplicate task ids, unknown references and cycles.
 * @throws `ValidationError`, `UnsupportedOptionError`, `MissingOptionError` for bad options.
 * @throws {@link PythonLiteralError} for a config value with no Python literal (NaN, a function).
 * @example
 * const dag = toAirflowDag(
 *   [{ taskId: 'train', config: trainingConfig(knn, { inputs }) }],
 *   { dagId: 'iris_knn', startDate: '2024-01-01' },
 * );
 * await writeFile(dag.fileName, dag.source);
 */
export function toAirflowDag(
  tasks: readonly AirflowTask[],
  options: AirflowDagOptions,
): AirflowDag {
  const o = resolveDagOptions(options);
  if (typeof o.dagId !== 'string' || !AIRFLOW_KEY.test(o.dagId)) {
    throw new ValidationError('dagId', o.dagId, 'letters, digits, _, - and . (at most 250)');
  }
  if (o.uploads !== 'inDag' && o.uploads !== 'prestage') {
    throw new UnsupportedOptionError('uploads', o.uploads, ['prestage', 'inDag']);
  }
  const warnings: string[] = [];
  const prestage: (S3Operations | undefined)[] = [];
  const seen = new Set<string>();
  const prepared = tasks.map((task) => {
    if (typeof task.taskId !== 'string' || !AIRFLOW_KEY.test(task.taskId)) {
      throw new ValidationError('taskId', task.taskId, 'letters, digits, _, - and . (at most 250)');
    }
    if (seen.has(task.taskId))
      throw new AirflowDependencyError(task.taskId, 'the task id is used twice');
    seen.add(task.taskId);
    if (!isPlainObject(task.config)) {
      throw new ValidationError(
        `${task.taskId}.config`,
        task.config,
        'a config object from the builders',
      );
    }
    const kind = task.kind ?? inferOperatorKind(task.config);
    if (kind === undefined || !Object.hasOwn(OPERATOR_SPECS, kind)) {
      throw new UnsupportedOptionError(`${task.taskId}.kind`, kind, Object.keys(OPERATOR_SPECS));
    }
    return { task, kind, config: task.config };
  });

  const ordered = orderTasks(
    dropDuplicateParts(prepared, warnings).map((p) => {
      const placed = liftS3Operations(p.config);
      const refs = xcomReferences(placed.request);
      if (refs.unresolved > 0) {
        warnings.push(
          `${p.task.taskId}: an xcom_pull without a literal task id; add it to dependsOn`,
        );
      }
      const upstream = [...refs.taskIds, ...p.extraUpstream, ...(p.task.dependsOn ?? [])];
      return { ...p, ...placed, upstream };
    }),
  );

  const written = ordered.map(({ task, kind, request, s3Operations, upstream }) => {
    const spec = OPERATOR_SPECS[kind];
    let config = request;
    if (o.uploads === 'prestage') prestage.push(s3Operations);
    else if (s3Operations !== undefined) {
      config = { ...request, S3Operations: s3Operations };
      for (const path of relativeUploadPaths(s3Operations)) {
        warnings.push(
          `${task.taskId}: S3Upload path ${path} is relative to the worker's directory`,
        );
      }
    }
    checkTemplates(task.taskId, spec, config);
    checkProviderLimits(task.taskId, kind, config);
    return {
      taskId: task.taskId,
      kind,
      className: spec.className,
      upstream,
      config,
      arguments: operatorArguments(task, kind, config, o, warnings),
    };
  });

  const dagArguments: PythonArgument[] = [
    ['dag_id', pythonString(o.dagId)],
    ['start_date', startDateSource(o.startDate)],
    ['schedule', o.schedule === null ? 'None' : pythonString(o.schedule)],
    ['catchup', o.catchup ? 'True' : 'False'],
    ['tags', pythonLiteral(o.tags, { indent: 0 })],
    // Airflow's Jinja environment drops one trailing newline of every string it renders; a
    // config value must come out as it went in.
    ['jinja_environment_kwargs', "{'keep_trailing_newline': True}"],
  ];
  const header = [
    `DAG ${o.dagId}, written by sagemaker-workflow's toAirflowDag: edit the code that wrote it, not this file.`,
    '',
    'Runs with apache-airflow-providers-amazon 8.3.0 or later (its SageMaker operators), on',
    'Airflow 2.4 or later. Each config is the request of one operator, as the SageMaker Python SDK',
    "builds it; templates are rendered by Airflow's Jinja in the config only.",
    o.uploads === 'prestage'
      ? 'Uploads were staged ahead: the configs hold no S3Operations.'
      : "S3Operations are run by the provider's operators at task time, from the worker's disk.",
  ];
  return {
    dagId: o.dagId,
    fileName: `${o.dagId}.py`,
    source: dagSource({ header, dagArguments, tasks: written }),
    tasks: written.map(({ arguments: _, ...task }) => task),
    prestage: o.uploads === 'prestage' ? emptyToUndefined(mergeS3Operations(prestage)) : undefined,
    warnings,
  };
}

const emptyToUndefined = (ops: S3Operations): S3Operations | undefined =>
  Object.keys(ops).length > 0 ? ops : undefined;
