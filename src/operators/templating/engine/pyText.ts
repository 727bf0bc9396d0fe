/**
 * Python's `str()`, `repr()`, `bool()`, `len()`, iteration, `==` and ordering over the engine's
 * values (see `values.ts`), as Jinja2 applies them when it prints, tests and loops.
 * @internal
 */
import { datetimeRepr, datetimeStr } from './pyDates.js';
import { floatRepr, intText } from './pyNumbers.js';
import { limitFault, renderFault, TemplateFault, undefinedFault } from './TemplateFault.js';
import {
  codePoints,
  dictGet,
  DictView,
  PyRange,
  dictKeys,
  fromHost,
  isDict,
  kindOf,
  numberValue,
  ownData,
  PyBuiltin,
  PyDateTime,
  sequenceItems,
  typeName,
  Undefined,
} from './values.js';

/** Python's recursion limit is 1000 frames; nested values deeper than this fail in both. */
const MAX_VALUE_DEPTH = 400;

function tooDeep(depth: number): void {
  if (depth > MAX_VALUE_DEPTH) {
    throw limitFault('maxNestingDepth', `a value nested deeper than ${MAX_VALUE_DEPTH} levels`);
  }
}

/** Throws the error a `StrictUndefined` raises when it is used. @internal */
export function failUndefined(value: Undefined): never {
  if (value.forbidden)
    throw new TemplateFault(
      'forbidden',
      `access to ${JSON.stringify(value.name)} is not allowed`,
      value.name,
    );
  throw undefinedFault(value.name);
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\\]/gu;

/** `repr(str)`: single quotes unless the text has one and no double quote. @internal */
export function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = text.replace(NON_PRINTABLE, (ch) => {
    if (ch === ' ') return ' ';
    if (ch === '\\') return '\\\\';
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    const code = ch.codePointAt(0) ?? 0;
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
    if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
    return `\\U${code.toString(16).padStart(8, '0')}`;
  });
  return quote + (quote === "'" ? body.replaceAll("'", "\\'") : body) + quote;
}

function entries(dict: Record<string, unknown> | Map<unknown, unknown>): [unknown, unknown][] {
  return dictKeys(dict).map((key) => [key, fromHost(dictGet(dict, key), String(key))]);
}

function objectRepr(value: object, depth: number): string {
  const keys = Object.keys(value).filter((key) => ownData(value, key) !== undefined);
  const inner = keys.map(
    (key) => `${strRepr(key)}: ${repr(fromHost(ownData(value, key), key), depth + 1)}`,
  );
  return `{${inner.join(', ')}}`;
}

/** `repr(value)`. @internal */
export function repr(value: unknown, depth = 0): string {
  tooDeep(depth);
  const kind = kindOf(value);
  switch (kind) {
    case 'str':
      return strRepr(value as string);
    case 'list':
      return `[${(value as unknown[]).map((item, i) => repr(fromHost(item, `[${i}]`), depth + 1)).join(', ')}]`;
    case 'tuple': {
      if (value instanceof PyRange) return value.text;
      if (value instanceof DictView)
        return `${value.view}([${value.items.map((item) => repr(item, depth + 1)).join(', ')}])`;
      const items = sequenceItems(value).map((item) => repr(item, depth + 1));
      return items.length === 1 ? `(${items[0] ?? ''},)` : `(${items.join(', ')})`;
    }
    case 'dict':
      return `{${entries(value as Map<unknown, unknown>)
        .map(([k, v]) => `${repr(k, depth + 1)}: ${repr(v, depth + 1)}`)
        .join(', ')}}`;
    case 'datetime':
      return datetimeRepr(asDateTime(value));
    default:
      return str(value, depth);
  }
}

/** A datetime value as the engine's class. @internal */
export function asDateTime(value: unknown): PyDateTime {
  return value instanceof PyDateTime ? value : (fromHost(value, 'datetime') as PyDateTime);
}

/** `str(value)`, as `{{ value }}` prints it. @internal */
export function str(value: unknown, depth = 0): string {
  switch (kindOf(value)) {
    case 'undefined':
      if (value instanceof Undefined && value.lenient) return '';
      return failUndefined(value instanceof Undefined ? value : new Undefined('value'));
    case 'none':
      return 'None';
    case 'bool':
      return value ? 'True' : 'False';
    case 'int':
      return intText(value as number);
    case 'float':
      return floatRepr(numberValue(value));
    case 'str':
      return value as string;
    case 'datetime':
      return datetimeStr(asDateTime(value));
    case 'callable':
      return `<function ${value instanceof PyBuiltin ? value.name : 'callable'}>`;
    case 'object':
      return value instanceof PyBuiltin ? `<${value.name}>` : objectRepr(value as object, depth);
    default:
      return repr(value, depth);
  }
}

/** `bool(value)`; using an undefined value is an error, as with `StrictUndefined`. @internal */
export function truthy(value: unknown): boolean {
  switch (kindOf(value)) {
    case 'undefined':
      if ((value as Undefined).lenient) return false;
      return failUndefined(value as Undefined);
    case 'none':
      return false;
    case 'bool':
      return value as boolean;
    case 'int':
    case 'float':
      return numberValue(value) !== 0;
    case 'str':
      return (value as string).length > 0;
    case 'list':
    case 'tuple':
      return sequenceItems(value).length > 0;
    case 'dict':
      return dictKeys(value as Map<unknown, unknown>).length > 0;
    default:
      return true;
  }
}

/** `len(value)`. @internal */
export function length(value: unknown): number {
  switch (kindOf(value)) {
    case 'undefined':
      if ((value as Undefined).lenient) return 0;
      return failUndefined(value as Undefined);
    case 'str':
      return codePoints(value as string).length;
    case 'list':
    case 'tuple':
      return sequenceItems(value).length;
    case 'dict':
      return dictKeys(value as Map<unknown, unknown>).length;
    default:
      throw renderFault(`TypeError: object of type '${typeName(value)}' has no len()`);
  }
}

/** `iter(value)` as a list: items, characters, or dict keys. @internal */
export function iterate(value: unknown): unknown[] {
  switch (kindOf(value)) {
    case 'undefined':
      if ((value as Undefined).lenient) return [];
      return failUndefined(value as Undefined);
    case 'str':
      return codePoints(value as string);
    case 'list':
      return (value as unknown[]).map((item, i) => fromHost(item, `[${i}]`));
    case 'tuple':
      return [...sequenceItems(value)];
    case 'dict':
      return dictKeys(value as Map<unknown, unknown>);
    default:
      throw renderFault(`TypeError: '${typeName(value)}' object is not iterable`);
  }
}

/** Python's `a == b`. @internal */
export function equal(a: unknown, b: unknown, depth = 0): boolean {
  tooDeep(depth);
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'undefined') return failUndefined(a as Undefined);
  if (kb === 'undefined') return failUndefined(b as Undefined);
  const numeric = (k: string): boolean => k === 'int' || k === 'float' || k === 'bool';
  if (numeric(ka) && numeric(kb)) return numberValue(a) === numberValue(b);
  if (ka !== kb) return false;
  switch (ka) {
    case 'none':
      return true;
    case 'str':
      return a === b;
    case 'list':
    case 'tuple': {
      const x = iterate(a);
      const y = iterate(b);
      return x.length === y.length && x.every((item, i) => equal(item, y[i], depth + 1));
    }
    case 'dict': {
      const x = a as Map<unknown, unknown>;
      const y = b as Map<unknown, unknown>;
      const keys = dictKeys(x);
      if (keys.length !== dictKeys(y).length) return false;
      return keys.every((key) => {
        const other = dictGet(y, key);
        return (
          other !== undefined &&
          equal(fromHost(dictGet(x, key), ''), fromHost(other, ''), depth + 1)
        );
      });
    }
    case 'datetime': {
      const x = asDateTime(a);
      const y = asDateTime(b);
      return x.aware === y.aware && x.ms === y.ms;
    }
    default:
      return a === b;
  }
}

/** Python's ordering (`<`): negative, zero or positive; a `TypeError` across types. @internal */
export function compare(a: unknown, b: unknown, op: string, depth = 0): number {
  tooDeep(depth);
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'undefined') return failUndefined(a as Undefined);
  if (kb === 'undefined') return failUndefined(b as Undefined);
  const numeric = (k: string): boolean => k === 'int' || k === 'float' || k === 'bool';
  if (numeric(ka) && numeric(kb)) {
    const x = numberValue(a);
    const y = numberValue(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.NaN;
  }
  if (ka === kb && ka === 'str') {
    const x = a as string;
    const y = b as string;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ka === kb && (ka === 'list' || ka === 'tuple')) {
    const x = iterate(a);
    const y = iterate(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (!equal(x[i], y[i], depth + 1)) return compare(x[i], y[i], op, depth + 1);
    }
    return x.length - y.length;
  }
  if (ka === kb && ka === 'datetime' && asDateTime(a).aware === asDateTime(b).aware) {
    return asDateTime(a).ms - asDateTime(b).ms;
  }
  throw renderFault(
    `TypeError: '${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
  );
}

/** True for values `isDict` accepts. @internal */
export { isDict };
