/**
 * Rows of a record set: how many there are, row ranges of dense and CSR matrices (views where the
 * data allows), and a stream of row batches re-cut into shards of given sizes, encoded batch by
 * batch so that only a batch and an upload part are in memory at once.
 */
import { OptionTypeError, ValidationError } from '../../errors.js';
import { denseTensorChunks, sparseTensorChunks } from '../../recordio/index.js';
import type {
  CsrMatrix,
  DenseMatrix,
  DenseMatrixInput,
  NumericArray,
  Vector,
  VectorInput,
} from '../../recordio/index.js';

/** A batch of consecutive rows of a {@link RecordStream}, with their labels. */
export interface RecordBatch {
  readonly matrix: DenseMatrix | CsrMatrix;
  /** One label per row of the batch. @default - none */
  readonly labels?: VectorInput;
}

/**
 * A record set that does not fit in memory: its size up front (Python shards by row count) and
 * its rows as batches, read once, in order.
 */
export interface RecordStream {
  /** Rows the batches hold in all. */
  readonly numRecords: number;
  /** Columns of every row. */
  readonly featureDim: number;
  readonly batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>;
}

/** True for a matrix in CSR form. */
export const isCsr = (value: unknown): value is CsrMatrix =>
  typeof value === 'object' && value !== null && 'indptr' in value && 'indices' in value;

const isMatrix = (value: unknown): value is DenseMatrix =>
  typeof value === 'object' && value !== null && 'shape' in value && 'data' in value;

function slice(data: NumericArray, from: number, to: number): NumericArray {
  return ArrayBuffer.isView(data) ? data.subarray(from, to) : data.slice(from, to);
}

/** Rows and columns (Python's `shape[0]` and `shape[1]`). */
export function recordsOf(train: DenseMatrixInput | CsrMatrix | RecordStream): {
  rows: number;
  cols: number;
} {
  if (typeof train === 'object' && train !== null && 'batches' in train)
    return { rows: train.numRecords, cols: train.featureDim };
  if (Array.isArray(train)) {
    const rows = train as readonly (readonly number[])[];
    return { rows: rows.length, cols: rows[0]?.length ?? 0 };
  }
  if (isMatrix(train) || isCsr(train)) {
    const shape = (train as { shape: readonly number[] }).shape;
    return { rows: shape[0] ?? 0, cols: shape[1] ?? 0 };
  }
  throw new OptionTypeError(
    'train',
    train,
    'a matrix { shape, data }, an array of rows, a CSR matrix or a RecordStream',
  );
}

/** Rows `[from, to)` of a matrix, in the same form. */
export function sliceRows(
  matrix: DenseMatrixInput | CsrMatrix,
  from: number,
  to: number,
): DenseMatrixInput | CsrMatrix {
  if (Array.isArray(matrix)) return (matrix as readonly (readonly number[])[]).slice(from, to);
  if (isCsr(matrix)) {
    const indptr = matrix.indptr;
    const start = Number(indptr[from] ?? 0);
    const end = Number(indptr[to] ?? start);
    const rebased = new Float64Array(to - from + 1);
    for (let r = from; r <= to; r++) rebased[r - from] = Number(indptr[r] ?? end) - start;
    return {
      ...matrix,
      shape: [to - from, ...matrix.shape.slice(1)],
      data: slice(matrix.data, start, end),
      indices: slice(matrix.indices, start, end),
      indptr: rebased,
    };
  }
  const dense = matrix as DenseMatrix;
  const stride = dense.shape.slice(1).reduce((a, b) => a * b, 1);
  return {
    ...dense,
    shape: [to - from, ...dense.shape.slice(1)],
    data: slice(dense.data, from * stride, to * stride),
  };
}

/** Entries `[from, to)` of a label vector, in the same form. */
export function sliceVector(labels: VectorInput, from: number, to: number): VectorInput {
  if (Array.isArray(labels) || ArrayBuffer.isView(labels))
    return slice(labels as NumericArray, from, to);
  const v = labels as Vector;
  const stride = (v.shape ?? []).slice(1).reduce((a, b) => a * b, 1);
  return {
    ...(v.dtype === undefined ? {} : { dtype: v.dtype }),
    ...(v.shape ? { shape: [to - from, ...v.shape.slice(1)] } : {}),
    data: slice(v.data, from * stride, to * stride),
  };
}

/** Labels in a batch: exactly one per row (a stream has no Python quirk to keep). */
function checkBatch(batch: RecordBatch, featureDim: number): number {
  const shape = batch.matrix.shape;
  if (shape.length !== 2 || shape[1] !== featureDim) {
    throw new ValidationError('batch.matrix.shape', shape, `[rows, ${featureDim}] (featureDim)`);
  }
  const rows = shape[0] ?? 0;
  if (batch.labels !== undefined) {
    const l = batch.labels;
    const length =
      Array.isArray(l) || ArrayBuffer.isView(l)
        ? (l as ArrayLike<number>).length
        : ((l as { shape?: readonly number[] }).shape?.[0] ??
          (l as { data: NumericArray }).data.length);
    if (length !== rows)
      throw new ValidationError('batch.labels', `${length} labels`, `one label per row (${rows})`);
  }
  return rows;
}

function encode(batch: RecordBatch, chunkBytes: number): Iterable<Uint8Array> {
  const options = { chunkBytes, ...(batch.labels === undefined ? {} : { labels: batch.labels }) };
  return isCsr(batch.matrix)
    ? sparseTensorChunks(batch.matrix, options)
    : denseTensorChunks(batch.matrix, options);
}

/**
 * Cuts a stream's batches into consecutive shards: each call returns the encoding of the next
 * `count` rows, splitting a batch across two shards where a boundary falls inside it.
 * @throws {@link ValidationError} (while iterating) when the stream holds fewer or more rows than
 * `numRecords`, or a batch has the wrong columns or label count.
 */
export function batchRows(
  stream: RecordStream,
  chunkBytes: number,
): (count: number) => AsyncIterable<Uint8Array> {
  const source = stream.batches;
  const iterator: AsyncIterator<RecordBatch> | Iterator<RecordBatch> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  let pending: { batch: RecordBatch; rows: number; offset: number } | undefined;
  let consumed = 0;
  const next = async (): Promise<typeof pending> => {
    const result = await iterator.next();
    if (result.done) return undefined;
    const rows = checkBatch(result.value, stream.featureDim);
    return { batch: result.value, rows, offset: 0 };
  };
  return (count) => ({
    async *[Symbol.asyncIterator]() {
      let left = count;
      while (left > 0) {
        pending ??= await next();
        if (!pending) {
          throw new ValidationError(
            'train.numRecords',
            stream.numRecords,
            `the number of rows the batches hold (${consumed})`,
          );
        }
        const take = Math.min(left, pending.rows - pending.offset);
        const { batch, offset } = pending;
        const part: RecordBatch =
          offset === 0 && take === pending.rows
            ? batch
            : {
                matrix: sliceRows(batch.matrix, offset, offset + take) as DenseMatrix | CsrMatrix,
                ...(batch.labels === undefined
                  ? {}
                  : { labels: sliceVector(batch.labels, offset, offset + take) }),
              };
        yield* encode(part, chunkBytes);
        pending.offset += take;
        if (pending.offset === pending.rows) pending = undefined;
        left -= take;
        consumed += take;
      }
      if (consumed === stream.numRecords && (pending ?? (await next())) !== undefined) {
        throw new ValidationError(
          'train.numRecords',
          stream.numRecords,
          'the number of rows the batches hold (they hold more)',
        );
      }
    },
  });
}
