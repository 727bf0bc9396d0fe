/**
 * The hand-written RecordIO-protobuf encoder: writes each row as a framed `aialgs.data.Record`
 * straight into preallocated output, with the exact bytes Python's protobuf runtime serializes
 * (fields in number order, map entry as key then value, packed repeated fields omitted when
 * empty, negative int32 as ten-byte varints). `@bufbuild/protobuf` checks it in the tests.
 * @internal
 */
import type { ResolvedDense, ResolvedSparse, TensorKind, TensorValues } from './resolveInputs.js';

/** A sequence of records that can say each one's framed size before writing it. */
export interface RecordSource {
  readonly count: number;
  /** Bytes of record `i` with its RecordIO framing: magic, length, payload, padding. */
  framedSize(i: number): number;
  /** Writes record `i` at `offset` (which has room for `framedSize(i)`), returns the end. */
  write(i: number, out: Uint8Array, offset: number): number;
}

/** RecordIO magic number 0xCED7230A, little-endian ([serializer_utils._kmagic]). */
const MAGIC = [0x0a, 0x23, 0xd7, 0xce] as const;
/** "values", the key the SDK writes features and labels under. */
const VALUES_KEY = [0x76, 0x61, 0x6c, 0x75, 0x65, 0x73] as const;
const FEATURES_TAG = 0x0a; // Record.features = 1, length-delimited
const LABEL_TAG = 0x12; // Record.label = 2, length-delimited
const PACKED_VALUES_TAG = 0x0a; // Tensor.values = 1
const PACKED_KEYS_TAG = 0x12; // Tensor.keys = 2
const PACKED_SHAPE_TAG = 0x1a; // Tensor.shape = 3
/** Value.float32_tensor = 2, float64_tensor = 3, int32_tensor = 7; all length-delimited. */
const VALUE_TAG: Record<TensorKind, number> = { Float32: 0x12, Float64: 0x1a, Int32: 0x3a };
const WIDTH: Record<TensorKind, number> = { Float32: 4, Float64: 8, Int32: 0 };

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Below this many bytes a JS loop copies faster than a native `set` call. */
const SMALL_COPY = 96;

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
function int32Size(v: number): number {
  return v < 0 ? 10 : varintSize(v);
}

function writeVarint(out: Uint8Array, off: number, v: number): number {
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

function writeInt32(out: Uint8Array, off: number, v: number): number {
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
const delimited = (len: number): number => 1 + varintSize(len) + len;

/** Bytes of a map field `{ "values": Value{ <tensor of tensorLen bytes> } }`. */
function mapFieldSize(tensorLen: number): number {
  return delimited(2 + VALUES_KEY.length + delimited(delimited(tensorLen)));
}

/** Writes the map field header up to the start of the tensor's content. */
function writeMapFieldHeader(
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

function framed(recordLen: number): number {
  return 8 + ((recordLen + 3) & ~3);
}

function writeFrameHeader(out: Uint8Array, off: number, recordLen: number): number {
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

function writePadding(out: Uint8Array, off: number, recordLen: number): number {
  const pad = ((recordLen + 3) & ~3) - recordLen;
  for (let k = 0; k < pad; k++) out[off++] = 0;
  return off;
}

/** Writes `values[from, to)` of a tensor's element array in wire form. */
class ValueWriter {
  private readonly bytes: Uint8Array | undefined;
  private readonly view: DataView;

  constructor(
    readonly kind: TensorKind,
    readonly values: TensorValues,
  ) {
    this.bytes =
      kind !== 'Int32' && LITTLE_ENDIAN
        ? new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
        : undefined;
    this.view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  }

  /** Wire bytes of `values[from, to)`. */
  size(from: number, to: number): number {
    const width = WIDTH[this.kind];
    if (width !== 0) return (to - from) * width;
    const ints = this.values as Int32Array;
    let n = 0;
    for (let i = from; i < to; i++) n += int32Size(ints[i] as number);
    return n;
  }

  write(out: Uint8Array, off: number, from: number, to: number): number {
    const { bytes } = this;
    if (bytes !== undefined) {
      const width = WIDTH[this.kind];
      let s = from * width;
      const end = to * width;
      if (end - s > SMALL_COPY) {
        out.set(bytes.subarray(s, end), off);
        return off + end - s;
      }
      while (s < end) out[off++] = bytes[s++] as number;
      return off;
    }
    switch (this.kind) {
      case 'Int32': {
        const ints = this.values as Int32Array;
        for (let i = from; i < to; i++) off = writeInt32(out, off, ints[i] as number);
        return off;
      }
      // Big-endian hosts only: reorder each element's bytes.
      case 'Float32': {
        const target = new DataView(out.buffer, out.byteOffset, out.byteLength);
        for (let i = from; i < to; i++, off += 4)
          target.setFloat32(off, this.view.getFloat32(i * 4), true);
        return off;
      }
      case 'Float64': {
        const target = new DataView(out.buffer, out.byteOffset, out.byteLength);
        for (let i = from; i < to; i++, off += 8)
          target.setFloat64(off, this.view.getFloat64(i * 8), true);
        return off;
      }
    }
  }
}

/** `Tensor{ values }` bytes for `n` payload bytes of values (nothing when empty). */
const packedSize = (payload: number): number => (payload === 0 ? 0 : delimited(payload));

function writePackedHeader(out: Uint8Array, off: number, tag: number, payload: number): number {
  if (payload === 0) return off;
  out[off++] = tag;
  return writeVarint(out, off, payload);
}

/** Label parts shared by the dense and sparse sources. */
class LabelWriter {
  private readonly writer: ValueWriter;
  private readonly valueTag: number;

  constructor(labels: { kind: TensorKind; values: TensorValues }) {
    this.writer = new ValueWriter(labels.kind, labels.values);
    this.valueTag = VALUE_TAG[labels.kind];
  }

  /** Bytes of the label's tensor: one packed value of at most ten bytes. */
  tensorLen(i: number): number {
    return 2 + this.writer.size(i, i + 1);
  }

  write(out: Uint8Array, off: number, i: number, tensorLen: number): number {
    off = writeMapFieldHeader(out, off, LABEL_TAG, this.valueTag, tensorLen);
    out[off++] = PACKED_VALUES_TAG;
    out[off++] = tensorLen - 2;
    return this.writer.write(out, off, i, i + 1);
  }
}

/**
 * The dense source when every record has the same layout (float features, float or no
 * labels): the constant bytes are computed once and each record only copies them and its
 * values. Framed records are multiples of four bytes, so where a value run starts on a
 * four-byte boundary it is copied as 32-bit words (which also keeps NaN payloads bit-exact).
 */
function fixedDenseSource(input: ResolvedDense): RecordSource {
  const { rows, cols } = input;
  const features = input.features;
  const labels = input.labels;
  const width = WIDTH[features.kind];
  const payload = cols * width;
  const labelWidth = labels === undefined ? 0 : WIDTH[labels.kind];
  const featureField = mapFieldSize(packedSize(payload));
  const recordLen = featureField + (labels === undefined ? 0 : mapFieldSize(2 + labelWidth));
  const size = framed(recordLen);

  const scratch = new Uint8Array(64);
  const headLen = writePackedHeader(
    scratch,
    writeMapFieldHeader(
      scratch,
      writeFrameHeader(scratch, 0, recordLen),
      FEATURES_TAG,
      VALUE_TAG[features.kind],
      packedSize(payload),
    ),
    PACKED_VALUES_TAG,
    payload,
  );
  const head = scratch.slice(0, headLen);
  let mid = new Uint8Array(0);
  if (labels !== undefined) {
    const end = writeMapFieldHeader(scratch, 0, LABEL_TAG, VALUE_TAG[labels.kind], 2 + labelWidth);
    scratch[end] = PACKED_VALUES_TAG;
    scratch[end + 1] = labelWidth;
    mid = scratch.slice(0, end + 2);
  }
  const midLen = mid.length;
  const pad = size - 8 - recordLen;
  const src = features.values;
  const srcBytes = new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
  const srcWords =
    src.byteOffset % 4 === 0
      ? new Int32Array(src.buffer, src.byteOffset, src.byteLength >> 2)
      : undefined;
  const lab = labels?.values;
  const labBytes = lab && new Uint8Array(lab.buffer, lab.byteOffset, lab.byteLength);
  const wordsPerRow = payload >> 2;
  const labelWords = labelWidth >> 2;
  const payloadWords = headLen % 4 === 0 ? srcWords : undefined;
  const labWords =
    lab !== undefined && (headLen + payload + midLen) % 4 === 0 && lab.byteOffset % 4 === 0
      ? new Int32Array(lab.buffer, lab.byteOffset, lab.byteLength >> 2)
      : undefined;
  let out32: Int32Array | undefined;
  let lastOut: Uint8Array | undefined;

  return {
    count: rows,
    framedSize: () => size,
    write(i, out, off) {
      if (out !== lastOut) {
        lastOut = out;
        out32 =
          out.byteOffset % 4 === 0
            ? new Int32Array(out.buffer, out.byteOffset, out.byteLength >> 2)
            : undefined;
      }
      for (let k = 0; k < headLen; k++) out[off + k] = head[k] as number;
      off += headLen;
      if (payloadWords !== undefined && out32 !== undefined) {
        let w = off >> 2;
        let s = i * wordsPerRow;
        const end = s + wordsPerRow;
        while (s < end) out32[w++] = payloadWords[s++] as number;
      } else if (payload > SMALL_COPY) {
        out.set(srcBytes.subarray(i * payload, i * payload + payload), off);
      } else {
        for (let k = 0, s = i * payload; k < payload; k++) out[off + k] = srcBytes[s + k] as number;
      }
      off += payload;
      if (labBytes !== undefined) {
        for (let k = 0; k < midLen; k++) out[off + k] = mid[k] as number;
        off += midLen;
        if (labWords !== undefined && out32 !== undefined) {
          const w = off >> 2;
          for (let k = 0; k < labelWords; k++)
            out32[w + k] = labWords[i * labelWords + k] as number;
        } else {
          for (let k = 0, s = i * labelWidth; k < labelWidth; k++)
            out[off + k] = labBytes[s + k] as number;
        }
        off += labelWidth;
      }
      for (let k = 0; k < pad; k++) out[off++] = 0;
      return off;
    },
  };
}

/**
 * A source whose records vary in size: frame, features field, optional label, padding.
 * `measureFeatures(i)` returns the bytes of record `i`'s features field and leaves in its closure
 * what `writeFeatures(i, ...)` needs; it runs once per record, because `framedSize(i)` and
 * `write(i)` always come in that order and the sizes are remembered between them.
 */
function measuredSource(
  count: number,
  labels: LabelWriter | undefined,
  measureFeatures: (i: number) => number,
  writeFeatures: (i: number, out: Uint8Array, off: number) => number,
): RecordSource {
  let cachedRow = -1;
  let labelLen = 0;
  let recordLen = 0;

  const measure = (i: number): void => {
    if (cachedRow === i) return;
    recordLen = measureFeatures(i);
    if (labels !== undefined) {
      labelLen = labels.tensorLen(i);
      recordLen += mapFieldSize(labelLen);
    }
    cachedRow = i;
  };

  return {
    count,
    framedSize(i) {
      measure(i);
      return framed(recordLen);
    },
    write(i, out, off) {
      measure(i);
      off = writeFrameHeader(out, off, recordLen);
      off = writeFeatures(i, out, off);
      if (labels !== undefined) off = labels.write(out, off, i, labelLen);
      return writePadding(out, off, recordLen);
    },
  };
}

/**
 * Rows of a dense matrix as records (Python's `write_numpy_to_dense_tensor`): features under
 * `features["values"]`, the row's label as a one-element tensor under `label["values"]`.
 */
export function denseSource(input: ResolvedDense): RecordSource {
  if (LITTLE_ENDIAN && input.features.kind !== 'Int32' && input.labels?.kind !== 'Int32') {
    return fixedDenseSource(input);
  }
  const { rows, cols } = input;
  const values = new ValueWriter(input.features.kind, input.features.values);
  const valueTag = VALUE_TAG[input.features.kind];
  let payload = 0;

  return measuredSource(
    rows,
    input.labels && new LabelWriter(input.labels),
    (i) => {
      payload = values.size(i * cols, i * cols + cols);
      return mapFieldSize(packedSize(payload));
    },
    (i, out, off) => {
      off = writeMapFieldHeader(out, off, FEATURES_TAG, valueTag, packedSize(payload));
      off = writePackedHeader(out, off, PACKED_VALUES_TAG, payload);
      return values.write(out, off, i * cols, i * cols + cols);
    },
  );
}

/**
 * Rows of a CSR matrix as sparse records (Python's `write_spmatrix_to_sparse_tensor`): the row's
 * stored values, their column indices as `keys`, and `shape = [columns]`.
 */
export function sparseSource(input: ResolvedSparse): RecordSource {
  const { rows, cols, indices, indptr } = input;
  const values = new ValueWriter(input.features.kind, input.features.values);
  const valueTag = VALUE_TAG[input.features.kind];
  const shapeLen = delimited(varintSize(cols));
  let payload = 0;
  let keysPayload = 0;
  let tensorLen = 0;

  return measuredSource(
    rows,
    input.labels && new LabelWriter(input.labels),
    (i) => {
      const from = indptr[i] as number;
      const to = indptr[i + 1] as number;
      payload = values.size(from, to);
      keysPayload = 0;
      for (let k = from; k < to; k++) keysPayload += varintSize(indices[k] as number);
      tensorLen = packedSize(payload) + packedSize(keysPayload) + shapeLen;
      return mapFieldSize(tensorLen);
    },
    (i, out, off) => {
      const from = indptr[i] as number;
      const to = indptr[i + 1] as number;
      off = writeMapFieldHeader(out, off, FEATURES_TAG, valueTag, tensorLen);
      off = writePackedHeader(out, off, PACKED_VALUES_TAG, payload);
      off = values.write(out, off, from, to);
      off = writePackedHeader(out, off, PACKED_KEYS_TAG, keysPayload);
      for (let k = from; k < to; k++) off = writeVarint(out, off, indices[k] as number);
      out[off++] = PACKED_SHAPE_TAG;
      off = writeVarint(out, off, varintSize(cols));
      return writeVarint(out, off, cols);
    },
  );
}

/** All records in one exactly sized buffer. */
export function encodeAll(source: RecordSource): Uint8Array {
  let total = 0;
  for (let i = 0; i < source.count; i++) total += source.framedSize(i);
  const out = new Uint8Array(total);
  let off = 0;
  for (let i = 0; i < source.count; i++) off = source.write(i, out, off);
  return out;
}

/** Gives a buffer of at least `size` bytes for the next chunk. */
export type ChunkAllocator = (size: number) => Uint8Array;

const freshChunk: ChunkAllocator = (size) => new Uint8Array(size);

/**
 * Records in chunks of about `chunkBytes`. By default each chunk is a fresh buffer the caller
 * may keep; `allocate` lets a caller recycle buffers it knows are no longer used.
 */
export function* encodeChunks(
  source: RecordSource,
  chunkBytes: number,
  allocate: ChunkAllocator = freshChunk,
): Generator<Uint8Array, void, undefined> {
  let out: Uint8Array = new Uint8Array(0);
  let off = 0;
  for (let i = 0; i < source.count; i++) {
    const size = source.framedSize(i);
    if (off + size > out.length) {
      if (off > 0) yield out.subarray(0, off);
      out = allocate(Math.max(chunkBytes, size));
      off = 0;
    }
    off = source.write(i, out, off);
  }
  if (off > 0) yield out.subarray(0, off);
}

/** An allocator that hands out the same buffer again (grown when too small). */
export function reusingAllocator(): ChunkAllocator {
  let buffer: Uint8Array = new Uint8Array(0);
  return (size) => {
    if (buffer.length < size) buffer = new Uint8Array(size);
    return buffer;
  };
}

/** Chunk size of the chunked and stream writers when the caller does not give one. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

/**
 * The body of `denseTensorChunks` and `sparseTensorChunks`: `source` as a re-iterable sequence
 * of chunks, each iteration encoding afresh.
 */
export function sourceChunks(
  source: RecordSource,
  options: { readonly chunkBytes?: number; readonly reuseChunks?: boolean },
): Iterable<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  return {
    [Symbol.iterator]: () =>
      encodeChunks(
        source,
        chunkBytes,
        options.reuseChunks === true ? reusingAllocator() : undefined,
      ),
  };
}
