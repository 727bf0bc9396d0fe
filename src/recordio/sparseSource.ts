/**
 * Rows of a CSR matrix as sparse records (Python's `write_spmatrix_to_sparse_tensor`): the row's
 * stored values, their column indices as `keys`, and `shape = [columns]`.
 * @internal
 */
import { measuredSource, type RecordSource } from './RecordSource.js';
import type { ResolvedSparse } from './resolveInputs.js';
import { LabelWriter, ValueWriter } from './valueWriters.js';
import {
  FEATURES_TAG,
  PACKED_KEYS_TAG,
  PACKED_SHAPE_TAG,
  PACKED_VALUES_TAG,
  VALUE_TAG,
  delimited,
  mapFieldSize,
  packedSize,
  varintSize,
  writeMapFieldHeader,
  writePackedHeader,
  writeVarint,
} from './wireFormat.js';

/** The records of `input`, measured once each (their keys' varints vary in size). */
export function sparseSource(input: ResolvedSparse): RecordSource {
  const { rows, cols, indices, indptr } = input;
  const values = new ValueWriter(input.features.kind, input.features.values);
  const valueTag = VALUE_TAG[input.features.kind];
  const shapeLen = delimited(varintSize(cols));

  return measuredSource(rows, input.labels && new LabelWriter(input.labels), {
    measure(i, parts, at) {
      const from = indptr[i] as number;
      const to = indptr[i + 1] as number;
      const payload = values.size(from, to);
      // Column indices are below `cols`, an int32: one to five bytes each.
      let keys = 0;
      for (let k = from; k < to; k++) {
        const c = indices[k] as number;
        keys += c < 0x80 ? 1 : c < 0x4000 ? 2 : varintSize(c);
      }
      parts[at] = payload;
      parts[at + 1] = keys;
      return mapFieldSize(packedSize(payload) + packedSize(keys) + shapeLen);
    },
    write(i, out, off, parts, at) {
      const from = indptr[i] as number;
      const to = indptr[i + 1] as number;
      const payload = parts[at] as number;
      const keys = parts[at + 1] as number;
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
      for (let k = from; k < to; k++) {
        const c = indices[k] as number;
        if (c < 0x80) {
          out[off++] = c;
        } else if (c < 0x4000) {
          out[off++] = (c & 0x7f) | 0x80;
          out[off++] = c >>> 7;
        } else {
          off = writeVarint(out, off, c);
        }
      }
      out[off++] = PACKED_SHAPE_TAG;
      off = writeVarint(out, off, varintSize(cols));
      return writeVarint(out, off, cols);
    },
  });
}
