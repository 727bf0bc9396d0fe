/**
 * The sparse writer's fast path for float values, which writes a row's keys before it knows
 * their byte count: rows whose keys take fewer bytes than the largest column index would (so
 * that a header's varint gets shorter and the keys move), rows with no stored values, column
 * counts at the varint boundaries, chunks that cut records at every position, and outputs that
 * do not start on a four-byte boundary. Each case is compared with the protobuf library's
 * encoding.
 */
import { describe, expect, it } from 'vitest';
import { encodeSparseTensor, sparseTensorChunks } from '../../src/recordio/index.js';
import { typed } from './arbitraries.js';
import { referenceSparse, type Kind, type Labels } from './reference.js';

/** Copies each chunk as it comes: a reused chunk is only valid until the next one. */
function concat(chunks: Iterable<Uint8Array>): Buffer {
  const copies: Buffer[] = [];
  for (const chunk of chunks) copies.push(Buffer.from(chunk));
  return Buffer.concat(copies);
}

/**
 * Rows of `cols` columns: empty rows, rows of small column indices only (one-byte keys where the
 * largest index takes more), rows of the largest indices, and rows long enough for the native
 * copy of their values.
 */
function rowsFor(cols: number): number[][] {
  const small = Array.from({ length: Math.min(cols, 20) }, (_, i) => i);
  const large = Array.from({ length: Math.min(cols, 5) }, (_, i) => cols - 1 - i).reverse();
  const spread = Array.from({ length: Math.min(cols, 90) }, (_, i) =>
    Math.floor((i * cols) / Math.min(cols, 90)),
  );
  return [[], small, large, [], spread, small.slice(0, 1), [cols - 1]];
}

const COLS = [1, 5, 127, 128, 129, 200, 16_383, 16_384, 16_385, 2_097_153, 300_000_000];
const FLOAT_KINDS: readonly Kind[] = ['float32', 'float64'];
const LABEL_KINDS: readonly (Kind | undefined)[] = [undefined, 'float32', 'float64', 'int64'];

describe('sparse float records written keys first', () => {
  for (const kind of FLOAT_KINDS) {
    for (const labelKind of LABEL_KINDS) {
      it(`${kind} values, ${labelKind ?? 'no'} labels, every column count and chunk size`, () => {
        for (const cols of COLS) {
          // GIVEN a CSR matrix of the rows above
          const rowList = rowsFor(cols);
          const indices = rowList.flat();
          const indptr = [0];
          for (const row of rowList) indptr.push((indptr.at(-1) ?? 0) + row.length);
          const data = indices.map((c, k) => (k % 7 === 3 ? Number.NaN : (c % 13) - 6.5));
          const values = typed(kind, data);
          const shape: [number, number] = [rowList.length, cols];
          const labels: Labels | undefined = labelKind && {
            kind: labelKind,
            values: rowList.map((_, r) => r - 3),
          };
          const options = labels ? { labels: typed(labels.kind, labels.values) } : {};
          const matrix = {
            shape,
            data: values,
            indices: Int32Array.from(indices),
            indptr: Int32Array.from(indptr),
          };
          const reference = Buffer.from(
            referenceSparse(shape, kind, data, indices, indptr, labels),
          );
          // WHEN encoded in one buffer, into buffers at offsets 1 to 3, and in chunks
          // THEN every encoding is the library's
          const one = Buffer.from(encodeSparseTensor(matrix, options));
          expect(one.equals(reference), `cols ${cols}`).toBe(true);
          for (let offset = 1; offset < 4; offset++) {
            // exactly sized, and with room for every key at its largest
            for (const spare of [0, 5 * indices.length + 8 * rowList.length]) {
              const into = new Uint8Array(reference.length + spare + offset)
                .fill(0xee)
                .subarray(offset);
              const out = encodeSparseTensor(matrix, { ...options, into });
              expect(Buffer.from(out).equals(reference), `cols ${cols} at ${offset}`).toBe(true);
              expect(into.subarray(reference.length).every((b) => b === 0xee)).toBe(true);
            }
          }
          for (const chunkBytes of [1, 37, 100, 333, 4096]) {
            for (const reuseChunks of [false, true]) {
              const joined = concat(
                sparseTensorChunks(matrix, { ...options, chunkBytes, reuseChunks }),
              );
              expect(joined.equals(reference), `cols ${cols}, chunks of ${chunkBytes}`).toBe(true);
            }
          }
        }
      });
    }
  }

  it('chunks end where the next record does not fit, as when each record is measured', () => {
    // GIVEN rows of 20 one-byte keys in 200 columns (each record is smaller than its bound)
    const rows = 50;
    const indices = Array.from({ length: rows * 20 }, (_, k) => k % 20);
    const indptr = Array.from({ length: rows + 1 }, (_, r) => r * 20);
    const matrix = {
      shape: [rows, 200],
      data: Float32Array.from(indices, (c) => c / 2),
      indices: Int32Array.from(indices),
      indptr: Int32Array.from(indptr),
    };
    const record = encodeSparseTensor({
      ...matrix,
      shape: [1, 200],
      data: matrix.data.subarray(0, 20),
      indices: matrix.indices.subarray(0, 20),
      indptr: Int32Array.from([0, 20]),
    }).length;
    // WHEN chunked at a size that holds exactly three records
    const sizes = [...sparseTensorChunks(matrix, { chunkBytes: 3 * record })].map((c) => c.length);
    // THEN every chunk but the last holds three records
    expect(sizes.slice(0, -1).every((n) => n === 3 * record)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows * record);
  });
});

it('a float32 NaN payload survives bit for bit', () => {
  // GIVEN a float32 value that is a NaN with a payload, in rows long and short
  for (const n of [1, 3, 100]) {
    const values = new Float32Array(n);
    new Uint32Array(values.buffer)[n - 1] = 0x7fa00001;
    const matrix = {
      shape: [1, 1000],
      data: values,
      indices: Int32Array.from({ length: n }, (_, k) => k * 7),
      indptr: Int32Array.from([0, n]),
    };
    // WHEN encoded; THEN its four bytes are in the record as they were
    const bytes = Buffer.from(encodeSparseTensor(matrix));
    expect(bytes.includes(Buffer.from([0x01, 0x00, 0xa0, 0x7f]))).toBe(true);
  }
});
