/**
 * Checks the writers' inputs the way Python's `write_numpy_to_dense_tensor` and
 * `write_spmatrix_to_sparse_tensor` do (same checks, same order), and turns them into typed
 * arrays of the tensor's element type so the encoder's loops see one array kind each.
 * @internal
 */
import { OptionTypeError, UnsupportedOptionError, ValidationError } from '../errors.js';
import { checkedKeyBytes } from './checkedKeyBytes.js';
import type { CsrMatrix, NumericArray } from './types.js';

/** Python's `_resolve_type` result: which tensor message a row goes into. */
export type TensorKind = 'Float32' | 'Float64' | 'Int32';
export type TensorValues = Float32Array | Float64Array | Int32Array;

export interface ResolvedColumn {
  readonly kind: TensorKind;
  readonly values: TensorValues;
}

export interface ResolvedDense {
  readonly rows: number;
  readonly cols: number;
  readonly features: ResolvedColumn;
  readonly labels: ResolvedColumn | undefined;
}

export interface ResolvedSparse extends ResolvedDense {
  readonly indices: ArrayLike<number>;
  readonly indptr: ArrayLike<number>;
  /** Each row's key bytes, when the index check counted them. */
  readonly keyBytes?: Int32Array;
}

const SUPPORTED_DTYPES = ['float32', 'float64', 'int64'] as const;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function numpyDTypeOf(data: NumericArray): string {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof BigInt64Array) return 'int64';
  if (data instanceof BigUint64Array) return 'uint64';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Uint32Array) return 'uint32';
  if (data instanceof Uint16Array) return 'uint16';
  if (data instanceof Uint8Array || data instanceof Uint8ClampedArray) return 'uint8';
  // A plain array: numpy makes bool from booleans, int64 from bigints, float64 from numbers.
  const first: unknown = data[0];
  if (typeof first === 'boolean') return 'bool';
  if (typeof first === 'bigint') return 'int64';
  return 'float64';
}

function isNumericArray(value: unknown): value is NumericArray {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** Python's `_resolve_type`: int64 → Int32, float64 → Float64, float32 → Float32, else refuse. */
function resolveKind(dtype: unknown, what: string): TensorKind {
  switch (dtype) {
    case 'int64':
      return 'Int32';
    case 'float64':
      return 'Float64';
    case 'float32':
      return 'Float32';
    default:
      throw new UnsupportedOptionError(`dtype of ${what}`, dtype, SUPPORTED_DTYPES, {
        detail: `Python raises "Unsupported dtype ${typeof dtype === 'string' ? dtype : typeof dtype} on array"; give dtype 'int64' to write other integer arrays as Int32 tensors`,
      });
  }
}

function elementError(what: string, index: number, value: unknown, kind: TensorKind): never {
  if (typeof value === 'boolean') {
    throw new UnsupportedOptionError(`dtype of ${what}`, 'bool', SUPPORTED_DTYPES, {
      detail: `Python raises "Unsupported dtype bool on array"`,
    });
  }
  if (kind === 'Int32' && (typeof value === 'number' || typeof value === 'bigint')) {
    throw new ValidationError(
      `${what}[${index}]`,
      typeof value === 'bigint' ? value.toString() : value,
      `an integer in the int32 range [${INT32_MIN}, ${INT32_MAX}] (Python: "Value out of range")`,
    );
  }
  throw new OptionTypeError(`${what}[${index}]`, value, 'a number');
}

/** Converts `data` to the tensor's element array, reusing it when it already is one. */
function toTensorValues(data: NumericArray, kind: TensorKind, what: string): TensorValues {
  switch (kind) {
    case 'Float32':
      if (data instanceof Float32Array) return data;
      return fillFloats(new Float32Array(data.length), data, what);
    case 'Float64':
      if (data instanceof Float64Array) return data;
      return fillFloats(new Float64Array(data.length), data, what);
    case 'Int32':
      if (data instanceof Int32Array) return data;
      return fillInts(new Int32Array(data.length), data, what);
  }
}

function fillFloats<T extends Float32Array | Float64Array>(
  out: T,
  data: NumericArray,
  what: string,
): T {
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    for (let i = 0; i < data.length; i++) out[i] = Number(data[i]);
    return out;
  }
  if (ArrayBuffer.isView(data)) {
    out.set(data);
    return out;
  }
  for (let i = 0; i < data.length; i++) {
    const v: unknown = data[i];
    if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'bigint') out[i] = Number(v);
    else elementError(what, i, v, 'Float64');
  }
  return out;
}

function fillInts(out: Int32Array, data: NumericArray, what: string): Int32Array {
  for (let i = 0; i < data.length; i++) {
    const v: unknown = data[i];
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) elementError(what, i, v, 'Int32');
      out[i] = v;
    } else if (typeof v === 'bigint') {
      if (v < INT32_MIN || v > INT32_MAX) elementError(what, i, v, 'Int32');
      out[i] = Number(v);
    } else {
      elementError(what, i, v, 'Int32');
    }
  }
  return out;
}

function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function checkShape(shape: unknown, what: string): readonly number[] {
  if (
    !Array.isArray(shape) ||
    !shape.every((d): d is number => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)
  ) {
    throw new OptionTypeError(`${what}.shape`, shape, 'an array of non-negative integers');
  }
  return shape;
}

interface Tensorish {
  readonly shape: readonly number[];
  readonly data: NumericArray;
  readonly dtype: unknown;
}

/** Accepts `{ shape, data, dtype? }`, a typed array or plain array (1-D), or an array of rows. */
function asTensorish(value: unknown, what: string, allowRows: boolean): Tensorish {
  if (isNumericArray(value)) {
    if (allowRows && Array.isArray(value) && value.length > 0 && value.every(Array.isArray)) {
      return fromRows(value as readonly (readonly number[])[], what);
    }
    return { shape: [value.length], data: value, dtype: undefined };
  }
  if (typeof value === 'object' && value !== null && 'data' in value) {
    const { data, shape, dtype } = value as { data: unknown; shape?: unknown; dtype?: unknown };
    if (!isNumericArray(data))
      throw new OptionTypeError(`${what}.data`, data, 'a typed array or an array of numbers');
    const checked = shape === undefined ? [data.length] : checkShape(shape, what);
    return { shape: checked, data, dtype };
  }
  throw new OptionTypeError(what, value, 'a matrix { shape, data, dtype? } or an array of rows');
}

function fromRows(rows: readonly (readonly number[])[], what: string): Tensorish {
  const cols = rows[0]?.length ?? 0;
  const data: number[] = [];
  rows.forEach((row, r) => {
    if (row.length !== cols) {
      throw new ValidationError(
        `${what}[${r}]`,
        `${row.length} values`,
        `rows of equal length (${cols})`,
      );
    }
    for (const v of row) data.push(v);
  });
  return { shape: [rows.length, cols], data, dtype: undefined };
}

function checkData(t: Tensorish, what: string): void {
  const size = t.shape.reduce((a, b) => a * b, 1);
  if (t.data.length !== size) {
    throw new ValidationError(
      `${what}.data`,
      `${t.data.length} values`,
      `${size} values for shape ${formatShape(t.shape)}`,
    );
  }
}

/**
 * Python's label checks: a vector whose length is one of the matrix's dimensions. Python then
 * indexes it by row, so a vector as long as the columns but shorter than the rows fails part
 * way (IndexError); here that is refused before anything is written.
 */
function resolveLabels(raw: unknown, shape: readonly number[]): ResolvedColumn | undefined {
  if (raw === undefined || raw === null) return undefined;
  const labels = asTensorish(raw, 'labels', false);
  if (labels.shape.length !== 1) {
    throw new ValidationError(
      'labels.shape',
      labels.shape,
      'a vector (1-D shape); Python: "Labels must be a Vector"',
    );
  }
  checkData(labels, 'labels');
  const length = labels.shape[0] ?? 0;
  if (!shape.includes(length)) {
    throw new ValidationError(
      'labels.shape',
      formatShape(labels.shape),
      `a length equal to the number of rows; Python: "Label shape ${formatShape(labels.shape)} not compatible with array shape ${formatShape(shape)}"`,
    );
  }
  const kind = resolveKind(labels.dtype ?? numpyDTypeOf(labels.data), 'labels');
  const rows = shape[0] ?? 0;
  if (length < rows) {
    throw new ValidationError(
      'labels.shape',
      formatShape(labels.shape),
      `at least one label per row (${rows}); Python raises IndexError`,
    );
  }
  return { kind, values: toTensorValues(labels.data, kind, 'labels') };
}

/** Python's checks of `write_numpy_to_dense_tensor`, in its order. */
export function resolveDense(array: unknown, labels: unknown): ResolvedDense {
  const matrix = asTensorish(array, 'array', true);
  if (matrix.shape.length !== 2) {
    throw new ValidationError(
      'array.shape',
      matrix.shape,
      'a matrix (2-D shape); Python: "Array must be a Matrix"',
    );
  }
  checkData(matrix, 'array');
  const resolvedLabels = resolveLabels(labels, matrix.shape);
  const kind = resolveKind(matrix.dtype ?? numpyDTypeOf(matrix.data), 'array');
  const [rows = 0, cols = 0] = matrix.shape;
  return {
    rows,
    cols,
    features: { kind, values: toTensorValues(matrix.data, kind, 'array') },
    labels: resolvedLabels,
  };
}

function isCsr(value: unknown): value is CsrMatrix {
  return (
    typeof value === 'object' &&
    value !== null &&
    'indptr' in value &&
    'indices' in value &&
    'data' in value &&
    'shape' in value
  );
}

function toIndexArray(data: unknown, what: string): ArrayLike<number> {
  if (!isNumericArray(data))
    throw new OptionTypeError(what, data, 'a typed array or an array of integers');
  if (data instanceof BigInt64Array || data instanceof BigUint64Array)
    return Float64Array.from(data, Number);
  if (Array.isArray(data) && data.some((v) => typeof v !== 'number')) {
    return Float64Array.from(data as readonly unknown[], (v, i) => {
      if (typeof v === 'bigint') return Number(v);
      throw new OptionTypeError(`${what}[${i}]`, v, 'an integer');
    });
  }
  return data as ArrayLike<number>;
}

/** Python's checks of `write_spmatrix_to_sparse_tensor`, plus the CSR invariants scipy keeps. */
export function resolveSparse(array: unknown, labels: unknown): ResolvedSparse {
  if (!isCsr(array)) {
    throw new OptionTypeError(
      'array',
      describeShape(array),
      'a sparse matrix in CSR form { shape, data, indices, indptr }; Python: "Array must be sparse"',
    );
  }
  const shape = checkShape(array.shape, 'array');
  if (shape.length !== 2) {
    throw new ValidationError(
      'array.shape',
      shape,
      'a matrix (2-D shape); Python: "Array must be a Matrix"',
    );
  }
  if (!isNumericArray(array.data)) {
    throw new OptionTypeError('array.data', array.data, 'a typed array or an array of numbers');
  }
  const resolvedLabels = resolveLabels(labels, shape);
  const kind = resolveKind(array.dtype ?? numpyDTypeOf(array.data), 'array');
  const [rows = 0, cols = 0] = shape;
  const indices = toIndexArray(array.indices, 'array.indices');
  const indptr = toIndexArray(array.indptr, 'array.indptr');
  const nnz = array.data.length;
  if (
    indptr.length !== rows + 1 ||
    indptr[0] !== 0 ||
    indptr[rows] !== nnz ||
    indices.length !== nnz
  ) {
    throw new ValidationError(
      'array',
      `indptr of ${indptr.length}, indices of ${indices.length}, data of ${nnz}`,
      `CSR arrays: indptr of rows + 1 (${rows + 1}) starting at 0 and ending at the number of stored values, indices as long as data`,
    );
  }
  // Int32Array CSR arrays (scipy's) are checked by the kernels, row pointers and indices in one
  // read that counts the key bytes too; the loops below then run only to name a culprit.
  const counted =
    indices instanceof Int32Array && indptr instanceof Int32Array && cols >= 1
      ? checkedKeyBytes(indices, indptr, rows, Math.min(cols - 1, 0x7fffffff))
      : undefined;
  if (!counted) checkRowPointers(indptr, rows);
  if (counted === undefined ? !indicesInRange(indices, cols) : counted === false) {
    for (let i = 0; i < nnz; i++) {
      const c = indices[i] as number;
      if (!Number.isInteger(c) || c < 0 || c >= cols) {
        throw new ValidationError(`array.indices[${i}]`, c, `a column index in [0, ${cols})`);
      }
    }
  }
  return {
    rows,
    cols,
    features: { kind, values: toTensorValues(array.data, kind, 'array.data') },
    labels: resolvedLabels,
    indices,
    indptr,
    ...(counted ? { keyBytes: counted } : {}),
  };
}

/** Throws for the first row pointer that is not an integer or is below the one before it. */
function checkRowPointers(indptr: ArrayLike<number>, rows: number): void {
  for (let r = 0; r < rows; r++) {
    const a = indptr[r] as number;
    const b = indptr[r + 1] as number;
    if (!Number.isInteger(b) || b < a)
      throw new ValidationError(`array.indptr[${r + 1}]`, b, 'a non-decreasing integer');
  }
}

/**
 * Whether every index is an integer in `[0, cols)`, checked without a branch per element for
 * scipy's int32 indices (a column index out of range sets the sign bit of `c` or of
 * `cols - 1 - c`); `false` means "find the culprit", which the caller does element by element.
 */
function indicesInRange(indices: ArrayLike<number>, cols: number): boolean {
  if (!(indices instanceof Int32Array) || cols < 1) return false;
  const last = Math.min(cols - 1, 0x7fffffff);
  let bad = 0;
  for (let i = 0; i < indices.length; i++) {
    const c = indices[i] as number;
    bad |= c | (last - c);
  }
  return bad >= 0;
}

function describeShape(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'shape' in value) {
    return { shape: value.shape };
  }
  return isNumericArray(value) ? `array of ${value.length}` : value;
}
