import { sparseSource } from './sparseSource.js';
import { encodeAll, sourceChunks } from './encodeRecords.js';
import { checkWriterOptions } from './checkWriterOptions.js';
import { resolveSparse } from './resolveInputs.js';
import type { ChunkOptions, CsrMatrix, WriteStreamOptions, EncodeOptions } from './types.js';
import { writeChunks, type ChunkSink } from './writeChunks.js';

/**
 * Encodes each row of a CSR sparse matrix as a RecordIO-framed `aialgs.data.Record`, byte for
 * byte what the Python SDK's `write_spmatrix_to_sparse_tensor` writes.
 *
 * Each row's stored values (in stored order, explicit zeros included) go under
 * `features["values"]` with their column indices as `keys` and `shape = [columns]`; each row's
 * label under `label["values"]`.
 *
 * @throws {OutputBufferTooSmallError} when `options.into` is shorter than the encoding.
 * @throws {OptionTypeError} when the input is not a CSR matrix (Python: "Array must be sparse").
 * @throws {ValidationError} when the labels are not a vector with one label per row, the CSR
 * arrays are inconsistent, or an integer does not fit int32.
 * @throws {UnsupportedOptionError} when the element type is not float32, float64 or int64.
 * @example
 * const bytes = encodeSparseTensor({
 *   shape: [2, 4],
 *   data: new Float32Array([1, 2, 3]),
 *   indices: new Int32Array([0, 3, 1]),
 *   indptr: new Int32Array([0, 2, 3]),
 * });
 */
export function encodeSparseTensor(matrix: CsrMatrix, options: EncodeOptions = {}): Uint8Array {
  const checked = checkWriterOptions(options);
  return encodeAll(sparseSource(resolveSparse(matrix, checked.labels)), checked.into);
}

/**
 * {@link encodeSparseTensor} as a lazy sequence of chunks of about `chunkBytes` each, for inputs
 * whose encoding should not sit in memory at once (for example as the body of an upload via
 * `Readable.from(...)`). Inputs are checked before the first chunk is produced.
 *
 * @throws as {@link encodeSparseTensor}, when called.
 */
export function sparseTensorChunks(
  matrix: CsrMatrix,
  options: ChunkOptions = {},
): Iterable<Uint8Array> {
  return sourceChunks(
    sparseSource(resolveSparse(matrix, checkWriterOptions(options).labels)),
    options ?? {},
  );
}

/**
 * Streams {@link encodeSparseTensor}'s bytes into a Node writable (a file, a socket, an upload
 * body) with backpressure, like Python's `write_spmatrix_to_sparse_tensor(file, ...)`; the
 * writable is left open. Resolves to the number of bytes written.
 *
 * @throws as {@link encodeSparseTensor}, before anything is written; rejects with the writable's
 * error if it fails.
 * @example
 * const file = createWriteStream('train.pbr');
 * await writeSparseTensor(file, { shape: [rows, cols], data, indices, indptr }, { labels });
 * file.end();
 */
export async function writeSparseTensor(
  sink: ChunkSink,
  matrix: CsrMatrix,
  options: WriteStreamOptions = {},
): Promise<number> {
  return writeChunks(
    sink,
    sparseSource(resolveSparse(matrix, checkWriterOptions(options).labels)),
    options ?? {},
  );
}
