/**
 * The keyword arguments of one provider operator, each only where its `__init__` takes it.
 * @internal
 */
import { UnsupportedOptionError, ValidationError } from '../errors.js';
import type { PythonArgument } from './dagSource.js';
import { deferredMaxAttempts } from './deferredMaxAttempts.js';
import { deferredTuningWarning } from './providerLimits.js';
import { OPERATOR_SPECS, type AirflowOperatorKind, type OperatorKeyword } from './operatorSpecs.js';
import { pythonString } from './pythonLiteral.js';
import type { AirflowDagOptions, AirflowTask } from './toAirflowDag.js';

/** Refuses what is not a positive whole number; returns it. @internal */
export function positiveInteger(option: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new ValidationError(option, value, 'a positive whole number of seconds or attempts');
  }
  return value;
}

const bool = (value: boolean): string => (value ? 'True' : 'False');

/** The DAG options with their defaults applied. @internal */
export type ResolvedDagOptions = Required<Omit<AirflowDagOptions, 'regionName'>> &
  Pick<AirflowDagOptions, 'regionName'>;

/** The keyword arguments of one operator, each only where the provider's `__init__` takes it. @internal */
export function operatorArguments(
  task: AirflowTask,
  kind: AirflowOperatorKind,
  config: Readonly<Record<string, unknown>>,
  o: ResolvedDagOptions,
  warnings: string[],
): PythonArgument[] {
  const spec = OPERATOR_SPECS[kind];
  const takes = (keyword: OperatorKeyword): boolean => spec.keywords.includes(keyword);
  const refuse = (option: string): never => {
    throw new ValidationError(
      `${task.taskId}.${option}`,
      task[option as keyof AirflowTask],
      `no such option on ${spec.className}`,
    );
  };
  const args: PythonArgument[] = [
    ['aws_conn_id', o.awsConnId === null ? 'None' : pythonString(o.awsConnId)],
  ];
  if (o.regionName !== undefined) args.push(['region_name', pythonString(o.regionName)]);
  if (!takes('wait_for_completion')) {
    for (const option of [
      'waitForCompletion',
      'checkIntervalSeconds',
      'maxIngestionTimeSeconds',
      'deferrable',
      'maxAttempts',
      'actionIfJobExists',
    ] as const) {
      if (task[option] !== undefined) refuse(option);
    }
    return args;
  }
  const wait = task.waitForCompletion ?? o.waitForCompletion;
  const interval = positiveInteger(
    'checkIntervalSeconds',
    task.checkIntervalSeconds ?? o.checkIntervalSeconds,
  );
  const maxIngestion =
    task.maxIngestionTimeSeconds === undefined
      ? o.maxIngestionTimeSeconds
      : task.maxIngestionTimeSeconds;
  if (maxIngestion !== null) positiveInteger('maxIngestionTimeSeconds', maxIngestion);
  const deferrable = task.deferrable ?? o.deferrable;
  args.push(['wait_for_completion', bool(wait)], ['check_interval', String(interval)]);
  if (maxIngestion !== null) args.push(['max_ingestion_time', String(maxIngestion)]);
  args.push(['deferrable', bool(deferrable)]);
  if (kind === 'tuning' && deferrable && wait) {
    const warning = deferredTuningWarning(task.taskId, config, interval);
    if (warning !== undefined) warnings.push(warning);
  }
  if (takes('max_attempts')) {
    if (task.maxAttempts !== undefined) positiveInteger('maxAttempts', task.maxAttempts);
    if (deferrable && wait) {
      const attempts =
        task.maxAttempts ??
        deferredMaxAttempts({
          taskId: task.taskId,
          kind,
          config,
          checkIntervalSeconds: interval,
          maxIngestionTimeSeconds: maxIngestion,
          marginSeconds: positiveInteger('maxAttemptsMarginSeconds', o.maxAttemptsMarginSeconds),
        });
      args.push(['max_attempts', String(attempts)]);
    }
  } else if (task.maxAttempts !== undefined) refuse('maxAttempts');
  if (takes('action_if_job_exists')) {
    const action = task.actionIfJobExists ?? o.actionIfJobExists;
    if (action !== 'timestamp' && action !== 'fail') {
      throw new UnsupportedOptionError('actionIfJobExists', action, ['timestamp', 'fail']);
    }
    args.push(['action_if_job_exists', pythonString(action)]);
  } else if (task.actionIfJobExists !== undefined) refuse('actionIfJobExists');
  if (task.printLog !== undefined) {
    if (!takes('print_log')) refuse('printLog');
    args.push(['print_log', bool(task.printLog)]);
  }
  if (task.operation !== undefined) {
    if (!takes('operation')) refuse('operation');
    if (task.operation !== 'create' && task.operation !== 'update') {
      throw new UnsupportedOptionError('operation', task.operation, ['create', 'update']);
    }
    args.push(['operation', pythonString(task.operation)]);
  }
  return args;
}
