/**
 * Parity call handlers for `sagemaker.amazon.common`'s RecordIO-protobuf writers. The case's
 * `file` argument is not in `args`: the handlers return the bytes written instead.
 */
import { OptionTypeError } from '../../../src/errors.js';
import { encodeDenseTensor, encodeSparseTensor } from '../../../src/recordio/index.js';
import type {
  CsrMatrix,
  DenseMatrix,
  NumericArray,
  RecordDType,
} from '../../../src/recordio/index.js';
import type { CallHandlers } from './types.js';

/** A numeric element: plain JSON, or `{"$float": ...}` for non-finite or integral floats. */
function decodeNumber(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && '$float' in value) {
    const f = value.$float;
    if (f === 'nan') return Number.NaN;
    if (f === 'inf') return Number.POSITIVE_INFINITY;
    if (f === '-inf') return Number.NEGATIVE_INFINITY;
    return Number(f);
  }
  return value;
}

function decodeArray(raw: unknown): NumericArray {
  if (!Array.isArray(raw)) throw new OptionTypeError('array data', raw, 'a JSON array');
  return raw.map(decodeNumber) as number[];
}

/** `{"$ndarray": {dtype, shape, data}}` as our dense matrix (numpy's dtype kept as given). */
function decodeNdarray(raw: unknown): DenseMatrix | undefined {
  if (typeof raw !== 'object' || raw === null || !('$ndarray' in raw)) return undefined;
  const { dtype, shape, data } = (
    raw as { $ndarray: { dtype: string; shape: number[]; data: unknown } }
  ).$ndarray;
  return { shape, data: decodeArray(data), dtype: dtype as RecordDType };
}

/** `{"$csr": {dtype, shape, data, indices, indptr}}` as our CSR matrix. */
function decodeCsr(raw: unknown): CsrMatrix | undefined {
  if (typeof raw !== 'object' || raw === null || !('$csr' in raw)) return undefined;
  const csr = (
    raw as {
      $csr: { dtype: string; shape: number[]; data: unknown; indices: number[]; indptr: number[] };
    }
  ).$csr;
  return {
    shape: csr.shape,
    data: decodeArray(csr.data),
    indices: csr.indices,
    indptr: csr.indptr,
    dtype: csr.dtype as RecordDType,
  };
}

export function decodeValue(raw: unknown): unknown {
  return decodeNdarray(raw) ?? decodeCsr(raw) ?? raw;
}

function labelsOption(kwargs: Readonly<Record<string, unknown>>): { labels?: DenseMatrix } {
  const labels = kwargs['labels'];
  if (labels === undefined || labels === null) return {};
  return { labels: decodeValue(labels) as DenseMatrix };
}

export const recordioCalls: CallHandlers = {
  'amazon.common.write_numpy_to_dense_tensor': (args, kwargs) =>
    encodeDenseTensor(decodeValue(args[0] ?? kwargs['array']) as DenseMatrix, labelsOption(kwargs)),
  'amazon.common.write_spmatrix_to_sparse_tensor': (args, kwargs) =>
    encodeSparseTensor(decodeValue(args[0] ?? kwargs['array']) as CsrMatrix, labelsOption(kwargs)),
};
