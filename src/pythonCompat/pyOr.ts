/** `pyOr`: Python's `a or b`, so that an `or` reproduced from Python has a name. */
import { pyTruthy } from './truthy.js';

/**
 * Python's `value or fallback()`: `value` when it is truthy to Python, else the fallback (called
 * only then, as Python evaluates `b` only then). Unlike `??`, `''`, `0`, `[]` and `{}` fall back.
 * @example
 * pyOr('', () => 'generated'); // 'generated'
 */
export function pyOr<T, U>(value: T | null | undefined, fallback: () => U): T | U {
  return pyTruthy(value) ? (value as T) : fallback();
}
