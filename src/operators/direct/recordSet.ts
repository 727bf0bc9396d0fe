/**
 * `recordSet`: Python's `estimator.record_set(train, labels, channel, encrypt, distribution)` —
 * the matrix cut into one RecordIO-protobuf shard per training instance, each uploaded under the
 * estimator's data location, then the manifest listing them; a failure deletes the shards already
 * uploaded, in order, before it is reported. Beyond Python: CSR matrices, and streams of row
 * batches whose shards go up as multipart uploads with flat memory, whatever the row count.
 */
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  recordSetManifestBody,
  recordSetPlan,
  shardBounds,
  type RecordShard,
} from '../../direct/recordSetPlan.js';
import type { AlgorithmEstimator } from '../../estimators/amazon/AlgorithmEstimator.js';
import { RecordSet } from '../../estimators/amazon/RecordSet.js';
import { loadLibStorage, loadS3Sdk } from '../../internal/loadPeer.js';
import { denseTensorChunks, sparseTensorChunks } from '../../recordio/index.js';
import type { CsrMatrix, DenseMatrixInput, VectorInput } from '../../recordio/index.js';
import { RecordSetUploadError } from '../uploadRecordSet.js';
import type { DirectSession } from './DirectSession.js';
import {
  batchRows,
  isCsr,
  recordsOf,
  sliceRows,
  sliceVector,
  type RecordStream,
} from './recordSetRows.js';

export type { RecordBatch, RecordStream } from './recordSetRows.js';

/** What `recordSet` encodes: a dense matrix, a CSR matrix, or a stream of row batches. */
export type RecordSetInput = DenseMatrixInput | CsrMatrix | RecordStream;

/** Options of {@link recordSet}: Python's keywords, plus the upload's. */
export interface RecordSetOptions {
  /** One label per row (in-memory input; a stream carries its labels in its batches). @default - none */
  readonly labels?: VectorInput;
  /** The training channel. @default 'train' */
  readonly channel?: string;
  /** `ServerSideEncryption: 'AES256'` on every object. @default false */
  readonly encrypt?: boolean;
  /** The channel's S3 data distribution. @default 'ShardedByS3Key' */
  readonly distribution?: string;
  /** Part size of the multipart uploads of large shards, in bytes (at least 5 MiB). @default 8388608 */
  readonly partSizeBytes?: number;
  /** Parts of one shard in flight at once. @default 4 */
  readonly queueSize?: number;
  /** Target size of the encoded chunks fed to the upload, in bytes. @default 1048576 */
  readonly chunkBytes?: number;
}

const DEFAULTS = {
  channel: 'train',
  encrypt: false,
  distribution: 'ShardedByS3Key',
  partSizeBytes: 8 * 1024 * 1024,
  queueSize: 4,
  chunkBytes: 1024 * 1024,
} as const;

type Chunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** The encoded chunks of rows `[from, to)` of an in-memory matrix (Python shards labels alike). */
function memoryShard(
  train: DenseMatrixInput | CsrMatrix,
  labelShard: VectorInput | undefined,
  shard: RecordShard,
  chunkBytes: number,
): Chunks {
  const options = { chunkBytes, ...(labelShard === undefined ? {} : { labels: labelShard }) };
  return isCsr(train)
    ? sparseTensorChunks(sliceRows(train, shard.from, shard.to) as CsrMatrix, options)
    : denseTensorChunks(sliceRows(train, shard.from, shard.to), options);
}

/**
 * Uploads `train` as Python's `record_set` does and returns the {@link RecordSet} to `fit` on.
 * @throws {@link ValidationError} (before any upload) for a bad instance count or data location;
 * the RecordIO writers' errors for a matrix or labels Python refuses;
 * {@link RecordSetUploadError} when an upload (or an encoding after the first upload) fails, after
 * deleting what was uploaded.
 * @example
 * const records = await recordSet(direct, knn, { shape: [rows, 4], data }, { labels });
 * await fit(direct, knn, { inputs: records });
 */
export async function recordSet(
  direct: DirectSession,
  estimator: AlgorithmEstimator,
  train: RecordSetInput,
  options: RecordSetOptions = {},
): Promise<RecordSet> {
  const { rows, cols } = recordsOf(train);
  const dataLocation = await direct.build(() => estimator.dataLocation);
  const plan = recordSetPlan({
    dataLocation,
    className: estimator.pythonClass.name,
    nowSeconds: estimator.session.now(),
    rows,
    instanceCount: estimator.options.instanceCount,
  });
  // Python shards the labels the same way, separately (a label count that differs from the row
  // count only fails when a shard is written).
  const labelShards =
    options.labels === undefined || 'batches' in train
      ? undefined
      : shardBounds(vectorLength(options.labels), estimator.options.instanceCount).map(
          ([from, to]) => sliceVector(options.labels as VectorInput, from, to),
        );
  const owner = await direct.expectedOwner(plan.bucket);
  const extra = {
    ...((options.encrypt ?? DEFAULTS.encrypt) ? { ServerSideEncryption: 'AES256' as const } : {}),
    ...(owner === undefined ? {} : { ExpectedBucketOwner: owner }),
  };
  const s3 = direct.clients.s3 as S3Client;
  const { Upload } = await loadLibStorage();
  const put = async (key: string, body: Readable | Uint8Array): Promise<void> => {
    await new Upload({
      client: s3,
      params: { Bucket: plan.bucket, Key: key, Body: body, ...extra },
      partSize: options.partSizeBytes ?? DEFAULTS.partSizeBytes,
      queueSize: options.queueSize ?? DEFAULTS.queueSize,
      leavePartsOnError: false,
    }).done();
  };
  const chunkBytes = options.chunkBytes ?? DEFAULTS.chunkBytes;
  const streamRows = 'batches' in train ? batchRows(train, chunkBytes) : undefined;
  const uploaded: RecordShard[] = [];
  let current = plan.shards[0]?.key ?? plan.manifestKey;
  try {
    for (const [i, shard] of plan.shards.entries()) {
      current = shard.key;
      const chunks = streamRows
        ? streamRows(shard.to - shard.from)
        : memoryShard(train as DenseMatrixInput | CsrMatrix, labelShards?.[i], shard, chunkBytes);
      await put(shard.key, Readable.from(chunks, { objectMode: false }));
      uploaded.push(shard);
    }
    current = plan.manifestKey;
    const manifest = recordSetManifestBody(
      plan,
      uploaded.map((s) => s.name),
    );
    await put(plan.manifestKey, new TextEncoder().encode(manifest));
  } catch (cause) {
    throw await deleteUploaded(s3, plan.bucket, uploaded, current, plan, cause);
  }
  return new RecordSet({
    s3Data: plan.manifestUri,
    numRecords: rows,
    featureDim: cols,
    s3DataType: 'ManifestFile',
    channel: options.channel ?? DEFAULTS.channel,
    distribution: options.distribution ?? DEFAULTS.distribution,
  });
}

function vectorLength(labels: VectorInput): number {
  if (Array.isArray(labels) || ArrayBuffer.isView(labels))
    return (labels as ArrayLike<number>).length;
  const v = labels as { shape?: readonly number[]; data: ArrayLike<unknown> };
  return v.shape?.[0] ?? v.data.length;
}

/**
 * Python's cleanup: the uploaded shards deleted one by one, in order; a delete that fails ends
 * the cleanup. The error reports what was uploaded, deleted and left behind.
 */
async function deleteUploaded(
  s3: S3Client,
  bucket: string,
  uploaded: readonly RecordShard[],
  failedKey: string,
  plan: ReturnType<typeof recordSetPlan>,
  cause: unknown,
): Promise<RecordSetUploadError> {
  const uri = (key: string): string => `s3://${bucket}/${key}`;
  const deleted: string[] = [];
  const cleanupErrors: unknown[] = [];
  const { DeleteObjectCommand } = await loadS3Sdk();
  for (const shard of uploaded) {
    try {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: shard.key }));
      deleted.push(shard.key);
    } catch (error) {
      cleanupErrors.push(error);
      break;
    }
  }
  const uploadedKeys = uploaded.map((s) => s.key);
  const all = [...plan.shards.map((s) => s.key), plan.manifestKey];
  return new RecordSetUploadError(
    uri(failedKey),
    uploadedKeys.map(uri),
    deleted.map(uri),
    uploadedKeys.filter((k) => !deleted.includes(k)).map(uri),
    all.filter((k) => !uploadedKeys.includes(k)).map(uri),
    { cause, cleanupErrors },
  );
}
