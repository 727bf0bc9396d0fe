/**
 * `max_attempts` of a deferred task. In deferrable mode the provider's `SageMakerTrigger` checks
 * the job `max_attempts` times, `check_interval` seconds apart, and then fails the task while the
 * job runs on; the operators default to 60 attempts (30 minutes at the default interval). So the
 * count comes from the longest the job may run: its stopping condition (`MaxWaitTimeInSeconds`
 * for managed spot training, else `MaxRuntimeInSeconds`), plus a margin for provisioning and
 * uploading, bounded by `max_ingestion_time` when one is set.
 * @internal
 */
import { MissingOptionError } from '../errors.js';
import { isPlainObject } from '../operators/validation/configPath.js';
import type { AirflowOperatorKind } from './operatorSpecs.js';

/** What the count is computed from. @internal */
export interface MaxAttemptsInput {
  readonly taskId: string;
  readonly kind: AirflowOperatorKind;
  readonly config: Readonly<Record<string, unknown>>;
  readonly checkIntervalSeconds: number;
  readonly maxIngestionTimeSeconds: number | null;
  readonly marginSeconds: number;
}

function stoppingLimit(config: Readonly<Record<string, unknown>>): number | string | undefined {
  const condition = config.StoppingCondition;
  if (!isPlainObject(condition)) return undefined;
  const limit = condition.MaxWaitTimeInSeconds ?? condition.MaxRuntimeInSeconds;
  return typeof limit === 'number' || typeof limit === 'string' ? limit : undefined;
}

/**
 * The `max_attempts` a deferred training, processing or transform task needs.
 * @throws `MissingOptionError` when nothing bounds the job (a templated stopping condition,
 * a transform job without `maxIngestionTimeSeconds`): give `maxAttempts` then.
 * @internal
 */
export function deferredMaxAttempts(input: MaxAttemptsInput): number {
  const limit = input.kind === 'transform' ? undefined : stoppingLimit(input.config);
  let seconds: number;
  if (typeof limit === 'number') {
    seconds = limit + input.marginSeconds;
    if (input.maxIngestionTimeSeconds !== null) {
      seconds = Math.min(seconds, input.maxIngestionTimeSeconds);
    }
  } else if (input.maxIngestionTimeSeconds !== null) {
    seconds = input.maxIngestionTimeSeconds;
  } else {
    const why =
      typeof limit === 'string'
        ? `the stopping condition of task ${input.taskId} is a template (${limit})`
        : `task ${input.taskId} has no stopping condition`;
    throw new MissingOptionError(
      'maxAttempts',
      `${why}, so the deferred wait cannot be sized from it; give maxAttempts or maxIngestionTimeSeconds`,
    );
  }
  return Math.max(1, Math.ceil(seconds / input.checkIntervalSeconds));
}
