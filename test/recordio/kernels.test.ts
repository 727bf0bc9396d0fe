import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWasmModule, wasmSources } from '../../scripts/generateWasm.js';
import { isValidationError } from '../../src/errors.js';
import {
  denseTensorChunks,
  encodeDenseTensor,
  encodeSparseTensor,
  sparseTensorChunks,
  writeSparseTensor,
  type CsrMatrix,
  type DenseMatrix,
  type WriteTensorOptions,
} from '../../src/recordio/index.js';
import {
  KERNEL_LAYOUT as L,
  recordKernels,
  useRecordKernels,
} from '../../src/recordio/wasm/recordKernels.js';
import { framed, mapFieldSize, packedSize } from '../../src/recordio/wireFormat.js';
import { decodeValue } from '../parity/adapter/recordio.js';
import { sparseCase, typed } from './arbitraries.js';
import { referenceSparse } from './reference.js';

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Big {
  readonly name: string;
  readonly matrix: CsrMatrix;
  readonly options: WriteTensorOptions;
}

/**
 * Matrices of many windows: rows of 0 to 2·`perRow` values (one row longer than a window holds),
 * keys of one to five varint bytes, float32 and float64 values and labels.
 */
function big(
  name: string,
  seed: number,
  cols: number,
  perRow: number,
  f64: boolean,
  column: (next: () => number, k: number) => number = (next, k) =>
    // Mostly small columns, now and then one near the end: every key length appears.
    next() < 0.9 ? Math.floor(next() * Math.min(cols, 300)) : cols - 1 - (k % 7),
  sorted = false,
): Big {
  const next = random(seed);
  const rows = 5000;
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const data: number[] = [];
  for (let r = 0; r < rows; r++) {
    const n = r === 1234 ? 20_000 : Math.floor(next() * 2 * perRow);
    const row = Array.from({ length: n }, (_, k) => column(next, k));
    if (sorted) row.sort((a, b) => a - b);
    for (const c of row) {
      indices.push(c);
      data.push(next() - 0.5);
    }
    indptr[r + 1] = indices.length;
  }
  const labels = f64 ? Float64Array.from({ length: rows }, next) : new Float32Array(rows).fill(1);
  return {
    name,
    matrix: {
      shape: [rows, cols],
      data: f64 ? Float64Array.from(data) : Float32Array.from(data),
      indices: Int32Array.from(indices),
      indptr,
    },
    options: seed % 2 === 0 ? { labels } : {},
  };
}

const BIG: readonly Big[] = [
  big('f32, 10,000 columns, labels', 2, 10_000, 60, false),
  big('f64, 3 million columns', 3, 3_000_000, 30, true),
  big('f32, 2^31 - 1 columns, f64 labels', 4, 2 ** 31 - 1, 8, true),
  big('f32, 100 columns', 5, 100, 3, false),
  // Sorted rows (as scipy keeps them) whose keys all take two varint bytes: whole steps of them
  // take the kernel's store without a shuffle.
  big(
    'f32, sorted two-byte keys',
    6,
    16_384,
    80,
    false,
    (next) => 128 + Math.floor(next() * 16_256),
    true,
  ),
  // Wider than 2^14 columns, keys mostly below it: steps of small keys still take the SIMD path,
  // the others the wide one, and a row mixes both.
  big(
    'f64, 100,000 columns, mostly below 2^14',
    7,
    100_000,
    50,
    true,
    (next) => (next() < 0.95 ? Math.floor(next() * 16_384) : 16_384 + Math.floor(next() * 83_616)),
    true,
  ),
  big('f32, 16,385 columns, unsorted', 8, 16_385, 40, false, (next) => Math.floor(next() * 16_385)),
];

/** The one-buffer bytes, the chunks' lengths and their bytes, with the kernels on or off. */
function encodings(b: Big, kernels: boolean, chunkBytes: number) {
  useRecordKernels(kernels);
  const whole = Buffer.from(encodeSparseTensor(b.matrix, b.options));
  const into = new Uint8Array(whole.length + 64);
  const intoBytes = Buffer.from(encodeSparseTensor(b.matrix, { ...b.options, into }));
  const chunks = [...sparseTensorChunks(b.matrix, { ...b.options, chunkBytes })].map((c) =>
    Buffer.from(c),
  );
  return { whole, intoBytes, lengths: chunks.map((c) => c.length), joined: Buffer.concat(chunks) };
}

/** The RecordIO parity cases that expect bytes (the others expect Python's errors). */
const PARITY = readFileSync(
  fileURLToPath(new URL('../parity/cases/recordio.jsonl', import.meta.url)),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map(
    (line) =>
      JSON.parse(line) as {
        id: string;
        call: string;
        args: unknown[];
        kwargs: Record<string, unknown>;
        expect?: { $bytes_b64?: string };
      },
  )
  .filter((c) => c.expect?.$bytes_b64 !== undefined);

afterEach(() => {
  useRecordKernels(true);
});

/**
 * The chunks of `matrix` with the kernels on or off: the error's message and how many chunks came
 * before it, or the chunks' lengths. Any error but a ValidationError (a trap of the kernel is a
 * RuntimeError) fails the test.
 */
function chunksOutcome(matrix: CsrMatrix, kernels: boolean, chunkBytes: number) {
  useRecordKernels(kernels);
  const seen: number[] = [];
  try {
    for (const chunk of sparseTensorChunks(matrix, { chunkBytes })) seen.push(chunk.length);
    return { message: 'no error', lengths: seen };
  } catch (e) {
    expect(isValidationError(e), String(e)).toBe(true);
    return { message: (e as Error).message, chunks: seen.length };
  }
}

describe('WebAssembly kernels', () => {
  it('are available on this host', () => {
    expect(recordKernels()).toBeDefined();
  });

  it('are what the committed .wat compiles to', async () => {
    for (const { wat, module, constant } of wasmSources()) {
      expect(await renderWasmModule(wat, constant), `${module}: npm run generate:wasm`).toBe(
        readFileSync(module, 'utf8'),
      );
    }
  });

  it.each(BIG)('write the JavaScript writers’ bytes and chunks: $name', (b) => {
    for (const chunkBytes of [1 << 20, 70_000, 1000]) {
      // GIVEN the same matrix WHEN written with the kernels and without
      const wasm = encodings(b, true, chunkBytes);
      const js = encodings(b, false, chunkBytes);
      // THEN every writer gives the same bytes, cut into the same chunks
      expect(wasm.whole.equals(js.whole)).toBe(true);
      expect(wasm.intoBytes.equals(js.whole)).toBe(true);
      expect(wasm.joined.equals(js.whole)).toBe(true);
      expect(wasm.lengths).toStrictEqual(js.lengths);
    }
  });

  it('stream the JavaScript writers’ bytes, with recycled chunks too', async () => {
    const b = BIG[0]!;
    useRecordKernels(false);
    const expected = Buffer.from(encodeSparseTensor(b.matrix, b.options));
    useRecordKernels(true);
    for (const reuseChunks of [false, true]) {
      const parts: Buffer[] = [];
      const sink = new Writable({
        highWaterMark: 1 << 16,
        write(chunk: Buffer, _encoding, callback) {
          parts.push(Buffer.from(chunk));
          setImmediate(callback);
        },
      });
      const n = await writeSparseTensor(sink, b.matrix, {
        ...b.options,
        chunkBytes: 50_000,
        reuseChunks,
      });
      expect(n).toBe(expected.length);
      expect(Buffer.concat(parts).equals(expected)).toBe(true);
    }
  });

  it('write the reference bytes for small CSR matrices of int32 indices', () => {
    const floats = sparseCase.filter((c) => c.kind !== 'int64' && c.shape[1] <= 2 ** 31);
    fc.assert(
      fc.property(floats, fc.integer({ min: 1, max: 300 }), (c, chunkBytes) => {
        const matrix = {
          shape: c.shape,
          data: typed(c.kind, c.data),
          indices: Int32Array.from(c.indices),
          indptr: Int32Array.from(c.indptr),
        };
        const options = c.labels ? { labels: typed(c.labels.kind, c.labels.values) } : {};
        const reference = Buffer.from(
          referenceSparse(c.shape, c.kind, c.data, c.indices, c.indptr, c.labels),
        );
        expect(Buffer.from(encodeSparseTensor(matrix, options)).equals(reference)).toBe(true);
        const chunks = [...sparseTensorChunks(matrix, { ...options, chunkBytes })];
        expect(Buffer.concat(chunks).equals(reference)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('write the JavaScript writers’ bytes for rows of whole and partial sixteen-key steps', () => {
    // The property above keeps rows under 16 values; the kernel encodes keys sixteen a step, with
    // paths of its own for steps of one-byte, two-byte and wider keys, and for a row's last,
    // partial step. Here rows run to 70 values, over widths around each varint length.
    const widths = [
      1,
      127,
      128,
      129,
      16_383,
      16_384,
      16_385,
      2 ** 21 + 1,
      2 ** 28 + 1,
      2 ** 31 - 1,
    ];
    const row = (cols: number) =>
      fc.array(
        fc.oneof(
          fc.integer({ min: 0, max: Math.min(cols, 128) - 1 }),
          fc.integer({ min: Math.min(cols - 1, 128), max: Math.min(cols, 16_384) - 1 }),
          fc.integer({ min: 0, max: cols - 1 }),
        ),
        { maxLength: 70, size: 'max' },
      );
    const matrixCase = fc
      .record({ cols: fc.constantFrom(...widths), sorted: fc.boolean(), f64: fc.boolean() })
      .chain(({ cols, sorted, f64 }) =>
        fc.record({
          cols: fc.constant(cols),
          f64: fc.constant(f64),
          rows: fc.array(
            row(cols).map((r) => (sorted ? [...r].sort((a, b) => a - b) : r)),
            { minLength: 1, maxLength: 8 },
          ),
          chunkBytes: fc.integer({ min: 1, max: 2000 }),
        }),
      );
    fc.assert(
      fc.property(matrixCase, ({ cols, f64, rows, chunkBytes }) => {
        const indices = Int32Array.from(rows.flat());
        const indptr = Int32Array.from([
          0,
          ...rows.map((_, i) => rows.slice(0, i + 1).flat().length),
        ]);
        const values = Array.from(indices, (c, i) => (c % 97) - i / 7);
        const matrix = {
          shape: [rows.length, cols],
          data: f64 ? Float64Array.from(values) : Float32Array.from(values),
          indices,
          indptr,
        };
        const write = (kernels: boolean) => {
          useRecordKernels(kernels);
          const whole = Buffer.from(encodeSparseTensor(matrix));
          const into = new Uint8Array(whole.length);
          const intoBytes = Buffer.from(encodeSparseTensor(matrix, { into }));
          const chunks = [...sparseTensorChunks(matrix, { chunkBytes })].map((c) => Buffer.from(c));
          return { whole, intoBytes, chunks };
        };
        const js = write(false);
        const wasm = write(true);
        expect(wasm.whole.equals(js.whole)).toBe(true);
        expect(wasm.intoBytes.equals(js.whole)).toBe(true);
        expect(wasm.chunks.map((c) => c.length)).toStrictEqual(js.chunks.map((c) => c.length));
        expect(Buffer.concat(wasm.chunks).equals(js.whole)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    [1000, 10, 'float32', 'float32'],
    [3000, 7, 'float64', 'float64'],
    [5000, 1, 'float32', undefined],
    [300, 3000, 'float32', 'float64'],
    [5, 60_000, 'float64', 'float32'],
    [20_000, 3, 'float32', 'float64'],
    [7, 0, 'float32', 'float32'],
  ] as const)(
    'write the JavaScript writers’ dense records: %i × %i %s, labels %s',
    (rows, cols, kind, labelKind) => {
      const next = random(rows + cols);
      const data = typed(kind, Array.from({ length: rows * cols }, next));
      const labels = labelKind && typed(labelKind, Array.from({ length: rows }, next));
      const matrix = { shape: [rows, cols], data };
      const options = labels ? { labels } : {};
      const run = (kernels: boolean) => {
        useRecordKernels(kernels);
        const chunks = [...denseTensorChunks(matrix, { ...options, chunkBytes: 9999 })].map((c) =>
          Buffer.from(c),
        );
        return {
          whole: Buffer.from(encodeDenseTensor(matrix, options)),
          lengths: chunks.map((c) => c.length),
          joined: Buffer.concat(chunks),
        };
      };
      // GIVEN the same matrix WHEN written with the kernels and without
      const wasm = run(true);
      const js = run(false);
      // THEN the bytes and the chunks are the same
      expect(wasm.whole.equals(js.whole)).toBe(true);
      expect(wasm.joined.equals(js.whole)).toBe(true);
      expect(wasm.lengths).toStrictEqual(js.lengths);
    },
  );

  it('write the parity cases’ bytes with and without the kernels, CSR arrays as Int32Array', () => {
    let sparseCases = 0;
    for (const c of PARITY) {
      const expected = Buffer.from(c.expect?.$bytes_b64 ?? '', 'base64');
      const labels = c.kwargs['labels'];
      const options =
        labels === undefined || labels === null
          ? {}
          : { labels: decodeValue(labels) as DenseMatrix };
      for (const kernels of [true, false]) {
        useRecordKernels(kernels);
        if (c.call.endsWith('write_numpy_to_dense_tensor')) {
          const bytes = encodeDenseTensor(decodeValue(c.args[0]) as DenseMatrix, options);
          expect(Buffer.from(bytes).equals(expected), c.id).toBe(true);
          continue;
        }
        // scipy's CSR arrays are int32: the kernels take those only.
        const csr = decodeValue(c.args[0]) as CsrMatrix;
        const matrix = {
          ...csr,
          indices: Int32Array.from(csr.indices as number[]),
          indptr: Int32Array.from(csr.indptr as number[]),
        };
        const bytes = encodeSparseTensor(matrix, options);
        expect(Buffer.from(bytes).equals(expected), c.id).toBe(true);
        const chunks = [...sparseTensorChunks(matrix, { ...options, chunkBytes: 64 })];
        expect(Buffer.concat(chunks).equals(expected), c.id).toBe(true);
        if (kernels) sparseCases++;
      }
    }
    expect(sparseCases).toBeGreaterThan(50);
  });

  it('find the index out of range that the JavaScript check finds', () => {
    const indices = new Int32Array(100_000).map((_, i) => i % 50);
    for (const [at, value] of [
      [77_777, 50],
      [3, -1],
      [99_999, 2 ** 31 - 1],
    ] as const) {
      const bad = indices.slice();
      bad[at] = value;
      const matrix = {
        shape: [1000, 50],
        data: new Float32Array(100_000),
        indices: bad,
        indptr: Int32Array.from({ length: 1001 }, (_, r) => r * 100),
      };
      for (const kernels of [true, false]) {
        useRecordKernels(kernels);
        let error: unknown;
        try {
          encodeSparseTensor(matrix);
        } catch (e) {
          error = e;
        }
        expect(isValidationError(error)).toBe(true);
        expect((error as Error).message).toContain(`array.indices[${at}]`);
      }
    }
  });

  it('report the row pointer that decreases as the JavaScript check does, before any chunk', () => {
    // GIVEN Int32Array row pointers over several windows of rows (4,096 each), one to three of
    // them overwritten with any int32 (below the one before, far past the end, negative), the
    // indices sometimes bad too
    const bad = fc.record({
      rows: fc.integer({ min: 1, max: 9000 }),
      faults: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), {
        minLength: 1,
        maxLength: 3,
      }),
      badIndex: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(bad, ({ rows, faults, badIndex }) => {
        const indptr = Int32Array.from({ length: rows + 1 }, (_, r) => 3 * r);
        const nnz = 3 * rows;
        for (const [at, value] of faults) {
          // Only between the ends: resolveSparse checks those before the kernels run.
          if (rows > 1) indptr[1 + (at % (rows - 1))] = value;
        }
        const indices = Int32Array.from({ length: nnz }, (_, i) => i % 40);
        if (badIndex !== undefined) indices[badIndex % nnz] = 40;
        const matrix = { shape: [rows, 40], data: new Float32Array(nnz), indices, indptr };
        // THEN the kernels report the same pointer (or index) with the same message
        const js = chunksOutcome(matrix, false, 1000);
        expect(chunksOutcome(matrix, true, 1000)).toStrictEqual(js);
      }),
      { numRuns: 300 },
    );
  });

  it('sum the framed sizes the JavaScript formula gives, up to five-byte lengths', () => {
    // The one-buffer writer's size, from the row pointers and key byte counts only: rows of
    // values whose lengths need one to five varint bytes, more than any test matrix could hold.
    const { exports: x, i32 } = recordKernels()!;
    const row = fc.record({
      n: fc.oneof(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 16 }),
        // Up to records of about 2^31 bytes, where the frame's 32-bit length ends.
        fc.integer({ min: 2 ** 16, max: 2 ** 27 }),
      ),
      keyRatio: fc.integer({ min: 1, max: 5 }),
    });
    const window = fc.record({
      // At most 12 rows: their pointers stay below 2^31, as an Int32Array's do.
      rows: fc.array(row, { minLength: 1, maxLength: 12 }),
      width: fc.constantFrom(4, 8),
      shapeLen: fc.integer({ min: 3, max: 7 }),
      labelWidth: fc.constantFrom(0, 4, 8),
    });
    fc.assert(
      fc.property(window, ({ rows, width, shapeLen, labelWidth }) => {
        const labelField = labelWidth === 0 ? 0 : mapFieldSize(2 + labelWidth);
        let expected = 0;
        i32[L.ptrs >> 2] = 0;
        for (const [r, { n, keyRatio }] of rows.entries()) {
          i32[(L.ptrs >> 2) + r + 1] = (i32[(L.ptrs >> 2) + r] as number) + n;
          const k = n * keyRatio;
          i32[(L.counts >> 2) + r] = k;
          const tensor = packedSize(n * width) + packedSize(k) + shapeLen;
          expected += framed(mapFieldSize(tensor) + labelField);
        }
        expect(x.sparseSizes(rows.length, L.ptrs, L.counts, width, shapeLen, labelField)).toBe(
          expected,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('report the first bad index the JavaScript check reports, before any chunk', () => {
    // GIVEN indices with one to three bad values (negative, the width, past it) anywhere, the
    // check sixteen a step and its last partial step included
    const bad = fc.record({
      cols: fc.constantFrom(1, 128, 16_384, 16_385, 2 ** 31 - 1),
      length: fc.integer({ min: 1, max: 200 }),
      rows: fc.integer({ min: 1, max: 5 }),
      faults: fc.array(fc.tuple(fc.nat(), fc.constantFrom(-1, -(2 ** 31), 0, 1, 2 ** 20)), {
        minLength: 1,
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(bad, ({ cols, length, rows, faults }) => {
        const indices = Int32Array.from({ length }, (_, i) => (i * 7919) % cols);
        for (const [at, kind] of faults) {
          // -1 and -2^31 as they are; 0, 1 and 2^20 past the last column (0: the width itself).
          indices[at % length] = kind < 0 ? kind : Math.min(cols + kind, 2 ** 31 - 1);
        }
        const cut = Math.floor(length / rows);
        const indptr = Int32Array.from({ length: rows + 1 }, (_, r) =>
          r === rows ? length : r * cut,
        );
        const matrix = { shape: [rows, cols], data: new Float32Array(length), indices, indptr };
        // THEN the kernels name the same index with the same message, and no chunk came first
        const js = chunksOutcome(matrix, false, 16);
        expect(chunksOutcome(matrix, true, 16)).toStrictEqual(js);
        expect(js.chunks).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
