/**
 * `recordSet` against the local S3 server: shards and manifest as Python writes them, CSR input,
 * streams of row batches re-cut into shards (multipart for large shards), and the cleanup when
 * an upload fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { DirectSession } from '../../src/operators/direct/DirectSession.js';
import { recordSet, type RecordBatch } from '../../src/operators/direct/recordSet.js';
import { KNN } from '../../src/estimators/amazon/KNN.js';
import { encodeDenseTensor, encodeSparseTensor } from '../../src/recordio/index.js';
import { isRecordSetUploadError } from '../../src/operators/uploadRecordSet.js';
import { isValidationError } from '../../src/errors.js';
import { startLocalS3, type LocalS3 } from '../../src/testing/index.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
let s3: LocalS3;

function direct(): DirectSession {
  return new DirectSession({
    region: 'us-east-1',
    defaultBucket: 'records',
    now: () => 1_700_000_000,
    clients: {
      s3: new S3Client({ ...s3.clientConfig, maxAttempts: 1 }),
      sagemaker: new SageMakerClient({ region: 'us-east-1' }),
    },
  });
}

async function knn(session: DirectSession, instanceCount: number): Promise<KNN> {
  await session.defaultBucket();
  return new KNN({
    session: session.session,
    role: ROLE,
    instanceCount,
    instanceType: 'ml.m5.large',
    k: 3,
    sampleSize: 10,
    predictorType: 'classifier',
    dataLocation: 's3://records/sets/',
  });
}

const body = (key: string): Uint8Array => {
  const object = s3.getObject('records', key);
  if (!object) throw new Error(`missing ${key}`);
  return object.body;
};

beforeAll(async () => {
  s3 = await startLocalS3({ buckets: ['records'] });
});
afterAll(async () => {
  await s3.close();
});

describe('recordSet', () => {
  it('writes one shard per instance, the rest in the last, and the manifest', async () => {
    // GIVEN a 7 x 2 matrix and 3 instances
    const session = direct();
    const est = await knn(session, 3);
    const data = Float32Array.from({ length: 14 }, (_, i) => i);
    const labels = Float32Array.from({ length: 7 }, (_, i) => i % 2);
    // WHEN uploaded
    const records = await recordSet(
      session,
      est,
      { shape: [7, 2], data },
      { labels, encrypt: true },
    );
    // THEN shards of 2, 2 and 3 rows, each the dense encoding of its rows
    const prefix = records.s3Data.replace('s3://records/', '').replace('.amazon.manifest', '');
    // Python's timestamp: `repr(1700000000.0)` has one fraction digit.
    expect(prefix).toBe('sets/KNN-2023-11-14-22-13-20-0/');
    expect(records.numRecords).toBe(7);
    expect(records.featureDim).toBe(2);
    const rows = [
      [0, 2],
      [2, 4],
      [4, 7],
    ] as const;
    rows.forEach(([from, to], i) => {
      expect(body(`${prefix}matrix_${i}.pbr`)).toEqual(
        encodeDenseTensor(
          { shape: [to - from, 2], data: data.subarray(from * 2, to * 2) },
          { labels: labels.subarray(from, to) },
        ),
      );
    });
    expect(new TextDecoder().decode(body(`${prefix}.amazon.manifest`))).toBe(
      `[{"prefix": "s3://records/${prefix}"}, "matrix_0.pbr", "matrix_1.pbr", "matrix_2.pbr"]`,
    );
  });

  it('re-cuts a stream of sparse batches into shards, multipart where large', async () => {
    // GIVEN 60,000 one-hot rows in batches of 7,000 (batches straddle the shard boundary)
    const session = direct();
    const est = await knn(session, 2);
    const rows = 300_000;
    const cols = 1_000;
    const batchSize = 7_000;
    const batch = (start: number, n: number): RecordBatch => ({
      matrix: {
        shape: [n, cols],
        data: new Float32Array(n).fill(1),
        indices: Int32Array.from({ length: n }, (_, i) => (start + i) % cols),
        indptr: Int32Array.from({ length: n + 1 }, (_, i) => i),
      },
      labels: Float32Array.from({ length: n }, (_, i) => (start + i) % 2),
    });
    function* batches(): Generator<RecordBatch> {
      for (let start = 0; start < rows; start += batchSize)
        yield batch(start, Math.min(batchSize, rows - start));
    }
    // WHEN uploaded as a stream with 5 MiB parts
    const records = await recordSet(
      session,
      est,
      { numRecords: rows, featureDim: cols, batches: batches() },
      { partSizeBytes: 5 * 1024 * 1024, chunkBytes: 64 * 1024 },
    );
    // THEN each shard holds exactly its rows' encoding
    const prefix = records.s3Data.replace('s3://records/', '').replace('.amazon.manifest', '');
    for (const [i, from] of [0, 150_000].entries()) {
      const whole = batch(from, 150_000);
      const expected = encodeSparseTensor(whole.matrix as never, {
        labels: whole.labels as Float32Array,
      });
      expect(Buffer.from(body(`${prefix}matrix_${i}.pbr`)).equals(Buffer.from(expected))).toBe(
        true,
      );
    }
    expect(s3.requests.some((r) => r.operation === 'CompleteMultipartUpload')).toBe(true);
    expect(s3.openMultipartUploads()).toBe(0);
  });

  it('refuses a stream that holds fewer rows than it declares', async () => {
    // GIVEN a stream declaring 10 rows that holds 4
    const session = direct();
    const est = await knn(session, 1);
    const batches = [{ matrix: { shape: [4, 2], data: new Float32Array(8) } }];
    // WHEN uploaded THEN a typed error (wrapping the validation) reports it
    await expect(
      recordSet(session, est, { numRecords: 10, featureDim: 2, batches }),
    ).rejects.toSatisfy(
      (e: unknown) => isRecordSetUploadError(e) && isValidationError((e as Error).cause),
    );
  });

  it('deletes the shards already uploaded when a later upload fails', async () => {
    // GIVEN an upload of 2 shards whose manifest upload fails
    const session = direct();
    const est = await knn(session, 2);
    s3.injectFault({
      operation: 'PutObject',
      key: /\.amazon\.manifest$/,
      status: 403,
      code: 'AccessDenied',
    });
    // WHEN uploaded
    const error = await recordSet(session, est, [
      [1, 2],
      [3, 4],
      [5, 6],
    ]).catch((e: unknown) => e);
    s3.clearFaults();
    // THEN both shards were deleted again and the error says so
    expect(isRecordSetUploadError(error)).toBe(true);
    const failed = error as { uploaded: string[]; deleted: string[] };
    expect(failed.uploaded).toHaveLength(2);
    expect(failed.deleted).toEqual(failed.uploaded);
    for (const uri of failed.uploaded)
      expect(s3.getObject('records', uri.replace('s3://records/', ''))).toBeUndefined();
  });
});
