/**
 * Polling, heartbeats and `maxAttempts` on the local endpoint's simulated clock (issue 12 item 6,
 * issue 18 item 4). The operator's clock is the endpoint's: each sleep moves the simulated time
 * forward instead of waiting, so a one-hour job is waited on in milliseconds and every figure is
 * a count read from the endpoint's call log, never a timing.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { OperatorClock } from '../../src/operators/clock.js';
import { isWaiterTimeoutError } from '../../src/operators/errors.js';
import type { OperatorLogger } from '../../src/operators/logger.js';
import { runTrainingJob } from '../../src/operators/runTrainingJob.js';
import type { LocalSageMaker } from '../../src/testing/index.js';
import * as f from './fixtures.js';
import { startHarness, type Harness } from './harness.js';

/** A clock that is the local endpoint's: sleeping advances the simulated time. */
function endpointClock(local: LocalSageMaker): OperatorClock {
  return {
    now: () => local.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) return;
      local.advance(ms / 1000);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

interface TimedLine {
  readonly atMs: number;
  readonly line: string;
}

/** A logger that stamps each line with the simulated time. */
function timedLogger(local: LocalSageMaker): OperatorLogger & { lines: TimedLine[] } {
  const lines: TimedLine[] = [];
  const push = (line: string) => void lines.push({ atMs: local.now(), line });
  return { lines, info: push, warn: push, error: push };
}

let h: Harness;
beforeEach(async () => {
  // No clock movement on Describe: only the operator's sleeps move time.
  h = await startHarness({ autoAdvanceSeconds: 0, jobDurationSeconds: 3600 });
});
afterEach(async () => {
  await h.close();
});

const describes = () => h.local.requests.filter((r) => r.operation === 'DescribeTrainingJob');

describe('calls per job-hour', () => {
  test.each([3600, 3610])(
    'a %i s job with the default options: at most 40 Describe calls, end noticed within 120 s',
    async (seconds) => {
      // GIVEN a training job that runs one simulated hour (or a little more, off the poll grid),
      // and the operator on the same clock
      h.local.setBehaviour('hour-1', { durationSeconds: seconds });
      const logger = timedLogger(h.local);
      const startedAt = h.local.now();
      // WHEN the operator waits on it with the default polling options
      const { Training } = await runTrainingJob(
        f.trainingConfig('hour-1'),
        { sagemaker: h.sagemaker },
        { clock: endpointClock(h.local), logger },
      );
      // THEN it completed; the Describe calls of the wait (not the one before Create) number at most 40
      expect(Training.TrainingJobStatus).toBe('Completed');
      const waitCalls = describes().filter((r) => r.status < 300).length;
      const endMs = new Date(Training.TrainingEndTime!).getTime();
      expect(endMs - startedAt).toBe(seconds * 1000);
      const noticedAfterMs = h.local.now() - endMs;
      console.info(
        `calls per ${seconds} s job: ${waitCalls} DescribeTrainingJob (incl. the name check), end noticed ${noticedAfterMs / 1000} s after it`,
      );
      expect(waitCalls).toBeLessThanOrEqual(40);
      expect(noticedAfterMs).toBeLessThanOrEqual(120_000);
    },
  );

  test('maxCheckIntervalSeconds: 30 turns the backoff off: a Describe every 30 s', async () => {
    await runTrainingJob(
      f.trainingConfig('hour-2'),
      { sagemaker: h.sagemaker },
      { clock: endpointClock(h.local), logger: timedLogger(h.local), maxCheckIntervalSeconds: 30 },
    );
    // 1 name check + a Describe at 0, 30, ..., 3600 s
    expect(describes().length).toBe(1 + 121);
  });
});

describe('heartbeat', () => {
  test('a line with status, secondary status and elapsed time at least every progressIntervalSeconds', async () => {
    const logger = timedLogger(h.local);
    const startedAt = h.local.now();
    await runTrainingJob(
      f.trainingConfig('beat-1'),
      { sagemaker: h.sagemaker },
      { clock: endpointClock(h.local), logger, progressIntervalSeconds: 60 },
    );
    const beats = logger.lines.filter((l) =>
      /^SageMaker training job beat-1: \w+ \(\w+\), \d+:\d\d:\d\d elapsed$/.test(l.line),
    );
    // one a minute through the hour (the backoff sleeps up to 120 s; the heartbeat cuts them)
    expect(beats.length).toBeGreaterThanOrEqual(59);
    expect(beats[0]?.line).toBe(
      'SageMaker training job beat-1: InProgress (Starting), 0:01:00 elapsed',
    );
    expect(beats.some((b) => b.line.includes('(Training), 0:30:00 elapsed'))).toBe(true);
    const times = [startedAt, ...beats.map((b) => b.atMs)];
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000);
  });
});

describe('maxAttempts', () => {
  test('a hanging job is stopped after maxAttempts status checks, with a typed error saying so', async () => {
    h.local.hangJob('attempts-1');
    const error = await runTrainingJob(
      f.trainingConfig('attempts-1'),
      { sagemaker: h.sagemaker },
      {
        clock: endpointClock(h.local),
        logger: timedLogger(h.local),
        checkIntervalSeconds: 60,
        maxCheckIntervalSeconds: 60,
        maxAttempts: 5,
      },
    ).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ maxAttempts: 5, stopRequested: true, jobName: 'attempts-1' });
    expect((error as Error).message).toBe(
      'SageMaker training job attempts-1 did not finish within 5 status checks; Stop was requested for the training job',
    );
    // 1 name check before Create + 5 status checks
    expect(describes().length).toBe(6);
    expect(h.local.count('StopTrainingJob')).toBe(1);
  });

  test('a job that ends within maxAttempts checks completes', async () => {
    h.local.setBehaviour('attempts-2', { durationSeconds: 200 });
    const { Training } = await runTrainingJob(
      f.trainingConfig('attempts-2'),
      { sagemaker: h.sagemaker },
      {
        clock: endpointClock(h.local),
        logger: timedLogger(h.local),
        checkIntervalSeconds: 60,
        maxCheckIntervalSeconds: 60,
        maxAttempts: 5,
      },
    );
    // checks at 0, 60, 120, 180, 240 s: the fifth sees it Completed
    expect(Training.TrainingJobStatus).toBe('Completed');
    expect(describes().length).toBe(6);
    expect(h.local.count('StopTrainingJob')).toBe(0);
  });
});
