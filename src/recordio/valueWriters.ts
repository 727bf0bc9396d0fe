/**
 * Element runs in wire form: a tensor's values (raw little-endian floats, or int32 varints) and a
 * record's one-element label.
 * @internal
 */
import type { TensorKind, TensorValues } from './resolveInputs.js';
import {
  LABEL_TAG,
  LITTLE_ENDIAN,
  PACKED_VALUES_TAG,
  VALUE_TAG,
  WIDTH,
  int32Size,
  writeInt32,
  writeMapFieldHeader,
} from './wireFormat.js';

/** Below this many bytes a JS loop copies faster than a native `set` call. */
export const SMALL_COPY = 96;

/** Writes `values[from, to)` of a tensor's element array in wire form. */
export class ValueWriter {
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

  /** Writes `values[from, to)` at `off`, returns the end. */
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

/** The label field of a record, shared by the dense and sparse sources. */
export class LabelWriter {
  private readonly writer: ValueWriter;
  private readonly valueTag: number;
  /**
   * For float labels on a little-endian host, the field's bytes before the value, which are the
   * same for every record, and the label array's bytes: the field is then two short copies.
   */
  private readonly header: Uint8Array | undefined;
  private readonly bytes: Uint8Array | undefined;
  private readonly width: number;

  constructor(labels: { kind: TensorKind; values: TensorValues }) {
    this.writer = new ValueWriter(labels.kind, labels.values);
    this.valueTag = VALUE_TAG[labels.kind];
    this.width = WIDTH[labels.kind];
    if (this.width !== 0 && LITTLE_ENDIAN) {
      const scratch = new Uint8Array(32);
      const end = this.writeHeader(scratch, 0, 2 + this.width);
      this.header = scratch.slice(0, end);
      const { buffer, byteOffset, byteLength } = labels.values;
      this.bytes = new Uint8Array(buffer, byteOffset, byteLength);
    }
  }

  /** Bytes of the label's tensor: one packed value of at most ten bytes. */
  tensorLen(i: number): number {
    return this.width !== 0 ? 2 + this.width : 2 + this.writer.size(i, i + 1);
  }

  /** Writes record `i`'s label field (whose tensor has `tensorLen` bytes), returns the end. */
  write(out: Uint8Array, off: number, i: number, tensorLen: number): number {
    const { header, bytes, width } = this;
    if (header !== undefined && bytes !== undefined) {
      for (let k = 0; k < header.length; k++) out[off + k] = header[k] as number;
      off += header.length;
      for (let k = 0, s = i * width; k < width; k++) out[off + k] = bytes[s + k] as number;
      return off + width;
    }
    return this.writer.write(out, this.writeHeader(out, off, tensorLen), i, i + 1);
  }

  private writeHeader(out: Uint8Array, off: number, tensorLen: number): number {
    off = writeMapFieldHeader(out, off, LABEL_TAG, this.valueTag, tensorLen);
    out[off++] = PACKED_VALUES_TAG;
    out[off++] = tensorLen - 2;
    return off;
  }
}
