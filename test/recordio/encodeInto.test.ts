/**
 * The one-buffer writers' `into` option: the bytes written into a caller's buffer are the ones a
 * fresh buffer gets (and the protobuf library's), whatever the buffer held before and wherever it
 * starts; the buffer can be reused across calls; a buffer that is too small is refused with a
 * typed error before anything is written.
 */
import { describe, expect, it } from 'vitest';
import {
  OutputBufferTooSmallError,
  encodeDenseTensor,
  encodeSparseTensor,
  isOutputBufferTooSmallError,
} from '../../src/recordio/index.js';
import { isSageMakerWorkflowError, OptionTypeError } from '../../src/errors.js';
import { typed } from './arbitraries.js';
import { referenceDense, referenceSparse, type Kind, type Labels } from './reference.js';

const values = (n: number): number[] => Array.from({ length: n }, (_, i) => ((i * 7.25) % 13) - 6);
/** `values` as `kind` holds them: int64 rounded (negatives included, ten-byte varints). */
const valuesOf = (kind: Kind, n: number): number[] =>
  kind === 'int64' ? values(n).map(Math.round) : values(n);
const KINDS: readonly Kind[] = ['float32', 'float64', 'int64'];
const LABEL_KINDS: readonly (Kind | undefined)[] = [undefined, 'float32', 'float64', 'int64'];

/** A buffer of `size` bytes starting `offset` bytes into its backing store, filled with 0xff. */
function dirty(size: number, offset = 0): Uint8Array {
  return new Uint8Array(size + offset).fill(0xff).subarray(offset);
}

/** A 3-row CSR matrix whose middle row has no stored values, with columns past one varint byte. */
function sparse(kind: Kind, cols: number) {
  const data = kind === 'int64' ? [1, -2, 0, 4] : [1.5, -2, 0, 4.25];
  const indices = [0, cols - 1, 3, 200 % cols];
  const indptr = [0, 2, 2, 4];
  return {
    matrix: {
      shape: [3, cols],
      data: typed(kind, data),
      indices: Int32Array.from(indices),
      indptr: Int32Array.from(indptr),
    },
    reference: (labels?: Labels) =>
      Buffer.from(referenceSparse([3, cols], kind, data, indices, indptr, labels)),
  };
}

describe('encodeDenseTensor into a given buffer', () => {
  for (const kind of KINDS) {
    for (const labelKind of LABEL_KINDS) {
      it(`${kind} features, ${labelKind ?? 'no'} labels, at every start offset 0-7`, () => {
        for (const cols of [0, 1, 10, 31]) {
          // GIVEN a matrix, and buffers full of 0xff that start at offsets 0 to 7 of their store
          const rows = 3;
          const data = valuesOf(kind, rows * cols);
          const labels: Labels | undefined = labelKind && { kind: labelKind, values: [1, -2, 3] };
          const options = labels ? { labels: typed(labels.kind, labels.values) } : {};
          const matrix = { shape: [rows, cols], data: typed(kind, data) };
          const reference = Buffer.from(referenceDense(rows, cols, kind, data, labels));
          for (let offset = 0; offset < 8; offset++) {
            const into = dirty(reference.length + 5, offset);
            // WHEN encoded into the buffer
            const out = encodeDenseTensor(matrix, { ...options, into });
            // THEN the result is the front of the buffer, holding the library's bytes, and the
            // bytes after it are untouched
            expect(out.buffer).toBe(into.buffer);
            expect(out.byteOffset).toBe(into.byteOffset);
            expect(Buffer.from(out).equals(reference)).toBe(true);
            expect([...into.subarray(reference.length)]).toStrictEqual([255, 255, 255, 255, 255]);
          }
        }
      });
    }
  }

  it('reuses one buffer across calls, each result the fresh-buffer bytes', () => {
    // GIVEN one buffer and matrices of several sizes, largest first
    const into = dirty(84 * 2_000);
    for (const rows of [2_000, 1_000, 7, 1, 0]) {
      const matrix = { shape: [rows, 10], data: Float32Array.from(values(rows * 10)) };
      const options = { labels: Float32Array.from(values(rows)) };
      // WHEN each is encoded into it
      const out = encodeDenseTensor(matrix, { ...options, into });
      // THEN each result equals the fresh-buffer encoding
      expect(Buffer.from(out).equals(encodeDenseTensor(matrix, options))).toBe(true);
    }
  });

  it('an exactly sized buffer is filled whole', () => {
    const matrix = { shape: [4, 10], data: Float32Array.from(values(40)) };
    const fresh = encodeDenseTensor(matrix);
    const into = dirty(fresh.length);
    expect(Buffer.from(encodeDenseTensor(matrix, { into })).equals(fresh)).toBe(true);
  });
});

describe('encodeSparseTensor into a given buffer', () => {
  for (const kind of KINDS) {
    for (const labelKind of LABEL_KINDS) {
      it(`${kind} values, ${labelKind ?? 'no'} labels, at every start offset 0-7`, () => {
        for (const cols of [5, 300, 20_000]) {
          // GIVEN a CSR matrix with an empty row, and buffers full of 0xff at offsets 0 to 7
          const { matrix, reference } = sparse(kind, cols);
          const labels: Labels | undefined = labelKind && { kind: labelKind, values: [1, -2, 3] };
          const options = labels ? { labels: typed(labels.kind, labels.values) } : {};
          const expected = reference(labels);
          for (let offset = 0; offset < 8; offset++) {
            // (a buffer of twice the size has room for every key at its largest)
            for (const spare of [3, expected.length]) {
              const into = dirty(expected.length + spare, offset);
              // WHEN encoded into the buffer; THEN it holds the library's bytes, and the bytes
              // after them are untouched
              const out = encodeSparseTensor(matrix, { ...options, into });
              expect(out.buffer).toBe(into.buffer);
              expect(Buffer.from(out).equals(expected)).toBe(true);
              expect(into.subarray(expected.length).every((b) => b === 0xff)).toBe(true);
            }
          }
        }
      });
    }
  }
});

describe('a buffer too small for the encoding', () => {
  it('is refused with OutputBufferTooSmallError naming both sizes, the buffer untouched', () => {
    // GIVEN a buffer one byte shorter than the encoding
    const matrix = { shape: [3, 10], data: Float32Array.from(values(30)) };
    const needed = encodeDenseTensor(matrix).length;
    const into = dirty(needed - 1);
    // WHEN encoding into it
    let error: unknown;
    try {
      encodeDenseTensor(matrix, { into });
    } catch (e) {
      error = e;
    }
    // THEN a typed error says how much was needed and given, and nothing was written
    expect(error).toBeInstanceOf(OutputBufferTooSmallError);
    expect(isOutputBufferTooSmallError(error)).toBe(true);
    expect(isSageMakerWorkflowError(error)).toBe(true);
    const e = error as OutputBufferTooSmallError;
    expect(e.code).toBe('OUTPUT_BUFFER_TOO_SMALL');
    expect([e.needed, e.given]).toStrictEqual([needed, needed - 1]);
    expect(e.message).toContain(String(needed));
    expect(e.message).toContain(String(needed - 1));
    expect(into.every((b) => b === 0xff)).toBe(true);
  });

  it('is refused by the sparse writer too', () => {
    const { matrix, reference } = sparse('float32', 300);
    const needed = reference().length;
    expect(() => encodeSparseTensor(matrix, { into: new Uint8Array(needed - 4) })).toThrow(
      OutputBufferTooSmallError,
    );
  });

  it('an into that is not a Uint8Array is an OptionTypeError', () => {
    const matrix = { shape: [1, 1], data: Float32Array.from([1]) };
    const bad = new Float32Array(64) as unknown as Uint8Array;
    expect(() => encodeDenseTensor(matrix, { into: bad })).toThrow(OptionTypeError);
  });
});
