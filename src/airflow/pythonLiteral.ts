/**
 * Python source literals for JSON-like values: what `ast.literal_eval` reads back as the same
 * value. A config written into a DAG file must stay byte-for-byte the config: strings escaped so
 * that no character is read differently, `None`/`True`/`False`, and ints apart from floats (Python's
 * `str(2)` is `"2"` but `str(2.0)` is `"2.0"`, see `PyFloat`).
 */
import { isPyFloat } from '../pythonCompat/pyFloat.js';
import { childPath, indexPath, isPlainObject } from '../operators/validation/configPath.js';
import { PythonLiteralError } from './errors.js';

/** Options of {@link pythonLiteral}. */
export interface PythonLiteralOptions {
  /**
   * Spaces per nesting level; 0 writes the literal on one line.
   * @default 4
   */
  readonly indent?: number;
  /**
   * Indentation already in front of the first line (where the literal is placed in the file).
   * @default 0
   */
  readonly baseIndent?: number;
}

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

/**
 * A Python `str` literal, ASCII only: printable ASCII as it is, everything else as `\n`, `\xNN`,
 * `\uNNNN` or `\UNNNNNNNN`. Lone surrogates (valid in a JavaScript string, and in a Python `str`)
 * become `\ud800`-style escapes, which Python reads back as the same code unit. Quoted as Python's
 * `repr` quotes: in single quotes, unless the text has a `'` and no `"`.
 */
export function pythonString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A surrogate pair is one code point in Python: write it as one \U escape.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += `\\U${hex(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000, 8)}`;
        i++;
        continue;
      }
    }
    switch (unit) {
      case 0x5c:
        out += '\\\\';
        continue;
      case 0x27:
      case 0x22:
        out += value[i] === quote ? `\\${quote}` : String.fromCharCode(unit);
        continue;
      case 0x0a:
        out += '\\n';
        continue;
      case 0x0d:
        out += '\\r';
        continue;
      case 0x09:
        out += '\\t';
        continue;
    }
    if (unit >= 0x20 && unit < 0x7f) out += String.fromCharCode(unit);
    else if (unit < 0x100) out += `\\x${hex(unit, 2)}`;
    else out += `\\u${hex(unit, 4)}`;
  }
  return `${out}${quote}`;
}

/** A Python `int` literal (any size) for an integral JavaScript number. */
function pythonInt(value: number): string {
  // Beyond 1e21 String() switches to exponent notation, which Python reads as a float.
  return Math.abs(value) < 1e21 ? String(value === 0 ? 0 : value) : BigInt(value).toString();
}

/** A Python `float` literal whose value is exactly `value`. */
function pythonFloat(value: number, path: string): string {
  if (!Number.isFinite(value)) {
    throw new PythonLiteralError(path, `${value} is not a number the SageMaker API accepts`);
  }
  if (Object.is(value, -0)) return '-0.0';
  // JavaScript's shortest round-trip digits are Python's too; only the form differs, and
  // `1e+21`, `1.5e-7` and `0.000001` are all valid Python float literals.
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

interface Writer {
  readonly indent: number;
  readonly seen: Set<object>;
}

function write(value: unknown, path: string, level: number, w: Writer): string {
  switch (typeof value) {
    case 'string':
      return pythonString(value);
    case 'boolean':
      return value ? 'True' : 'False';
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isInteger(value) ? pythonInt(value) : pythonFloat(value, path);
    case 'object':
      break;
    default:
      throw new PythonLiteralError(path, `a ${typeof value} has no literal`);
  }
  if (value === null) return 'None';
  if (isPyFloat(value)) return pythonFloat(value.value, path);
  if (w.seen.has(value)) throw new PythonLiteralError(path, 'the value contains itself');
  w.seen.add(value);
  try {
    const items: string[] = [];
    let open: string;
    let close: string;
    if (Array.isArray(value)) {
      [open, close] = ['[', ']'];
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) throw new PythonLiteralError(indexPath(path, i), 'a hole in a list');
        items.push(write(value[i], indexPath(path, i), level + 1, w));
      }
    } else if (isPlainObject(value)) {
      [open, close] = ['{', '}'];
      for (const [key, member] of Object.entries(value)) {
        // As JSON does: an absent optional member is simply not written.
        if (member === undefined) continue;
        items.push(`${pythonString(key)}: ${write(member, childPath(path, key), level + 1, w)}`);
      }
    } else {
      throw new PythonLiteralError(path, 'only plain objects, lists and scalars have literals');
    }
    if (items.length === 0) return `${open}${close}`;
    if (w.indent === 0) return `${open}${items.join(', ')}${close}`;
    const inner = ' '.repeat((level + 1) * w.indent);
    const outer = ' '.repeat(level * w.indent);
    return `${open}\n${items.map((item) => `${inner}${item},\n`).join('')}${outer}${close}`;
  } finally {
    w.seen.delete(value);
  }
}

/**
 * Writes `value` as Python source that `ast.literal_eval` reads back as the same value: objects
 * as dicts (keys in their order), arrays as lists, `null` as `None`, integral numbers as ints and
 * other numbers and `PyFloat`s as floats. `undefined` object members are left out.
 * @throws {@link PythonLiteralError} for NaN and infinities, functions, symbols, class instances
 * other than `PyFloat`, holes in arrays and values that contain themselves.
 * @example
 * pythonLiteral({ k: '3', n: 1, x: pyFloat(2), on: true, off: null }, { indent: 0 });
 * // "{'k': '3', 'n': 1, 'x': 2.0, 'on': True, 'off': None}"
 */
export function pythonLiteral(value: unknown, options: PythonLiteralOptions = {}): string {
  const indent = options.indent ?? 4;
  const text = write(value, '', 0, { indent, seen: new Set() });
  const base = options.baseIndent ?? 0;
  return base === 0 ? text : text.replaceAll('\n', `\n${' '.repeat(base)}`);
}
