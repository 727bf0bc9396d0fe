/**
 * A small poller of the same design as the AWS SDK's waiters (smithy `util-waiter`), for the jobs
 * the SDK has no waiter for (tuning): it polls once immediately, then backs off exponentially with
 * capped jitter, checks the deadline before sleeping, and reacts to an `AbortSignal` through
 * `addEventListener`, removing its listeners when it returns.
 */

/** Options of {@link poll}. */
export interface PollOptions {
  /** Shortest delay between checks, in seconds (fractions allowed). */
  readonly minDelaySeconds: number;
  /** Longest delay between checks, in seconds; delays grow from min to this. */
  readonly maxDelaySeconds: number;
  /** Give up after this many seconds. @default - never */
  readonly maxWaitSeconds?: number | undefined;
  /** Stops polling when aborted. @default - none */
  readonly signal?: AbortSignal | undefined;
  /** Source of randomness for the jitter, in [0, 1). @default Math.random */
  readonly random?: () => number;
}

/** How {@link poll} ended. */
export type PollResult<T> =
  | { readonly state: 'done'; readonly value: T }
  | { readonly state: 'timeout' }
  | { readonly state: 'aborted' };

/**
 * Delay before check number `attempt` (1-based, after the first immediate check), in ms: a random
 * value between `min` and `min * 2^(attempt-1)`, capped at `max`.
 * @internal
 */
export function backoffDelayMs(
  minMs: number,
  maxMs: number,
  attempt: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt - 1, 30));
  return minMs + random() * (ceiling - minMs);
}

/**
 * Calls `check` until it returns `{ done: true }`, the deadline passes or the signal aborts.
 * Errors thrown by `check` propagate (the SDK's own retry strategy has already retried throttling
 * and 5xx inside each call).
 */
export async function poll<T>(
  check: () => Promise<{ readonly done: boolean; readonly value: T }>,
  options: PollOptions,
): Promise<PollResult<T>> {
  const { signal } = options;
  const random = options.random ?? Math.random;
  const minMs = options.minDelaySeconds * 1000;
  const maxMs = Math.max(minMs, options.maxDelaySeconds * 1000);
  const deadline =
    options.maxWaitSeconds === undefined ? Infinity : Date.now() + options.maxWaitSeconds * 1000;
  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) return { state: 'aborted' };
    // Whether this sleep runs to the deadline, making the check after it the last.
    let last = false;
    if (attempt > 0) {
      const delay = backoffDelayMs(minMs, maxMs, attempt, random);
      const remaining = deadline - Date.now();
      if (remaining <= 0) return { state: 'timeout' };
      // Sleep at most until the deadline, then make one last check, so a job that ends just in
      // time is not reported as timed out. A timer may fire a millisecond before `Date.now()`
      // reaches the deadline, so the last check is known by the cut, not by the clock after it.
      last = delay >= remaining;
      const aborted = await sleep(Math.min(delay, remaining), signal);
      if (aborted) return { state: 'aborted' };
    }
    const result = await check();
    if (result.done) return { state: 'done', value: result.value };
    if (last || Date.now() >= deadline) return { state: 'timeout' };
  }
}

/** Resolves `true` if the signal aborted during the sleep, `false` when the time passed. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(true);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
