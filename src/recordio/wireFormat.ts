/**
 * The protobuf and RecordIO wire pieces the hand-written encoder is made of: the constant tags of
 * `aialgs.data.Record`, varint sizes and writers (negative int32 as ten-byte varints, as protobuf
 * serializes them), the `features["values"]` / `label["values"]` map-field header, and the
 * RecordIO frame (magic, length, padding to four bytes).
 * @internal
 */
import type { TensorKind } from './resolveInputs.js';

/** RecordIO magic number 0xCED7230A, little-endian ([serializer_utils._kmagic]). */
const MAGIC = [0x0a, 0x23, 0xd7, 0xce] as const;
/** "values", the key the SDK writes features and labels under. */
const VALUES_KEY = [0x76, 0x61, 0x6c, 0x75, 0x65, 0x73] as const;
/** Record.features = 1, length-delimited. */
export const FEATURES_TAG = 0x0a;
/** Record.label = 2, length-delimited. */
export const LABEL_TAG = 0x12;
/** Tensor.values = 1. */
export const PACKED_VALUES_TAG = 0x0a;
/** Tensor.keys = 2. */
export const PACKED_KEYS_TAG = 0x12;
/** Tensor.shape = 3. */
export const PACKED_SHAPE_TAG = 0x1a;
/** Value.float32_tensor = 2, float64_tensor = 3, int32_tensor = 7; all length-delimited. */
export const VALUE_TAG: Readonly<Record<TensorKind, number>> = {
  Float32: 0x12,
  Float64: 0x1a,
  Int32: 0x3a,
};
/** Bytes per element on the wire; 0 for varint-encoded `Int32`. */
export const WIDTH: Readonly<Record<TensorKind, number>> = { Float32: 4, Float64: 8, Int32: 0 };

/** Whether this host stores typed arrays little-endian, as the wire does. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Size of a non-negative varint below 2^53. */
export function varintSize(v: number): number {
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  if (v < 0x200000) return 3;
  if (v < 0x10000000) return 4;
  let n = 4;
  v = Math.floor(v / 0x10000000);
  while (v > 0) {
    n++;
    v = Math.floor(v / 0x80);
  }
  return n;
}

/** Size of an int32 field value: negatives are sign-extended to 64 bits, so ten bytes. */
export function int32Size(v: number): number {
  return v < 0 ? 10 : varintSize(v);
}

/** Writes a non-negative varint below 2^53 at `off`, returns the end. */
export function writeVarint(out: Uint8Array, off: number, v: number): number {
  while (v >= 0x80000000) {
    out[off++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  while (v >= 0x80) {
    out[off++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[off++] = v;
  return off;
}

/** Writes an int32 field value at `off` (negatives as ten bytes), returns the end. */
export function writeInt32(out: Uint8Array, off: number, v: number): number {
  if (v >= 0) return writeVarint(out, off, v);
  // Two's complement over 64 bits: low word as unsigned, high word all ones.
  let lo = v >>> 0;
  let hi = 0xffffffff;
  while (hi !== 0) {
    out[off++] = (lo & 0x7f) | 0x80;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  while (lo > 0x7f) {
    out[off++] = (lo & 0x7f) | 0x80;
    lo >>>= 7;
  }
  out[off++] = lo;
  return off;
}

/** Bytes of a length-delimited field holding `len` bytes (tag, length, content). */
export const delimited = (len: number): number => 1 + varintSize(len) + len;

/** Bytes of a map field `{ "values": Value{ <tensor of tensorLen bytes> } }`. */
export function mapFieldSize(tensorLen: number): number {
  return delimited(2 + VALUES_KEY.length + delimited(delimited(tensorLen)));
}

/** Writes the map field header up to the start of the tensor's content. */
export function writeMapFieldHeader(
  out: Uint8Array,
  off: number,
  fieldTag: number,
  valueTag: number,
  tensorLen: number,
): number {
  const valueLen = delimited(tensorLen);
  const entryLen = 2 + VALUES_KEY.length + delimited(valueLen);
  out[off++] = fieldTag;
  off = writeVarint(out, off, entryLen);
  out[off++] = 0x0a; // MapEntry.key = 1
  out[off++] = VALUES_KEY.length;
  for (const b of VALUES_KEY) out[off++] = b;
  out[off++] = 0x12; // MapEntry.value = 2
  off = writeVarint(out, off, valueLen);
  out[off++] = valueTag;
  return writeVarint(out, off, tensorLen);
}

/** Bytes of a record of `recordLen` payload bytes with its frame and padding. */
export function framed(recordLen: number): number {
  return 8 + ((recordLen + 3) & ~3);
}

/** Writes the RecordIO frame header (magic, little-endian length), returns the end. */
export function writeFrameHeader(out: Uint8Array, off: number, recordLen: number): number {
  out[off] = MAGIC[0];
  out[off + 1] = MAGIC[1];
  out[off + 2] = MAGIC[2];
  out[off + 3] = MAGIC[3];
  out[off + 4] = recordLen & 0xff;
  out[off + 5] = (recordLen >>> 8) & 0xff;
  out[off + 6] = (recordLen >>> 16) & 0xff;
  out[off + 7] = recordLen >>> 24;
  return off + 8;
}

/** Writes the zeros that pad a record of `recordLen` bytes to four, returns the end. */
export function writePadding(out: Uint8Array, off: number, recordLen: number): number {
  const pad = ((recordLen + 3) & ~3) - recordLen;
  for (let k = 0; k < pad; k++) out[off++] = 0;
  return off;
}

/** `Tensor{ values }` bytes for `n` payload bytes of values (nothing when empty). */
export const packedSize = (payload: number): number => (payload === 0 ? 0 : delimited(payload));

/** Writes a packed field's tag and length (nothing when empty), returns the end. */
export function writePackedHeader(
  out: Uint8Array,
  off: number,
  tag: number,
  payload: number,
): number {
  if (payload === 0) return off;
  out[off++] = tag;
  return writeVarint(out, off, payload);
}
