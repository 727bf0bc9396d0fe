import { describe, expect, test } from 'vitest';
import { backoffDelayMs, poll } from '../../src/operators/poller.js';

describe('backoffDelayMs', () => {
  test('grows from min, jittered, and is capped at max', () => {
    // GIVEN min 100 ms, max 1000 ms
    // THEN attempt 1 is exactly min, later attempts stay in [min, min*2^(n-1)] and never pass max
    expect(backoffDelayMs(100, 1000, 1, () => 0.99)).toBe(100);
    expect(backoffDelayMs(100, 1000, 3, () => 0)).toBe(100);
    expect(backoffDelayMs(100, 1000, 3, () => 1)).toBe(400);
    expect(backoffDelayMs(100, 1000, 10, () => 1)).toBe(1000);
    expect(backoffDelayMs(100, 1000, 500, () => 1)).toBe(1000);
  });
});

describe('poll', () => {
  test('checks once immediately and returns the value when done', async () => {
    let calls = 0;
    const result = await poll(() => Promise.resolve({ done: ++calls === 3, value: calls }), {
      minDelaySeconds: 0.001,
      maxDelaySeconds: 0.002,
    });
    expect(result).toEqual({ state: 'done', value: 3 });
  });

  test('a done first check does not sleep: a huge delay is never waited', async () => {
    const result = await poll(() => Promise.resolve({ done: true, value: 'now' }), {
      minDelaySeconds: 3600,
      maxDelaySeconds: 3600,
    });
    expect(result).toEqual({ state: 'done', value: 'now' });
  });

  test('times out at the deadline without sleeping past it', async () => {
    let calls = 0;
    const result = await poll(
      () => {
        calls += 1;
        return Promise.resolve({ done: false, value: undefined });
      },
      // a 1 h delay but a 30 ms limit: the sleep is cut to the deadline, then one last check
      { minDelaySeconds: 3600, maxDelaySeconds: 3600, maxWaitSeconds: 0.03 },
    );
    expect(result).toEqual({ state: 'timeout' });
    expect(calls).toBe(2);
  });

  /** A signal that records listener additions and removals. */
  function recordingSignal(controller: AbortController) {
    const added: string[] = [];
    const removed: string[] = [];
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    type Listener = Parameters<AbortSignal['addEventListener']>[1];
    type Options = Parameters<AbortSignal['addEventListener']>[2];
    signal.addEventListener = (type: string, listener: Listener, options?: Options) => {
      added.push(type);
      add(type, listener, options);
    };
    signal.removeEventListener = (type: string, listener: Listener) => {
      removed.push(type);
      remove(type, listener);
    };
    return { signal, added, removed };
  }

  test('each sleep that ends normally removes its abort listener', async () => {
    const { signal, added, removed } = recordingSignal(new AbortController());
    let calls = 0;
    const result = await poll(() => Promise.resolve({ done: ++calls === 3, value: calls }), {
      minDelaySeconds: 0.001,
      maxDelaySeconds: 0.001,
      signal,
    });
    expect(result).toEqual({ state: 'done', value: 3 });
    expect(added).toEqual(['abort', 'abort']);
    expect(removed).toEqual(['abort', 'abort']);
  });

  test('abort during a long sleep ends the poll at once', async () => {
    // GIVEN a one-hour delay between checks
    const controller = new AbortController();
    const { signal } = recordingSignal(controller);
    let calls = 0;
    const running = poll(
      () => {
        calls += 1;
        return Promise.resolve({ done: false, value: undefined });
      },
      { minDelaySeconds: 3600, maxDelaySeconds: 3600, signal },
    );
    // WHEN the signal aborts during the sleep
    setTimeout(() => {
      controller.abort();
    }, 10);
    // THEN the poll ends (the test would time out otherwise) after the one immediate check
    expect(await running).toEqual({ state: 'aborted' });
    expect(calls).toBe(1);
  });

  test('an already aborted signal makes no check', async () => {
    let calls = 0;
    const result = await poll(
      () => {
        calls += 1;
        return Promise.resolve({ done: true, value: 1 });
      },
      { minDelaySeconds: 1, maxDelaySeconds: 1, signal: AbortSignal.abort() },
    );
    expect(result).toEqual({ state: 'aborted' });
    expect(calls).toBe(0);
  });
});
