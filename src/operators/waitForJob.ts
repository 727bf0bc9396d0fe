/**
 * Waits for a job or endpoint to reach a final state, with the AWS SDK's own waiter where one
 * exists (training, transform, processing, endpoint) and {@link poll} otherwise (tuning). The
 * waiter's Describe outputs are observed to report progress, so no extra calls are made for it.
 * Ends in the final Describe output, or a typed error: Failed, Stopped (never success), timeout or
 * abort (after asking SageMaker to stop the job).
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  JobAbortedError,
  JobFailedError,
  JobStoppedError,
  WaiterTimeoutError,
  labelOf,
  type StopOutcome,
} from './errors.js';
import type { KindSpec } from './jobKinds.js';
import { logTail, type LogTail } from './logTail.js';
import type { OperatorLogger } from './logger.js';
import { poll } from './poller.js';
import { billableSeconds, progressReporter } from './progress.js';
import { call, errorMessage, errorName, type AnyCommand, type Json } from './sagemakerCall.js';

/** Options of {@link waitForResource}. @internal */
export interface WaitOptions {
  readonly checkIntervalSeconds: number;
  readonly maxIngestionTimeSeconds: number | undefined;
  readonly signal: AbortSignal | undefined;
  readonly logger: OperatorLogger;
  readonly logs: Pick<CloudWatchLogsClient, 'send'> | undefined;
  readonly printLog: boolean;
}

/** SDK waiters need a finite limit; this stands for "no limit" (about 31 years). */
const NO_LIMIT_SECONDS = 1e9;

type WaitEnd = 'terminal' | 'timeout' | 'aborted';

/** Asks SageMaker to stop a job; never throws, says what happened. @internal */
export async function stopResource(
  spec: KindSpec,
  sagemaker: Pick<SageMakerClient, 'send'>,
  name: string,
  logger: OperatorLogger,
): Promise<StopOutcome> {
  if (!spec.stop) {
    return {
      stopRequested: false,
      stopError: new Error(`a SageMaker ${labelOf(spec.kind)} has no Stop API`),
    };
  }
  try {
    await call(sagemaker, spec.stop(name));
    logger.warn(`Requested Stop of SageMaker ${labelOf(spec.kind)} ${name}`);
    return { stopRequested: true };
  } catch (stopError) {
    logger.error(
      `Could not stop SageMaker ${labelOf(spec.kind)} ${name}: ${errorMessage(stopError)}`,
    );
    return { stopRequested: false, stopError };
  }
}

/**
 * Waits for `name` to finish and returns its final Describe output.
 * @throws {@link JobFailedError}, {@link JobStoppedError}, {@link WaiterTimeoutError}, {@link JobAbortedError}
 * @internal
 */
export async function waitForResource(
  spec: KindSpec,
  sagemaker: Pick<SageMakerClient, 'send'>,
  name: string,
  options: WaitOptions,
): Promise<Json> {
  const { logger, signal } = options;
  const report = progressReporter(spec.kind, name, spec.statusKey, logger);
  let last: Json | undefined;
  let lastError: unknown;
  const observe = (output: Json): Json => {
    last = output;
    lastError = undefined;
    report(output);
    return output;
  };
  // The SDK waiter only calls client.send; this client lets us see each Describe it makes.
  const observing = {
    send: async (command: AnyCommand): Promise<Json> => {
      try {
        const output = await call(sagemaker, command);
        return command instanceof spec.describeCommand ? observe(output) : output;
      } catch (error) {
        lastError = error;
        throw error;
      }
    },
  };

  const tail: LogTail | undefined =
    options.printLog && options.logs && spec.logGroup
      ? logTail(options.logs, spec.logGroup, name, logger)
      : undefined;
  const pump = tail ? startLogPump(tail, options.checkIntervalSeconds, logger) : undefined;

  const maxWait = options.maxIngestionTimeSeconds ?? NO_LIMIT_SECONDS;
  // The SDK refuses a first delay as long as the whole wait; shorten it for very short limits.
  const delay = Math.min(options.checkIntervalSeconds, maxWait / 2);
  let end: WaitEnd;
  try {
    end = spec.waiter
      ? await runSdkWaiter(spec, observing, name, { delay, maxWait, signal })
      : await runPoller(spec, observing, name, { delay, maxWait, signal });
  } finally {
    await pump?.stop();
  }
  // One last read so the final lines (the error trace of a failed job) are printed.
  await tail?.poll().catch((error: unknown) => {
    logger.warn(`Could not read CloudWatch logs: ${errorMessage(error)}`);
  });

  if (end === 'timeout') {
    const stop = await stopResource(spec, sagemaker, name, logger);
    throw new WaiterTimeoutError(spec.kind, name, maxWait, stop);
  }
  if (end === 'aborted') {
    const stop = await stopResource(spec, sagemaker, name, logger);
    throw new JobAbortedError(spec.kind, name, stop, signal?.reason);
  }
  if (!last) throw asError(lastError, `No Describe output for ${name}`);
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
  if (status === 'Stopped') throw new JobStoppedError(spec.kind, name, last);
  // The waiter gave up on an error (e.g. the job vanished): surface the service's own error.
  throw asError(
    lastError,
    `SageMaker ${labelOf(spec.kind)} ${name} ended in status ${String(status)}`,
  );
}

function asError(error: unknown, fallback: string): Error {
  if (error instanceof Error) return error;
  return new Error(error === undefined ? fallback : `${fallback}: ${JSON.stringify(error)}`);
}

interface WaitTimes {
  readonly delay: number;
  readonly maxWait: number;
  readonly signal: AbortSignal | undefined;
}

async function runSdkWaiter(
  spec: KindSpec,
  client: { send: (command: AnyCommand) => Promise<Json> },
  name: string,
  { delay, maxWait, signal }: WaitTimes,
): Promise<WaitEnd> {
  const waiter = spec.waiter;
  if (!waiter) throw new Error('unreachable: no SDK waiter');
  try {
    await waiter(
      {
        client: client as unknown as SageMakerClient,
        // Equal delays make the SDK poll at a steady interval, as Airflow's check_interval does.
        minDelay: delay,
        maxDelay: delay,
        maxWaitTime: maxWait,
        ...(signal ? { abortSignal: signal } : {}),
      },
      { [spec.nameKey]: name } as never,
    );
    return 'terminal';
  } catch (error) {
    const errName = (error as { name?: string }).name;
    if (errName === 'TimeoutError') return 'timeout';
    if (errName === 'AbortError' || signal?.aborted) return 'aborted';
    // FAILURE: a failure state or an error the waiter does not retry; the caller reads `last`.
    return 'terminal';
  }
}

async function runPoller(
  spec: KindSpec,
  client: { send: (command: AnyCommand) => Promise<Json> },
  name: string,
  { delay, maxWait, signal }: WaitTimes,
): Promise<WaitEnd> {
  const finished = new Set([spec.successStatus, 'Failed', 'Stopped']);
  const result = await poll(
    async () => {
      let description: Json;
      try {
        description = await client.send(spec.describe(name));
      } catch (error) {
        // As the SDK waiters do: a ValidationException (no such job) ends the wait; anything
        // else that outlived the client's retries is retried at the next check.
        if (errorName(error) === 'ValidationException') throw error;
        return { done: false, value: undefined };
      }
      return { done: finished.has(String(description[spec.statusKey])), value: description };
    },
    {
      minDelaySeconds: delay,
      maxDelaySeconds: delay,
      maxWaitSeconds: maxWait,
      signal,
    },
  );
  return result.state === 'done' ? 'terminal' : result.state;
}

/** Polls the logs every interval in the background until stopped. */
function startLogPump(
  tail: LogTail,
  intervalSeconds: number,
  logger: OperatorLogger,
): { stop: () => Promise<void> } {
  let running = true;
  // Read through a function: `stop()` flips the flag while the loop awaits.
  const isRunning = (): boolean => running;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let warned = false;
  const loop = (async () => {
    while (isRunning()) {
      try {
        await tail.poll();
      } catch (error) {
        if (!warned) logger.warn(`Could not read CloudWatch logs: ${errorMessage(error)}`);
        warned = true;
      }
      if (!isRunning()) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, intervalSeconds * 1000);
      });
    }
  })();
  return {
    async stop() {
      running = false;
      clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
}
