/**
 * Typed hyperparameters of the built-in algorithms. Python's `Hyperparameter` descriptor converts
 * each assigned value with its type (`int("3")`, `int(2.7)`, `float(1)`, `bool("False")`) and then
 * checks its ranges; the same conversion and checks happen here, with typed errors.
 */
import { OptionTypeError, ValidationError } from '../../errors.js';
import { jsonDumps } from '../../pythonCompat/jsonDumps.js';
import { isPyFloat, pyFloat, type PyFloat } from '../../pythonCompat/pyFloat.js';
import { pyStr } from '../../pythonCompat/pyStr.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import type { PyValue } from '../types.js';

/** The Python type a hyperparameter converts its value with. */
export type HyperparameterType = 'int' | 'float' | 'str' | 'bool' | 'list';

/** A range or set check (Python's `sagemaker.amazon.validation`). */
export type HyperparameterCheck =
  | { readonly gt: number }
  | { readonly ge: number }
  | { readonly lt: number }
  | { readonly le: number }
  | { readonly isin: readonly (string | number | boolean)[] }
  /** A comma-separated text whose trimmed items all belong to the set (Object2Vec's `comparator_list`). */
  | { readonly subsetOf: readonly string[] };

/** One hyperparameter of an algorithm: its API name, type, checks and what it accepts. */
export interface HyperparameterSpec {
  /** The name the algorithm reads, e.g. `predictor_type`. */
  readonly name: string;
  /**
   * The Python attribute, when it differs from `name` (KMeans' `max_iterations` sends
   * `local_lloyd_max_iter`); camelCased, it is the option and property name.
   * @default - `name`
   */
  readonly attribute?: string;
  readonly type: HyperparameterType;
  readonly checks: readonly HyperparameterCheck[];
  /** What is accepted, in words. */
  readonly accepts: string;
}

/** A value after conversion: int as number, float as {@link PyFloat}, str, bool or list. */
export type HyperparameterValue = number | PyFloat | string | boolean | PyValue[];

const INT_TEXT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
const FLOAT_TEXT =
  /^\s*[+-]?(?:(?:\d+(?:_\d+)*)?\.?\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?|\d+(?:_\d+)*\.|inf|infinity|nan)\s*$/i;

function toNumber(spec: HyperparameterSpec, value: unknown, kind: 'int' | 'float'): number {
  const option = spec.name;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (isPyFloat(value)) return value.value;
  if (typeof value === 'string') {
    const ok = kind === 'int' ? INT_TEXT.test(value) : FLOAT_TEXT.test(value);
    if (!ok) {
      throw new ValidationError(
        option,
        value,
        `${kind === 'int' ? 'an integer' : 'a number'}${spec.accepts ? ` (${spec.accepts})` : ''}`,
      );
    }
    const text = value.trim().replace(/_/g, '').toLowerCase();
    if (text.endsWith('inf') || text.endsWith('infinity'))
      return text.startsWith('-') ? -Infinity : Infinity;
    return text.endsWith('nan') ? NaN : Number(text);
  }
  throw new OptionTypeError(option, value, kind === 'int' ? 'an integer' : 'a number');
}

/** Python's `data_type(value)` for the spec's type. */
export function convertHyperparameter(
  spec: HyperparameterSpec,
  value: unknown,
): HyperparameterValue {
  switch (spec.type) {
    case 'int': {
      const n = toNumber(spec, value, 'int');
      if (!Number.isFinite(n)) throw new ValidationError(spec.name, value, 'a finite integer');
      return Math.trunc(n) + 0;
    }
    case 'float':
      return pyFloat(toNumber(spec, value, 'float'));
    case 'str':
      return pyStr(value);
    case 'bool':
      return pyTruthy(value);
    case 'list':
      if (typeof value === 'string') return Array.from(value);
      if (Array.isArray(value)) return [...(value as PyValue[])];
      if (typeof value === 'object' && value !== null && !isPyFloat(value))
        return Object.keys(value);
      throw new OptionTypeError(spec.name, value, 'a list');
  }
}

// Python's `str.strip()` strips what `str.isspace()` calls whitespace (not JavaScript's `\s`: no BOM).
const PY_SPACE =
  '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');
const pyStrip = (text: string): string => text.replace(PY_STRIP, '');

// Object2Vec's `_list_check_subset`: anything but a text fails.
const isSubset = (set: readonly string[], value: unknown): boolean =>
  typeof value === 'string' && value.split(',').every((item) => set.includes(pyStrip(item)));

const num = (v: HyperparameterValue): number | string | boolean | undefined =>
  isPyFloat(v)
    ? v.value
    : typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
      ? v
      : undefined;

function passes(check: HyperparameterCheck, value: HyperparameterValue): boolean {
  const v = num(value);
  if ('subsetOf' in check) return isSubset(check.subsetOf, v);
  if ('isin' in check) {
    // Python's `in` compares True with 1 and 1.0 with 1, so compare numbers by value.
    return check.isin.some(
      (e) => e === v || (typeof v !== 'string' && typeof e !== 'string' && Number(e) === Number(v)),
    );
  }
  if (typeof v !== 'number' && typeof v !== 'boolean') return false;
  const n = Number(v);
  if ('gt' in check) return n > check.gt;
  if ('ge' in check) return n >= check.ge;
  if ('lt' in check) return n < check.lt;
  return n <= check.le;
}

/**
 * Converts and checks one value; `null`/`undefined` are allowed and mean "not sent".
 * @throws {@link ValidationError} when a check fails or a text is not a number;
 * {@link OptionTypeError} when the value cannot be converted at all.
 */
export function coerceHyperparameter(
  spec: HyperparameterSpec,
  value: unknown,
): HyperparameterValue | undefined {
  if (value === undefined || value === null) return undefined;
  const converted = convertHyperparameter(spec, value);
  for (const check of spec.checks) {
    if (!passes(check, converted)) {
      throw new ValidationError(spec.name, value, spec.accepts || describeCheck(check));
    }
  }
  return converted;
}

function describeCheck(check: HyperparameterCheck): string {
  if ('subsetOf' in check) return `a comma-separated list of ${check.subsetOf.join(', ')}`;
  if ('isin' in check) return `one of ${check.isin.map((v) => JSON.stringify(v)).join(', ')}`;
  if ('gt' in check) return `a value greater than ${check.gt}`;
  if ('ge' in check) return `a value of at least ${check.ge}`;
  if ('lt' in check) return `a value less than ${check.lt}`;
  return `a value of at most ${check.le}`;
}

/** Python's `Hyperparameter.serialize_all`: `None` dropped, lists JSON-encoded, the rest `str()`. */
export function serializeHyperparameters(
  values: ReadonlyMap<string, HyperparameterValue | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of values) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? jsonDumps(value) : pyStr(value);
  }
  return out;
}

/**
 * Python's `Hyperparameter.validate(value)` on a raw value, without conversion: what the tuner
 * does with range bounds and categorical values (which are strings by then, so a numeric check
 * on them fails with Python's `TypeError`).
 * @throws {@link ValidationError} when a check fails; {@link OptionTypeError} when Python could
 * not even compare the value.
 */
export function validateRawHyperparameter(
  spec: HyperparameterSpec,
  value: unknown,
  option = spec.name,
): void {
  if (value === null || value === undefined) return;
  const raw = isPyFloat(value) ? value.value : value;
  for (const check of spec.checks) {
    let ok: boolean;
    if ('subsetOf' in check) {
      ok = isSubset(check.subsetOf, raw);
    } else if ('isin' in check) {
      ok = check.isin.some(
        (e) =>
          e === raw ||
          (typeof raw !== 'string' &&
            typeof e !== 'string' &&
            (typeof raw === 'number' || typeof raw === 'boolean') &&
            Number(e) === Number(raw)),
      );
    } else {
      if (typeof raw !== 'number' && typeof raw !== 'boolean') {
        throw new OptionTypeError(
          option,
          value,
          `a number to compare with ${describeCheck(check)} (${spec.name})`,
        );
      }
      const n = Number(raw);
      ok =
        'gt' in check
          ? n > check.gt
          : 'ge' in check
            ? n >= check.ge
            : 'lt' in check
              ? n < check.lt
              : n <= check.le;
    }
    if (!ok) throw new ValidationError(option, value, spec.accepts || describeCheck(check));
  }
}
