/**
 * Checks at the boundary of every public constructor, builder, `retrieve` and RecordIO writer:
 * JavaScript callers and parsed JSON can pass anything, so the options must be an object, and no
 * value in them may be nested deeper or be longer than any real option is. Each failure is a
 * typed error naming the option, found before any work on the value (a 10^7-character string or
 * a 10,000-deep object is refused in microseconds, not after seconds or a stack overflow).
 * @internal
 */
import { InputLimitError, OptionTypeError } from '../errors.js';

/** Nesting deeper than any option of the API (hyperparameters, tags, nested configs). */
export const MAX_INPUT_DEPTH = 64;
/**
 * Characters in one string: far above any API string (hyperparameter values 2,500, S3 URIs
 * 1,024, environment values 1,024 bytes) and below what makes a pattern or a copy slow.
 */
export const MAX_INPUT_STRING_LENGTH = 1_000_000;

function isWalkable(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function walk(option: string, value: unknown, depth: number): void {
  if (typeof value === 'string') {
    if (value.length > MAX_INPUT_STRING_LENGTH) {
      throw new InputLimitError(
        option,
        `a string of ${value.length} characters (at most ${MAX_INPUT_STRING_LENGTH})`,
      );
    }
    return;
  }
  if (typeof value !== 'object' || value === null || !isWalkable(value)) return;
  if (depth >= MAX_INPUT_DEPTH) {
    throw new InputLimitError(option, `nested deeper than ${MAX_INPUT_DEPTH} levels (or cyclic)`);
  }
  // Own enumerable data properties only: a getter is the caller's code, left for the reader.
  for (const key of Object.keys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d && 'value' in d) walk(option, d.value, depth + 1);
  }
}

/** Throws {@link InputLimitError} when `value` holds a string or a nesting beyond the limits. */
export function checkInputLimits(option: string, value: unknown): void {
  walk(option, value, 0);
}

/**
 * The options object of a constructor or builder: an object (not an array, string or
 * primitive) within the limits, else a typed error. `null`/`undefined` only when `optional`.
 */
export function checkOptionsObject(option: string, value: unknown, optional = false): void {
  if ((value === undefined || value === null) && optional) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OptionTypeError(option, value, 'an options object');
  }
  checkInputLimits(option, value);
}

/**
 * An instance the call needs (an estimator, a model, a session): an object that answers
 * `isIt`, else {@link OptionTypeError} saying what was expected.
 */
export function checkInstance(
  option: string,
  value: unknown,
  isIt: (v: object) => boolean,
  expected: string,
): void {
  if (typeof value !== 'object' || value === null || !isIt(value)) {
    throw new OptionTypeError(option, value, expected);
  }
}
