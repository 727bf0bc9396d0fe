import { DescribeTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { CancelledFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSageMakerActivities,
  SAGEMAKER_NON_RETRYABLE_ERROR_TYPES,
  type SageMakerActivities,
  type SageMakerHandleInput,
  type SageMakerHeartbeat,
  type SageMakerJobInput,
} from '../../src/temporal/index.js';
import { startHarness, type Harness } from '../operators/harness.js';
import { trainingConfig } from '../operators/fixtures.js';

let h: Harness;
beforeEach(async () => {
  // A 600 s job with 100 simulated seconds per Describe: six checks to the end.
  h = await startHarness({ jobDurationSeconds: 600, autoAdvanceSeconds: 100 });
});
afterEach(async () => {
  await h.close();
});

const activities = () =>
  createSageMakerActivities({
    clients: { sagemaker: h.sagemaker },
    checkIntervalSeconds: 0.02,
    submitOptions: { checkS3Inputs: false },
    logger: h.logger,
  });

// The activities are generic over the job kind; these pin them to training jobs for env.run.
type Training = SageMakerJobInput<'training'>;
type TrainingHandle = SageMakerHandleInput<'training'>;
const run = (a: SageMakerActivities) => (input: Training) => a.runSageMakerJob(input);
const submit = (a: SageMakerActivities) => (input: Training) => a.submitSageMakerJob(input);
const check = (a: SageMakerActivities) => (input: TrainingHandle) => a.checkSageMakerJob(input);
const wait = (a: SageMakerActivities) => (input: TrainingHandle) => a.waitForSageMakerJob(input);
const stopJob = (a: SageMakerActivities) => (input: TrainingHandle) => a.stopSageMakerJob(input);

/** `env.run` with the input's type taken from the activity, not from the literal. */
function runIn<I, R>(
  env: MockActivityEnvironment,
  fn: (input: I) => Promise<R>,
  input: I,
): Promise<R> {
  return env.run<[I], R, (input: I) => Promise<R>>(fn, input);
}

const nothing = (): void => undefined;
/** The mock's own log lines (an activity failed, ...) would bury the test output. */
const quietLogger = {
  log: nothing,
  trace: nothing,
  debug: nothing,
  info: nothing,
  warn: nothing,
  error: nothing,
};

/** A mock activity environment that records its heartbeats, and cancels on a chosen one. */
function environment(
  info: ConstructorParameters<typeof MockActivityEnvironment>[0] = {},
  cancelAt?: { readonly checks: number; readonly reason: 'CANCELLED' | 'WORKER_SHUTDOWN' },
) {
  const env = new MockActivityEnvironment(info, { logger: quietLogger });
  const heartbeats: SageMakerHeartbeat[] = [];
  env.on('heartbeat', (details: SageMakerHeartbeat) => {
    heartbeats.push(details);
    if (cancelAt !== undefined && details.checks === cancelAt.checks) env.cancel(cancelAt.reason);
  });
  return { env, heartbeats };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the activity to fail');
}

describe('createSageMakerActivities in the mock activity environment', () => {
  it('runs a job to completion, heartbeating its handle at every check', async () => {
    // GIVEN the activity WHEN it runs a training job
    const { env, heartbeats } = environment();
    const result = await runIn(env, run(activities()), {
      kind: 'training',
      config: trainingConfig('temporal-train-1'),
    });
    // THEN it returns the completed job with its handle
    expect(result.description.TrainingJobStatus).toBe('Completed');
    expect(result.handle).toMatchObject({ kind: 'training', name: 'temporal-train-1' });
    // AND every heartbeat carried that handle, the last with the final status
    expect(heartbeats.length).toBeGreaterThanOrEqual(3);
    for (const beat of heartbeats) expect(beat.handle).toStrictEqual(result.handle);
    expect(heartbeats.map((b) => b.checks)).toStrictEqual(heartbeats.map((_, i) => i));
    expect(heartbeats.at(-1)?.status).toBe('Completed');
    expect(heartbeats.slice(1, -1).every((b) => b.status === 'InProgress')).toBe(true);
    expect(h.local.count('CreateTrainingJob')).toBe(1);
  });

  it('leaves the job running on a worker shutdown, and the retry attaches to it', async () => {
    // GIVEN a first attempt the worker shuts down at its first status check
    const first = environment({}, { checks: 1, reason: 'WORKER_SHUTDOWN' });
    const config = trainingConfig('temporal-train-2');
    const error = await rejection(
      runIn(first.env, run(activities()), { kind: 'training', config }),
    );
    // THEN it re-throws the cancellation and does not stop the job
    expect(error).toBeInstanceOf(CancelledFailure);
    expect((error as Error).message).toBe('WORKER_SHUTDOWN');
    expect(h.local.count('StopTrainingJob')).toBe(0);
    // WHEN the retry starts from the last heartbeat's details
    const last = first.heartbeats.at(-1)!;
    const second = environment({ heartbeatDetails: last, attempt: 2 });
    const result = await runIn(second.env, run(activities()), { kind: 'training', config });
    // THEN it waits on the same job to completion: one job, one Create, no Stop
    expect(result.handle).toStrictEqual(last.handle);
    expect(result.description.TrainingJobStatus).toBe('Completed');
    expect(h.local.count('CreateTrainingJob')).toBe(1);
    expect(h.local.names('training')).toStrictEqual(['temporal-train-2']);
    expect(h.local.count('StopTrainingJob')).toBe(0);
    expect(h.logger.lines).toContain('info: Attempt 2: resuming training job temporal-train-2');
  });

  it('stops the job exactly once when the workflow cancels the activity', async () => {
    // GIVEN an attempt the workflow cancels at its second status check
    const { env } = environment({}, { checks: 2, reason: 'CANCELLED' });
    const error = await rejection(
      runIn(env, run(activities()), {
        kind: 'training',
        config: trainingConfig('temporal-train-3'),
      }),
    );
    // THEN the cancellation is re-thrown after one Stop of the job
    expect(error).toBeInstanceOf(CancelledFailure);
    expect(h.local.count('StopTrainingJob')).toBe(1);
    const described = await h.sagemaker.send(
      new DescribeTrainingJobCommand({ TrainingJobName: 'temporal-train-3' }),
    );
    expect(['Stopping', 'Stopped']).toContain(described.TrainingJobStatus);
  });

  it('fails with a non-retryable error type when the job fails', async () => {
    h.local.failJob('temporal-train-4', 'AlgorithmError: out of memory');
    const { env } = environment();
    const error = await rejection(
      runIn(env, run(activities()), {
        kind: 'training',
        config: trainingConfig('temporal-train-4'),
      }),
    );
    expect((error as Error).name).toBe('JobFailedError');
    expect(SAGEMAKER_NON_RETRYABLE_ERROR_TYPES).toContain((error as Error).name);
    expect((error as Error).message).toContain('out of memory');
  });

  it('submits, checks, waits and stops through the one-step activities', async () => {
    const a = activities();
    const config = trainingConfig('temporal-train-5');
    // A stale heartbeat from something else does not stop a submission.
    const { env } = environment({ heartbeatDetails: { handle: 'not a handle' } });
    const handle = await runIn(env, run(a), { kind: 'training', config }).then((r) => r.handle);
    expect(h.local.count('CreateTrainingJob')).toBe(1);
    // Submitting the same config again attaches to the job it made.
    const again = await runIn(environment().env, submit(a), { kind: 'training', config });
    expect(again.name).toBe(handle.name);
    expect(h.local.count('CreateTrainingJob')).toBe(1);
    const status = await runIn(environment().env, check(a), { handle });
    expect(status).toMatchObject({ done: true, succeeded: true, status: 'Completed' });
    const described = await runIn(environment().env, wait(a), { handle });
    expect(described.TrainingJobStatus).toBe('Completed');
    const stop = await runIn(environment().env, stopJob(a), { handle });
    expect(stop.stopRequested).toBe(false);
  });
});
