import { RecordSet } from '../../src/estimators/amazon/RecordSet.js';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { isUnsupportedOptionError, isValidationError } from '../../src/errors.js';
import {
  isRecordSetUploadError,
  recordSetManifest,
  uploadRecordSet,
  type RecordSetUploadError,
} from '../../src/operators/uploadRecordSet.js';
import { encodeDenseTensor, readRecords, type DenseMatrixInput } from '../../src/recordio/index.js';
import { startLocalS3 } from '../../src/testing/index.js';

const s3 = await startLocalS3();
const client = new S3Client(s3.clientConfig);
/** One attempt per request, so that an injected fault is a failure and not a retry. */
const noRetry = new S3Client({ ...s3.clientConfig, maxAttempts: 1 });
afterAll(async () => {
  client.destroy();
  noRetry.destroy();
  await s3.close();
});

let bucketCounter = 0;
let bucket = '';
beforeEach(() => {
  s3.clearFaults();
  bucket = `bucket-${++bucketCounter}`;
  s3.createBucket(bucket);
});

const rows = 11;
const cols = 3;
const data = Float32Array.from({ length: rows * cols }, (_, i) => i / 4);
const labels = Float32Array.from({ length: rows }, (_, i) => i % 2);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('did not reject');
}

function keys(): string[] {
  return [...s3.objects(bucket).keys()].sort();
}

describe('uploadRecordSet', () => {
  it("shards, uploads and writes Python's manifest", async () => {
    // GIVEN 11 labelled rows and two instances
    const prefix = `s3://${bucket}/sagemaker-record-sets/KNN-2024-01-01-00-00-00-000`;
    // WHEN the record set is uploaded
    const recordSet = await uploadRecordSet(
      client,
      { shape: [rows, cols], data },
      { s3Prefix: prefix, labels, instanceCount: 2 },
    );
    // THEN the descriptor points at the manifest
    expect(recordSet).toStrictEqual(
      new RecordSet({
        s3Data: `${prefix}/.amazon.manifest`,
        numRecords: 11,
        featureDim: 3,
        s3DataType: 'ManifestFile',
        channel: 'train',
        distribution: 'ShardedByS3Key',
      }),
    );
    // AND the shards hold rows 0-4 and 5-10 as Python's _build_shards splits them
    const base = 'sagemaker-record-sets/KNN-2024-01-01-00-00-00-000/';
    expect(keys()).toStrictEqual([
      `${base}.amazon.manifest`,
      `${base}matrix_0.pbr`,
      `${base}matrix_1.pbr`,
    ]);
    const shard0 = s3.getObject(bucket, `${base}matrix_0.pbr`)?.body;
    const shard1 = s3.getObject(bucket, `${base}matrix_1.pbr`)?.body;
    const expected0 = encodeDenseTensor(
      { shape: [5, cols], data: data.subarray(0, 15) },
      { labels: labels.subarray(0, 5) },
    );
    const expected1 = encodeDenseTensor(
      { shape: [6, cols], data: data.subarray(15) },
      { labels: labels.subarray(5) },
    );
    expect(Buffer.from(shard0 ?? []).equals(Buffer.from(expected0))).toBe(true);
    expect(Buffer.from(shard1 ?? []).equals(Buffer.from(expected1))).toBe(true);
    // AND the manifest is json.dumps([{"prefix": ...}, files...])
    expect(
      Buffer.from(s3.getObject(bucket, `${base}.amazon.manifest`)?.body ?? []).toString(),
    ).toBe(`[{"prefix": "${prefix}/"}, "matrix_0.pbr", "matrix_1.pbr"]`);
  });

  it('pads shard numbers to the width of the shard count and takes rows as arrays', async () => {
    const matrix = Array.from({ length: 10 }, (_, r) => [r, r + 0.5]);
    const recordSet = await uploadRecordSet(client, matrix, {
      s3Prefix: `s3://${bucket}/p/`,
      instanceCount: 10,
      channel: 'test',
    });
    expect(recordSet.channel).toBe('test');
    expect(keys()).toStrictEqual([
      'p/.amazon.manifest',
      ...Array.from({ length: 10 }, (_, i) => `p/matrix_${String(i).padStart(2, '0')}.pbr`),
    ]);
    const records = readRecords(s3.getObject(bucket, 'p/matrix_09.pbr')?.body ?? new Uint8Array());
    expect(records[0]?.features['values']?.value).toMatchObject({
      case: 'float64Tensor',
      value: { values: [9, 9.5] },
    });
  });

  it('streams a large shard as a multipart upload', async () => {
    // GIVEN 150,000 rows of 64-byte records: a 9.6 MB shard, two 5 MiB parts
    const big = 150_000;
    const bigData = Float32Array.from({ length: big * 10 }, (_, i) => i % 1000);
    await uploadRecordSet(
      client,
      { shape: [big, 10], data: bigData },
      { s3Prefix: `s3://${bucket}/big` },
    );
    const stored = s3.getObject(bucket, 'big/matrix_0.pbr');
    expect(stored?.etag).toMatch(/-2"$/);
    expect(
      Buffer.from(stored?.body ?? []).equals(
        Buffer.from(encodeDenseTensor({ shape: [big, 10], data: bigData })),
      ),
    ).toBe(true);
    expect(s3.openMultipartUploads()).toBe(0);
  });

  it('sends encryption and the expected bucket owner with every object', async () => {
    await uploadRecordSet(
      client,
      { shape: [rows, cols], data },
      {
        s3Prefix: `s3://${bucket}/enc/`,
        encrypt: true,
        expectedBucketOwner: '111122223333',
      },
    );
    const puts = s3.requests.filter((r) => r.bucket === bucket && r.operation === 'PutObject');
    expect(puts).toHaveLength(2);
    for (const put of puts) {
      expect(put.headers['x-amz-server-side-encryption']).toBe('AES256');
      expect(put.headers['x-amz-expected-bucket-owner']).toBe('111122223333');
    }
  });

  it('rides out a transient server error through the client retries', async () => {
    s3.injectFault({ operation: 'PutObject', key: 'retry/matrix_0.pbr', times: 1 });
    await uploadRecordSet(
      client,
      { shape: [rows, cols], data },
      { s3Prefix: `s3://${bucket}/retry/` },
    );
    expect(keys()).toStrictEqual(['retry/.amazon.manifest', 'retry/matrix_0.pbr']);
  });

  it('reports a failed shard, deletes the shards already uploaded and claims nothing else', async () => {
    // GIVEN the second of three shards fails
    s3.injectFault({
      operation: 'PutObject',
      key: 'f/matrix_1.pbr',
      status: 403,
      code: 'AccessDenied',
    });
    // WHEN the record set is uploaded
    const error = await rejection(
      uploadRecordSet(
        client,
        { shape: [rows, cols], data },
        { s3Prefix: `s3://${bucket}/f`, instanceCount: 3 },
      ),
    );
    // THEN the error lists what happened, and the bucket is empty again
    expect(isRecordSetUploadError(error)).toBe(true);
    const e = error as RecordSetUploadError;
    expect(e.failed).toBe(`s3://${bucket}/f/matrix_1.pbr`);
    expect(e.uploaded).toStrictEqual([`s3://${bucket}/f/matrix_0.pbr`]);
    expect(e.deleted).toStrictEqual([`s3://${bucket}/f/matrix_0.pbr`]);
    expect(e.leftBehind).toStrictEqual([]);
    expect(e.notUploaded).toStrictEqual([
      `s3://${bucket}/f/matrix_1.pbr`,
      `s3://${bucket}/f/matrix_2.pbr`,
      `s3://${bucket}/f/.amazon.manifest`,
    ]);
    expect(keys()).toStrictEqual([]);
  });

  it('reports shards the cleanup could not delete as left behind, and they are', async () => {
    s3.injectFault({
      operation: 'PutObject',
      key: 'g/.amazon.manifest',
      status: 403,
      code: 'AccessDenied',
    });
    s3.injectFault({
      operation: 'DeleteObject',
      key: 'g/matrix_1.pbr',
      status: 403,
      code: 'AccessDenied',
    });
    const error = (await rejection(
      uploadRecordSet(
        noRetry,
        { shape: [rows, cols], data },
        { s3Prefix: `s3://${bucket}/g`, instanceCount: 2 },
      ),
    )) as RecordSetUploadError;
    expect(isRecordSetUploadError(error)).toBe(true);
    expect(error.failed).toBe(`s3://${bucket}/g/.amazon.manifest`);
    expect(error.deleted).toStrictEqual([`s3://${bucket}/g/matrix_0.pbr`]);
    expect(error.leftBehind).toStrictEqual([`s3://${bucket}/g/matrix_1.pbr`]);
    expect(error.cleanupErrors).toHaveLength(1);
    expect(keys()).toStrictEqual(['g/matrix_1.pbr']);
  });

  it('aborts the multipart upload of a shard whose part fails', async () => {
    s3.injectFault({ operation: 'UploadPart', after: 1, times: 100 });
    const big = 150_000;
    const error = await rejection(
      uploadRecordSet(
        noRetry,
        { shape: [big, 10], data: new Float32Array(big * 10) },
        { s3Prefix: `s3://${bucket}/mp` },
      ),
    );
    expect(isRecordSetUploadError(error)).toBe(true);
    expect((error as RecordSetUploadError).uploaded).toStrictEqual([]);
    expect(s3.openMultipartUploads()).toBe(0);
    expect(keys()).toStrictEqual([]);
  });

  it.each([
    ['more instances than rows', { instanceCount: 12 }],
    ['zero instances', { instanceCount: 0 }],
    ['labels of another length', { labels: new Float32Array(3) }],
    ['an int32 matrix', { matrix: { shape: [2, 2], data: new Int32Array(4) } }],
    ['a bucket-less prefix', { s3Prefix: 'bucket/prefix' }],
  ])('refuses %s before any request', async (_what, override) => {
    const before = s3.requests.length;
    const { matrix = { shape: [rows, cols], data }, ...options } = override as {
      matrix?: DenseMatrixInput;
    } & Record<string, unknown>;
    const error = await rejection(
      uploadRecordSet(client, matrix, { s3Prefix: `s3://${bucket}/v`, ...options }),
    );
    expect(isValidationError(error) || isUnsupportedOptionError(error)).toBe(true);
    expect(s3.requests.length).toBe(before);
  });

  it('stops when the signal aborts and reports nothing as uploaded', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      uploadRecordSet(
        client,
        { shape: [rows, cols], data },
        { s3Prefix: `s3://${bucket}/a`, signal: controller.signal },
      ),
    );
    expect(isRecordSetUploadError(error)).toBe(true);
    expect((error as RecordSetUploadError).uploaded).toStrictEqual([]);
    expect(keys()).toStrictEqual([]);
  });
});

describe('recordSetManifest', () => {
  it("escapes non-ASCII as Python's json.dumps does", () => {
    expect(recordSetManifest('s3://b/données/', ['matrix_0.pbr'])).toBe(
      '[{"prefix": "s3://b/donn\\u00e9es/"}, "matrix_0.pbr"]',
    );
  });
});
