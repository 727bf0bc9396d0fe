/**
 * A sparse row's keys (column indices) as packed varints: their byte count and their bytes.
 * @internal
 */
import { varintSize, writeVarint } from './wireFormat.js';

/**
 * Bytes of `indices[from, to)` as varints. Most column indices take one or two bytes, so a key
 * costs one byte plus one per boundary it passes, tested only as far as needed (faster here than
 * summing branch-free comparisons).
 */
export function keyBytes(indices: ArrayLike<number>, from: number, to: number): number {
  let n = to - from;
  for (let k = from; k < to; k++) {
    const c = indices[k] as number;
    if (c >= 0x80) n += c < 0x4000 ? 1 : varintSize(c) - 1;
  }
  return n;
}

/** Writes `indices[from, to)` as varints at `off`, returns the end. */
export function writeKeys(
  out: Uint8Array,
  off: number,
  indices: ArrayLike<number>,
  from: number,
  to: number,
): number {
  for (let k = from; k < to; k++) {
    const c = indices[k] as number;
    if (c < 0x80) {
      out[off++] = c;
    } else if (c < 0x4000) {
      out[off] = (c & 0x7f) | 0x80;
      out[off + 1] = c >>> 7;
      off += 2;
    } else {
      off = writeVarint(out, off, c);
    }
  }
  return off;
}
