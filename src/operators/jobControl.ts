/**
 * One-shot calls on a {@link JobHandle}: read its status once, or ask SageMaker to stop it. For
 * orchestrators that poll on their own schedule (a sensor, a Temporal timer) instead of waiting.
 */
import { labelOf } from './errors.js';
import type { StopOutcome } from './errors.js';
import { parseJobHandle, type JobDescriptions, type JobHandle, type JobKind } from './jobHandle.js';
import { KINDS } from './jobKinds.js';
import { silentLogger, type OperatorLogger } from './logger.js';
import type { OperatorClients } from './options.js';
import { systemClock } from './clock.js';
import { scopeOf, scopedCall, isScopeEnded } from './requestScope.js';
import { stopResource } from './stopResource.js';
import { JobAbortedError, WaiterTimeoutError } from './errors.js';

/** Options of {@link checkJob} and {@link stopJob}. */
export interface JobControlOptions {
  /** Aborts the request. @default - none */
  readonly signal?: AbortSignal;
  /** Longest time the request may take, in seconds. @default 30 */
  readonly timeoutSeconds?: number;
  /** Receives the Stop line. @default silentLogger */
  readonly logger?: OperatorLogger;
}

/** What {@link checkJob} read. */
export interface JobStatus<K extends JobKind = JobKind> {
  readonly kind: K;
  readonly name: string;
  /** The resource's status (`InProgress`, `Completed`, `InService`, ...). */
  readonly status: string;
  /** Training's secondary status, when there is one. */
  readonly secondaryStatus?: string;
  readonly failureReason?: string;
  /** True once the status is final (success, `Failed` or `Stopped`). */
  readonly done: boolean;
  /** True for the kind's success status (`Completed`, endpoints `InService`). */
  readonly succeeded: boolean;
  readonly description: JobDescriptions[K];
}

const DEFAULT_TIMEOUT_SECONDS = 30;

function scopeFor(options: JobControlOptions): ReturnType<typeof scopeOf> {
  return scopeOf(systemClock, options.signal, options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
}

/**
 * Describes the job once and says whether it is done.
 * @throws InvalidJobHandleError; JobAbortedError or WaiterTimeoutError when the request was cut
 *   (the job is left as it is); the SDK's error
 * @example
 * const { done, succeeded } = await checkJob(handle, clients);
 */
export async function checkJob<K extends JobKind>(
  handle: JobHandle<K>,
  clients: OperatorClients,
  options: JobControlOptions = {},
): Promise<JobStatus<K>> {
  const parsed = parseJobHandle(handle);
  const spec = KINDS[parsed.kind];
  const scope = scopeFor(options);
  let description;
  try {
    description = await scopedCall(clients.sagemaker, spec.describe(parsed.name), scope);
  } catch (error) {
    if (!isScopeEnded(error)) throw error;
    if (error.end === 'aborted')
      throw new JobAbortedError(
        spec.kind,
        parsed.name,
        { stopRequested: false },
        error.reason,
        true,
      );
    throw new WaiterTimeoutError(
      spec.kind,
      parsed.name,
      options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      {
        stopRequested: false,
        stopError: new Error(`checkJob does not stop the ${labelOf(spec.kind)}`),
      },
    );
  }
  const status = String(description[spec.statusKey]);
  const secondary = description['SecondaryStatus'];
  const reason = description['FailureReason'];
  return {
    kind: parsed.kind as K,
    name: parsed.name,
    status,
    ...(typeof secondary === 'string' ? { secondaryStatus: secondary } : {}),
    ...(typeof reason === 'string' ? { failureReason: reason } : {}),
    done: status === spec.successStatus || status === 'Failed' || status === 'Stopped',
    succeeded: status === spec.successStatus,
    description: description as unknown as JobDescriptions[K],
  };
}

/**
 * Asks SageMaker to stop the job; never throws for a refused Stop (a job already ended, an
 * endpoint, which has no Stop API): the outcome says what happened.
 * @throws InvalidJobHandleError
 * @example
 * const { stopRequested } = await stopJob(handle, clients);
 */
export async function stopJob(
  handle: JobHandle,
  clients: OperatorClients,
  options: JobControlOptions = {},
): Promise<StopOutcome> {
  const parsed = parseJobHandle(handle);
  return stopResource(
    KINDS[parsed.kind],
    clients.sagemaker,
    parsed.name,
    options.logger ?? silentLogger,
    scopeFor(options),
  );
}
