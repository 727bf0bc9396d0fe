/**
 * Re-run semantics (issue 12 §1, findings-2026-12 §4c): a retried task after Failed or an abort
 * runs a new job once; a running or completed job of the same config is attached to; concurrent
 * starts of one config, in separate processes, create one job; a handle written by one process is
 * waited on by another.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isJobFailedError, isResourceExistsError } from '../../src/operators/errors.js';
import { parseJobHandle } from '../../src/operators/jobHandle.js';
import { runTrainingJob } from '../../src/operators/runTrainingJob.js';
import { slotName } from '../../src/operators/submit.js';
import { spawnOperator } from './child/spawnOperator.js';
import { startFaultProxy } from './faultProxy.js';
import * as f from './fixtures.js';
import { FAST, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const clients = () => ({ sagemaker: h.sagemaker });
const run = (name: string, options: Record<string, unknown> = {}, extra = {}) =>
  runTrainingJob(f.trainingConfig(name, extra), clients(), {
    ...FAST,
    logger: h.logger,
    ...options,
  });

describe('re-run after Failed or Stopped', () => {
  test('a task retried after Failed creates exactly one new job and succeeds; a third run attaches', async () => {
    // GIVEN a first attempt whose job fails
    h.local.setBehaviour('retry-1', { outcome: 'Failed', failureReason: 'ClientError: bad data' });
    const first = await run('retry-1').catch((e: unknown) => e);
    expect(isJobFailedError(first)).toBe(true);
    // WHEN the orchestrator retries the task with the same config (and the data fixed upstream)
    const second = await run('retry-1');
    // THEN one new job ran, under the hash-derived re-run name, and completed
    expect(second.Training.TrainingJobStatus).toBe('Completed');
    expect(h.local.names('training')).toEqual(['retry-1', second.Training.TrainingJobName]);
    expect(second.Training.TrainingJobName).toMatch(/^retry-1-\d{10}$/);
    // AND a third run of the same config attaches to the completed re-run
    const third = await run('retry-1');
    expect(third.Training.TrainingJobName).toBe(second.Training.TrainingJobName);
    expect(h.local.count('CreateTrainingJob')).toBe(2);
  });

  test('after an abort (the job was stopped), a retry re-runs it', async () => {
    h.local.setBehaviour('aborted-1', { durationSeconds: 10_000 });
    const controller = new AbortController();
    const first = run('aborted-1', { signal: controller.signal }).catch((e: unknown) => e);
    while (!h.logger.lines.includes('info: SageMaker training job aborted-1: InProgress'))
      await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await first).toMatchObject({ code: 'JOB_ABORTED', stopRequested: true });
    h.local.advance(5);
    h.local.setBehaviour(/^aborted-1-/, { durationSeconds: 60 });
    const retry = await run('aborted-1');
    expect(retry.Training.TrainingJobStatus).toBe('Completed');
    expect(h.local.names('training')).toHaveLength(2);
  });

  test('rerunFailed false attaches to the failed job and reports its failure again', async () => {
    h.local.setBehaviour('no-rerun', { outcome: 'Failed' });
    await run('no-rerun').catch(() => undefined);
    const again = await run('no-rerun', { rerunFailed: false }).catch((e: unknown) => e);
    expect(isJobFailedError(again)).toBe(true);
    expect(h.local.names('training')).toEqual(['no-rerun']);
  });

  test('an InProgress job of the same config is attached to, not re-run', async () => {
    h.local.setBehaviour('busy', { durationSeconds: 600 });
    await run('busy', { waitForCompletion: false });
    const attached = await run('busy');
    expect(attached.Training.TrainingJobName).toBe('busy');
    expect(h.local.count('CreateTrainingJob')).toBe(1);
  });

  test("'increment': -1, -2 after a name taken by another config, then after a failure", async () => {
    await run('inc');
    const other = { HyperParameters: { k: '9', feature_dim: '4' } };
    const renamed = await run('inc', { actionIfJobExists: 'increment' }, other);
    expect(renamed.Training.TrainingJobName).toBe('inc-1');
    // a third config takes -2; when that job fails, its re-run takes -3
    const third = { HyperParameters: { k: '11', feature_dim: '4' } };
    h.local.setBehaviour('inc-2', { outcome: 'Failed' });
    await run('inc', { actionIfJobExists: 'increment' }, third).catch(() => undefined);
    const rerun = await run('inc', { actionIfJobExists: 'increment' }, third);
    expect(rerun.Training.TrainingJobName).toBe('inc-3');
    expect(h.local.names('training')).toEqual(['inc', 'inc-1', 'inc-2', 'inc-3']);
  });

  test("'increment' keeps names within 63 characters", () => {
    const long = 'x'.repeat(63);
    expect(slotName(long, 12, 'increment', '0'.repeat(64))).toBe(`${'x'.repeat(60)}-12`);
    expect(slotName(long, 1, 'timestamp', '0'.repeat(64))).toHaveLength(63);
    expect(slotName('a', 1, 'timestamp', 'f'.repeat(64))).toBe(
      slotName('a', 1, 'timestamp', 'f'.repeat(64)),
    );
  });

  test("'fail' refuses a name taken by another config, but still re-runs its own failed job", async () => {
    await run('strict');
    const other = { HyperParameters: { k: '9', feature_dim: '4' } };
    const refused = await run('strict', { actionIfJobExists: 'fail' }, other).catch(
      (e: unknown) => e,
    );
    expect(isResourceExistsError(refused)).toBe(true);
    h.local.setBehaviour('strict-f', { outcome: 'Failed' });
    await run('strict-f', { actionIfJobExists: 'fail' }).catch(() => undefined);
    const rerun = await run('strict-f', { actionIfJobExists: 'fail' });
    expect(rerun.Training.TrainingJobName).toMatch(/^strict-f-\d{10}$/);
  });
});

describe('several processes', () => {
  const jobsOfConfig = (prefix: string) =>
    h.local.names('training').filter((n) => n.startsWith(`${prefix}-`));

  test('timestamp path, two processes at the same moment: one job per trial, one attaches', async () => {
    const created: number[] = [];
    for (let trial = 0; trial < 2; trial += 1) {
      const name = `race-${trial}`;
      // the plain name is taken by another config, so both take the re-run path
      await run(name, {}, { HyperParameters: { k: '1', feature_dim: '4' } });
      const args = { endpoint: h.local.url, action: 'run', config: f.trainingConfig(name) };
      const [a, b] = await Promise.all([spawnOperator(args), spawnOperator(args)]);
      expect(a).toMatchObject({ ok: true, result: { status: 'Completed' } });
      expect(b).toMatchObject({ ok: true, result: { name: a.result?.['name'] } });
      created.push(jobsOfConfig(name).length);
    }
    expect(created).toEqual([1, 1]);
  }, 120_000);

  test('timestamp path, Create takes 1.5 s, second process 0.8 s later: one job per trial', async () => {
    const proxy = await startFaultProxy(h.local.url);
    try {
      proxy.add({ operation: 'CreateTrainingJob', mode: { delayMs: 1500 } });
      const created: number[] = [];
      for (let trial = 0; trial < 1; trial += 1) {
        const name = `slow-${trial}`;
        await run(name, {}, { HyperParameters: { k: '1', feature_dim: '4' } });
        const args = { endpoint: proxy.url, action: 'run', config: f.trainingConfig(name) };
        const first = spawnOperator(args);
        await new Promise((r) => setTimeout(r, 800));
        const [a, b] = await Promise.all([first, spawnOperator(args)]);
        expect(a).toMatchObject({ ok: true });
        expect(b).toMatchObject({ ok: true, result: { name: a.result?.['name'] } });
        created.push(jobsOfConfig(name).length);
      }
      expect(created).toEqual([1]);
    } finally {
      await proxy.close();
    }
  }, 120_000);

  test('a handle written by one process is waited on by another', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'handle-'));
    try {
      const handleFile = join(dir, 'job.json');
      h.local.setBehaviour('handoff', { durationSeconds: 200 });
      const submitted = await spawnOperator({
        endpoint: h.local.url,
        action: 'submit',
        config: f.trainingConfig('handoff'),
        handleFile,
      });
      expect(submitted).toMatchObject({ ok: true });
      const handle = parseJobHandle(JSON.parse(await readFile(handleFile, 'utf8')));
      expect(handle).toMatchObject({
        kind: 'training',
        name: 'handoff',
        arn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/handoff',
        region: 'us-east-1',
      });
      const waited = await spawnOperator({ endpoint: h.local.url, action: 'wait', handleFile });
      expect(waited).toMatchObject({
        ok: true,
        result: { name: 'handoff', status: 'Completed' },
      });
      expect(h.local.count('CreateTrainingJob')).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
