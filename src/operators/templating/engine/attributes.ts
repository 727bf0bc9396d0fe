/**
 * `x.name`, `x[key]` and `x[a:b:c]` as Jinja2's `SandboxedEnvironment` resolves them: methods
 * first for `.`, items first for `[]`, `_`-names unsafe, and here also every JavaScript name that
 * leads to the host (`constructor`, `__proto__`, `prototype`). Only own data properties of host
 * objects are read, and only whitelisted methods of str, list, dict and datetime exist.
 * @internal
 */
import type { Budget } from './limits.js';
import { isoformat, strftime } from './pyDates.js';
import { asDateTime, equal, failUndefined, iterate } from './pyText.js';
import { strMethods } from './strMethods.js';
import { forbiddenFault, renderFault } from './TemplateFault.js';
import {
  codePoints,
  dictGet,
  dictKeys,
  DictView,
  fromHost,
  kindOf,
  numberValue,
  ownData,
  PyBuiltin,
  PyFloat,
  PyTuple,
  sequenceItems,
  Undefined,
} from './values.js';

const HOST_NAMES = new Set([
  'constructor',
  'prototype',
  'caller',
  'callee',
  'arguments',
  '__proto__',
]);
const MUTATORS = new Set([
  'append',
  'extend',
  'insert',
  'pop',
  'remove',
  'reverse',
  'sort',
  'clear',
  'update',
  'setdefault',
  'popitem',
]);

/** Refuses the names that lead out of the sandbox, wherever they appear. @internal */
export function checkName(name: unknown): void {
  if (typeof name === 'string' && (name.startsWith('__') || HOST_NAMES.has(name))) {
    throw forbiddenFault(name);
  }
}

type Method = (
  self: never,
  args: unknown[],
  kwargs: Map<string, unknown>,
  budget: Budget,
) => unknown;

const STR_METHODS = strMethods((target, part) =>
  'attr' in part ? getAttr(target, part.attr, NO_BUDGET) : getItem(target, part.key, NO_BUDGET),
);

const SEQUENCE_METHODS: Record<string, Method> = {
  index: (self: unknown[], args) => {
    const at = iterate(self).findIndex((item) => equal(item, args[0]));
    if (at < 0) throw renderFault('ValueError: value is not in list');
    return at;
  },
  count: (self: unknown[], args) => iterate(self).filter((item) => equal(item, args[0])).length,
};

const DICT_METHODS: Record<string, Method> = {
  keys: (self: Map<unknown, unknown>) => new DictView(dictKeys(self), 'dict_keys'),
  values: (self: Map<unknown, unknown>) =>
    new DictView(
      dictKeys(self).map((k) => fromHost(dictGet(self, k), String(k))),
      'dict_values',
    ),
  items: (self: Map<unknown, unknown>) =>
    new DictView(
      dictKeys(self).map((k) => new PyTuple([k, fromHost(dictGet(self, k), String(k))])),
      'dict_items',
    ),
  get: (self: Map<unknown, unknown>, args, kwargs) => {
    const value = dictGet(self, args[0]);
    return value === undefined
      ? (args[1] ?? kwargs.get('default') ?? null)
      : fromHost(value, String(args[0]));
  },
};

const DATETIME_FIELDS: Record<string, (d: Date) => number> = {
  year: (d) => d.getUTCFullYear(),
  month: (d) => d.getUTCMonth() + 1,
  day: (d) => d.getUTCDate(),
  hour: (d) => d.getUTCHours(),
  minute: (d) => d.getUTCMinutes(),
  second: (d) => d.getUTCSeconds(),
  microsecond: (d) => d.getUTCMilliseconds() * 1000,
};

const DATETIME_METHODS: Record<string, Method> = {
  strftime: (self: unknown, args) => {
    if (typeof args[0] !== 'string')
      throw renderFault('TypeError: strftime() argument 1 must be str');
    return strftime(asDateTime(self), args[0]);
  },
  isoformat: (self: unknown, args) =>
    isoformat(asDateTime(self), typeof args[0] === 'string' ? args[0] : 'T'),
  timestamp: (self: unknown) => new PyFloat(asDateTime(self).ms / 1000),
  weekday: (self: unknown) => (new Date(asDateTime(self).ms).getUTCDay() + 6) % 7,
  isoweekday: (self: unknown) => ((new Date(asDateTime(self).ms).getUTCDay() + 6) % 7) + 1,
};

/** A budget for `format` field lookups, which build nothing. */
const NO_BUDGET = { size: () => undefined } as unknown as Budget;

function bind(name: string, method: Method, self: unknown, budget: Budget): PyBuiltin {
  return new PyBuiltin(name, (args, kwargs) => method(self as never, args, kwargs, budget));
}

function method(
  table: Record<string, Method>,
  name: string,
  self: unknown,
  budget: Budget,
): PyBuiltin | undefined {
  const found = Object.hasOwn(table, name) ? table[name] : undefined;
  return found ? bind(name, found, self, budget) : undefined;
}

/** The attribute `name` (Python's `getattr`), without the item fallback. */
function attribute(target: unknown, name: string, budget: Budget): unknown {
  switch (kindOf(target)) {
    case 'str':
      return method(STR_METHODS, name, target, budget);
    case 'list':
    case 'tuple':
      if (MUTATORS.has(name))
        throw renderFault(`templates cannot change values: .${name}() is not supported`);
      return method(SEQUENCE_METHODS, name, target, budget);
    case 'dict':
      if (MUTATORS.has(name))
        throw renderFault(`templates cannot change values: .${name}() is not supported`);
      return method(DICT_METHODS, name, target, budget);
    case 'datetime': {
      const field = Object.hasOwn(DATETIME_FIELDS, name) ? DATETIME_FIELDS[name] : undefined;
      if (field) return field(new Date(asDateTime(target).ms));
      return method(DATETIME_METHODS, name, target, budget);
    }
    case 'object':
    case 'callable':
      if (target instanceof PyBuiltin) return target.attrs(name);
      if (typeof target === 'function') return undefined;
      return fromOwn(target as object, name);
    default:
      return undefined;
  }
}

function fromOwn(target: object, name: string): unknown {
  const value = ownData(target, name);
  return value === undefined ? undefined : fromHost(value, name);
}

/** `target.name`: the attribute, else the item, else undefined. @internal */
export function getAttr(target: unknown, name: string, budget: Budget): unknown {
  checkName(name);
  if (target instanceof Undefined) failUndefined(target);
  const found = attribute(target, name, budget);
  if (found !== undefined) return found;
  if (kindOf(target) === 'dict') {
    const value = dictGet(target as Map<unknown, unknown>, name);
    if (value !== undefined) return fromHost(value, name);
  }
  return new Undefined(name, name.startsWith('_') && kindOf(target) !== 'dict');
}

function index(length: number, key: unknown): number | undefined {
  const kind = kindOf(key);
  if (kind !== 'int' && kind !== 'bool') return undefined;
  const i = numberValue(key);
  const at = i < 0 ? length + i : i;
  return at >= 0 && at < length ? at : undefined;
}

/** `target[key]`: the item, else (for a string key) the attribute, else undefined. @internal */
export function getItem(target: unknown, key: unknown, budget: Budget): unknown {
  checkName(key);
  if (target instanceof Undefined) failUndefined(target);
  if (key instanceof Undefined) failUndefined(key);
  const kind = kindOf(target);
  if (kind === 'str') {
    const cps = codePoints(target as string);
    const at = index(cps.length, key);
    if (at !== undefined) return cps[at];
  } else if (kind === 'list' || kind === 'tuple') {
    const items = sequenceItems(target);
    const at = index(items.length, key);
    if (at !== undefined) return fromHost(items[at], `[${at}]`);
  } else if (kind === 'dict') {
    const value = dictGet(target as Map<unknown, unknown>, key);
    if (value !== undefined) return fromHost(value, String(key));
  } else if (target instanceof PyBuiltin && typeof key === 'string') {
    const value = target.attrs(key);
    if (value !== undefined) return value;
  } else if (kind === 'object' && typeof key === 'string') {
    const value = fromOwn(target as object, key);
    if (value !== undefined) return value;
  }
  if (typeof key === 'string') {
    const found = attribute(target, key, budget);
    if (found !== undefined) return found;
    return new Undefined(key, key.startsWith('_') && kind !== 'dict');
  }
  return new Undefined(`[${String(key)}]`);
}

function sliceIndex(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (value instanceof Undefined) failUndefined(value);
  const kind = kindOf(value);
  if (kind !== 'int' && kind !== 'bool')
    throw renderFault('TypeError: slice indices must be integers or None');
  return numberValue(value);
}

/** `target[start:stop:step]` with Python's bounds. @internal */
export function getSlice(target: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  if (target instanceof Undefined) failUndefined(target);
  const kind = kindOf(target);
  if (kind !== 'str' && kind !== 'list' && kind !== 'tuple') {
    throw renderFault(`TypeError: '${kind}' object is not subscriptable`);
  }
  const items = kind === 'str' ? codePoints(target as string) : iterate(target);
  const n = items.length;
  const s = sliceIndex(step, 1);
  if (s === 0) throw renderFault('ValueError: slice step cannot be zero');
  const clamp = (i: number, low: number, high: number): number =>
    i < 0 ? Math.max(i + n, low) : Math.min(i, high);
  const from = clamp(sliceIndex(start, s > 0 ? 0 : n - 1), s > 0 ? 0 : -1, s > 0 ? n : n - 1);
  const to = clamp(sliceIndex(stop, s > 0 ? n : -n - 1), s > 0 ? 0 : -1, s > 0 ? n : n - 1);
  const out: unknown[] = [];
  for (let i = from; s > 0 ? i < to : i > to; i += s) out.push(items[i]);
  if (kind === 'str') return out.join('');
  return kind === 'tuple' ? new PyTuple(out) : out;
}
