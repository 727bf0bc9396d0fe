import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  denseTensorChunks,
  encodeDenseTensor,
  encodeSparseTensor,
  sparseTensorChunks,
  writeDenseTensor,
  writeSparseTensor,
} from '../../src/recordio/index.js';
import { denseCase, sparseCase, typed } from './arbitraries.js';
import { referenceDense, referenceSparse, type Labels } from './reference.js';

const labelsOf = (labels: Labels | undefined) =>
  labels ? { labels: typed(labels.kind, labels.values) } : {};

/** Copies each chunk as it comes: a reused chunk is only valid until the next one. */
function concat(chunks: Iterable<Uint8Array>): Buffer {
  const copies: Buffer[] = [];
  for (const chunk of chunks) copies.push(Buffer.from(chunk));
  return Buffer.concat(copies);
}

/** A writable that keeps a copy of every chunk, like a file would. */
function collector(): { sink: Writable; bytes: () => Promise<Buffer> } {
  const parts: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 64,
    write(chunk: Buffer, _encoding, callback) {
      parts.push(Buffer.from(chunk));
      setImmediate(callback);
    },
  });
  // The writers hand chunks over and leave the stream open: end it to see all of them.
  const bytes = async () => {
    sink.end();
    await finished(sink);
    return Buffer.concat(parts);
  };
  return { sink, bytes };
}

describe('hand-written encoder equals the protobuf library, byte for byte', () => {
  it('dense matrices of every dtype, with and without labels', () => {
    fc.assert(
      fc.property(denseCase, ({ rows, cols, kind, values, labels }) => {
        // GIVEN a matrix held in the typed array of its dtype
        const matrix = { shape: [rows, cols], data: typed(kind, values) };
        // WHEN the fast encoder and the library-based reference encode it
        const fast = encodeDenseTensor(matrix, labelsOf(labels));
        const reference = referenceDense(rows, cols, kind, values, labels);
        // THEN the bytes are the same
        expect(Buffer.from(fast).equals(Buffer.from(reference))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('plain arrays with an explicit dtype give the same bytes as typed arrays', () => {
    fc.assert(
      fc.property(denseCase, ({ rows, cols, kind, values, labels }) => {
        const fromPlain = encodeDenseTensor(
          { shape: [rows, cols], data: values, dtype: kind },
          labels ? { labels: { data: labels.values, dtype: labels.kind } } : {},
        );
        const fromTyped = encodeDenseTensor(
          { shape: [rows, cols], data: typed(kind, values) },
          labelsOf(labels),
        );
        expect(Buffer.from(fromPlain).equals(Buffer.from(fromTyped))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('sparse CSR matrices of every dtype, with and without labels', () => {
    fc.assert(
      fc.property(sparseCase, ({ shape, kind, data, indices, indptr, labels }) => {
        const fast = encodeSparseTensor(
          {
            shape,
            data: typed(kind, data),
            // scipy holds indices as int32 when the columns allow, else int64.
            indices: shape[1] <= 2 ** 31 ? Int32Array.from(indices) : indices,
            indptr: Int32Array.from(indptr),
          },
          labelsOf(labels),
        );
        const reference = referenceSparse(shape, kind, data, indices, indptr, labels);
        expect(Buffer.from(fast).equals(Buffer.from(reference))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('streaming writers produce the one-buffer encoding', () => {
  it('chunks, reused or fresh, concatenate to the encoded bytes', () => {
    fc.assert(
      fc.property(
        denseCase,
        sparseCase,
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        (dense, sparse, chunkBytes, reuseChunks) => {
          const matrix = { shape: [dense.rows, dense.cols], data: typed(dense.kind, dense.values) };
          const whole = encodeDenseTensor(matrix, labelsOf(dense.labels));
          const chunks = denseTensorChunks(matrix, {
            ...labelsOf(dense.labels),
            chunkBytes,
            reuseChunks,
          });
          expect(concat(chunks).equals(Buffer.from(whole))).toBe(true);

          const csr = {
            shape: sparse.shape,
            data: typed(sparse.kind, sparse.data),
            indices: sparse.indices,
            indptr: sparse.indptr,
          };
          const wholeSparse = encodeSparseTensor(csr, labelsOf(sparse.labels));
          const sparseChunks = sparseTensorChunks(csr, {
            ...labelsOf(sparse.labels),
            chunkBytes,
            reuseChunks,
          });
          expect(concat(sparseChunks).equals(Buffer.from(wholeSparse))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a writable receives the encoded bytes, with recycled chunk buffers too', async () => {
    await fc.assert(
      fc.asyncProperty(
        denseCase,
        sparseCase,
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        async (dense, sparse, chunkBytes, reuseChunks) => {
          const matrix = { shape: [dense.rows, dense.cols], data: typed(dense.kind, dense.values) };
          const { sink, bytes } = collector();
          const written = await writeDenseTensor(sink, matrix, {
            ...labelsOf(dense.labels),
            chunkBytes,
            reuseChunks,
          });
          const whole = encodeDenseTensor(matrix, labelsOf(dense.labels));
          expect(written).toBe(whole.length);
          expect((await bytes()).equals(Buffer.from(whole))).toBe(true);

          const csr = {
            shape: sparse.shape,
            data: typed(sparse.kind, sparse.data),
            indices: sparse.indices,
            indptr: sparse.indptr,
          };
          const sparseSink = collector();
          await writeSparseTensor(sparseSink.sink, csr, {
            ...labelsOf(sparse.labels),
            chunkBytes,
            reuseChunks,
          });
          expect(
            (await sparseSink.bytes()).equals(
              Buffer.from(encodeSparseTensor(csr, labelsOf(sparse.labels))),
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
