/**
 * Rows of a CSR matrix as sparse records (Python's `write_spmatrix_to_sparse_tensor`): the row's
 * stored values, their column indices as `keys`, and `shape = [columns]`.
 * @internal
 */
import type { RecordSource } from './RecordSource.js';
import type { ResolvedSparse } from './resolveInputs.js';
import { LabelWriter, SMALL_COPY, ValueWriter } from './valueWriters.js';
import {
  FEATURES_TAG,
  LITTLE_ENDIAN,
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

/** The three byte counts of one row's features field. */
interface RowSizes {
  /** Bytes of each row's packed keys (column indices as varints). */
  readonly keys: Int32Array;
  /** Bytes of each row's packed values. */
  readonly values: Int32Array;
  /** Bytes of each record without its frame and padding. */
  readonly records: Int32Array;
}

/**
 * Bytes of each row's keys: one pass over all the indices. Most column indices take one or two
 * bytes, so a key costs one byte plus one per boundary it passes, tested only as far as needed
 * (faster here than summing branch-free comparisons).
 */
function keyBytes(indices: ArrayLike<number>, indptr: ArrayLike<number>, rows: number): Int32Array {
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const from = indptr[r] as number;
    const to = indptr[r + 1] as number;
    let n = to - from;
    for (let k = from; k < to; k++) {
      const c = indices[k] as number;
      if (c >= 0x80) n += c < 0x4000 ? 1 : varintSize(c) - 1;
    }
    out[r] = n;
  }
  return out;
}

/** Every row's byte counts, measured once for all the writers. */
function measureRows(
  input: ResolvedSparse,
  values: ValueWriter,
  labels: LabelWriter | undefined,
  shapeLen: number,
): RowSizes {
  const { rows, indices, indptr } = input;
  const keys = keyBytes(indices, indptr, rows);
  const payloads = new Int32Array(rows);
  const records = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const payload = values.size(indptr[r] as number, indptr[r + 1] as number);
    payloads[r] = payload;
    let recordLen = mapFieldSize(packedSize(payload) + packedSize(keys[r] as number) + shapeLen);
    if (labels !== undefined) recordLen += mapFieldSize(labels.tensorLen(r));
    records[r] = recordLen;
  }
  return { keys, values: payloads, records };
}

/** Writes `indices[from, to)` as varints at `off`, returns the end. */
function writeKeys(
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

/**
 * Copies `words[s, s + n)` to `o` at word `w` (float values on a little-endian host, whose
 * output position happens to fall on a four-byte boundary, as it does whenever the headers'
 * varints are all one or all two bytes long). Unrolled, as the dense writer's loop.
 */
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

/**
 * The records of `input`. Each row is measured once, up front (sizes of its values, keys and
 * record), so that the chunked writer knows where a record ends without measuring it again and
 * the one-buffer writer knows the total.
 */
export function sparseSource(input: ResolvedSparse): RecordSource {
  const { rows, cols, indices, indptr, features } = input;
  const values = new ValueWriter(features.kind, features.values);
  const labels = input.labels && new LabelWriter(input.labels);
  const valueTag = VALUE_TAG[features.kind];
  const shapeLen = delimited(varintSize(cols));
  const sizes = measureRows(input, values, labels, shapeLen);
  const width = WIDTH[features.kind];
  // Float values on a little-endian host are their own wire bytes: copied, not encoded.
  const raw = LITTLE_ENDIAN && width !== 0;
  const bytes = new Uint8Array(
    features.values.buffer,
    features.values.byteOffset,
    features.values.byteLength,
  );
  const words =
    raw && features.values.byteOffset % 4 === 0
      ? new Int32Array(features.values.buffer, features.values.byteOffset, bytes.length >> 2)
      : undefined;
  const wordsPerValue = width >> 2;
  let lastOut: Uint8Array | undefined;
  let out32: Int32Array | undefined;

  const writeValues = (out: Uint8Array, off: number, from: number, to: number): number => {
    if (!raw) return values.write(out, off, from, to);
    const n = (to - from) * width;
    if (words !== undefined && off % 4 === 0 && out.byteOffset % 4 === 0) {
      if (out !== lastOut) {
        lastOut = out;
        out32 = new Int32Array(out.buffer, out.byteOffset, out.length >> 2);
      }
      copyWords(out32 as Int32Array, off >> 2, words, from * wordsPerValue, n >> 2);
    } else if (n > SMALL_COPY) {
      out.set(bytes.subarray(from * width, from * width + n), off);
    } else {
      for (let k = 0, s = from * width; k < n; k++) out[off + k] = bytes[s + k] as number;
    }
    return off + n;
  };

  const write = (i: number, out: Uint8Array, off: number): number => {
    const from = indptr[i] as number;
    const to = indptr[i + 1] as number;
    const payload = sizes.values[i] as number;
    const keys = sizes.keys[i] as number;
    const recordLen = sizes.records[i] as number;
    off = writeFrameHeader(out, off, recordLen);
    off = writeMapFieldHeader(
      out,
      off,
      FEATURES_TAG,
      valueTag,
      packedSize(payload) + packedSize(keys) + shapeLen,
    );
    off = writePackedHeader(out, off, PACKED_VALUES_TAG, payload);
    off = writeValues(out, off, from, to);
    off = writePackedHeader(out, off, PACKED_KEYS_TAG, keys);
    off = writeKeys(out, off, indices, from, to);
    out[off++] = PACKED_SHAPE_TAG;
    off = writeVarint(out, off, varintSize(cols));
    off = writeVarint(out, off, cols);
    if (labels !== undefined) off = labels.write(out, off, i, labels.tensorLen(i));
    return writePadding(out, off, recordLen);
  };

  return {
    count: rows,
    fixedSize: undefined,
    framedSize: (i) => framed(sizes.records[i] as number),
    write,
    totalSize() {
      let total = 0;
      for (let i = 0; i < rows; i++) total += framed(sizes.records[i] as number);
      return total;
    },
    writeRange(from, to, out, off) {
      for (let i = from; i < to; i++) off = write(i, out, off);
      return off;
    },
  };
}
