import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeDenseTensor,
  encodeSparseTensor,
  readRecords,
  readRecordsFromStream,
  type RecordValue,
} from '../../src/recordio/index.js';
import { denseCase, sparseCase, typed } from './arbitraries.js';
import type { Kind, Labels } from './reference.js';

const CASE: Record<Kind, string> = {
  float32: 'float32Tensor',
  float64: 'float64Tensor',
  int64: 'int32Tensor',
};

/** The tensor of `value`, checked to be of the kind `kind` is written as. */
function tensorOf(value: RecordValue | undefined, kind: Kind) {
  expect(value?.value.case).toBe(CASE[kind]);
  const tensor = value?.value.value;
  if (tensor === undefined || !('keys' in tensor)) throw new Error('not a tensor');
  return tensor;
}

/** What a reader sees for a value Python held: float32 rounded, the rest as they are. */
const stored = (kind: Kind, v: number): number => (kind === 'float32' ? Math.fround(v) : v);

function sameValues(kind: Kind, got: readonly number[], want: readonly number[]): void {
  expect(got).toHaveLength(want.length);
  // Object.is keeps -0 apart from 0 and lets NaN equal NaN, as the bytes would.
  want.forEach((w, i) => {
    expect(Object.is(got[i], stored(kind, w))).toBe(true);
  });
}

function checkLabel(value: RecordValue | undefined, labels: Labels, row: number): void {
  const tensor = tensorOf(value, labels.kind);
  sameValues(labels.kind, tensor.values, [labels.values[row] ?? Number.NaN]);
}

describe('write then read round-trips', () => {
  it('dense: every row comes back under features.values, its label under label.values', () => {
    fc.assert(
      fc.property(denseCase, ({ rows, cols, kind, values, labels }) => {
        // GIVEN a matrix and optional labels
        const bytes = encodeDenseTensor(
          { shape: [rows, cols], data: typed(kind, values) },
          labels ? { labels: typed(labels.kind, labels.values) } : {},
        );
        // WHEN the bytes are read back
        const records = readRecords(bytes);
        // THEN each record holds its row (and label), dense: no keys, no shape
        expect(records).toHaveLength(rows);
        records.forEach((record, r) => {
          expect(Object.keys(record.features)).toStrictEqual(['values']);
          const tensor = tensorOf(record.features['values'], kind);
          sameValues(kind, tensor.values, values.slice(r * cols, r * cols + cols));
          expect(tensor.keys).toStrictEqual([]);
          expect(tensor.shape).toStrictEqual([]);
          if (labels) checkLabel(record.label['values'], labels, r);
          else expect(record.label).toStrictEqual({});
        });
      }),
      { numRuns: 300 },
    );
  });

  it('sparse: every row comes back with its stored values, column keys and shape [columns]', () => {
    fc.assert(
      fc.property(sparseCase, ({ shape, kind, data, indices, indptr, labels }) => {
        const bytes = encodeSparseTensor(
          { shape, data: typed(kind, data), indices, indptr },
          labels ? { labels: typed(labels.kind, labels.values) } : {},
        );
        const records = readRecords(bytes);
        expect(records).toHaveLength(shape[0]);
        records.forEach((record, r) => {
          const from = indptr[r] ?? 0;
          const to = indptr[r + 1] ?? 0;
          const tensor = tensorOf(record.features['values'], kind);
          sameValues(kind, tensor.values, data.slice(from, to));
          expect(tensor.keys).toStrictEqual(indices.slice(from, to).map(BigInt));
          expect(tensor.shape).toStrictEqual([BigInt(shape[1])]);
          if (labels) checkLabel(record.label['values'], labels, r);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reading from a stream in chunks of any size gives the records of readRecords', async () => {
    await fc.assert(
      fc.asyncProperty(
        sparseCase,
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
        async ({ shape, kind, data, indices, indptr, labels }, sizes) => {
          // GIVEN encoded records cut into chunks of varying sizes
          const bytes = encodeSparseTensor(
            { shape, data: typed(kind, data), indices, indptr },
            labels ? { labels: typed(labels.kind, labels.values) } : {},
          );
          const chunks: Uint8Array[] = [];
          for (let off = 0, i = 0; off < bytes.length; i++) {
            const size = sizes[i % sizes.length] ?? 1;
            chunks.push(bytes.slice(off, off + size));
            off += size;
          }
          // WHEN they are read as a stream
          const streamed = [];
          for await (const record of readRecordsFromStream(chunks)) streamed.push(record);
          // THEN the records are those of the one-buffer reader
          expect(streamed).toStrictEqual(readRecords(bytes));
        },
      ),
      { numRuns: 200 },
    );
  });
});
