/**
 * Python values as a lookup over nested dicts, lists and strings sees them (the image-URI
 * registry): truthiness, `repr()`, `type()` names, and the operations that raise `KeyError`,
 * `TypeError` or `AttributeError` in Python, reported through the caller's typed error.
 */

/** A dict of a tree (Python's `dict` of str keys). */
export type PyDict = ReadonlyMap<string, PyTreeValue>;
/** A value of a tree: a string, a list of strings, or a dict. */
export type PyTreeValue = string | readonly string[] | PyDict;
/** A tree value, or Python's `None` (`undefined`). */
export type PyTree = PyTreeValue | undefined;

/** Python truthiness of a tree value or an option. */
export function truthy(v: PyTree | null): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (typeof v === 'string') return true;
  if (v instanceof Map) return v.size > 0;
  return (v as readonly string[]).length > 0;
}

/** Whether a tree value is a dict. */
export const isDict = (v: PyTree): v is PyDict => v instanceof Map;
/** Python's `repr()` of a tree value, as error texts quote it (a dict or list by its type). */
export const pyRepr = (v: PyTree | null): string =>
  v === undefined || v === null
    ? 'None'
    : typeof v === 'string'
      ? `'${v}'`
      : isDict(v)
        ? 'dict'
        : 'list';
/** Python's `type(v).__name__` of a tree value. */
export const pyType = (v: PyTree): string =>
  v === undefined ? 'NoneType' : typeof v === 'string' ? 'str' : isDict(v) ? 'dict' : 'list';

/** Python's `str()` of an optional string, as f-strings render it. */
export const pyStrOrNone = (v: string | undefined): string => (v === undefined ? 'None' : v);

/** Throws the caller's typed error for a Python exception (its name and a reason). */
export type PyFail = (pythonError: string, reason: string) => never;

/**
 * The Python operations a lookup applies to tree values (`d[k]`, `d.get(k)`, `k in d`, `list()`),
 * failing where Python raises, with the exception's name and a text close to Python's.
 */
export class PyOps {
  constructor(readonly fail: PyFail) {}

  /** `value[key]` */
  item(value: PyTree, key: string | undefined): PyTreeValue {
    if (isDict(value)) {
      const found = key === undefined ? undefined : value.get(key);
      return found ?? this.fail('KeyError', `the registry has no entry ${pyRepr(key)} here`);
    }
    if (value === undefined)
      return this.fail(
        'TypeError',
        `'NoneType' object is not subscriptable (reading ${pyRepr(key)})`,
      );
    return this.fail('TypeError', `${pyType(value)} indices must be integers, not ${pyRepr(key)}`);
  }

  /** `value.get(key)` (None for a missing key) */
  get(value: PyTree, key: string | undefined): PyTree {
    if (!isDict(value))
      return this.fail('AttributeError', `'${pyType(value)}' object has no attribute 'get'`);
    return key === undefined ? undefined : value.get(key);
  }

  /** `list(value.keys())` */
  keys(value: PyTree): string[] {
    if (!isDict(value))
      return this.fail('AttributeError', `'${pyType(value)}' object has no attribute 'keys'`);
    return [...value.keys()];
  }

  /** `needle in container` */
  contains(container: PyTree, needle: string | undefined): boolean {
    if (isDict(container)) return needle !== undefined && container.has(needle);
    if (Array.isArray(container)) return needle !== undefined && container.includes(needle);
    if (typeof container === 'string') {
      if (needle === undefined)
        return this.fail(
          'TypeError',
          "'in <string>' requires string as left operand, not NoneType",
        );
      return container.includes(needle);
    }
    return this.fail('TypeError', "argument of type 'NoneType' is not iterable");
  }

  /** A list of strings (`list(...)` of a registry list, or of a dict's keys). */
  list(value: PyTree): readonly string[] {
    if (isDict(value)) return [...value.keys()];
    if (Array.isArray(value)) return value as readonly string[];
    if (typeof value === 'string') return Array.from(value);
    return this.fail('TypeError', "'NoneType' object is not iterable");
  }

  /** A value used as a string (`str + str`, `"-".join`). */
  str(value: PyTree, what: string): string {
    if (typeof value === 'string') return value;
    return this.fail('TypeError', `${what} is ${pyType(value)}, not str`);
  }
}
