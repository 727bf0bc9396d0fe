import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { list as listTar } from 'tar';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { isLocalPathNotFoundError } from '../../src/errors.js';
import {
  isS3OperationsError,
  isUploadInputError,
  type S3OperationsError,
} from '../../src/operators/errors.js';
import { runModel } from '../../src/operators/runModel.js';
import { runTrainingJob } from '../../src/operators/runTrainingJob.js';
import { runTransformJob } from '../../src/operators/runTransformJob.js';
import { splitS3Operations } from '../../src/operators/s3Operations.js';
import { startLocalS3, type LocalS3 } from '../../src/testing/index.js';
import * as f from './fixtures.js';
import { seedFixtureInputs } from './fixtures.js';
import { FAST, s3ClientFor, startHarness, type Harness } from './harness.js';

let s3server: LocalS3;
let s3: S3Client;
let h: Harness;
let dir: string;

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
  // the data the fixture configs read, so the S3 input check before Create finds it
  seedFixtureInputs(s3server);
  dir = await mkdtemp(join(tmpdir(), 'ops-test-'));
  // a source dir as Python's estimators upload it
  await mkdir(join(dir, 'src', 'lib'), { recursive: true });
  await writeFile(join(dir, 'src', 'train.py'), 'print("train")\n');
  await writeFile(join(dir, 'src', 'lib', 'util.py'), 'X = 1\n');
  await symlink('train.py', join(dir, 'src', 'entry.py'));
  await writeFile(join(dir, 'data.csv'), '1,2,3\n');
});
afterEach(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

async function download(bucket: string, key: string): Promise<Uint8Array> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return out.Body!.transformToByteArray();
}

async function tarEntries(bytes: Uint8Array): Promise<string[]> {
  const file = join(dir, `downloaded-${Math.random()}.tar.gz`);
  await writeFile(file, bytes);
  const entries: string[] = [];
  await listTar({ file, onReadEntry: (e) => void entries.push(`${e.type}:${e.path}`) });
  return entries.sort();
}

const withUploads = (name: string, uploads: unknown[], buckets: string[] = ['code-bucket']) =>
  f.trainingConfig(name, {
    S3Operations: { S3CreateBucket: buckets.map((Bucket) => ({ Bucket })), S3Upload: uploads },
  });

test('splitS3Operations returns the request without S3Operations and leaves the input as it was', () => {
  const config = withUploads('split', [{ Path: 'x', Bucket: 'b', Key: 'k', Tar: false }]);
  const { request, s3Operations } = splitS3Operations(config);
  expect('S3Operations' in request).toBe(false);
  expect(s3Operations?.S3Upload).toHaveLength(1);
  expect('S3Operations' in config).toBe(true);
});

describe('uploads before submit', () => {
  test('a source dir becomes a tar.gz with its entries at the archive root; files upload as they are', async () => {
    // GIVEN a training config whose S3Operations create a bucket and upload a source dir, a single
    // file tarred, and a file as is
    const config = withUploads('up-1', [
      {
        Path: join(dir, 'src'),
        Bucket: 'code-bucket',
        Key: 'up-1/source/sourcedir.tar.gz',
        Tar: true,
      },
      { Path: join(dir, 'data.csv'), Bucket: 'code-bucket', Key: 'up-1/data.tar.gz', Tar: true },
      { Path: join(dir, 'data.csv'), Bucket: 'code-bucket', Key: 'up-1/data.csv', Tar: false },
    ]);
    // WHEN the operator runs
    const { Training } = await runTrainingJob(
      config,
      { sagemaker: h.sagemaker, s3 },
      { ...FAST, logger: h.logger },
    );
    // THEN the archives hold the contents at their root and the job was created after the uploads
    expect(Training.TrainingJobStatus).toBe('Completed');
    expect(await tarEntries(await download('code-bucket', 'up-1/source/sourcedir.tar.gz'))).toEqual(
      ['Directory:lib/', 'File:lib/util.py', 'File:train.py', 'SymbolicLink:entry.py'],
    );
    expect(await tarEntries(await download('code-bucket', 'up-1/data.tar.gz'))).toEqual([
      'File:data.csv',
    ]);
    expect(Buffer.from(await download('code-bucket', 'up-1/data.csv')).toString()).toBe('1,2,3\n');
    // the request sent to SageMaker has no S3Operations
    expect(h.local.createRequest('training', 'up-1')).not.toHaveProperty('S3Operations');
    const created = h.logger.lines.indexOf('info: Created SageMaker training job up-1');
    const uploaded = h.logger.lines.findIndex((l) => l.includes('up-1/data.csv'));
    expect(uploaded).toBeGreaterThan(-1);
    expect(created).toBeGreaterThan(uploaded);
  });

  test('a re-run that attaches to its job does not upload again', async () => {
    const config = withUploads('up-2', [
      { Path: join(dir, 'data.csv'), Bucket: 'code-bucket', Key: 'up-2/data.csv', Tar: false },
    ]);
    await runTrainingJob(
      config,
      { sagemaker: h.sagemaker, s3 },
      { waitForCompletion: false, logger: h.logger },
    );
    h.logger.lines.length = 0;
    await runTrainingJob(config, { sagemaker: h.sagemaker, s3 }, { ...FAST, logger: h.logger });
    expect(h.logger.lines.some((l) => l.startsWith('info: Uploaded'))).toBe(false);
    expect(h.local.count('CreateTrainingJob')).toBe(1);
  });

  test('a model config with S3Operations (a framework model) uploads before CreateModel', async () => {
    const config = {
      ...f.modelConfig('fw-model'),
      S3Operations: {
        S3Upload: [
          { Path: join(dir, 'src'), Bucket: 'code-bucket', Key: 'fw/sourcedir.tar.gz', Tar: true },
        ],
      },
    };
    await runModel(config, { sagemaker: h.sagemaker, s3 }, { logger: h.logger });
    expect((await download('code-bucket', 'fw/sourcedir.tar.gz')).length).toBeGreaterThan(0);
  });
});

test('a transform config from an estimator (S3Operations inside Model) uploads before CreateModel', async () => {
  // GIVEN Python's transform_config_from_estimator shape: the model part carries the uploads
  const config = {
    Model: {
      ...f.modelConfig('tf-model'),
      S3Operations: {
        S3Upload: [
          { Path: join(dir, 'src'), Bucket: 'code-bucket', Key: 'tf/sourcedir.tar.gz', Tar: true },
        ],
      },
    },
    Transform: f.transformRequest('tf-job', 'tf-model'),
  };
  // WHEN it runs
  const { Model, Transform } = await runTransformJob(
    config,
    { sagemaker: h.sagemaker, s3 },
    { ...FAST, logger: h.logger },
  );
  // THEN the code was uploaded, and neither request sent to SageMaker has S3Operations
  expect(Model.ModelName).toBe('tf-model');
  expect(Transform.TransformJobStatus).toBe('Completed');
  expect(await tarEntries(await download('code-bucket', 'tf/sourcedir.tar.gz'))).toContain(
    'File:train.py',
  );
  expect(h.local.createRequest('model', 'tf-model')).not.toHaveProperty('S3Operations');
});

describe('bad input fails before any job is created', () => {
  /** What runTrainingJob rejects with (with the S3 client unless `clients` says otherwise). */
  const trainingError = (
    config: Parameters<typeof runTrainingJob>[0],
    clients: Parameters<typeof runTrainingJob>[1] = { sagemaker: h.sagemaker, s3 },
  ): Promise<unknown> =>
    runTrainingJob(config, clients, { logger: h.logger }).catch((e: unknown) => e);
  const assertNothingCreated = async (bucket: string) => {
    expect(h.local.requests.filter((r) => r.operation.startsWith('Create'))).toEqual([]);
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({
      name: 'NotFound',
    });
  };

  test('an S3Upload path that does not exist', async () => {
    const config = withUploads(
      'bad-1',
      [{ Path: join(dir, 'nope'), Bucket: 'bad-bucket-1', Key: 'k', Tar: true }],
      ['bad-bucket-1'],
    );
    const error = await trainingError(config);
    expect(isLocalPathNotFoundError(error)).toBe(true);
    expect(h.local.requests).toEqual([]);
    await assertNothingCreated('bad-bucket-1');
  });

  test('a symlink that points outside the source dir', async () => {
    await writeFile(join(dir, 'secret.txt'), 'secret');
    await symlink(join(dir, 'secret.txt'), join(dir, 'src', 'lib', 'leak.txt'));
    const config = withUploads(
      'bad-2',
      [{ Path: join(dir, 'src'), Bucket: 'bad-bucket-2', Key: 'k', Tar: true }],
      ['bad-bucket-2'],
    );
    const error = await trainingError(config);
    expect(isUploadInputError(error)).toBe(true);
    expect(error).toMatchObject({
      problem: 'symlink-outside-source',
      file: join(dir, 'src', 'lib', 'leak.txt'),
    });
    await assertNothingCreated('bad-bucket-2');
  });

  test('a directory without Tar', async () => {
    const config = withUploads(
      'bad-3',
      [{ Path: join(dir, 'src'), Bucket: 'bad-bucket-3', Key: 'k', Tar: false }],
      ['bad-bucket-3'],
    );
    const error = await trainingError(config);
    expect(error).toMatchObject({ code: 'UPLOAD_INPUT', problem: 'directory-needs-tar' });
    expect((error as Error).message).toBe(
      `Cannot upload ${JSON.stringify(join(dir, 'src'))}: ${JSON.stringify(join(dir, 'src'))} is a directory, and its S3Upload has Tar: false, which takes a regular file only: set Tar: true to upload the directory as a tar.gz`,
    );
    await assertNothingCreated('bad-bucket-3');
  });

  // root reads any file whatever its mode, so this case can only be seen as another user
  test.skipIf(process.getuid?.() === 0)('an unreadable file', async () => {
    await chmod(join(dir, 'src', 'lib', 'util.py'), 0o000);
    const config = withUploads(
      'bad-4',
      [{ Path: join(dir, 'src'), Bucket: 'bad-bucket-4', Key: 'k', Tar: true }],
      ['bad-bucket-4'],
    );
    const error = await trainingError(config);
    expect(error).toMatchObject({ code: 'UPLOAD_INPUT', problem: 'unreadable' });
    await assertNothingCreated('bad-bucket-4');
  });

  test('S3Operations without an S3 client', async () => {
    const config = withUploads('bad-5', [
      { Path: join(dir, 'data.csv'), Bucket: 'b', Key: 'k', Tar: false },
    ]);
    const error = await trainingError(config, { sagemaker: h.sagemaker });
    expect(error).toMatchObject({ code: 'MISSING_OPTION' });
    expect(h.local.requests).toEqual([]);
  });

  test('a failed upload says what was uploaded and what was not, and no job is created', async () => {
    // GIVEN a second upload to a bucket that does not exist
    const config = withUploads(
      'bad-6',
      [
        { Path: join(dir, 'data.csv'), Bucket: 'ok-bucket', Key: 'first.csv', Tar: false },
        { Path: join(dir, 'data.csv'), Bucket: 'missing-bucket', Key: 'second.csv', Tar: false },
        { Path: join(dir, 'src'), Bucket: 'ok-bucket', Key: 'third.tar.gz', Tar: true },
      ],
      ['ok-bucket'],
    );
    // WHEN the operator runs
    const error = await trainingError(config);
    // THEN the error lists the completed, failed and skipped operations
    expect(isS3OperationsError(error)).toBe(true);
    const e = error as S3OperationsError;
    expect(e.completed.map((op) => (op.type === 'S3Upload' ? op.Key : op.Bucket))).toEqual([
      'ok-bucket',
      'first.csv',
    ]);
    expect(e.failed).toMatchObject({
      type: 'S3Upload',
      Bucket: 'missing-bucket',
      Key: 'second.csv',
    });
    expect(e.notAttempted.map((op) => (op.type === 'S3Upload' ? op.Key : op.Bucket))).toEqual([
      'third.tar.gz',
    ]);
    expect(e.message).toContain('No SageMaker resource was created');
    expect(h.local.requests.filter((r) => r.operation.startsWith('Create'))).toEqual([]);
  });
});
