/**
 * A Python `float` whose value is integral (`2.0`, `1e+16`, `-0.0`). JavaScript numbers cannot tell
 * `2` from `2.0`, but Python's `str()` and `json.dumps()` can (`"2"` vs `"2.0"`), and the configs
 * carry those strings. Wrap a number in `pyFloat()` where the Python code had a float literal;
 * non-integral numbers are floats already.
 */
const BRAND = Symbol.for('sagemaker-workflow.PyFloat');

/** A number that formats as a Python float. */
export class PyFloat {
  readonly [BRAND] = true;
  constructor(readonly value: number) {}
  /** The number itself, for arithmetic. */
  valueOf(): number {
    return this.value;
  }
  /** The number itself, for `JSON.stringify`. */
  toJSON(): number {
    return this.value;
  }
}

/** Marks `value` as a Python float, so that `2` formats as `"2.0"`. */
export const pyFloat = (value: number): PyFloat => new PyFloat(value);

/** True when `value` is a {@link PyFloat}. */
export function isPyFloat(value: unknown): value is PyFloat {
  return typeof value === 'object' && value !== null && BRAND in value;
}

/** A number as a Python program would hold it: a JavaScript number or a {@link PyFloat}. */
export type PyNumber = number | PyFloat;

/** The plain number behind a {@link PyNumber}. */
export const numberOf = (value: PyNumber): number => (isPyFloat(value) ? value.value : value);

/** True when a Python program would hold `value` as a float (not an int). */
export const isFloatLike = (value: unknown): boolean =>
  isPyFloat(value) || (typeof value === 'number' && !Number.isInteger(value));
