/**
 * The S3 input check before Create (issue 12 item 3): every channel, transform and processing
 * input, model artifact and code archive a job reads must be in S3 or about to be uploaded by
 * the same config; a failure is a typed error naming the channel and the URI, and nothing is
 * created. Against the local S3 server with the real S3 client.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { runProcessingJob } from '../../src/operators/runProcessingJob.js';
import { runTrainingJob } from '../../src/operators/runTrainingJob.js';
import { runTransformJob } from '../../src/operators/runTransformJob.js';
import { runTuningJob } from '../../src/operators/runTuningJob.js';
import { isS3InputNotFoundError } from '../../src/operators/submitErrors.js';
import { startLocalS3, type LocalS3 } from '../../src/testing/index.js';
import * as f from './fixtures.js';
import { FAST, s3ClientFor, startHarness, type Harness } from './harness.js';

let s3server: LocalS3;
let s3: S3Client;
let h: Harness;

beforeAll(async () => {
  s3server = await startLocalS3();
  s3 = s3ClientFor(s3server);
});
afterAll(async () => {
  s3.destroy();
  await s3server.close();
});
beforeEach(async () => {
  h = await startHarness();
  f.seedFixtureInputs(s3server);
});
afterEach(async () => {
  await h.close();
});

const clients = () => ({ sagemaker: h.sagemaker, s3 });
const creates = () => h.local.requests.filter((r) => r.operation.startsWith('Create'));
const s3Calls = (from: number) =>
  s3server.requests.slice(from).map((r) => `${r.operation} ${r.bucket}/${r.key ?? ''}`);
const SUBMIT = 's3://code-bucket/job/source/sourcedir.tar.gz';
const scriptMode = (name: string) =>
  f.trainingConfig(name, {
    HyperParameters: { sagemaker_submit_directory: JSON.stringify(SUBMIT), k: '5' },
  });

describe('a missing input is refused before anything is created', () => {
  test('a training channel with no object under its prefix', async () => {
    // GIVEN a training config whose "train" channel names an empty prefix
    const config = f.trainingConfig('in-1');
    config.InputDataConfig[0].DataSource.S3DataSource.S3Uri = 's3://bucket/nothing-here/';
    const before = s3server.requests.length;
    // WHEN it runs
    const error = await runTrainingJob(config, clients(), { ...FAST, logger: h.logger }).catch(
      (e: unknown) => e,
    );
    // THEN a typed error names the channel and the URI, after one ListObjectsV2, and no Create
    expect(isS3InputNotFoundError(error)).toBe(true);
    expect(error).toMatchObject({
      channel: 'InputDataConfig[train]',
      uri: 's3://bucket/nothing-here/',
      problem: 'missing',
    });
    expect((error as Error).message).toContain('no object under this prefix');
    expect(s3Calls(before)).toEqual(['ListObjectsV2 bucket/']);
    expect(creates()).toEqual([]);
  });

  test('a bucket that does not exist is said so', async () => {
    const config = f.trainingConfig('in-2');
    config.InputDataConfig[0].DataSource.S3DataSource.S3Uri = 's3://no-such-bucket/train';
    const error = await runTrainingJob(config, clients(), { logger: h.logger }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'S3_INPUT_NOT_FOUND', channel: 'InputDataConfig[train]' });
    expect((error as Error).message).toContain('bucket no-such-bucket does not exist');
    expect(creates()).toEqual([]);
  });

  test('the code archive of script mode, neither in S3 nor uploaded by the config', async () => {
    const error = await runTrainingJob(scriptMode('in-3'), clients(), { logger: h.logger }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'S3_INPUT_NOT_FOUND',
      channel: 'HyperParameters.sagemaker_submit_directory',
      uri: SUBMIT,
    });
    expect(creates()).toEqual([]);
  });

  test('a manifest file is checked as an object (HeadObject)', async () => {
    const config = f.trainingConfig('in-4');
    Object.assign(config.InputDataConfig[0].DataSource.S3DataSource, {
      S3DataType: 'ManifestFile',
      S3Uri: 's3://bucket/train/missing.manifest',
    });
    const before = s3server.requests.length;
    const error = await runTrainingJob(config, clients(), { logger: h.logger }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'S3_INPUT_NOT_FOUND', channel: 'InputDataConfig[train]' });
    expect((error as Error).message).toContain('no such object');
    expect(s3Calls(before)).toEqual(['HeadObject bucket/train/missing.manifest']);
  });

  test('transform input, processing input, tuning channel, and a model artifact', async () => {
    const transform = f.transformRequest('in-5', 'm');
    transform.TransformInput.DataSource.S3DataSource.S3Uri = 's3://bucket/batch-missing';
    const processing = f.processingConfig('in-6');
    processing.ProcessingInputs[0].S3Input.S3Uri = 's3://bucket/raw-missing';
    const tuning = f.tuningConfig('in-7');
    tuning.TrainingJobDefinition.InputDataConfig = [
      {
        ChannelName: 'validation',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/val' } },
      },
    ];
    const model = f.modelConfig('in-8');
    model.PrimaryContainer.ModelDataUrl = 's3://bucket/output/other/model.tar.gz';
    const options = { ...FAST, logger: h.logger };
    const errors = await Promise.all([
      runTransformJob(transform, clients(), options).catch((e: unknown) => e),
      runProcessingJob(processing, clients(), options).catch((e: unknown) => e),
      runTuningJob(tuning, clients(), options).catch((e: unknown) => e),
      runTransformJob({ Model: model, Transform: f.transformRequest('in-9', 'in-8') }, clients(), {
        ...options,
      }).catch((e: unknown) => e),
    ]);
    expect(
      errors.map((e) => [(e as { channel?: string }).channel, (e as { uri?: string }).uri]),
    ).toEqual([
      ['TransformInput', 's3://bucket/batch-missing'],
      ['ProcessingInputs[input-1]', 's3://bucket/raw-missing'],
      ['TrainingJobDefinition.InputDataConfig[validation]', 's3://bucket/val'],
      ['Model.PrimaryContainer.ModelDataUrl', 's3://bucket/output/other/model.tar.gz'],
    ]);
    expect(creates()).toEqual([]);
  });
});

describe('what is there or about to be uploaded passes', () => {
  test('the code archive uploaded by the same config is not looked up, and the job runs', async () => {
    // GIVEN a script-mode config whose S3Operations upload the archive its hyperparameter names
    const dir = await mkdtemp(join(tmpdir(), 'in-code-'));
    try {
      await writeFile(join(dir, 'train.py'), 'print(1)\n');
      const config = {
        ...scriptMode('in-10'),
        S3Operations: {
          S3Upload: [
            { Path: dir, Bucket: 'code-bucket', Key: 'job/source/sourcedir.tar.gz', Tar: true },
          ],
        },
      };
      s3server.createBucket('code-bucket');
      const before = s3server.requests.length;
      // WHEN it runs
      const { Training } = await runTrainingJob(config, clients(), { ...FAST, logger: h.logger });
      // THEN only the channel was checked, the archive was uploaded, and the job completed
      expect(Training.TrainingJobStatus).toBe('Completed');
      const calls = s3Calls(before);
      expect(calls[0]).toBe('ListObjectsV2 bucket/');
      expect(calls.some((c) => c.startsWith('HeadObject'))).toBe(false);
      expect(s3server.getObject('code-bucket', 'job/source/sourcedir.tar.gz')).toBeDefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('checkS3Inputs: false makes no S3 call and creates the job', async () => {
    const config = f.trainingConfig('in-11');
    config.InputDataConfig[0].DataSource.S3DataSource.S3Uri = 's3://bucket/nothing-here/';
    const before = s3server.requests.length;
    const { Training } = await runTrainingJob(config, clients(), {
      waitForCompletion: false,
      checkS3Inputs: false,
      logger: h.logger,
    });
    expect(Training.TrainingJobName).toBe('in-11');
    expect(s3server.requests.length).toBe(before);
  });

  test('without an S3 client, a code archive nobody uploads is a warning in the log', async () => {
    const { Training } = await runTrainingJob(
      scriptMode('in-12'),
      { sagemaker: h.sagemaker },
      { waitForCompletion: false, logger: h.logger },
    );
    expect(Training.TrainingJobName).toBe('in-12');
    expect(h.logger.lines).toContainEqual(
      `warn: HyperParameters.sagemaker_submit_directory names ${SUBMIT}, which this config does not upload and which cannot be checked without an S3 client (clients.s3): the job fails or runs stale code if it is not there`,
    );
  });
});
