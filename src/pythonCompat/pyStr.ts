/**
 * Python's `str()` and `repr()` of the values a config can hold, so that hyperparameters and
 * tuning ranges come out as the same strings the Python SDK writes.
 * See https://docs.python.org/3/library/functions.html#repr
 */
import { InputLimitError } from '../errors.js';
import { MAX_INPUT_DEPTH } from '../internal/checkInput.js';
import { isPyFloat } from './pyFloat.js';

/** Python `repr(float)`: the shortest round-tripping digits, in Python's layout. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // JavaScript and Python agree on the shortest digits; they differ only in when to switch to
  // exponent notation (Python: exponent < -4 or >= 16, `float_repr_style` 'short'; JavaScript:
  // below 1e-6 or from 1e21) and in writing an integral float as an int. A fraction from 1e-4
  // (every one is below 2**53) is laid out alike by both: the common case of a hyperparameter,
  // written without the split and joins below (most of the cost of a config's floats).
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e16 && !Number.isInteger(value)) return String(value);
  const [mantissa = '', expText = '0'] = value.toExponential().split('e');
  const exponent = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const frac = digits.slice(1);
    const expSign = exponent < 0 ? '-' : '+';
    const expAbs = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0] ?? ''}${frac ? `.${frac}` : ''}e${expSign}${expAbs}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fracPart = digits.slice(exponent + 1);
  return `${sign}${intPart}.${fracPart || '0'}`;
}

/** Python `str(int)` for a JavaScript integer, exact beyond 2**53 as far as the double holds it. */
export function pyIntStr(value: number): string {
  return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
}

/** Python `str()` of a number: an integer prints as an int, anything else as a float. */
export function pyNumberStr(value: number): string {
  return Number.isInteger(value) ? pyIntStr(value) : pyFloatRepr(value);
}

// Characters Python's str.isprintable() rejects: categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs but space.
// Built on first use, from a string: as a literal, V8 checks and builds the Unicode classes when
// the module loads, about 1 ms of CPU that every program importing the root would pay (issue 18).
let nonPrintable: RegExp | undefined;
const isNonPrintable = (ch: string): boolean =>
  (nonPrintable ??= new RegExp('[\\p{C}\\p{Zl}\\p{Zp}\\p{Zs}]', 'u')).test(ch);

function escapeNonPrintable(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** Python `repr(str)`: single quotes unless the text holds `'` and no `"`. */
export function pyStrRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    // Printable ASCII needs no lookup (and no class built for it).
    else if (ch >= ' ' && ch <= '~') out += ch;
    else if (isNonPrintable(ch)) out += escapeNonPrintable(ch);
    else out += ch;
  }
  return out + quote;
}

/**
 * Python `repr()` of a JSON-like value (with {@link PyFloat} for integral floats).
 * @throws {@link sagemaker-workflow!InputLimitError} for a value nested deeper than the input limit, or cyclic.
 */
export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return pyStrRepr(value);
  return pyStrOrRepr(value, 0);
}

/**
 * Python `str()` of a JSON-like value (with {@link PyFloat} for integral floats).
 * @throws {@link sagemaker-workflow!InputLimitError} for a value nested deeper than the input limit, or cyclic.
 */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  return pyStrOrRepr(value, 0);
}

function reprInner(value: unknown, depth: number): string {
  if (typeof value === 'string') return pyStrRepr(value);
  return pyStrOrRepr(value, depth);
}

function pyStrOrRepr(value: unknown, depth: number): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumberStr(value);
  if (typeof value === 'bigint') return value.toString();
  if (isPyFloat(value)) return pyFloatRepr(value.value);
  // Counted on the way down rather than checked up front: the walk also enters class instances,
  // so a cycle through one, or a 10,000-deep value, is a typed error and never a stack overflow.
  if (typeof value === 'object' && depth >= MAX_INPUT_DEPTH) {
    throw new InputLimitError(
      'a value formatted as Python',
      `nested deeper than ${MAX_INPUT_DEPTH} levels (or cyclic)`,
    );
  }
  if (Array.isArray(value)) return `[${value.map((v) => reprInner(v, depth + 1)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pyStrRepr(k)}: ${reprInner(v, depth + 1)}`).join(', ')}}`;
  }
  return typeof value;
}
