import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSession,
  Estimator,
  trainingConfig,
  trainingConfigForOperator,
} from '../../src/index.js';

const session = createSession({
  region: 'us-west-2',
  defaultBucket: 'bucket',
  now: () => 1_700_000_000.5,
});

describe('trainingConfigForOperator', () => {
  it('lists the code upload Python performs while building a script-mode config', () => {
    // GIVEN a generic estimator with a local entry point
    const dir = mkdtempSync(join(tmpdir(), 'smw-'));
    const script = join(dir, 'train.py');
    writeFileSync(script, 'print(1)\n');
    const est = new Estimator({
      session,
      role: 'r',
      imageUri: 'algo:1',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      entryPoint: script,
    });
    // WHEN both configs are built for a named job
    const python = trainingConfig(est, { jobName: 'job' });
    const forOperator = trainingConfigForOperator(est, { jobName: 'job' });
    // THEN Python's has no S3Operations (it uploaded on the spot) and the operator's lists the upload
    expect(python.S3Operations).toBeUndefined();
    expect(forOperator.S3Operations).toStrictEqual({
      S3Upload: [{ Path: script, Bucket: 'bucket', Key: 'job/source/sourcedir.tar.gz', Tar: true }],
    });
    expect(forOperator.HyperParameters).toStrictEqual(python.HyperParameters);
  });

  it('adds nothing for an estimator without code', () => {
    const est = new Estimator({
      session,
      role: 'r',
      imageUri: 'algo:1',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
    });
    expect(trainingConfigForOperator(est, { jobName: 'job' })).toStrictEqual(
      trainingConfig(est, { jobName: 'job' }),
    );
  });
});
