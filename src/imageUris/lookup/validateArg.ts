/** Python's `_validate_arg` of the image lookup. @internal */
import { UnsupportedOptionError } from '../../errors.js';

/** Python's `_validate_arg`: `arg` must be one of `options`. */
export function validateArg(
  arg: string | undefined,
  options: readonly string[],
  option: string,
  detail: string,
): asserts arg is string {
  if (arg === undefined || !options.includes(arg)) {
    throw new UnsupportedOptionError(option, arg ?? null, options, { detail });
  }
}
