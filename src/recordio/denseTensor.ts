import { denseSource } from './denseSource.js';
import { encodeAll, sourceChunks } from './encodeRecords.js';
import { checkWriterOptions } from './checkWriterOptions.js';
import { resolveDense } from './resolveInputs.js';
import type { ChunkOptions, DenseMatrixInput, WriteStreamOptions, EncodeOptions } from './types.js';
import { writeChunks, type ChunkSink } from './writeChunks.js';

/**
 * Encodes each row of a dense matrix as a RecordIO-framed `aialgs.data.Record`, byte for byte
 * what the Python SDK's `write_numpy_to_dense_tensor` writes.
 *
 * Rows go under `features["values"]` as a `Float32Tensor` (float32 data), `Float64Tensor`
 * (float64) or `Int32Tensor` (int64), and each row's label under `label["values"]`.
 *
 * @throws {ValidationError} when the matrix is not 2-D, the labels are not a vector with one
 * label per row, or an integer does not fit int32.
 * @throws {UnsupportedOptionError} when the element type is not float32, float64 or int64
 * (an `Int32Array` is int32, which Python refuses too: pass `dtype: 'int64'`).
 * @throws {OutputBufferTooSmallError} when `options.into` is shorter than the encoding.
 * @throws {OptionTypeError} when the input is not a matrix.
 * @example
 * const bytes = encodeDenseTensor(
 *   { shape: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6]) },
 *   { labels: new Float32Array([0, 1]) },
 * );
 */
export function encodeDenseTensor(
  matrix: DenseMatrixInput,
  options: EncodeOptions = {},
): Uint8Array {
  const checked = checkWriterOptions(options);
  return encodeAll(denseSource(resolveDense(matrix, checked.labels)), checked.into);
}

/**
 * {@link encodeDenseTensor} as a lazy sequence of chunks of about `chunkBytes` each, for inputs
 * whose encoding should not sit in memory at once (for example as the body of an upload via
 * `Readable.from(...)`). Inputs are checked before the first chunk is produced.
 *
 * @throws as {@link encodeDenseTensor}, when called.
 */
export function denseTensorChunks(
  matrix: DenseMatrixInput,
  options: ChunkOptions = {},
): Iterable<Uint8Array> {
  return sourceChunks(
    denseSource(resolveDense(matrix, checkWriterOptions(options).labels)),
    options ?? {},
  );
}

/**
 * Streams {@link encodeDenseTensor}'s bytes into a Node writable (a file, a socket, an upload
 * body) with backpressure, like Python's `write_numpy_to_dense_tensor(file, ...)`; the writable
 * is left open. Resolves to the number of bytes written.
 *
 * @throws as {@link encodeDenseTensor}, before anything is written; rejects with the writable's
 * error if it fails.
 * @example
 * const file = createWriteStream('train.pbr');
 * await writeDenseTensor(file, { shape: [rows, cols], data }, { labels });
 * file.end();
 */
export async function writeDenseTensor(
  sink: ChunkSink,
  matrix: DenseMatrixInput,
  options: WriteStreamOptions = {},
): Promise<number> {
  return writeChunks(
    sink,
    denseSource(resolveDense(matrix, checkWriterOptions(options).labels)),
    options ?? {},
  );
}
