/**
 * Fixed-size dense records written by the WebAssembly kernel: rows go through the kernels'
 * memory in windows of a few hundred kilobytes (values and labels copied in, records laid out
 * from the head and tail templates 16 bytes a store, copied out), where the JavaScript writer
 * stores one 32-bit word at a time. Same bytes as the template writer of `denseSource`.
 * @internal
 */
import type { ResolvedDense } from './resolveInputs.js';
import { KERNEL_LAYOUT as L, bytesOf, recordKernels } from './wasm/recordKernels.js';
import { WIDTH } from './wireFormat.js';

/** Writes records `[from, to)` at `off` of `out` (which has room), returns the end. */
export type RangeWriter = (from: number, to: number, out: Uint8Array, off: number) => number;

/**
 * The kernel writer of `input`'s records, or `undefined` when the kernels are unavailable or a
 * row or template is too long for them. `head` is a record's bytes before its values, `tail`
 * those after them (the label field with a zero value 16 bytes in, then padding). The features
 * and labels must be float, as `denseSource` checks.
 */
export function denseKernel(
  input: ResolvedDense,
  head: Uint8Array,
  tail: Uint8Array,
): RangeWriter | undefined {
  const { features, labels } = input;
  const payload = input.cols * WIDTH[features.kind];
  const labelWidth = labels === undefined ? 0 : WIDTH[labels.kind];
  const size = head.length + payload + tail.length;
  if (head.length > 48 || tail.length > 32 || payload > L.denseVals || size > L.denseStage) {
    return undefined;
  }
  const k = recordKernels();
  if (k === undefined) return undefined;
  const { exports: x, u8 } = k;
  const values = bytesOf(features.values);
  const labelBytes = labels === undefined ? undefined : bytesOf(labels.values);
  // Rows per window: as many as the values, labels and records regions hold.
  const windowRows = Math.max(
    1,
    Math.min(
      payload === 0 ? Infinity : Math.floor(L.denseVals / payload),
      labelWidth === 0 ? Infinity : Math.floor(L.denseLabs / labelWidth),
      Math.floor(L.denseStage / size),
    ),
  );

  return (from, to, out, off) => {
    // Another writer may have used the memory since: the templates go in every call.
    u8.fill(0, L.denseHead, L.denseTail + 32);
    u8.set(head, L.denseHead);
    u8.set(tail, L.denseTail);
    for (let i = from; i < to;) {
      const n = Math.min(windowRows, to - i);
      u8.set(values.subarray(i * payload, (i + n) * payload), L.keys);
      if (labelBytes !== undefined) {
        u8.set(labelBytes.subarray(i * labelWidth, (i + n) * labelWidth), L.labs);
      }
      const end = x.dense(
        n,
        L.keys,
        payload,
        L.labs,
        labelWidth,
        head.length,
        tail.length,
        L.stage,
      );
      out.set(u8.subarray(L.stage, end), off);
      off += end - L.stage;
      i += n;
    }
    return off;
  };
}
