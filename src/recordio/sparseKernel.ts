/**
 * Sparse float records written by the WebAssembly kernels: rows go through the kernels' memory in
 * windows of a few thousand rows (copied in, encoded, copied out), where the JavaScript writer
 * would store each key byte by byte. Same bytes as {@link sparseFloatSource}'s own writer, which
 * takes the rows too long for a window and every input the kernels do not cover.
 * @internal
 */
import type { FillCursor } from './RecordSource.js';
import type { ResolvedSparse } from './resolveInputs.js';
import { keyBytes } from './sparseKeys.js';
import {
  KERNEL_LAYOUT as L,
  bytesOf,
  recordKernels,
  windowEnd,
  type RecordKernels,
} from './wasm/recordKernels.js';
import {
  LABEL_TAG,
  PACKED_VALUES_TAG,
  VALUE_TAG,
  WIDTH,
  mapFieldSize,
  varintSize,
  writeMapFieldHeader,
} from './wireFormat.js';

/** The JavaScript writer's two calls the kernel falls back on for a row too long for a window. */
export interface RowWriter {
  framedSize(i: number): number;
  write(i: number, out: Uint8Array, off: number): number;
}

/** What the kernels add to a sparse source (its size comes from the index check's counts). */
export interface SparseKernel {
  /** As {@link RecordSource.fill}. */
  readonly fill: (at: FillCursor, to: number, out: Uint8Array) => void;
  /** As {@link RecordSource.totalSize}, from the counted key bytes: no read of the keys. */
  readonly totalSize: () => number;
}

/**
 * The kernel writer of `input`, or `undefined` when the kernels are unavailable or do not cover
 * it: the CSR arrays must be `Int32Array`s (scipy's), the labels float or absent. `shape` is the
 * record's `shape` field, the same in every record.
 */
export function sparseKernel(
  input: ResolvedSparse,
  shape: Uint8Array,
  js: RowWriter,
): SparseKernel | undefined {
  const { indices, indptr, features, labels } = input;
  if (!(indices instanceof Int32Array) || !(indptr instanceof Int32Array)) return undefined;
  if (labels !== undefined && WIDTH[labels.kind] === 0) return undefined;
  if (shape.length > 16) return undefined;
  const k: RecordKernels | undefined = recordKernels();
  if (k === undefined) return undefined;
  const { exports: x, u8, i32 } = k;
  const width = WIDTH[features.kind];
  const valueTag = VALUE_TAG[features.kind];
  const values = bytesOf(features.values);
  const labelWidth = labels === undefined ? 0 : WIDTH[labels.kind];
  const labelBytes = labels === undefined ? undefined : bytesOf(labels.values);
  // The label field up to its value: the same 16 bytes in every record.
  const labelHead = new Uint8Array(16);
  if (labels !== undefined) {
    const p = writeMapFieldHeader(labelHead, 0, LABEL_TAG, VALUE_TAG[labels.kind], 2 + labelWidth);
    labelHead[p] = PACKED_VALUES_TAG;
    labelHead[p + 1] = labelWidth;
  }
  // The largest index's key bytes (resolveSparse checked they are below `cols`).
  const keyGuess = varintSize(Math.max(input.cols - 1, 0));
  // Each row's key bytes, which place its parts: the index check's count (measured here only
  // where it did not count, as for a matrix of no columns, which has no keys).
  const counts =
    input.keyBytes ??
    Int32Array.from({ length: input.rows }, (_, r) =>
      keyBytes(indices, indptr[r] as number, indptr[r + 1] as number),
    );

  /** Loads the kernels' constants: another writer may have used the memory since. */
  const loadTemplates = (): void => {
    u8.fill(0, L.shape, L.shape + 16);
    u8.set(shape, L.shape);
    u8.set(labelHead, L.labelHead);
  };

  /** Copies rows [i, j)'s row pointers, keys, key bytes, values and labels in; returns `indptr[i]`. */
  const copyIn = (i: number, j: number): number => {
    const base = indptr[i] as number;
    const end = indptr[j] as number;
    i32.set(indptr.subarray(i, j + 1), L.ptrs >> 2);
    i32.set(indices.subarray(base, end), L.keys >> 2);
    i32.set(counts.subarray(i, j), L.counts >> 2);
    u8.set(values.subarray(base * width, end * width), L.vals);
    if (labelBytes !== undefined) {
      u8.set(labelBytes.subarray(i * labelWidth, j * labelWidth), L.labs);
    }
    return base;
  };

  return {
    totalSize: () => {
      // Every row's record length as sparseFloatSource's recordLen, its float label constant,
      // summed by the kernel a window of row pointers and key byte counts at a time.
      const labelField = labels === undefined ? 0 : mapFieldSize(2 + labelWidth);
      let total = 0;
      for (let i = 0; i < input.rows; i += L.maxRows) {
        const j = Math.min(input.rows, i + L.maxRows);
        i32.set(indptr.subarray(i, j + 1), L.ptrs >> 2);
        i32.set(counts.subarray(i, j), L.counts >> 2);
        total += x.sparseSizes(j - i, L.ptrs, L.counts, width, shape.length, labelField);
      }
      return total;
    },
    fill: (at, to, out) => {
      loadTemplates();
      while (at.row < to) {
        const i = at.row;
        const j = windowEnd(indptr, i, to);
        if (j === i) {
          // One row with more values than a window holds.
          const size = js.framedSize(i);
          if (at.offset + size > out.length) return;
          at.offset = js.write(i, out, at.offset);
          at.row++;
          continue;
        }
        const base = copyIn(i, j);
        const room = out.length - at.offset;
        const n = x.sparse(
          j - i,
          L.ptrs,
          base,
          L.keys,
          L.vals,
          width,
          valueTag,
          shape.length,
          keyGuess,
          L.counts,
          L.labs,
          labelWidth,
          L.stage,
          L.stage + Math.min(room, L.stageBytes),
        );
        const end = x.end.value;
        out.set(u8.subarray(L.stage, end), at.offset);
        at.offset += end - L.stage;
        at.row += n;
        // A record that did not fit: in `out` (the caller's to handle), or only in the stage.
        if (n < j - i && at.offset + x.blocked.value > out.length) return;
      }
    },
  };
}
