/**
 * The engine's values, as Python sees them. Context values are read as they are, never copied:
 * `null` is None, booleans are bool, integral numbers are int, other numbers (and `PyFloat`) are
 * float, strings are str, arrays are list, plain objects and `Map`s are dict, `Date`s are
 * Airflow's (pendulum) UTC datetimes, functions are callables. Templates make tuples, `Map` dicts
 * and datetimes of their own. Only own data properties of objects are ever read.
 * @internal
 */
import { isPyFloat, PyFloat } from '../../../pythonCompat/pyFloat.js';
import { forbiddenFault, renderFault } from './TemplateFault.js';

export { PyFloat, isPyFloat };

/** A name or member that is not there (Jinja2's `StrictUndefined`). @internal */
export class Undefined {
  constructor(
    /** What was looked up, for the error message. */
    readonly name: string,
    /** True when the lookup was refused rather than missing (a `SecurityError` when used). */
    readonly forbidden = false,
    /**
     * True for the default `Undefined` Jinja2 gives an inline `if` without `else`, even under
     * `StrictUndefined`: it prints as nothing, is false and iterates as empty.
     */
    readonly lenient = false,
  ) {}
}

/** A Python tuple. @internal */
export class PyTuple {
  constructor(readonly items: readonly unknown[]) {}
}

/** A Python `datetime`; `pendulum` ones (Airflow's) print with a `T`, as pendulum's `str()`. @internal */
export class PyDateTime {
  constructor(
    /** Wall-clock time as milliseconds since the epoch, read in UTC. */
    readonly ms: number,
    /** True for a UTC-aware datetime, false for a naive one. */
    readonly aware: boolean,
    readonly pendulum: boolean,
  ) {}
}

/** A callable or attribute holder made by the engine or by `airflowContext`. @internal */
export class PyBuiltin {
  constructor(
    readonly name: string,
    readonly call: ((args: unknown[], kwargs: Map<string, unknown>) => unknown) | undefined,
    readonly attrs: (name: string) => unknown = () => undefined,
  ) {}
}

/** Python's type of a value, as far as templates can tell. @internal */
export type Kind =
  | 'undefined'
  | 'none'
  | 'bool'
  | 'int'
  | 'float'
  | 'str'
  | 'list'
  | 'tuple'
  | 'dict'
  | 'datetime'
  | 'callable'
  | 'object';

const PLAIN = new Set<unknown>([Object.prototype, null]);
const constructorOf = (fn: unknown): unknown =>
  (Object.getPrototypeOf(fn) as { constructor: unknown }).constructor;
const CODE_CONSTRUCTORS = new Set<unknown>([
  Function,
  constructorOf(async function () {}),
  constructorOf(function* () {}),
  constructorOf(async function* () {}),
]);

/** True for plain objects and Maps, which templates see as dicts. @internal */
export function isDict(value: unknown): value is Record<string, unknown> | Map<unknown, unknown> {
  if (value instanceof Map) return true;
  return typeof value === 'object' && value !== null && PLAIN.has(Object.getPrototypeOf(value));
}

/** The Python type of `value`. @internal */
export function kindOf(value: unknown): Kind {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    case 'string':
      return 'str';
    case 'function':
      return 'callable';
    case 'object':
      if (value === null) return 'none';
      if (value instanceof Undefined) return 'undefined';
      if (isPyFloat(value)) return 'float';
      if (Array.isArray(value)) return 'list';
      if (value instanceof PyTuple) return 'tuple';
      if (value instanceof PyDateTime || value instanceof Date) return 'datetime';
      if (value instanceof PyBuiltin) return value.call ? 'callable' : 'object';
      return isDict(value) ? 'dict' : 'object';
    default:
      return 'object';
  }
}

/**
 * A value read from the caller's data, made safe to hold: non-integral numbers become floats,
 * `Date`s datetimes; the global object and the Function constructors are refused.
 * @internal
 */
export function fromHost(value: unknown, name: string): unknown {
  switch (typeof value) {
    case 'undefined':
      return new Undefined(name);
    case 'number':
      return Number.isInteger(value) ? value : new PyFloat(value);
    case 'bigint':
      if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) {
        return Number(value);
      }
      throw renderFault(`${name} is an integer beyond 2**53, which templates cannot hold`);
    case 'symbol':
      throw renderFault(`${name} is a Symbol, which templates cannot use`);
    case 'function':
      if (CODE_CONSTRUCTORS.has(value)) throw forbiddenFault(name);
      return value;
    case 'object':
      if (value === globalThis) throw forbiddenFault(name);
      if (value instanceof Date) {
        const ms = value.getTime();
        if (Number.isNaN(ms)) throw renderFault(`${name} is an invalid Date`);
        return new PyDateTime(ms, true, true);
      }
      return value;
    default:
      return value;
  }
}

/** The own data property `key` of a host object, never a getter or anything inherited. @internal */
export function ownData(target: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/** The keys of a dict, in insertion order. @internal */
export function dictKeys(dict: Record<string, unknown> | Map<unknown, unknown>): unknown[] {
  if (dict instanceof Map) return [...dict.keys()];
  return Object.keys(dict).filter((key) => ownData(dict, key) !== undefined);
}

/** Dict keys as a Map keeps them: 1, 1.0 and True are one key, as in Python. @internal */
export function dictKey(key: unknown): unknown {
  if (isPyFloat(key)) return key.value;
  if (typeof key === 'boolean') return key ? 1 : 0;
  return key;
}

/** `dict[key]`, or undefined when missing. @internal */
export function dictGet(
  dict: Record<string, unknown> | Map<unknown, unknown>,
  key: unknown,
): unknown {
  if (dict instanceof Map) return dict.get(dictKey(key));
  return typeof key === 'string' ? ownData(dict, key) : undefined;
}

/** The numeric value of a bool, int or float. @internal */
export function numberValue(value: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (isPyFloat(value)) return value.value;
  return value as number;
}

/** True for bool, int and float. @internal */
export function isNumeric(value: unknown): boolean {
  const kind = kindOf(value);
  return kind === 'int' || kind === 'float' || kind === 'bool';
}

/** Python's type name, for messages. @internal */
export function typeName(value: unknown): string {
  const kind = kindOf(value);
  return kind === 'none' ? 'NoneType' : kind === 'callable' ? 'function' : kind;
}

/** The items of a list or tuple. @internal */
export function sequenceItems(value: unknown): readonly unknown[] {
  return value instanceof PyTuple ? value.items : (value as readonly unknown[]);
}

/** Splits a string into code points, as Python indexes it. @internal */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/** What `dict.keys()`, `.values()` and `.items()` return: iterable, printed as Python's views. @internal */
export class DictView extends PyTuple {
  constructor(
    items: readonly unknown[],
    readonly view: 'dict_keys' | 'dict_values' | 'dict_items',
  ) {
    super(items);
  }
}

/** What `range()` returns: its items, printed as `range(0, 3)`. @internal */
export class PyRange extends PyTuple {
  constructor(
    items: readonly unknown[],
    readonly text: string,
  ) {
    super(items);
  }
}
