/**
 * The dense writer's fast paths by record layout: the word-aligned template path and the byte
 * path taken when a field header's varint lengths break four-byte alignment (float32 rows of 30
 * columns, for one), across template blocks and chunk boundaries. Each case is compared with the
 * protobuf library's encoding.
 */
import { describe, expect, it } from 'vitest';
import { denseTensorChunks, encodeDenseTensor } from '../../src/recordio/index.js';
import { typed } from './arbitraries.js';
import { referenceDense, type Kind, type Labels } from './reference.js';

/** Copies each chunk as it comes: a reused chunk is only valid until the next one. */
function concat(chunks: Iterable<Uint8Array>): Buffer {
  const copies: Buffer[] = [];
  for (const chunk of chunks) copies.push(Buffer.from(chunk));
  return Buffer.concat(copies);
}

const values = (n: number): number[] => Array.from({ length: n }, (_, i) => ((i * 7.25) % 13) - 6);
const FLOAT_KINDS: readonly Kind[] = ['float32', 'float64'];
const LABEL_KINDS: readonly (Kind | undefined)[] = [undefined, 'float32', 'float64', 'int64'];

describe('dense records of every column count up to 70, float features', () => {
  for (const kind of FLOAT_KINDS) {
    for (const labelKind of LABEL_KINDS) {
      it(`${kind} features, ${labelKind ?? 'no'} labels`, () => {
        for (let cols = 0; cols <= 70; cols++) {
          // GIVEN three rows of `cols` columns (header varints cross 128 bytes around 30 columns)
          const rows = 3;
          const data = values(rows * cols);
          const labels: Labels | undefined = labelKind && { kind: labelKind, values: [1, -2, 3] };
          const options = labels ? { labels: typed(labels.kind, labels.values) } : {};
          const matrix = { shape: [rows, cols], data: typed(kind, data) };
          // WHEN encoded in one buffer and in chunks smaller than a record
          const reference = Buffer.from(referenceDense(rows, cols, kind, data, labels));
          // THEN both give the library's bytes
          expect(Buffer.from(encodeDenseTensor(matrix, options)).equals(reference)).toBe(true);
          const chunks = concat(denseTensorChunks(matrix, { ...options, chunkBytes: 1 }));
          expect(chunks.equals(reference)).toBe(true);
        }
      });
    }
  }
});

describe('dense records across template blocks and chunks', () => {
  it('5,000 float32 rows of 10 with labels, in one buffer and in chunks of every size tried', () => {
    // GIVEN more rows than fit in one template block (64 KiB of 84-byte records)
    const rows = 5_000;
    const cols = 10;
    const data = values(rows * cols);
    const labels: Labels = { kind: 'float32', values: values(rows) };
    const matrix = { shape: [rows, cols], data: typed('float32', data) };
    const options = { labels: typed('float32', labels.values) };
    const reference = Buffer.from(referenceDense(rows, cols, 'float32', data, labels));
    // WHEN encoded in one buffer, and in fresh or reused chunks of several sizes
    // THEN every encoding is the library's
    expect(Buffer.from(encodeDenseTensor(matrix, options)).equals(reference)).toBe(true);
    for (const chunkBytes of [84, 1000, 65_536, 100_000]) {
      for (const reuseChunks of [false, true]) {
        const joined = concat(denseTensorChunks(matrix, { ...options, chunkBytes, reuseChunks }));
        expect(joined.equals(reference)).toBe(true);
      }
    }
  });

  it('a matrix that starts inside a larger buffer encodes the same', () => {
    // GIVEN float32 data in a buffer that starts at byte 4 of a larger one (its first element skipped)
    const rows = 1_000;
    const cols = 10;
    const data = values(rows * cols);
    const backing = new Float32Array(rows * cols + 1);
    backing.set(Float32Array.from(data), 1);
    const matrix = { shape: [rows, cols], data: backing.subarray(1) };
    const reference = Buffer.from(referenceDense(rows, cols, 'float32', data));
    // WHEN encoded; THEN the bytes are the library's
    expect(Buffer.from(encodeDenseTensor(matrix)).equals(reference)).toBe(true);
  });
});
