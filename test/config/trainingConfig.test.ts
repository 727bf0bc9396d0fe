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

const BASE = {
  role: 'r',
  imageUri: 'algo:1',
  instanceCount: 1,
  instanceType: 'ml.m5.large',
} as const;

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
    const est = new Estimator({ session, ...BASE, entryPoint: script });
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
    const est = new Estimator({ session, ...BASE });
    expect(trainingConfigForOperator(est, { jobName: 'job' })).toStrictEqual(
      trainingConfig(est, { jobName: 'job' }),
    );
  });
});

describe('script-mode code staging', () => {
  it('parses the output path before it looks at an S3 source dir, as Python does', () => {
    // GIVEN code already in S3 but an output path that is an Airflow template
    const est = new Estimator({
      session,
      ...BASE,
      sourceDir: 's3://code/source.tar.gz',
      entryPoint: 'train.py',
      outputPath: '{{ output_path }}',
    });
    // WHEN the config is built THEN the output path is refused: Python parses it as S3 first
    expect(() => trainingConfig(est, { jobName: 'job' })).toThrow(/outputPath/);
  });

  it('points the job at an S3 source dir as given, with nothing to upload', () => {
    const est = new Estimator({
      session,
      ...BASE,
      sourceDir: 's3://code/source.tar.gz',
      entryPoint: 'train.py',
    });
    const config = trainingConfigForOperator(est, { jobName: 'job' });
    expect(config.HyperParameters?.sagemaker_submit_directory).toBe('"s3://code/source.tar.gz"');
    expect(config.HyperParameters?.sagemaker_program).toBe('"train.py"');
    expect(config.S3Operations).toBeUndefined();
  });
});
