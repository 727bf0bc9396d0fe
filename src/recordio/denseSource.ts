/**
 * Rows of a dense matrix as records (Python's `write_numpy_to_dense_tensor`): features under
 * `features["values"]`, the row's label as a one-element tensor under `label["values"]`.
 * @internal
 */
import { denseKernel } from './denseKernel.js';
import { measuredSource, type RecordSource } from './RecordSource.js';
import type { ResolvedDense } from './resolveInputs.js';
import { LabelWriter, SMALL_COPY, ValueWriter } from './valueWriters.js';
import { writeRecordWords, type WordLayout } from './wordRecords.js';
import {
  FEATURES_TAG,
  LABEL_TAG,
  LITTLE_ENDIAN,
  PACKED_VALUES_TAG,
  VALUE_TAG,
  WIDTH,
  framed,
  mapFieldSize,
  packedSize,
  writeFrameHeader,
  writeMapFieldHeader,
  writePackedHeader,
} from './wireFormat.js';

/** Records are laid out from the template in blocks of about this many bytes, which stay in cache. */
const TEMPLATE_BLOCK_BYTES = 1 << 16;

/** The records of `input`, all of one size when its element types have fixed widths. */
export function denseSource(input: ResolvedDense): RecordSource {
  if (LITTLE_ENDIAN && input.features.kind !== 'Int32' && input.labels?.kind !== 'Int32') {
    return fixedDenseSource(input);
  }
  const { rows, cols } = input;
  const values = new ValueWriter(input.features.kind, input.features.values);
  const valueTag = VALUE_TAG[input.features.kind];
  return measuredSource(rows, input.labels && new LabelWriter(input.labels), {
    measure(i, parts, at) {
      const payload = values.size(i * cols, i * cols + cols);
      parts[at] = payload;
      return mapFieldSize(packedSize(payload));
    },
    write(i, out, off, parts, at) {
      const payload = parts[at] as number;
      off = writeMapFieldHeader(out, off, FEATURES_TAG, valueTag, packedSize(payload));
      off = writePackedHeader(out, off, PACKED_VALUES_TAG, payload);
      return values.write(out, off, i * cols, i * cols + cols);
    },
  });
}

/** A 32-bit view of `bytes` when it starts on a four-byte boundary. */
function wordsOf(bytes: Uint8Array): Int32Array | undefined {
  return bytes.byteOffset % 4 === 0
    ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2)
    : undefined;
}

/**
 * The dense source when every record has the same layout (float features, float or no labels):
 * the constant bytes of a record (frame, field headers) are laid out once as a template, and each
 * record copies the template and its values. The template's parts and the values almost always
 * fall on four-byte boundaries (frames are multiples of four bytes), and then a record is written
 * as 32-bit words, which is several times faster than bytes (and keeps NaN payloads bit-exact);
 * when a field header's length breaks the alignment, bytes are copied instead.
 */
function fixedDenseSource(input: ResolvedDense): RecordSource {
  const { rows, cols, features, labels } = input;
  const payload = cols * WIDTH[features.kind];
  const labelWidth = labels === undefined ? 0 : WIDTH[labels.kind];
  const recordLen =
    mapFieldSize(packedSize(payload)) + (labels === undefined ? 0 : mapFieldSize(2 + labelWidth));
  const size = framed(recordLen);

  // The record's constant bytes: `head` before the features' values, `mid` before the label's.
  const scratch = new Uint8Array(64);
  let end = writeFrameHeader(scratch, 0, recordLen);
  end = writeMapFieldHeader(
    scratch,
    end,
    FEATURES_TAG,
    VALUE_TAG[features.kind],
    packedSize(payload),
  );
  const head = scratch.slice(0, writePackedHeader(scratch, end, PACKED_VALUES_TAG, payload));
  let mid = new Uint8Array(0);
  if (labels !== undefined) {
    end = writeMapFieldHeader(scratch, 0, LABEL_TAG, VALUE_TAG[labels.kind], 2 + labelWidth);
    scratch[end] = PACKED_VALUES_TAG;
    scratch[end + 1] = labelWidth;
    mid = scratch.slice(0, end + 2);
  }
  const pad = size - 8 - recordLen;
  const srcBytes = new Uint8Array(
    features.values.buffer,
    features.values.byteOffset,
    features.values.byteLength,
  );
  const labBytes =
    labels &&
    new Uint8Array(labels.values.buffer, labels.values.byteOffset, labels.values.byteLength);

  const writeBytes = (i: number, out: Uint8Array, off: number): number => {
    for (let k = 0; k < head.length; k++) out[off + k] = head[k] as number;
    off += head.length;
    if (payload > SMALL_COPY) {
      out.set(srcBytes.subarray(i * payload, i * payload + payload), off);
    } else {
      for (let k = 0, s = i * payload; k < payload; k++) out[off + k] = srcBytes[s + k] as number;
    }
    off += payload;
    if (labBytes !== undefined) {
      for (let k = 0; k < mid.length; k++) out[off + k] = mid[k] as number;
      off += mid.length;
      for (let k = 0, s = i * labelWidth; k < labelWidth; k++)
        out[off + k] = labBytes[s + k] as number;
      off += labelWidth;
    }
    for (let k = 0; k < pad; k++) out[off++] = 0;
    return off;
  };

  // Typed arrays of 4- and 8-byte elements always start on a four-byte boundary, so only the
  // template's lengths and the output can break word alignment.
  const srcWords = wordsOf(srcBytes);
  const labWords = labBytes && wordsOf(labBytes);
  const aligned =
    head.length % 4 === 0 &&
    mid.length % 4 === 0 &&
    pad === 0 &&
    srcWords !== undefined &&
    (labBytes === undefined || labWords !== undefined);
  // One whole record with its values left zero, copied natively over a block of records, after
  // which only the values are stored one word at a time.
  const template = new Uint8Array(aligned ? size : 0);
  if (aligned) {
    template.set(head, 0);
    template.set(mid, head.length + payload);
  }
  const layout: WordLayout = {
    template: new Int32Array(template.buffer),
    headWords: head.length >> 2,
    rowWords: payload >> 2,
    midWords: labBytes === undefined ? 0 : mid.length >> 2,
    labelWords: labelWidth >> 2,
    values: srcWords ?? new Int32Array(0),
    labels: labWords,
    blockRecords: Math.max(1, Math.floor(TEMPLATE_BLOCK_BYTES / size)),
  };
  let lastOut: Uint8Array | undefined;
  let out32: Int32Array | undefined;
  const writeWords = (from: number, to: number, o: Int32Array, off: number): number =>
    writeRecordWords(layout, from, to, o, off >> 2) << 2;

  const wordsFor = (out: Uint8Array, off: number): Int32Array | undefined => {
    if (!aligned || off % 4 !== 0) return undefined;
    if (out !== lastOut) {
      lastOut = out;
      out32 = wordsOf(out);
    }
    return out32;
  };

  // The bytes after the values, for the kernel: the label field (its value left zero), padding.
  const tail = new Uint8Array(mid.length + labelWidth + pad);
  tail.set(mid, 0);
  const kernel = denseKernel(input, head, tail);

  return {
    count: rows,
    fixedSize: size,
    framedSize: () => size,
    totalSize: () => rows * size,
    write(i, out, off) {
      const o = wordsFor(out, off);
      return o === undefined ? writeBytes(i, out, off) : writeWords(i, i + 1, o, off);
    },
    writeRange(from, to, out, off) {
      if (kernel !== undefined) return kernel(from, to, out, off);
      const o = wordsFor(out, off);
      if (o !== undefined) return writeWords(from, to, o, off);
      for (let i = from; i < to; i++) off = writeBytes(i, out, off);
      return off;
    },
  };
}
