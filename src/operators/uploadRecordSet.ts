/**
 * Python's `AmazonAlgorithmEstimatorBase.record_set()`: shard a matrix, encode each shard as
 * RecordIO-protobuf, upload the shards and a manifest to S3 under the estimator's record-set
 * location, and return the `RecordSet` to train on.
 */
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { loadLibStorage, loadS3Sdk } from '../internal/loadPeer.js';
import { OptionTypeError, ValidationError } from '../errors.js';
import { shardBounds } from '../direct/recordSetPlan.js';
import { RecordSetUploadError } from './RecordSetUploadError.js';
import type { AlgorithmEstimator } from '../estimators/amazon/AlgorithmEstimator.js';
import { RecordSet } from '../estimators/amazon/RecordSet.js';
import { sagemakerTimestamp } from '../pythonCompat/timestamps.js';
import { denseTensorChunks } from '../recordio/index.js';
import type {
  DenseMatrix,
  DenseMatrixInput,
  NumericArray,
  VectorInput,
} from '../recordio/index.js';

/**
 * What a record set needs to be trained on: the manifest's S3 URI and the matrix's size.
 * @deprecated `uploadRecordSet` returns a {@link RecordSet}, which has these fields.
 */
export interface RecordSetDescriptor {
  /** `s3://<bucket>/<prefix>/.amazon.manifest` */
  readonly s3Data: string;
  readonly numRecords: number;
  readonly featureDim: number;
  readonly s3DataType: 'ManifestFile';
  readonly channel: string;
}

/** Where {@link uploadRecordSet} uploads: an estimator's record-set location, or a given prefix. */
export type RecordSetDestination =
  | {
      /**
       * The estimator the records are for: they go under Python's
       * `<dataLocation><class name>-<timestamp>/` (clock of its session), one shard per training
       * instance.
       */
      readonly estimator: AlgorithmEstimator;
      readonly s3Prefix?: never;
    }
  | {
      /** `s3://<bucket>/<key prefix>` to upload under. */
      readonly s3Prefix: string;
      readonly estimator?: never;
    };

/** Options of {@link uploadRecordSet}. */
export type UploadRecordSetOptions = RecordSetDestination & UploadRecordSetCommonOptions;

/** Options of {@link uploadRecordSet} besides the destination. */
export interface UploadRecordSetCommonOptions {
  /** One label per row. @default - no labels */
  readonly labels?: VectorInput;
  /**
   * Number of shards (one per training instance, as Python's `instance_count`).
   * @default - the estimator's `instanceCount`; 1 with `s3Prefix`
   */
  readonly instanceCount?: number;
  /** Training channel the record set is for. @default 'train' */
  readonly channel?: string;
  /** S3 data distribution of the channel. @default 'ShardedByS3Key' */
  readonly distribution?: string;
  /** Encrypt the objects at rest with `ServerSideEncryption: 'AES256'`. @default false */
  readonly encrypt?: boolean;
  /** `ExpectedBucketOwner` on every request. @default - not checked */
  readonly expectedBucketOwner?: string;
  /** Part size of multipart uploads of large shards, in bytes (at least 5 MiB). @default 5242880 */
  readonly partSizeBytes?: number;
  /** Stops the upload; what was uploaded is cleaned up and reported. @default - none */
  readonly signal?: AbortSignal;
}

const DEFAULTS = {
  instanceCount: 1,
  channel: 'train',
  distribution: 'ShardedByS3Key',
  encrypt: false,
  partSizeBytes: 5 * 1024 * 1024,
} as const satisfies Partial<Record<keyof UploadRecordSetCommonOptions, unknown>>;

const MANIFEST_NAME = '.amazon.manifest';

export { isRecordSetUploadError } from './RecordSetUploadError.js';
export { RecordSetUploadError };

/** Python's `json.dumps` of a string: ASCII only, non-ASCII as `\uXXXX`. */
function pythonJsonString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The manifest Python writes: `json.dumps([{"prefix": ...}] + file_names)`. */
export function recordSetManifest(prefixUri: string, fileNames: readonly string[]): string {
  const entries = [
    `{"prefix": ${pythonJsonString(prefixUri)}}`,
    ...fileNames.map(pythonJsonString),
  ];
  return `[${entries.join(', ')}]`;
}

function parseS3Prefix(uri: string): { bucket: string; keyPrefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) throw new ValidationError('s3Prefix', uri, 'an S3 URI such as s3://bucket/prefix/');
  const [, bucket = '', path = ''] = match;
  const keyPrefix = path.replace(/^\/+/, '');
  return {
    bucket,
    keyPrefix: keyPrefix === '' || keyPrefix.endsWith('/') ? keyPrefix : `${keyPrefix}/`,
  };
}

/**
 * Python's `record_set` key prefix: the path of `data_location` plus `<class>-<timestamp>/`,
 * leading slashes stripped.
 */
function estimatorPrefix(estimator: AlgorithmEstimator): string {
  const match = /^s3:\/\/([^/]*)(.*)$/.exec(estimator.dataLocation);
  if (!match) {
    throw new ValidationError(
      'estimator.dataLocation',
      estimator.dataLocation,
      'an S3 URI such as s3://bucket/prefix/',
    );
  }
  const [, bucket = '', path = ''] = match;
  const stamp = sagemakerTimestamp(estimator.session.now());
  const keyPrefix = `${path}${estimator.pythonClass.name}-${stamp}/`.replace(/^\/+/, '');
  return `s3://${bucket}/${keyPrefix}`;
}

function defaultShards(options: UploadRecordSetOptions): unknown {
  if (options.instanceCount !== undefined) return options.instanceCount;
  if (options.estimator === undefined) return DEFAULTS.instanceCount;
  return options.estimator.options.instanceCount;
}

function slice(data: NumericArray, from: number, to: number): NumericArray {
  return ArrayBuffer.isView(data) ? data.subarray(from, to) : data.slice(from, to);
}

/** A matrix as `{ shape, data, dtype? }`, rows flattened, so shards can be views of it. */
function asMatrix(input: DenseMatrixInput): DenseMatrix {
  if (Array.isArray(input)) {
    const rows = input as readonly (readonly number[])[];
    return { shape: [rows.length, rows[0]?.length ?? 0], data: rows.flat() };
  }
  if (typeof input === 'object' && 'shape' in input && Array.isArray(input.shape)) {
    return input;
  }
  throw new OptionTypeError(
    'matrix',
    input,
    'a matrix { shape, data, dtype? } or an array of rows',
  );
}

function asLabelVector(labels: VectorInput): { data: NumericArray; dtype?: DenseMatrix['dtype'] } {
  if (Array.isArray(labels) || ArrayBuffer.isView(labels)) return { data: labels as NumericArray };
  return labels as { data: NumericArray; dtype?: DenseMatrix['dtype'] };
}

/**
 * Shards a dense matrix (and its labels) into one RecordIO-protobuf object per training instance,
 * uploads them as `matrix_<i>.pbr` with the `.amazon.manifest` that lists them, and returns the
 * {@link RecordSet} to train on, like Python's `record_set()`: with `estimator`, under its
 * `<dataLocation><class name>-<timestamp>/`; else under `s3Prefix`. Every shard is checked before
 * anything is uploaded, and each streams to S3 without its whole encoding in memory.
 *
 * On a failure, the shards already uploaded are deleted again (best effort, as Python does)
 * and a {@link RecordSetUploadError} says what was uploaded, deleted, left behind and not
 * uploaded.
 *
 * @throws {ValidationError} for a bad `s3Prefix`, `instanceCount`, matrix or labels (as the
 * RecordIO writers do), before any upload.
 * @throws {RecordSetUploadError} when an upload fails or `signal` aborts.
 * @example
 * const train = await uploadRecordSet(s3, { shape: [rows, 4], data }, { estimator: knn, labels });
 * const job = trainingJob(knn, { inputs: train });
 */
export async function uploadRecordSet(
  client: S3Client,
  matrix: DenseMatrixInput,
  options: UploadRecordSetOptions,
): Promise<RecordSet> {
  const instanceCount = defaultShards(options);
  const channel = options.channel ?? DEFAULTS.channel;
  if (
    typeof instanceCount !== 'number' ||
    !Number.isSafeInteger(instanceCount) ||
    instanceCount < 1
  ) {
    throw new ValidationError(
      'instanceCount',
      instanceCount,
      'an integer >= 1; Python: "num_shards must be >= 1"',
    );
  }
  const { bucket, keyPrefix } = parseS3Prefix(
    options.estimator === undefined ? options.s3Prefix : estimatorPrefix(options.estimator),
  );
  const whole = asMatrix(matrix);
  if (whole.shape.length !== 2) {
    throw new ValidationError(
      'matrix.shape',
      whole.shape,
      'a matrix (2-D shape); Python: "Array must be a Matrix"',
    );
  }
  const [rows = 0, cols = 0] = whole.shape;
  const labels = options.labels === undefined ? undefined : asLabelVector(options.labels);
  if (labels !== undefined && labels.data.length !== rows) {
    throw new ValidationError(
      'labels',
      `${labels.data.length} labels`,
      `one label per row (${rows})`,
    );
  }
  const bounds = shardBounds(rows, instanceCount);
  const digits = String(instanceCount).length;
  const shards = bounds.map(([from, to], i) => ({
    name: `matrix_${String(i).padStart(digits, '0')}.pbr`,
    // Encoding is set up (and every input checked) here, before the first upload.
    chunks: denseTensorChunks(
      {
        shape: [to - from, cols],
        data: slice(whole.data, from * cols, to * cols),
        ...(whole.dtype ? { dtype: whole.dtype } : {}),
      },
      labels === undefined
        ? {}
        : {
            labels: {
              data: slice(labels.data, from, to),
              ...(labels.dtype ? { dtype: labels.dtype } : {}),
            },
          },
    ),
  }));

  const uri = (name: string): string => `s3://${bucket}/${keyPrefix}${name}`;
  const extra = {
    ...((options.encrypt ?? DEFAULTS.encrypt) ? { ServerSideEncryption: 'AES256' as const } : {}),
    ...(options.expectedBucketOwner === undefined
      ? {}
      : { ExpectedBucketOwner: options.expectedBucketOwner }),
  };
  const put = async (name: string, body: Readable | Uint8Array): Promise<void> => {
    const { Upload } = await loadLibStorage();
    options.signal?.throwIfAborted();
    const abortController = new AbortController();
    const onAbort = (): void => {
      abortController.abort();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await new Upload({
        client,
        params: { Bucket: bucket, Key: `${keyPrefix}${name}`, Body: body, ...extra },
        partSize: options.partSizeBytes ?? DEFAULTS.partSizeBytes,
        queueSize: 2,
        leavePartsOnError: false,
        abortController,
      }).done();
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  };

  const uploaded: string[] = [];
  const names = [...shards.map((s) => s.name), MANIFEST_NAME];
  let current = names[0] ?? MANIFEST_NAME;
  try {
    for (const shard of shards) {
      current = shard.name;
      await put(shard.name, Readable.from(shard.chunks, { objectMode: false }));
      uploaded.push(shard.name);
    }
    current = MANIFEST_NAME;
    const manifest = recordSetManifest(`s3://${bucket}/${keyPrefix}`, uploaded);
    await put(MANIFEST_NAME, new TextEncoder().encode(manifest));
  } catch (cause) {
    throw await cleanUp(
      client,
      bucket,
      keyPrefix,
      uploaded,
      current,
      names,
      uri,
      cause,
      options.expectedBucketOwner,
    );
  }
  return new RecordSet({
    s3Data: uri(MANIFEST_NAME),
    numRecords: rows,
    featureDim: cols,
    s3DataType: 'ManifestFile',
    channel,
    distribution: options.distribution ?? DEFAULTS.distribution,
  });
}

/** Deletes what was uploaded (as Python does) and builds the error that reports it all. */
async function cleanUp(
  client: S3Client,
  bucket: string,
  keyPrefix: string,
  uploaded: readonly string[],
  failed: string,
  names: readonly string[],
  uri: (name: string) => string,
  cause: unknown,
  expectedBucketOwner: string | undefined,
): Promise<RecordSetUploadError> {
  const { DeleteObjectCommand } = await loadS3Sdk();
  const results = await Promise.allSettled(
    uploaded.map((name) =>
      client.send(
        new DeleteObjectCommand({
          Bucket: bucket,
          Key: `${keyPrefix}${name}`,
          ...(expectedBucketOwner === undefined
            ? {}
            : { ExpectedBucketOwner: expectedBucketOwner }),
        }),
      ),
    ),
  );
  const deleted = uploaded.filter((_, i) => results[i]?.status === 'fulfilled');
  const leftBehind = uploaded.filter((_, i) => results[i]?.status === 'rejected');
  const cleanupErrors = results.flatMap((r) =>
    r.status === 'rejected' ? [r.reason as unknown] : [],
  );
  return new RecordSetUploadError(
    uri(failed),
    uploaded.map(uri),
    deleted.map(uri),
    leftBehind.map(uri),
    names.filter((n) => !uploaded.includes(n)).map(uri),
    { cause, cleanupErrors },
  );
}
