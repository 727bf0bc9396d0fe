/**
 * A reference encoder for the tests: builds each `Record` with `@bufbuild/protobuf` (the way
 * Python's writers fill theirs) and frames it, to compare with the hand-written encoder.
 */
import { create, toBinary } from '@bufbuild/protobuf';
import {
  Float32TensorSchema,
  Float64TensorSchema,
  Int32TensorSchema,
  RecordSchema,
  RecordValueSchema,
  type RecordValue,
} from '../../src/recordio/index.js';

export type Kind = 'float32' | 'float64' | 'int64';

interface TensorInit {
  values: number[];
  keys?: bigint[];
  shape?: bigint[];
}

export function tensorValue(kind: Kind, init: TensorInit): RecordValue {
  switch (kind) {
    case 'float32':
      return create(RecordValueSchema, {
        value: { case: 'float32Tensor', value: create(Float32TensorSchema, init) },
      });
    case 'float64':
      return create(RecordValueSchema, {
        value: { case: 'float64Tensor', value: create(Float64TensorSchema, init) },
      });
    case 'int64':
      return create(RecordValueSchema, {
        value: { case: 'int32Tensor', value: create(Int32TensorSchema, init) },
      });
  }
}

/** RecordIO framing: magic, little-endian length, payload, zero padding to four bytes. */
export function frame(payloads: readonly Uint8Array[]): Uint8Array {
  const total = payloads.reduce((n, p) => n + 8 + ((p.length + 3) & ~3), 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let off = 0;
  for (const p of payloads) {
    view.setUint32(off, 0xced7230a, true);
    view.setUint32(off + 4, p.length, true);
    out.set(p, off + 8);
    off += 8 + ((p.length + 3) & ~3);
  }
  return out;
}

export interface Labels {
  kind: Kind;
  values: number[];
}

/** Python's `write_numpy_to_dense_tensor`, rebuilt on the protobuf library. */
export function referenceDense(
  rows: number,
  cols: number,
  kind: Kind,
  values: readonly number[],
  labels?: Labels,
): Uint8Array {
  const payloads: Uint8Array[] = [];
  for (let r = 0; r < rows; r++) {
    const record = create(RecordSchema, {
      features: { values: tensorValue(kind, { values: values.slice(r * cols, r * cols + cols) }) },
    });
    if (labels)
      record.label['values'] = tensorValue(labels.kind, { values: [labels.values[r] ?? 0] });
    payloads.push(toBinary(RecordSchema, record));
  }
  return frame(payloads);
}

/** Python's `write_spmatrix_to_sparse_tensor`, rebuilt on the protobuf library. */
export function referenceSparse(
  shape: readonly [number, number],
  kind: Kind,
  data: readonly number[],
  indices: readonly number[],
  indptr: readonly number[],
  labels?: Labels,
): Uint8Array {
  const payloads: Uint8Array[] = [];
  for (let r = 0; r < shape[0]; r++) {
    const from = indptr[r] ?? 0;
    const to = indptr[r + 1] ?? 0;
    const record = create(RecordSchema, {
      features: {
        values: tensorValue(kind, {
          values: data.slice(from, to),
          keys: indices.slice(from, to).map(BigInt),
          shape: [BigInt(shape[1])],
        }),
      },
    });
    if (labels)
      record.label['values'] = tensorValue(labels.kind, { values: [labels.values[r] ?? 0] });
    payloads.push(toBinary(RecordSchema, record));
  }
  return frame(payloads);
}
