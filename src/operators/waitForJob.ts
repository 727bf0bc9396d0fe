/**
 * Waits for a job or endpoint to reach a final state. Polls once at once, then with a capped
 * backoff (from `checkIntervalSeconds`, doubling to `maxCheckIntervalSeconds`, back to the start
 * when the status or secondary status changes), so a one-hour job costs about 35 Describe calls
 * instead of 120 while its end is still noticed within the cap. Every request is bounded by the
 * caller's signal and the deadline; a heartbeat line is logged at least every
 * `progressIntervalSeconds`. Ends in the final Describe output or a typed error: Failed, Stopped
 * (never success), timeout (the job is stopped) or abort (stopped or detached).
 *
 * The SDK's own waiters are not used: they cannot pass an abort signal to each Describe (a
 * hanging request outlived `maxWaitTime`) and poll at one fixed interval.
 */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { JobFailedError, JobStoppedError, labelOf } from './errors.js';
import { parseJobHandle, type JobDescriptions, type JobHandle, type JobKind } from './jobHandle.js';
import { KINDS, type KindSpec } from './jobKinds.js';
import { logTail, type LogTail } from './logTail.js';
import {
  resolveOptions,
  type OperatorClients,
  type ResolvedOptions,
  type WaitOptions,
} from './options.js';
import { billableSeconds, formatElapsed, progressReporter } from './progress.js';
import {
  ScopeEndedError,
  isScopeEnded,
  scopeOf,
  scopedCall,
  throwIfEnded,
  type RequestScope,
} from './requestScope.js';
import { errorMessage, errorName, type Json } from './sagemakerCall.js';
import { endedError, type EndContext } from './stopResource.js';

/** How the operators end a scope that ended: stop or detach, within the cleanup time. @internal */
export function endContext(options: ResolvedOptions): EndContext {
  return {
    logger: options.logger,
    onAbort: options.onAbort,
    cleanup: () => scopeOf(options.clock, undefined, options.cleanupTimeoutSeconds),
    maxWaitSeconds: options.maxIngestionTimeSeconds,
  };
}

/** Errors after which checking again cannot help: the job is gone or we may not read it. */
function isFinalDescribeError(error: unknown): boolean {
  const name = errorName(error);
  return name === 'ValidationException' || name === 'AccessDeniedException';
}

/**
 * Waits for `name` within `scope` and returns its final Describe output.
 * @throws {@link JobFailedError}, {@link JobStoppedError}, WaiterTimeoutError, JobAbortedError
 * @internal
 */
export async function waitInScope(
  spec: KindSpec,
  clients: OperatorClients,
  name: string,
  options: ResolvedOptions,
  scope: RequestScope,
): Promise<Json> {
  const { logger, clock } = options;
  const label = labelOf(spec.kind);
  const report = progressReporter(spec.kind, name, spec.statusKey, logger);
  const tail: LogTail | undefined =
    options.printLog && clients.logs && spec.logGroup
      ? logTail(clients.logs, spec.logGroup, name, logger)
      : undefined;
  const finished = new Set([spec.successStatus, 'Failed', 'Stopped']);
  const firstMs = options.checkIntervalSeconds * 1000;
  const capMs = options.maxCheckIntervalSeconds * 1000;
  const beatMs = options.progressIntervalSeconds * 1000;
  const started = clock.now();
  let last: Json | undefined;
  let attempts = 0;
  let delayMs = firstMs;
  let lastKey: string | undefined;
  let lastBeat = started;
  let warned = false;

  const heartbeat = (): void => {
    const status = last ? String(last[spec.statusKey]) : 'not yet described';
    const secondary = last?.['SecondaryStatus'];
    logger.info(
      `SageMaker ${label} ${name}: ${status}${typeof secondary === 'string' ? ` (${secondary})` : ''}, ${formatElapsed(clock.now() - started)} elapsed`,
    );
    lastBeat = clock.now();
  };

  try {
    for (;;) {
      attempts += 1;
      let description: Json | undefined;
      try {
        description = await scopedCall(clients.sagemaker, spec.describe(name), scope);
      } catch (error) {
        if (isScopeEnded(error) || isFinalDescribeError(error)) throw error;
        // Throttling or 5xx beyond the client's own retries: check again at the next interval.
        if (!warned)
          logger.warn(
            `Could not describe SageMaker ${label} ${name}: ${errorMessage(error)}; checking again`,
          );
        warned = true;
      }
      if (description) {
        last = description;
        report(description);
        const key = `${String(description[spec.statusKey])}/${String(description['SecondaryStatus'])}`;
        if (lastKey !== undefined && key !== lastKey) delayMs = firstMs;
        lastKey = key;
        await tail?.poll().catch((error: unknown) => {
          logger.warn(`Could not read CloudWatch logs: ${errorMessage(error)}`);
        });
        if (finished.has(String(description[spec.statusKey]))) break;
      }
      if (options.maxAttempts !== undefined && attempts >= options.maxAttempts) {
        throw await endedError(
          spec,
          clients.sagemaker,
          name,
          true,
          new ScopeEndedError('deadline'),
          {
            ...endContext(options),
            maxAttempts: options.maxAttempts,
          },
        );
      }
      const wakeAt = clock.now() + delayMs;
      while (clock.now() < wakeAt) {
        throwIfEnded(scope);
        const until = Math.min(wakeAt, lastBeat + beatMs, scope.deadline);
        await clock.sleep(Math.max(0, until - clock.now()), scope.signal);
        throwIfEnded(scope);
        if (clock.now() >= lastBeat + beatMs) heartbeat();
      }
      delayMs = Math.min(delayMs * 2, capMs);
    }
  } catch (error) {
    if (isScopeEnded(error))
      throw await endedError(spec, clients.sagemaker, name, true, error, endContext(options));
    throw error;
  }

  if (!last) throw new Error('unreachable: the wait ended without a description');
  const status = last[spec.statusKey];
  if (status === spec.successStatus) {
    if (spec.kind === 'training') {
      const billable = billableSeconds(last);
      if (billable !== undefined) logger.info(`Billable seconds: ${billable}`);
    }
    return last;
  }
  if (status === 'Failed') {
    const reason = last['FailureReason'];
    throw new JobFailedError(
      spec.kind,
      name,
      typeof reason === 'string' ? reason : undefined,
      last,
    );
  }
  throw new JobStoppedError(spec.kind, name, last);
}

/**
 * Waits for a submitted job (or endpoint) to finish and returns its final Describe output. Works
 * in any process that has the handle: nothing of the submitting call is needed. Nothing is polled
 * or logged after the returned promise settles.
 *
 * @throws {@link JobFailedError}, {@link JobStoppedError}, WaiterTimeoutError (the job was asked
 *   to stop), JobAbortedError (stopped, or detached with `onAbort: 'detach'`), InvalidJobHandleError
 * @example
 * const handle = await submitJob('training', config, clients);
 * const training = await waitForJob(handle, clients, { signal, onAbort: 'detach' });
 */
export async function waitForJob<K extends JobKind>(
  handle: JobHandle<K>,
  clients: OperatorClients,
  options: WaitOptions = {},
): Promise<JobDescriptions[K]> {
  const parsed = parseJobHandle(handle);
  const resolved = resolveOptions(options, clients);
  const scope = scopeOf(resolved.clock, resolved.signal, resolved.maxIngestionTimeSeconds);
  const description = await waitInScope(KINDS[parsed.kind], clients, parsed.name, resolved, scope);
  return description as unknown as JobDescriptions[K];
}

/** Describes once within the scope (a `waitForCompletion: false` run, a model). @internal */
export async function describeInScope(
  spec: KindSpec,
  sagemaker: Pick<SageMakerClient, 'send'>,
  name: string,
  options: ResolvedOptions,
  scope: RequestScope,
): Promise<Json> {
  try {
    return await scopedCall(sagemaker, spec.describe(name), scope);
  } catch (error) {
    if (isScopeEnded(error))
      throw await endedError(spec, sagemaker, name, true, error, endContext(options));
    throw error;
  }
}
