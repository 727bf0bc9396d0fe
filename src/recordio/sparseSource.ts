/**
 * Rows of a CSR matrix as sparse records (Python's `write_spmatrix_to_sparse_tensor`): the row's
 * stored values, their column indices as `keys`, and `shape = [columns]`.
 * @internal
 */
import type { RecordSource } from './RecordSource.js';
import type { ResolvedSparse } from './resolveInputs.js';
import { sparseFloatSource } from './sparseFloatSource.js';
import { keyBytes, writeKeys } from './sparseKeys.js';
import { LabelWriter, ValueWriter } from './valueWriters.js';
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

/** Every row's byte counts, measured once for all the writers. */
function measureRows(
  input: ResolvedSparse,
  values: ValueWriter,
  labels: LabelWriter | undefined,
  shapeLen: number,
): RowSizes {
  const { rows, indices, indptr } = input;
  const keys = new Int32Array(rows);
  for (let r = 0; r < rows; r++)
    keys[r] = keyBytes(indices, indptr[r] as number, indptr[r + 1] as number);
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

/**
 * The records of `input`. Float values on a little-endian host are their own wire bytes, and go
 * to {@link sparseFloatSource}. Otherwise (int32 values, whose varints vary in size, or a
 * big-endian host) each row is measured once, up front (sizes of its values, keys and record),
 * so that the chunked writer knows where a record ends without measuring it again and the
 * one-buffer writer knows the total.
 */
export function sparseSource(input: ResolvedSparse): RecordSource {
  const { rows, cols, indices, indptr, features } = input;
  const labels = input.labels && new LabelWriter(input.labels);
  if (LITTLE_ENDIAN && WIDTH[features.kind] !== 0) return sparseFloatSource(input, labels);
  const values = new ValueWriter(features.kind, features.values);
  const valueTag = VALUE_TAG[features.kind];
  const shapeLen = delimited(varintSize(cols));
  const sizes = measureRows(input, values, labels, shapeLen);
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
    off = values.write(out, off, from, to);
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
