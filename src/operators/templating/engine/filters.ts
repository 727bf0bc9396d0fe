/**
 * Jinja2's built-in filters that configs use, and Airflow's date filters (`ds`, `ts_nodash`, ...).
 * Filters that Jinja2 makes generators of (`map`, `select`, `reverse` on lists) give lists here.
 * @internal
 */
import type { Budget } from './limits.js';
import { isoformat, strftime } from './pyDates.js';
import { fixedDigits } from './pyNumbers.js';
import {
  asDateTime,
  compare,
  equal,
  failUndefined,
  iterate,
  length,
  repr,
  str,
  truthy,
} from './pyText.js';
import { percentFormat } from './formatting.js';
import { capitalize, pyStrip, PY_SPACE } from './strMethods.js';
import { renderFault } from './TemplateFault.js';
import { runTest } from './tests.js';
import { toJson } from './toJson.js';
import {
  codePoints,
  dictGet,
  dictKeys,
  fromHost,
  isDict,
  kindOf,
  numberValue,
  PyFloat,
  PyTuple,
  Undefined,
} from './values.js';

/** What a filter may use besides its arguments. @internal */
export interface FilterEnv {
  readonly budget: Budget;
  getAttr(target: unknown, name: string): unknown;
  getItem(target: unknown, key: unknown): unknown;
  add(left: unknown, right: unknown): unknown;
  filter(name: string, value: unknown, args: unknown[], kwargs: Map<string, unknown>): unknown;
}

type Filter = (
  value: unknown,
  args: unknown[],
  kwargs: Map<string, unknown>,
  env: FilterEnv,
) => unknown;

function opt(
  args: unknown[],
  kwargs: Map<string, unknown>,
  index: number,
  name: string,
  fallback: unknown,
): unknown {
  const value = index < args.length ? args[index] : kwargs.has(name) ? kwargs.get(name) : fallback;
  return value;
}

/** Jinja2's attribute path (`"a.b.0"`) used by `map`, `sort`, `sum` and friends. */
function attrGetter(
  env: FilterEnv,
  attribute: unknown,
  fallback?: unknown,
): (item: unknown) => unknown {
  if (attribute === undefined || attribute === null) return (item) => item;
  const parts = typeof attribute === 'string' ? attribute.split('.') : [attribute];
  return (item) => {
    let value = item;
    for (const part of parts) {
      value = env.getItem(
        value,
        typeof part === 'string' && /^\d+$/.test(part) ? Number(part) : part,
      );
    }
    if (value instanceof Undefined && fallback !== undefined) return fallback;
    return value;
  };
}

function sortKey(caseSensitive: boolean): (v: unknown) => unknown {
  return (v) => (!caseSensitive && typeof v === 'string' ? v.toLowerCase() : v);
}

function sorted(items: unknown[], key: (v: unknown) => unknown, reverse: boolean): unknown[] {
  const keyed = items.map((item) => [key(item), item] as const);
  keyed.sort((a, b) => (reverse ? compare(b[0], a[0], '<') : compare(a[0], b[0], '<')));
  return keyed.map(([, item]) => item);
}

function toInt(value: unknown, fallback: unknown, base: number): unknown {
  const kind = kindOf(value);
  if (kind === 'str') {
    const text = pyStrip(value as string, null, true, true).replaceAll('_', '');
    const body = text.replace(/^[+-]/, '');
    const prefixed =
      base === 16
        ? body.replace(/^0x/i, '')
        : base === 8
          ? body.replace(/^0o/i, '')
          : base === 2
            ? body.replace(/^0b/i, '')
            : body;
    const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
    if (
      prefixed !== '' &&
      codePoints(prefixed.toLowerCase()).every((c) => digits.includes(c)) &&
      !/^_|_$|__/.test(text)
    ) {
      const n = parseInt(prefixed, base) * (text.startsWith('-') ? -1 : 1);
      if (Number.isSafeInteger(n)) return n;
    }
    const f = toFloat(value, undefined);
    return f === undefined || !Number.isFinite(numberValue(f))
      ? fallback
      : Math.trunc(numberValue(f)) || 0;
  }
  if (kind === 'int' || kind === 'bool') return numberValue(value);
  if (kind === 'float') {
    const x = numberValue(value);
    return Number.isFinite(x) ? Math.trunc(x) || 0 : fallback;
  }
  return fallback;
}

function toFloat(value: unknown, fallback: unknown): unknown {
  const kind = kindOf(value);
  if (kind === 'int' || kind === 'bool' || kind === 'float') return new PyFloat(numberValue(value));
  if (kind !== 'str') return fallback;
  const text = pyStrip(value as string, null, true, true).toLowerCase();
  if (/^[+-]?(nan|inf|infinity)$/.test(text)) {
    const sign = text.startsWith('-') ? -1 : 1;
    return new PyFloat(text.includes('nan') ? Number.NaN : sign * Number.POSITIVE_INFINITY);
  }
  if (!/^[+-]?((\d(_?\d)*)(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)(e[+-]?\d(_?\d)*)?$/.test(text))
    return fallback;
  return new PyFloat(Number(text.replaceAll('_', '')));
}

function dateFilter(format: (value: unknown) => string): Filter {
  return (value) => {
    if (value === null) return null;
    if (kindOf(value) !== 'datetime')
      throw renderFault(`AttributeError: '${kindOf(value)}' object has no attribute 'strftime'`);
    return format(value);
  };
}

function pyRound(x: number, precision: number): number {
  if (!Number.isFinite(x)) return x;
  const text = fixedDigits(x, Math.max(precision, 0));
  return (x < 0 ? -1 : 1) * Number(text);
}

const WORD_BEGINNING = /([-\s({[<]+)/u;

/** The filters, by name. @internal */
export const FILTERS: Readonly<Record<string, Filter>> = {
  abs: (v) => {
    if (!['int', 'float', 'bool'].includes(kindOf(v)))
      throw renderFault(`TypeError: bad operand type for abs()`);
    const x = Math.abs(numberValue(v));
    return kindOf(v) === 'float' ? new PyFloat(x) : x;
  },
  attr: (v, a, _k, env) => env.getAttr(v, str(a[0])),
  capitalize: (v) => capitalize(str(v)),
  center: (v, a, k) => {
    const s = str(v);
    const width = Number(opt(a, k, 0, 'width', 80));
    const room = width - codePoints(s).length;
    if (room <= 0) return s;
    const left = Math.floor(room / 2) + (room & width & 1);
    return ' '.repeat(left) + s + ' '.repeat(room - left);
  },
  default: (v, a, k) => {
    const fallback = opt(a, k, 0, 'default_value', '');
    const boolean = truthy(opt(a, k, 1, 'boolean', false));
    return v instanceof Undefined || (boolean && !truthy(v)) ? fallback : v;
  },
  dictsort: (v, a, k) => {
    if (!isDict(v))
      throw renderFault('FilterArgumentError: You can only sort by either "key" or "value"');
    const caseSensitive = truthy(opt(a, k, 0, 'case_sensitive', false));
    const by = opt(a, k, 1, 'by', 'key');
    const reverse = truthy(opt(a, k, 2, 'reverse', false));
    const pairs = dictKeys(v).map(
      (key) => new PyTuple([key, fromHost(dictGet(v, key), String(key))]),
    );
    const pos = by === 'key' ? 0 : by === 'value' ? 1 : -1;
    if (pos < 0)
      throw renderFault('FilterArgumentError: You can only sort by either "key" or "value"');
    return sorted(pairs, (p) => sortKey(caseSensitive)((p as PyTuple).items[pos]), reverse);
  },
  escape: (v) =>
    str(v).replace(
      /[&<>'"]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&#34;' })[c] ?? c,
    ),
  first: (v) => iterate(v)[0] ?? new Undefined('first item'),
  float: (v, a, k) => toFloat(v, opt(a, k, 0, 'default', new PyFloat(0))),
  format: (v, a, k) => {
    if (a.length > 0 && k.size > 0)
      throw renderFault(
        "FilterArgumentError: can't handle positional and keyword arguments at the same time",
      );
    return percentFormat(str(v), k.size > 0 ? k : new PyTuple(a));
  },
  int: (v, a, k) => toInt(v, opt(a, k, 0, 'default', 0), Number(opt(a, k, 1, 'base', 10))),
  items: (v) => {
    if (!isDict(v)) throw renderFault('TypeError: can only get item pairs from a mapping.');
    return dictKeys(v).map((key) => new PyTuple([key, fromHost(dictGet(v, key), String(key))]));
  },
  join: (v, a, k, env) => {
    const sep = str(opt(a, k, 0, 'd', ''));
    const get = attrGetter(env, opt(a, k, 1, 'attribute', null));
    const out = iterate(v)
      .map((item) => str(get(item)))
      .join(sep);
    env.budget.size(out.length);
    return out;
  },
  last: (v) => {
    const items = iterate(v);
    return items.length === 0 ? new Undefined('last item') : items[items.length - 1];
  },
  length: (v) => length(v),
  list: (v) => iterate(v),
  lower: (v) => str(v).toLowerCase(),
  map: (v, a, k, env) => {
    const items = iterate(v);
    if (a.length === 0 && k.has('attribute')) {
      const get = attrGetter(
        env,
        k.get('attribute'),
        k.has('default') ? k.get('default') : undefined,
      );
      return items.map(get);
    }
    const [name, ...rest] = a;
    if (typeof name !== 'string')
      throw renderFault('FilterArgumentError: map requires a filter argument');
    return items.map((item) => env.filter(name, item, rest, k));
  },
  max: (v, a, k, env) => extreme(v, a, k, env, 1),
  min: (v, a, k, env) => extreme(v, a, k, env, -1),
  reject: (v, a) => iterate(v).filter((item) => !select(item, a)),
  rejectattr: (v, a, _k, env) =>
    iterate(v).filter((item) => !select(attrGetter(env, a[0])(item), a.slice(1))),
  replace: (v, a, k, env) => {
    const count = opt(a, k, 2, 'count', null);
    const method = env.getAttr(str(v), 'replace') as {
      call: (x: unknown[], y: Map<string, unknown>) => unknown;
    };
    return method.call([str(a[0]), str(a[1]), ...(count === null ? [] : [count])], new Map());
  },
  reverse: (v) => (typeof v === 'string' ? codePoints(v).reverse().join('') : iterate(v).reverse()),
  round: (v, a, k) => {
    const precision = Number(opt(a, k, 0, 'precision', 0));
    const method = opt(a, k, 1, 'method', 'common');
    if (!['common', 'ceil', 'floor'].includes(method as string))
      throw renderFault('FilterArgumentError: method must be common, ceil or floor');
    if (!['int', 'float', 'bool'].includes(kindOf(v)))
      throw renderFault(`TypeError: type ${kindOf(v)} doesn't define __round__ method`);
    const x = numberValue(v);
    if (method === 'common') return kindOf(v) === 'float' ? new PyFloat(pyRound(x, precision)) : x;
    const scale = 10 ** precision;
    return new PyFloat((method === 'ceil' ? Math.ceil(x * scale) : Math.floor(x * scale)) / scale);
  },
  select: (v, a) => iterate(v).filter((item) => select(item, a)),
  selectattr: (v, a, _k, env) =>
    iterate(v).filter((item) => select(attrGetter(env, a[0])(item), a.slice(1))),
  sort: (v, a, k, env) => {
    const reverse = truthy(opt(a, k, 0, 'reverse', false));
    const caseSensitive = truthy(opt(a, k, 1, 'case_sensitive', false));
    const get = attrGetter(env, opt(a, k, 2, 'attribute', null));
    return sorted(iterate(v), (item) => sortKey(caseSensitive)(get(item)), reverse);
  },
  string: (v) => str(v),
  sum: (v, a, k, env) => {
    const get = attrGetter(env, opt(a, k, 0, 'attribute', null));
    let total = opt(a, k, 1, 'start', 0);
    for (const item of iterate(v)) total = env.add(total, get(item));
    return total;
  },
  title: (v) =>
    str(v)
      .split(WORD_BEGINNING)
      .filter((part) => part !== '')
      .map((part) => {
        const [first = '', ...rest] = codePoints(part);
        return first.toUpperCase() + rest.join('').toLowerCase();
      })
      .join(''),
  tojson: (v, a, k) => toJson(v, opt(a, k, 0, 'indent', null)),
  trim: (v, a, k) => pyStrip(str(v), opt(a, k, 0, 'chars', null), true, true),
  unique: (v, a, k, env) => {
    const caseSensitive = truthy(opt(a, k, 0, 'case_sensitive', false));
    const get = attrGetter(env, opt(a, k, 1, 'attribute', null));
    const seen: unknown[] = [];
    return iterate(v).filter((item) => {
      const key = sortKey(caseSensitive)(get(item));
      if (seen.some((s) => equal(s, key))) return false;
      seen.push(key);
      return true;
    });
  },
  upper: (v) => str(v).toUpperCase(),
  wordcount: (v) => (str(v).match(/[\p{L}\p{N}_]+/gu) ?? []).length,
  ds: dateFilter((v) => strftime(asDateTime(v), '%Y-%m-%d')),
  ds_nodash: dateFilter((v) => strftime(asDateTime(v), '%Y%m%d')),
  ts: dateFilter((v) => isoformat(asDateTime(v))),
  ts_nodash: dateFilter((v) => strftime(asDateTime(v), '%Y%m%dT%H%M%S')),
  ts_nodash_with_tz: dateFilter((v) => isoformat(asDateTime(v)).replace(/[-:]/g, '')),
};

function select(item: unknown, args: readonly unknown[]): boolean {
  const [name, ...rest] = args;
  if (name === undefined) return truthy(item);
  return runTest(str(name), item, rest);
}

function extreme(
  v: unknown,
  a: unknown[],
  k: Map<string, unknown>,
  env: FilterEnv,
  sign: number,
): unknown {
  const caseSensitive = truthy(opt(a, k, 0, 'case_sensitive', false));
  const get = attrGetter(env, opt(a, k, 1, 'attribute', null));
  const items = iterate(v);
  if (items.length === 0)
    return new Undefined(sign > 0 ? 'max of an empty sequence' : 'min of an empty sequence');
  const key = (item: unknown): unknown => sortKey(caseSensitive)(get(item));
  return items.reduce((best, item) =>
    sign * compare(key(item), key(best), '>') > 0 ? item : best,
  );
}

const FILTER_ALIASES: Record<string, string> = { d: 'default', e: 'escape', count: 'length' };

/** The filter called `name`, or undefined. @internal */
export function findFilter(name: string): Filter | undefined {
  const key = Object.hasOwn(FILTER_ALIASES, name) ? (FILTER_ALIASES[name] ?? name) : name;
  return Object.hasOwn(FILTERS, key) ? FILTERS[key] : undefined;
}

/** Filters that accept an undefined value without failing. @internal */
export const UNDEFINED_OK = new Set(['default', 'd']);

export { repr, failUndefined, PY_SPACE };
