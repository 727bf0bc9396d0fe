/**
 * Python's arithmetic and concatenation operators over the engine's values: int and float kept
 * apart (`4 / 2` is `2.0`), floor division and modulo with Python's signs, sequences repeated and
 * joined within the output limit.
 * @internal
 */
import { percentFormat } from './formatting.js';
import type { Budget } from './limits.js';
import { failUndefined, str } from './pyText.js';
import { renderFault } from './TemplateFault.js';
import {
  kindOf,
  numberValue,
  PyFloat,
  PyTuple,
  sequenceItems,
  typeName,
  Undefined,
} from './values.js';

function int(n: number): number {
  if (!Number.isSafeInteger(n)) {
    throw renderFault(
      'OverflowError: integer results beyond 2**53 are not supported by this engine',
    );
  }
  return n === 0 ? 0 : n;
}

function unsupported(op: string, a: unknown, b: unknown): never {
  throw renderFault(
    `TypeError: unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`,
  );
}

const isNum = (k: string): boolean => k === 'int' || k === 'float' || k === 'bool';

function repeat(seq: unknown, times: unknown, budget: Budget): unknown {
  const n = Math.max(0, numberValue(times));
  if (typeof seq === 'string') {
    budget.size(seq.length * n);
    return seq.repeat(n);
  }
  const items = sequenceItems(seq);
  budget.size(items.length * n);
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(...items);
  return seq instanceof PyTuple ? new PyTuple(out) : out;
}

function pyMod(x: number, y: number): number {
  const r = x % y;
  return r !== 0 && r < 0 !== y < 0 ? r + y : r;
}

/** Python's `left op right` for `+ - * / // % **` and Jinja's `~`. @internal */
export function binary(op: string, left: unknown, right: unknown, budget: Budget): unknown {
  const fails = (v: unknown): boolean => v instanceof Undefined && !(op === '~' && v.lenient);
  if (fails(left)) failUndefined(left as Undefined);
  if (fails(right)) failUndefined(right as Undefined);
  const ka = kindOf(left);
  const kb = kindOf(right);
  if (op === '~') {
    // str() prints the lenient undefined of an inline if without else as nothing.
    const text = str(left) + str(right);
    budget.size(text.length);
    return text;
  }
  if (op === '%' && ka === 'str') {
    const text = percentFormat(left as string, right);
    budget.size(text.length);
    return text;
  }
  if (isNum(ka) && isNum(kb)) return numeric(op, left, right, ka === 'float' || kb === 'float');
  if (op === '+') {
    if (ka === 'str' && kb === 'str') {
      budget.size((left as string).length + (right as string).length);
      return (left as string) + (right as string);
    }
    if ((ka === 'list' || ka === 'tuple') && ka === kb) {
      const items = [...sequenceItems(left), ...sequenceItems(right)];
      budget.size(items.length);
      return ka === 'tuple' ? new PyTuple(items) : items;
    }
  }
  if (op === '*') {
    const seq = (k: string): boolean => k === 'str' || k === 'list' || k === 'tuple';
    if (seq(ka) && (kb === 'int' || kb === 'bool')) return repeat(left, right, budget);
    if (seq(kb) && (ka === 'int' || ka === 'bool')) return repeat(right, left, budget);
  }
  return unsupported(op, left, right);
}

function numeric(op: string, left: unknown, right: unknown, float: boolean): unknown {
  const x = numberValue(left);
  const y = numberValue(right);
  const result = (n: number): unknown => (float ? new PyFloat(n) : int(n));
  const zero = (what: string): never => {
    throw renderFault(`ZeroDivisionError: ${what}`);
  };
  switch (op) {
    case '+':
      return result(x + y);
    case '-':
      return result(x - y);
    case '*':
      return result(x * y);
    case '/':
      if (y === 0) zero('division by zero');
      return new PyFloat(x / y);
    case '//':
      if (y === 0) zero('integer division or modulo by zero');
      return result(Math.floor(x / y));
    case '%':
      if (y === 0) zero('integer modulo by zero');
      return result(pyMod(x, y));
    case '**': {
      if (x === 0 && y < 0) zero('0.0 cannot be raised to a negative power');
      const value = x ** y;
      if (Number.isNaN(value) && !Number.isNaN(x) && !Number.isNaN(y)) {
        throw renderFault('ValueError: a negative number to a fractional power is complex');
      }
      return float || y < 0 ? new PyFloat(value) : int(value);
    }
    default:
      return unsupported(op, left, right);
  }
}

/** Python's unary `-` and `+`. @internal */
export function unary(op: '-' | '+', operand: unknown): unknown {
  if (operand instanceof Undefined) failUndefined(operand);
  const kind = kindOf(operand);
  if (!isNum(kind))
    throw renderFault(`TypeError: bad operand type for unary ${op}: '${typeName(operand)}'`);
  const x = numberValue(operand);
  const value = op === '-' ? -x : x;
  return kind === 'float' ? new PyFloat(value) : int(value);
}
