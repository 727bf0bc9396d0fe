/**
 * The index check of the sparse writers, done by the WebAssembly kernels, which count each row's
 * key bytes in the same read: the one-buffer writer then knows its size without a pass of its
 * own over the keys.
 * @internal
 */
import { keyBytes } from './sparseKeys.js';
import { KERNEL_LAYOUT as L, recordKernels, windowEnd } from './wasm/recordKernels.js';

/**
 * Each row's key bytes when `indptr` does not decrease and every index of `indices` lies in
 * `[0, last]`, `false` when either fails (the caller then finds where), `undefined` when the
 * kernels are unavailable. `indptr` must start at 0 and end at `indices.length`: with those ends
 * and no decrease, every window's keys lie between its first and last pointer, which are all
 * that is copied in; the kernel checks the order before it reads a key.
 */
export function checkedKeyBytes(
  indices: Int32Array,
  indptr: Int32Array,
  rows: number,
  last: number,
): Int32Array | false | undefined {
  const k = recordKernels();
  if (k === undefined) return undefined;
  const { exports: x, i32 } = k;
  const counts = new Int32Array(rows);
  for (let i = 0; i < rows;) {
    const base = indptr[i] as number;
    const j = windowEnd(indptr, i, rows);
    if (j === i) {
      // One row with more indices than a window holds: checked and counted here.
      const end = indptr[i + 1] as number;
      // Past the last stored value, a later pointer must decrease: the caller finds it.
      if (end < base || end > indices.length) return false;
      for (let c = base; c < end; c++) {
        const v = indices[c] as number;
        if (v < 0 || v > last) return false;
      }
      counts[i] = keyBytes(indices, base, end);
      i++;
      continue;
    }
    i32.set(indptr.subarray(i, j + 1), L.ptrs >> 2);
    i32.set(indices.subarray(base, indptr[j]), L.keys >> 2);
    if (x.checkRows(j - i, L.ptrs, base, L.keys, last, L.stage) === 0) return false;
    counts.set(i32.subarray(L.stage >> 2, (L.stage >> 2) + j - i), i);
    i = j;
  }
  return counts;
}
