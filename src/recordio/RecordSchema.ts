/**
 * The `aialgs.data` RecordIO-protobuf messages (package of SageMaker's `record.proto`), described
 * in code for `@bufbuild/protobuf`'s reflection: the reader decodes with these descriptors, and
 * tests use them to cross-check the hand-written encoder byte for byte.
 *
 * Field numbers and types are the wire contract of the Amazon algorithms' `record.proto`
 * (proto2, packed repeated fields, `features` and `label` as `map<string, Value>`).
 */
import { createFileRegistry, type Message } from '@bufbuild/protobuf';
import type { GenMessage } from '@bufbuild/protobuf/codegenv2';
import {
  FieldDescriptorProto_Label as Label,
  FieldDescriptorProto_Type as Type,
  type FieldDescriptorProto,
  type FileDescriptorProto,
} from '@bufbuild/protobuf/wkt';
import { create } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';

const PACKAGE = 'aialgs.data';

type FieldInit = Partial<Omit<FieldDescriptorProto, '$typeName' | 'options'>> & {
  options?: { packed?: boolean };
};

const field = (
  name: string,
  number: number,
  type: Type,
  label: Label,
  extra: FieldInit = {},
): FieldInit => ({ name, number, type, label, jsonName: camel(name), ...extra });

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

const packed = { options: { packed: true } };
const repeated = Label.REPEATED;
const optional = Label.OPTIONAL;

/** Float32Tensor, Float64Tensor and Int32Tensor differ only in the type of `values`. */
function tensor(name: string, valueType: Type) {
  return {
    name,
    field: [
      field('values', 1, valueType, repeated, packed),
      field('keys', 2, Type.UINT64, repeated, packed),
      field('shape', 3, Type.UINT64, repeated, packed),
    ],
  };
}

function mapEntry(name: string) {
  return {
    name,
    field: [
      field('key', 1, Type.STRING, optional),
      field('value', 2, Type.MESSAGE, optional, { typeName: `.${PACKAGE}.Value` }),
    ],
    options: { mapEntry: true },
  };
}

const recordProtoFile: FileDescriptorProto = create(FileDescriptorProtoSchema, {
  name: 'aialgs/data/record.proto',
  package: PACKAGE,
  syntax: 'proto2',
  messageType: [
    tensor('Float32Tensor', Type.FLOAT),
    tensor('Float64Tensor', Type.DOUBLE),
    tensor('Int32Tensor', Type.INT32),
    {
      name: 'Bytes',
      field: [
        field('value', 1, Type.BYTES, repeated),
        field('content_type', 2, Type.STRING, optional),
      ],
    },
    {
      name: 'Value',
      field: [
        ['float32_tensor', 2, 'Float32Tensor'] as const,
        ['float64_tensor', 3, 'Float64Tensor'] as const,
        ['int32_tensor', 7, 'Int32Tensor'] as const,
        ['bytes', 9, 'Bytes'] as const,
      ].map(([name, number, message]) =>
        field(name, number, Type.MESSAGE, optional, {
          typeName: `.${PACKAGE}.${message}`,
          oneofIndex: 0,
        }),
      ),
      oneofDecl: [{ name: 'value' }],
    },
    {
      name: 'Record',
      field: [
        field('features', 1, Type.MESSAGE, repeated, {
          typeName: `.${PACKAGE}.Record.FeaturesEntry`,
        }),
        field('label', 2, Type.MESSAGE, repeated, { typeName: `.${PACKAGE}.Record.LabelEntry` }),
        field('uid', 3, Type.STRING, optional),
        field('metadata', 4, Type.STRING, optional),
        field('configuration', 5, Type.STRING, optional),
      ],
      nestedType: [mapEntry('FeaturesEntry'), mapEntry('LabelEntry')],
    },
  ],
});

const registry = createFileRegistry(recordProtoFile, () => undefined);

function message<T extends Message>(name: string): GenMessage<T> {
  const desc = registry.getMessage(`${PACKAGE}.${name}`);
  if (desc === undefined) throw new Error(`record schema lacks ${name}`);
  return desc as unknown as GenMessage<T>;
}

/** A dense (no `keys`) or sparse tensor of float32 values. */
export type Float32Tensor = Message<'aialgs.data.Float32Tensor'> & {
  values: number[];
  /** Positions of `values` in a sparse tensor; empty for a dense one. */
  keys: bigint[];
  /** Shape of a sparse tensor (the number of columns for the SDK's sparse writer). */
  shape: bigint[];
};
/** A dense or sparse tensor of float64 values. */
export type Float64Tensor = Message<'aialgs.data.Float64Tensor'> & {
  values: number[];
  keys: bigint[];
  shape: bigint[];
};
/** A dense or sparse tensor of int32 values. */
export type Int32Tensor = Message<'aialgs.data.Int32Tensor'> & {
  values: number[];
  keys: bigint[];
  shape: bigint[];
};
/** Opaque binary values (not written by the SDK's writers). */
export type BytesValue = Message<'aialgs.data.Bytes'> & {
  value: Uint8Array[];
  contentType: string;
};
/** One feature or label value: exactly one kind of tensor, or bytes. */
export type RecordValue = Message<'aialgs.data.Value'> & {
  value:
    | { case: 'float32Tensor'; value: Float32Tensor }
    | { case: 'float64Tensor'; value: Float64Tensor }
    | { case: 'int32Tensor'; value: Int32Tensor }
    | { case: 'bytes'; value: BytesValue }
    | { case: undefined; value?: undefined };
};
/**
 * One decoded `aialgs.data.Record`. The SDK's writers put the row under `features.values` and
 * its label under `label.values`.
 */
export type RecordMessage = Message<'aialgs.data.Record'> & {
  features: { [key: string]: RecordValue };
  label: { [key: string]: RecordValue };
  uid: string;
  metadata: string;
  configuration: string;
};

/** Descriptor of {@link Float32Tensor}. */
export const Float32TensorSchema = message<Float32Tensor>('Float32Tensor');
/** Descriptor of {@link Float64Tensor}. */
export const Float64TensorSchema = message<Float64Tensor>('Float64Tensor');
/** Descriptor of {@link Int32Tensor}. */
export const Int32TensorSchema = message<Int32Tensor>('Int32Tensor');
/** Descriptor of {@link BytesValue}. */
export const BytesValueSchema = message<BytesValue>('Bytes');
/** Descriptor of {@link RecordValue}. */
export const RecordValueSchema = message<RecordValue>('Value');
/** Descriptor of {@link RecordMessage}; use with `fromBinary`, `toBinary` and `create`. */
export const RecordSchema = message<RecordMessage>('Record');
