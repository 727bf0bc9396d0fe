/**
 * The time source of the operators' waits: delays between status checks, deadlines and
 * heartbeats read it, so a test or a simulation can run a job-hour in milliseconds against the
 * local endpoint's simulated clock.
 */

/** A clock the operators read and sleep on. */
export interface OperatorClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` milliseconds, or early (without rejecting) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The system clock: `Date.now` and `setTimeout`, with the abort listener removed when done. */
export const systemClock: OperatorClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
