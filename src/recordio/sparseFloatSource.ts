/**
 * Sparse records of float values on a little-endian host, where a row's values are their own
 * wire bytes and only its keys vary in size. A record is written without measuring its keys
 * first: the keys go where they would be if each took as many bytes as the largest column index,
 * their real byte count falls out of writing them, and they are moved back in the rare record
 * where that changes a header's varint length. The chunked and stream writers so read each key
 * once; only the one-buffer writer, which must know the total first, measures them beforehand.
 * @internal
 */
import type { RecordSource } from './RecordSource.js';
import type { ResolvedSparse } from './resolveInputs.js';
import { sparseKernel } from './sparseKernel.js';
import { keyBytes, writeKeys } from './sparseKeys.js';
import type { LabelWriter } from './valueWriters.js';
import {
  FEATURES_TAG,
  PACKED_KEYS_TAG,
  PACKED_SHAPE_TAG,
  PACKED_VALUES_TAG,
  VALUE_TAG,
  WIDTH,
  delimited,
  framed,
  mapFieldSize,
  packedSize,
  varintSize,
  writeFrameHeader,
  writeMapFieldHeader,
  writePackedHeader,
  writePadding,
  writeVarint,
} from './wireFormat.js';

/** Rows of at least this many value bytes are copied by a native `set`, shorter ones by a loop. */
const SET_BYTES = 256;

/** Copies `n` words from `words[s..]` to `o[w..]`, unrolled as the dense writer's loop. */
function copyWords(o: Int32Array, w: number, words: Int32Array, s: number, n: number): void {
  const e = s + n;
  for (; s + 8 <= e; s += 8, w += 8) {
    o[w] = words[s] as number;
    o[w + 1] = words[s + 1] as number;
    o[w + 2] = words[s + 2] as number;
    o[w + 3] = words[s + 3] as number;
    o[w + 4] = words[s + 4] as number;
    o[w + 5] = words[s + 5] as number;
    o[w + 6] = words[s + 6] as number;
    o[w + 7] = words[s + 7] as number;
  }
  while (s < e) o[w++] = words[s++] as number;
}

/** The records of `input`, whose values are Float32 or Float64 (checked by the caller). */
export function sparseFloatSource(
  input: ResolvedSparse,
  labels: LabelWriter | undefined,
): RecordSource {
  const { rows, cols, indices, indptr, features } = input;
  const width = WIDTH[features.kind];
  const valueTag = VALUE_TAG[features.kind];
  const { buffer, byteOffset, byteLength } = features.values;
  const bytes = new Uint8Array(buffer, byteOffset, byteLength);
  // Float arrays start on a four-byte boundary; the output position decides per record.
  const words = new Int32Array(buffer, byteOffset, byteLength >> 2);
  const wordsPerValue = width >> 2;
  // `shape = [cols]`, the same bytes in every record.
  const shape = new Uint8Array(delimited(varintSize(cols)));
  shape[0] = PACKED_SHAPE_TAG;
  writeVarint(shape, writeVarint(shape, 1, varintSize(cols)), cols);
  const shapeLen = shape.length;
  // resolveSparse checked that every index is below `cols`.
  const maxKeyBytes = varintSize(Math.max(cols - 1, 0));
  /** Every row's key bytes, once {@link RecordSource.totalSize} has measured them. */
  let measured: Int32Array | undefined;
  let lastOut: Uint8Array | undefined;
  let out32: Int32Array = new Int32Array(0);

  /** Record bytes without frame and padding, for a row of `n` values whose keys take `k`. */
  const recordLen = (i: number, n: number, k: number): number =>
    mapFieldSize(packedSize(n * width) + packedSize(k) + shapeLen) +
    (labels === undefined ? 0 : mapFieldSize(labels.tensorLen(i)));

  /** Where the keys start, from `off`, when the row's values take `payload` bytes and keys `k`. */
  const keysStart = (off: number, payload: number, k: number): number => {
    const tensor = packedSize(payload) + packedSize(k) + shapeLen;
    return off + 8 + mapFieldSize(tensor) - tensor + packedSize(payload) + packedSize(k) - k;
  };

  const writeValues = (out: Uint8Array, off: number, from: number, n: number): void => {
    if (n >= SET_BYTES) {
      out.set(bytes.subarray(from * width, from * width + n), off);
    } else if (off % 4 === 0 && out.byteOffset % 4 === 0) {
      if (out !== lastOut) {
        lastOut = out;
        out32 = new Int32Array(out.buffer, out.byteOffset, out.length >> 2);
      }
      copyWords(out32, off >> 2, words, from * wordsPerValue, n >> 2);
    } else {
      for (let k = 0, s = from * width; k < n; k++) out[off + k] = bytes[s + k] as number;
    }
  };

  /**
   * Writes row `i` at `off`, its keys first at the place they take if they have `guess` bytes
   * (at least their real count), then the rest around them. `out` has room for the record as
   * `guess` sizes it.
   */
  const writeRecord = (i: number, out: Uint8Array, off: number, guess: number): number => {
    const from = indptr[i] as number;
    const to = indptr[i + 1] as number;
    const payload = (to - from) * width;
    const guessed = keysStart(off, payload, guess);
    const k = writeKeys(out, guessed, indices, from, to) - guessed;
    const start = keysStart(off, payload, k);
    if (start !== guessed) out.copyWithin(start, guessed, guessed + k);
    const tensor = packedSize(payload) + packedSize(k) + shapeLen;
    const len = recordLen(i, to - from, k);
    let p = writeFrameHeader(out, off, len);
    p = writeMapFieldHeader(out, p, FEATURES_TAG, valueTag, tensor);
    p = writePackedHeader(out, p, PACKED_VALUES_TAG, payload);
    writeValues(out, p, from, payload);
    writePackedHeader(out, p + payload, PACKED_KEYS_TAG, k);
    p = start + k;
    for (let b = 0; b < shapeLen; b++) out[p + b] = shape[b] as number;
    p += shapeLen;
    if (labels !== undefined) p = labels.write(out, p, i, labels.tensorLen(i));
    return writePadding(out, p, len);
  };

  /** Framed bytes of row `i` if each key took the largest index's bytes. */
  const worstSize = (i: number): number => {
    const n = (indptr[i + 1] as number) - (indptr[i] as number);
    return framed(recordLen(i, n, n * maxKeyBytes));
  };
  const exactKeys = (i: number): number =>
    keyBytes(indices, indptr[i] as number, indptr[i + 1] as number);
  const framedSize = (i: number): number =>
    framed(recordLen(i, (indptr[i + 1] as number) - (indptr[i] as number), exactKeys(i)));

  const write = (i: number, out: Uint8Array, off: number): number => {
    if (off + worstSize(i) <= out.length) {
      const n = (indptr[i + 1] as number) - (indptr[i] as number);
      return writeRecord(i, out, off, n * maxKeyBytes);
    }
    return writeRecord(i, out, off, exactKeys(i));
  };

  const kernel = sparseKernel(input, shape, { framedSize, write });
  if (kernel !== undefined) {
    return {
      count: rows,
      fixedSize: undefined,
      framedSize,
      write,
      fill: kernel.fill,
      totalSize: kernel.totalSize,
      writeRange(from, to, out, off) {
        const at = { row: from, offset: off };
        kernel.fill(at, to, out);
        return at.offset;
      },
    };
  }

  return {
    count: rows,
    fixedSize: undefined,
    framedSize,
    write,
    writeIfRoom(i, out, off) {
      const n = (indptr[i + 1] as number) - (indptr[i] as number);
      if (off + framed(recordLen(i, n, n * maxKeyBytes)) > out.length) return -1;
      return writeRecord(i, out, off, n * maxKeyBytes);
    },
    sizeBound() {
      let total = 0;
      for (let i = 0; i < rows; i++) total += worstSize(i);
      return total;
    },
    totalSize() {
      // Kept for the writeRange that follows, which then places every row's keys exactly.
      measured = new Int32Array(rows);
      let total = 0;
      for (let i = 0; i < rows; i++) {
        const n = (indptr[i + 1] as number) - (indptr[i] as number);
        const k = exactKeys(i);
        measured[i] = k;
        total += framed(recordLen(i, n, k));
      }
      return total;
    },
    writeRange(from, to, out, off) {
      if (measured !== undefined) {
        for (let i = from; i < to; i++) off = writeRecord(i, out, off, measured[i] as number);
        return off;
      }
      for (let i = from; i < to - 1; i++) off = write(i, out, off);
      // The last record measured: keys written past its end would be left behind it.
      return to > from ? writeRecord(to - 1, out, off, exactKeys(to - 1)) : off;
    },
  };
}
