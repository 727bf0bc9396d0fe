import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, Estimator, trainingConfig, trainingJob } from '../../src/index.js';

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

describe('trainingJob(...).config', () => {
  it('lists the code upload Python performs while building a script-mode config', () => {
    // GIVEN a generic estimator with a local entry point
    const dir = mkdtempSync(join(tmpdir(), 'smw-'));
    const script = join(dir, 'train.py');
    writeFileSync(script, 'print(1)\n');
    const est = new Estimator({ session, ...BASE, entryPoint: script });
    // WHEN both configs are built for a named job
    const python = trainingConfig(est, { jobName: 'job' });
    const job = trainingJob(est, { jobName: 'job' });
    const forOperator = job.config;
    // THEN Python's has no S3Operations (it uploaded on the spot) and the operator's lists the upload
    expect(python.S3Operations).toBeUndefined();
    expect(forOperator.S3Operations).toStrictEqual({
      S3Upload: [{ Path: script, Bucket: 'bucket', Key: 'job/source/sourcedir.tar.gz', Tar: true }],
    });
    expect(forOperator.HyperParameters).toStrictEqual(python.HyperParameters);
    // AND the job lists the same upload on its own, and its run knows the code's folder
    expect(job.uploads).toStrictEqual(forOperator.S3Operations?.S3Upload);
    expect(job.run.sourceDir).toBe(dir);
  });

  it('adds nothing for an estimator without code', () => {
    const est = new Estimator({ session, ...BASE });
    expect(trainingJob(est, { jobName: 'job' }).config).toStrictEqual(
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
    const { config, run } = trainingJob(est, { jobName: 'job' });
    expect(config.HyperParameters?.sagemaker_submit_directory).toBe('"s3://code/source.tar.gz"');
    expect(config.HyperParameters?.sagemaker_program).toBe('"train.py"');
    expect(config.S3Operations).toBeUndefined();
    // AND no local folder is recorded for code in S3
    expect(run.sourceDir).toBeUndefined();
  });
});
