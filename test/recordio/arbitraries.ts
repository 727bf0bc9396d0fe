/** fast-check arbitraries for matrices, CSR matrices and labels of each dtype. */
import fc from 'fast-check';
import type { Kind, Labels } from './reference.js';

export const kinds: readonly Kind[] = ['float32', 'float64', 'int64'];

/** A value of `kind` as Python would hold it (float32 values already rounded). */
export function value(kind: Kind): fc.Arbitrary<number> {
  switch (kind) {
    case 'float32':
      return fc.float();
    case 'float64':
      return fc.double();
    case 'int64':
      return fc.integer({ min: -2147483648, max: 2147483647 });
  }
}

export const kind = fc.constantFrom(...kinds);

export interface DenseCase {
  rows: number;
  cols: number;
  kind: Kind;
  values: number[];
  labels: Labels | undefined;
}

export function labelsFor(rows: number): fc.Arbitrary<Labels | undefined> {
  return fc.option(
    kind.chain((k) =>
      fc
        .array(value(k), { minLength: rows, maxLength: rows })
        .map((values) => ({ kind: k, values })),
    ),
    { nil: undefined },
  );
}

export const denseCase: fc.Arbitrary<DenseCase> = fc
  .record({ rows: fc.integer({ min: 0, max: 12 }), cols: fc.integer({ min: 0, max: 40 }), kind })
  .chain(({ rows, cols, kind: k }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      kind: fc.constant(k),
      values: fc.array(value(k), { minLength: rows * cols, maxLength: rows * cols }),
      labels: labelsFor(rows),
    }),
  );

export interface SparseCase {
  shape: [number, number];
  kind: Kind;
  data: number[];
  indices: number[];
  indptr: number[];
  labels: Labels | undefined;
}

/** Column counts up to 2^40 so that keys and shape need multi-byte varints. */
export const sparseCase: fc.Arbitrary<SparseCase> = fc
  .record({
    rows: fc.integer({ min: 0, max: 10 }),
    cols: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 2 ** 40 })),
    kind,
  })
  .chain(({ rows, cols, kind: k }) =>
    fc.record({
      shape: fc.constant<[number, number]>([rows, cols]),
      kind: fc.constant(k),
      // Per row: column indices (unsorted, as CSR allows) and values of the same length.
      rowEntries: fc.array(
        cols === 0
          ? fc.constant<[number, number][]>([])
          : fc.array(fc.tuple(fc.integer({ min: 0, max: cols - 1 }), value(k)), { maxLength: 12 }),
        { minLength: rows, maxLength: rows },
      ),
      labels: labelsFor(rows),
    }),
  )
  .map(({ shape, kind: k, rowEntries, labels }) => {
    const indptr = [0];
    const indices: number[] = [];
    const data: number[] = [];
    for (const entries of rowEntries) {
      for (const [c, v] of entries) {
        indices.push(c);
        data.push(v);
      }
      indptr.push(indices.length);
    }
    return { shape, kind: k, data, indices, indptr, labels };
  });

/** The typed array a caller would hold `values` of `kind` in. */
export function typed(
  kind: Kind,
  values: readonly number[],
): Float32Array | Float64Array | BigInt64Array {
  switch (kind) {
    case 'float32':
      return Float32Array.from(values);
    case 'float64':
      return Float64Array.from(values);
    case 'int64':
      return BigInt64Array.from(values, BigInt);
  }
}
