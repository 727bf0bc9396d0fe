/**
 * RecordIO-protobuf, the Amazon algorithms' data format: writers byte-identical to the Python
 * SDK's `sagemaker.amazon.common`, and a reader. Pure encoding: nothing here touches S3.
 *
 * @module sagemaker-workflow/recordio
 */
export { encodeDenseTensor, denseTensorChunks, writeDenseTensor } from './denseTensor.js';
export { encodeSparseTensor, sparseTensorChunks, writeSparseTensor } from './sparseTensor.js';
export {
  DEFAULT_MAX_RECORD_BYTES,
  readRecordIO,
  readRecords,
  readRecordsFromStream,
  type ReadRecordsFromStreamOptions,
} from './readRecords.js';
export { RecordIOFormatError, isRecordIOFormatError } from './RecordIOFormatError.js';
export {
  OutputBufferTooSmallError,
  isOutputBufferTooSmallError,
} from './OutputBufferTooSmallError.js';
export {
  RecordSchema,
  RecordValueSchema,
  Float32TensorSchema,
  Float64TensorSchema,
  Int32TensorSchema,
  BytesValueSchema,
} from './RecordSchema.js';
export type {
  RecordMessage,
  RecordValue,
  Float32Tensor,
  Float64Tensor,
  Int32Tensor,
  BytesValue,
} from './RecordSchema.js';
export type {
  RecordDType,
  NumericArray,
  DenseMatrix,
  DenseMatrixInput,
  Vector,
  VectorInput,
  CsrMatrix,
  WriteTensorOptions,
  EncodeOptions,
  WriteStreamOptions,
  ChunkOptions,
} from './types.js';
export type { ChunkSink } from './writeChunks.js';
