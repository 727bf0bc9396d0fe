/**
 * Operators under faults, through a fault proxy in front of the local endpoint (the reproducers
 * of findings-2026-12 §4): lost and hanging Create calls, hanging Describe calls bounded by
 * maxIngestionTimeSeconds, abort with stop or detach, and missing tag permissions.
 */
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isJobAbortedError, isWaiterTimeoutError } from '../../src/operators/errors.js';
import { runTrainingJob } from '../../src/operators/runTrainingJob.js';
import { runTuningJob } from '../../src/operators/runTuningJob.js';
import { submitJob } from '../../src/operators/submitJob.js';
import { isCreateOutcomeError, isPermissionDeniedError } from '../../src/operators/submitErrors.js';
import { waitForJob } from '../../src/operators/waitForJob.js';
import { startFaultProxy, type FaultProxy } from './faultProxy.js';
import * as f from './fixtures.js';
import { FAST, credentials, fastRetry, startHarness, type Harness } from './harness.js';

let h: Harness;
let proxy: FaultProxy;
let sagemaker: SageMakerClient;
beforeEach(async () => {
  h = await startHarness();
  proxy = await startFaultProxy(h.local.url);
  sagemaker = new SageMakerClient({
    endpoint: proxy.url,
    region: 'us-east-1',
    credentials,
    retryStrategy: fastRetry(3),
  });
});
afterEach(async () => {
  sagemaker.destroy();
  await proxy.close();
  await h.close();
});

const clients = () => ({ sagemaker });
const statusOf = (name: string) =>
  runTrainingJob(
    f.trainingConfig(name),
    { sagemaker: h.sagemaker },
    {
      waitForCompletion: false,
      rerunFailed: false,
      logger: h.logger,
    },
  ).then((r) => r.Training.TrainingJobStatus);
const quick = { ...FAST, cleanupTimeoutSeconds: 2 } as const;

describe('lost and hanging Create calls', () => {
  test('every Create attempt loses its response: the job is found, attached and completes', async () => {
    // GIVEN a proxy that forwards every CreateTrainingJob and then resets the connection
    proxy.add({ operation: 'CreateTrainingJob', mode: 'resetAfter' });
    // WHEN the operator runs
    const { Training } = await runTrainingJob(f.trainingConfig('lost-all'), clients(), {
      ...quick,
      logger: h.logger,
    });
    // THEN one job exists, it was waited on to completion, and the loss was reported
    expect(Training.TrainingJobStatus).toBe('Completed');
    expect(h.local.names('training')).toEqual(['lost-all']);
    expect(h.logger.lines.some((l) => /response to Create .* lost-all was lost/.test(l))).toBe(
      true,
    );
  });

  test('every Create attempt is reset before it lands: a typed error says it was not created', async () => {
    proxy.add({ operation: 'CreateTrainingJob', mode: 'reset' });
    const error = await runTrainingJob(f.trainingConfig('reset-all'), clients(), {
      ...quick,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isCreateOutcomeError(error)).toBe(true);
    expect(error).toMatchObject({ jobName: 'reset-all', exists: false, kind: 'training' });
    expect(h.local.names('training')).toEqual([]);
  });

  test('the name check before Create hangs: cut at the deadline, nothing created', async () => {
    proxy.add({ operation: 'DescribeTrainingJob', mode: 'hang' });
    const error = await runTrainingJob(f.trainingConfig('check-hangs'), clients(), {
      ...FAST,
      maxIngestionTimeSeconds: 0.3,
      cleanupTimeoutSeconds: 0.3,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect((error as Error).message).toContain('no job was created');
    expect(h.local.names('training')).toEqual([]);
  });

  test('a hanging Create is cut at the deadline; the job it made is found and stopped', async () => {
    h.local.setBehaviour('cut-create', { outcome: 'hang' });
    proxy.add({ operation: 'CreateTrainingJob', mode: 'hangAfter' });
    const started = Date.now();
    const error = await runTrainingJob(f.trainingConfig('cut-create'), clients(), {
      ...FAST,
      maxIngestionTimeSeconds: 0.5,
      cleanupTimeoutSeconds: 2,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ jobName: 'cut-create', stopRequested: true });
    expect(h.local.names('training')).toEqual(['cut-create']);
    h.local.advance(5);
    expect(await statusOf('cut-create')).toBe('Stopped');
  });

  test('a Create cut by the deadline before it reached the service: nothing was created', async () => {
    proxy.add({ operation: 'CreateTrainingJob', mode: 'hang' });
    const error = await runTrainingJob(f.trainingConfig('never-sent'), clients(), {
      ...FAST,
      maxIngestionTimeSeconds: 0.3,
      cleanupTimeoutSeconds: 2,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ stopRequested: false });
    expect((error as Error).message).toContain('no job was created');
    expect(h.local.names('training')).toEqual([]);
  });

  test('a Create answered 500 after all retries, job not there: typed error, exists false', async () => {
    h.local.injectFault({ kind: 'serverError', operation: 'CreateTrainingJob', times: 3 });
    const error = await runTrainingJob(f.trainingConfig('five-hundred'), clients(), {
      ...quick,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CREATE_OUTCOME', exists: false, jobName: 'five-hundred' });
  });

  test('a Create whose outcome cannot be settled: exists undefined, the job is named', async () => {
    proxy.add({ operation: 'CreateTrainingJob', mode: 'resetAfter' });
    // the first Describe (the name check) passes; the one after the lost Create hangs
    proxy.add({ operation: 'DescribeTrainingJob', mode: { delayMs: 0 }, times: 1 });
    proxy.add({ operation: 'DescribeTrainingJob', mode: 'hang' });
    const error = await runTrainingJob(f.trainingConfig('unsettled'), clients(), {
      ...FAST,
      cleanupTimeoutSeconds: 0.3,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isCreateOutcomeError(error)).toBe(true);
    expect(error).toMatchObject({ jobName: 'unsettled', exists: undefined });
    expect((error as Error).message).toContain('re-run the same config to attach to it');
    // the job exists: a re-run without faults attaches to it
    proxy.clear();
    const { Training } = await runTrainingJob(f.trainingConfig('unsettled'), clients(), {
      ...FAST,
      logger: h.logger,
    });
    expect(Training.TrainingJobStatus).toBe('Completed');
    expect(h.local.count('CreateTrainingJob')).toBe(1);
  });
});

describe('hanging Describe calls are bounded by the deadline', () => {
  test('training: Describe hangs after Create, maxIngestionTimeSeconds 0.5: timeout, job stopped', async () => {
    h.local.setBehaviour('hang-describe', { outcome: 'hang' });
    const logger = {
      ...h.logger,
      info: (m: string) => {
        h.logger.info(m);
        if (m.startsWith('Created SageMaker'))
          proxy.add({ operation: 'DescribeTrainingJob', mode: 'hang' });
      },
    };
    const started = Date.now();
    const error = await runTrainingJob(f.trainingConfig('hang-describe'), clients(), {
      ...FAST,
      maxIngestionTimeSeconds: 0.5,
      cleanupTimeoutSeconds: 2,
      logger,
    }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ jobName: 'hang-describe', stopRequested: true });
    expect(h.local.count('StopTrainingJob')).toBe(1);
    h.local.advance(5);
    expect(await statusOf('hang-describe')).toBe('Stopped');
  });

  test('tuning: the same, through the same wait loop', async () => {
    h.local.setBehaviour('tune-hang-d', { outcome: 'hang' });
    const logger = {
      ...h.logger,
      info: (m: string) => {
        h.logger.info(m);
        if (m.startsWith('Created SageMaker'))
          proxy.add({ operation: 'DescribeHyperParameterTuningJob', mode: 'hang' });
      },
    };
    const error = await runTuningJob(f.tuningConfig('tune-hang-d'), clients(), {
      ...FAST,
      maxIngestionTimeSeconds: 0.4,
      cleanupTimeoutSeconds: 2,
      logger,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WAITER_TIMEOUT', stopRequested: true });
    expect(h.local.count('StopHyperParameterTuningJob')).toBe(1);
  });

  test('abort during a hanging Describe cuts it at once and stops the job', async () => {
    h.local.setBehaviour('abort-hang', { outcome: 'hang' });
    const controller = new AbortController();
    const logger = {
      ...h.logger,
      info: (m: string) => {
        h.logger.info(m);
        if (m.startsWith('Created SageMaker')) {
          proxy.add({ operation: 'DescribeTrainingJob', mode: 'hang' });
          setTimeout(() => {
            controller.abort(new Error('worker shutdown'));
          }, 200);
        }
      },
    };
    const error = await runTrainingJob(f.trainingConfig('abort-hang'), clients(), {
      ...FAST,
      signal: controller.signal,
      cleanupTimeoutSeconds: 2,
      logger,
    }).catch((e: unknown) => e);
    expect(isJobAbortedError(error)).toBe(true);
    expect(error).toMatchObject({ jobName: 'abort-hang', stopRequested: true, detached: false });
  });
});

describe('abort: stop or detach, and nothing after the promise settles', () => {
  test("onAbort 'detach' leaves the job running; another wait on its handle completes it", async () => {
    h.local.setBehaviour('detach-1', { durationSeconds: 200 });
    const handle = await submitJob('training', f.trainingConfig('detach-1'), clients(), {
      logger: h.logger,
    });
    const controller = new AbortController();
    const waiting = waitForJob(handle, clients(), {
      ...FAST,
      signal: controller.signal,
      onAbort: 'detach',
      logger: h.logger,
    }).catch((e: unknown) => e);
    while (!h.logger.lines.includes('info: SageMaker training job detach-1: InProgress'))
      await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const error = await waiting;
    expect(isJobAbortedError(error)).toBe(true);
    expect(error).toMatchObject({ detached: true, stopRequested: false, jobName: 'detach-1' });
    expect((error as Error).message).toContain('detached: the training job keeps running');
    expect(h.local.count('StopTrainingJob')).toBe(0);
    // nothing is polled or logged once the promise has settled
    const requests = h.local.requests.length;
    const lines = h.logger.lines.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(h.local.requests.length).toBe(requests);
    expect(h.logger.lines.length).toBe(lines);
    // a later wait on the same handle sees the job through
    const done = await waitForJob(handle, clients(), { ...FAST, logger: h.logger });
    expect(done.TrainingJobStatus).toBe('Completed');
    expect(h.local.names('training')).toEqual(['detach-1']);
  });

  test("onAbort 'stop' (the default): stopped, and quiet after the promise settles", async () => {
    h.local.setBehaviour('stop-1', { outcome: 'hang' });
    const controller = new AbortController();
    const running = runTrainingJob(f.trainingConfig('stop-1'), clients(), {
      ...FAST,
      signal: controller.signal,
      logger: h.logger,
    }).catch((e: unknown) => e);
    while (!h.logger.lines.includes('info: SageMaker training job stop-1: InProgress'))
      await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const error = await running;
    expect(error).toMatchObject({ code: 'JOB_ABORTED', stopRequested: true, detached: false });
    const requests = h.local.requests.length;
    const lines = h.logger.lines.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(h.local.requests.length).toBe(requests);
    expect(h.logger.lines.length).toBe(lines);
  });
});

describe('tag permissions', () => {
  test('no sagemaker:ListTags: a typed error naming the permission', async () => {
    await runTrainingJob(
      f.trainingConfig('perm-1'),
      { sagemaker: h.sagemaker },
      {
        waitForCompletion: false,
        logger: h.logger,
      },
    );
    proxy.add({ operation: 'ListTags', mode: 'accessDenied' });
    const error = await runTrainingJob(f.trainingConfig('perm-1'), clients(), {
      ...FAST,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isPermissionDeniedError(error)).toBe(true);
    expect(error).toMatchObject({ permission: 'sagemaker:ListTags', resourceName: 'perm-1' });
    expect((error as Error).message).toContain('idempotencyTag: false');
  });

  test('no sagemaker:AddTags on Create: a typed error naming it; idempotencyTag false runs', async () => {
    proxy.add({
      operation: 'CreateTrainingJob',
      mode: 'accessDenied',
      times: 1,
      message:
        'User: arn:aws:sts::123456789012:assumed-role/r is not authorized to perform: sagemaker:AddTags on resource: arn:aws:sagemaker:us-east-1:123456789012:training-job/perm-2',
    });
    const error = await runTrainingJob(f.trainingConfig('perm-2'), clients(), {
      ...FAST,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PERMISSION_DENIED', permission: 'sagemaker:AddTags' });
    proxy.add({ operation: /^(ListTags|AddTags)$/, mode: 'accessDenied' });
    const { Training } = await runTrainingJob(f.trainingConfig('perm-2'), clients(), {
      ...FAST,
      idempotencyTag: false,
      logger: h.logger,
    });
    expect(Training.TrainingJobStatus).toBe('Completed');
    expect(h.local.createRequest('training', 'perm-2')?.['Tags']).toBeUndefined();
    expect(proxy.seen.filter((s) => s.operation === 'ListTags')).toEqual([]);
  });
});
