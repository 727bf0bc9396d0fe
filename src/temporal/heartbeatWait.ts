/**
 * Waiting on a job inside a Temporal activity: one `checkJob` per interval, each followed by a
 * heartbeat that carries the job's handle, so a retry of the activity (after a worker crash or
 * shutdown) resumes on the same job instead of submitting a second one. The job is stopped only
 * when the workflow cancels the activity; on a worker shutdown, a heartbeat timeout or a pause the
 * job keeps running and the cancellation is re-thrown for the next attempt to resume.
 * @internal
 */
import type { Context } from '@temporalio/activity';
import { JobFailedError, JobStoppedError } from '../operators/errors.js';
import { checkJob, stopJob } from '../operators/jobControl.js';
import {
  parseJobHandle,
  type JobDescriptions,
  type JobHandle,
  type JobKind,
} from '../operators/jobHandle.js';
import type { OperatorClients } from '../operators/options.js';
import type { OperatorLogger } from '../operators/logger.js';

/** What every heartbeat of a SageMaker activity carries. */
export interface SageMakerHeartbeat {
  /** The job being waited on: a retry resumes from it. */
  readonly handle: JobHandle;
  /** Its status at the last check, once checked. */
  readonly status?: string;
  readonly secondaryStatus?: string;
  /** Status checks made in this attempt. */
  readonly checks: number;
}

/** How the loop runs. @internal */
export interface HeartbeatWaitOptions {
  readonly clients: OperatorClients;
  readonly checkIntervalSeconds: number;
  /** Longest time one Describe or Stop request may take. */
  readonly requestTimeoutSeconds: number;
  readonly logger: OperatorLogger;
}

/** The handle of the last heartbeat of an earlier attempt, if it left a valid one. @internal */
export function resumedHandle(context: Context): JobHandle | undefined {
  const details: unknown = context.info.heartbeatDetails;
  if (typeof details !== 'object' || details === null || !('handle' in details)) return undefined;
  try {
    return parseJobHandle(details.handle);
  } catch {
    // A heartbeat from another activity or version: submit again (the operators attach to a job
    // made from the same config, so no second job is made).
    return undefined;
  }
}

/**
 * True when the workflow asked for the cancellation. Temporal aborts the activity's signal with
 * a `CancelledFailure` whose message is the reason (`CANCELLED`, `WORKER_SHUTDOWN`, `TIMED_OUT`,
 * `PAUSED`, ...); newer SDKs also give `cancellationDetails`.
 * @internal
 */
export function cancelledByWorkflow(context: Context): boolean {
  const reason: unknown = context.cancellationSignal.reason;
  const message = reason instanceof Error ? reason.message : String(reason);
  const details = (context as { cancellationDetails?: { workerShutdown?: boolean } })
    .cancellationDetails;
  return message === 'CANCELLED' && details?.workerShutdown !== true;
}

/**
 * Ends an attempt the activity's signal cut: stops the job when the workflow cancelled, then
 * throws Temporal's cancellation.
 * @internal
 */
export async function endCancelled(
  context: Context,
  handle: JobHandle,
  options: HeartbeatWaitOptions,
): Promise<never> {
  if (cancelledByWorkflow(context)) {
    options.logger.info(`Workflow cancelled: stopping ${handle.kind} job ${handle.name}`);
    await stopJob(handle, options.clients, {
      timeoutSeconds: options.requestTimeoutSeconds,
      logger: options.logger,
    });
  } else {
    options.logger.info(`Activity cancelled, ${handle.kind} job ${handle.name} left running`);
  }
  throw context.cancellationSignal.reason;
}

/**
 * Checks the job until it ends, heartbeating the handle after each check.
 * @throws {@link JobFailedError} or {@link JobStoppedError} when the job ends so; Temporal's
 * `CancelledFailure` when the activity is cancelled (the job stopped only for a workflow cancel).
 * @internal
 */
export async function heartbeatWait<K extends JobKind>(
  context: Context,
  handle: JobHandle<K>,
  options: HeartbeatWaitOptions,
): Promise<JobDescriptions[K]> {
  const signal = context.cancellationSignal;
  context.heartbeat({ handle, checks: 0 } satisfies SageMakerHeartbeat);
  for (let checks = 1; ; checks++) {
    if (signal.aborted) return endCancelled(context, handle, options);
    let status;
    try {
      status = await checkJob(handle, options.clients, {
        signal,
        timeoutSeconds: options.requestTimeoutSeconds,
      });
    } catch (error) {
      if (signal.aborted) return endCancelled(context, handle, options);
      throw error;
    }
    context.heartbeat({
      handle,
      status: status.status,
      ...(status.secondaryStatus !== undefined && { secondaryStatus: status.secondaryStatus }),
      checks,
    } satisfies SageMakerHeartbeat);
    if (status.succeeded) return status.description;
    if (status.done) {
      if (status.status === 'Failed') {
        throw new JobFailedError(
          handle.kind,
          handle.name,
          status.failureReason,
          status.description,
        );
      }
      throw new JobStoppedError(handle.kind, handle.name, status.description);
    }
    try {
      await context.sleep(options.checkIntervalSeconds * 1000);
    } catch (error) {
      if (signal.aborted) return endCancelled(context, handle, options);
      throw error;
    }
  }
}
