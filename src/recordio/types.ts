/** Input shapes accepted by the RecordIO-protobuf writers. */

/**
 * The numpy dtypes the SDK's writers accept, and so the ones a caller may name:
 * `float32` → `Float32Tensor`, `float64` → `Float64Tensor`, `int64` (numpy's default integer on
 * Linux) → `Int32Tensor` (values must fit int32).
 */
export type RecordDType = 'float32' | 'float64' | 'int64';

/**
 * Element storage. A typed array stands for the numpy dtype of the same width: `Float32Array`
 * is `float32`, `Float64Array` is `float64`, `BigInt64Array` is `int64`, and `Int32Array`,
 * `Uint8Array`... are `int32`, `uint8`... which Python refuses (say `dtype: 'int64'` to write
 * them as integers). A plain array of numbers is `float64` unless `dtype` says otherwise.
 */
export type NumericArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint8ClampedArray
  | Uint16Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | readonly number[]
  | readonly bigint[];

/** A row-major matrix: `data[r * shape[1] + c]` is row `r`, column `c`. */
export interface DenseMatrix {
  /** `[rows, columns]`; any other rank is refused, as Python refuses non-matrices. */
  readonly shape: readonly number[];
  readonly data: NumericArray;
  /** Element type; converts `data` like numpy's `astype`. @default - inferred from `data` (see {@link NumericArray}) */
  readonly dtype?: RecordDType;
}

/** A matrix as a {@link DenseMatrix} or as an array of equally long rows of numbers. */
export type DenseMatrixInput = DenseMatrix | readonly (readonly number[])[];

/** A vector (labels) with an explicit dtype or shape. */
export interface Vector {
  /** `[length]`; any other rank is refused. @default - `[data.length]` */
  readonly shape?: readonly number[];
  readonly data: NumericArray;
  /** @default - inferred from `data` (see {@link NumericArray}) */
  readonly dtype?: RecordDType;
}

/** Labels: one per row. */
export type VectorInput = NumericArray | Vector;

/**
 * A matrix in compressed sparse row form (scipy's `csr_matrix`): row `r` holds the values
 * `data[indptr[r] .. indptr[r + 1])` at columns `indices[indptr[r] .. indptr[r + 1])`, written in
 * stored order (explicit zeros included).
 */
export interface CsrMatrix {
  /** `[rows, columns]`. */
  readonly shape: readonly number[];
  readonly data: NumericArray;
  readonly indices: NumericArray;
  readonly indptr: NumericArray;
  /** @default - inferred from `data` (see {@link NumericArray}) */
  readonly dtype?: RecordDType;
}

/** Options of the dense and sparse writers. */
export interface WriteTensorOptions {
  /** One label per row, written under `label.values`. @default - no labels */
  readonly labels?: VectorInput;
}

/** Options of the one-buffer writers ({@link encodeDenseTensor}, {@link encodeSparseTensor}). */
export interface EncodeOptions extends WriteTensorOptions {
  /**
   * A buffer to encode into instead of a fresh one: the result is `into.subarray(0, size)`, and
   * the bytes after it are left as they were. Keep one buffer and pass it to every call: a fresh
   * buffer of the output's size faults in each of its pages, which costs more than the encoding.
   * The result is valid until the buffer is written again; it must not overlap the input.
   * @throws {OutputBufferTooSmallError} when the encoding does not fit.
   * @default - a fresh buffer of exactly the encoding's size
   */
  readonly into?: Uint8Array;
}

/** Options of the chunked writers ({@link denseTensorChunks}, {@link sparseTensorChunks}). */
export interface ChunkOptions extends WriteTensorOptions {
  /**
   * Target chunk size in bytes; a single record larger than this gets a chunk of its own.
   * @default 1048576
   */
  readonly chunkBytes?: number;
  /**
   * Yield the same buffer again for the next chunk, so each chunk is valid only until the
   * iteration continues (copy or consume it first). Saves faulting in fresh memory for every
   * chunk, which dominates the cost of encoding.
   * @default false
   */
  readonly reuseChunks?: boolean;
}

/** Options of the stream writers ({@link writeDenseTensor}, {@link writeSparseTensor}). */
export interface WriteStreamOptions extends WriteTensorOptions {
  /**
   * Bytes per `write` call. Besides what the writable buffers, the writer holds at most three
   * chunks: one the writable is writing, one encoded and waiting for `drain`, one being filled.
   * @default 1048576
   */
  readonly chunkBytes?: number;
  /**
   * Recycle a chunk's buffer once the writable calls back for its write. Only for writables
   * that are done with a chunk when they call back, such as `fs.WriteStream` and `net.Socket`;
   * never for a `PassThrough` or `Transform` that hands the chunk on.
   * @default false
   */
  readonly reuseChunks?: boolean;
}
