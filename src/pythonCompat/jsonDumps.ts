/**
 * Python's `json.dumps()` with its defaults: `ensure_ascii=True`, separators `", "` and `": "`,
 * `NaN`/`Infinity` for non-finite floats, and Python's float digits.
 * See https://docs.python.org/3/library/json.html#json.dumps
 */
import { InputLimitError } from '../errors.js';
import { MAX_INPUT_DEPTH } from '../internal/checkInput.js';
import { isPyFloat } from './pyFloat.js';
import { pyFloatRepr, pyIntStr } from './pyStr.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function dumpString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    const code = value.charCodeAt(i);
    const escaped = ESCAPES[ch];
    if (escaped !== undefined) out += escaped;
    // UTF-16 code units, which is what Python writes for astral characters (surrogate pairs).
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

function dumpFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return pyFloatRepr(value);
}

function tooDeep(): InputLimitError {
  return new InputLimitError(
    'a value written as JSON',
    `nested deeper than ${MAX_INPUT_DEPTH} levels (or cyclic)`,
  );
}

function dump(value: unknown, depth: number): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return dumpString(value);
  if (typeof value === 'number')
    return Number.isInteger(value) ? pyIntStr(value) : dumpFloat(value);
  if (isPyFloat(value)) return dumpFloat(value.value);
  // The depth is counted here, not checked up front, because the walk also enters class
  // instances and other objects the input checks leave alone: a cycle through one of them, or a
  // 10,000-deep value, is a typed error and never a stack overflow.
  if (typeof value === 'object' && depth >= MAX_INPUT_DEPTH) throw tooDeep();
  if (Array.isArray(value)) return `[${value.map((v) => dump(v, depth + 1)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${dumpString(k)}: ${dump(v, depth + 1)}`).join(', ')}}`;
  }
  // Functions, symbols and the like have no JSON form; Python would refuse them too.
  return dumpString(typeof value);
}

/**
 * Python `json.dumps(value)` of a JSON-like value (with {@link PyFloat} for integral floats).
 * @throws {@link sagemaker-workflow!InputLimitError} for a value nested deeper than the input limit, or cyclic.
 */
export function jsonDumps(value: unknown): string {
  return dump(value, 0);
}
