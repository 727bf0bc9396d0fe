/**
 * Runtime checks of caller input, for JavaScript callers and untyped data: each throws one of our
 * typed errors naming the option. Templates (`"{{ n }}"`) pass wherever a value may stand.
 * @internal
 */
import { OptionTypeError, UnsupportedOptionError } from '../errors.js';
import { isPyFloat } from '../pythonCompat/pyFloat.js';
import { isPlaceholder, type Templated } from '../templates.js';

/** A number (or a template), else {@link OptionTypeError}. */
export function checkNumber(option: string, value: unknown): Templated<number> {
  if (typeof value === 'number' || isPlaceholder(value)) return value;
  if (isPyFloat(value)) return value.value;
  throw new OptionTypeError(option, value, 'a number or an Airflow template such as "{{ n }}"');
}

export function optionalNumber(option: string, value: unknown): Templated<number> | undefined {
  return value === undefined || value === null ? undefined : checkNumber(option, value);
}

/** A string, else {@link OptionTypeError}. */
export function checkString(option: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw new OptionTypeError(option, value, 'a string');
}

export function optionalString(option: string, value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : checkString(option, value);
}

/** A boolean (or a template), else {@link OptionTypeError}. */
export function checkBoolean(option: string, value: unknown): Templated<boolean> {
  if (typeof value === 'boolean' || isPlaceholder(value)) return value;
  throw new OptionTypeError(option, value, 'true, false or an Airflow template');
}

export function optionalBoolean(option: string, value: unknown): Templated<boolean> | undefined {
  return value === undefined || value === null ? undefined : checkBoolean(option, value);
}

/** One of `allowed` (or a template), else {@link UnsupportedOptionError}. */
export function checkOneOf<T extends string>(
  option: string,
  value: unknown,
  allowed: readonly T[],
): Templated<T> {
  if (
    (typeof value === 'string' && (allowed as readonly string[]).includes(value)) ||
    isPlaceholder(value)
  ) {
    return value as Templated<T>;
  }
  throw new UnsupportedOptionError(option, value, allowed);
}

/** An array of strings (templates included), else {@link OptionTypeError}. */
export function checkStringList(option: string, value: unknown): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return [...value];
  throw new OptionTypeError(option, value, 'a list of strings');
}

export function optionalStringList(option: string, value: unknown): string[] | undefined {
  return value === undefined || value === null ? undefined : checkStringList(option, value);
}

/** A plain object, else {@link OptionTypeError}. */
export function checkRecord(option: string, value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  throw new OptionTypeError(option, value, 'an object');
}

/*
 * The same checks for a member `name` of `owner`, the option name put together only for an
 * error: constructors check dozens of members, most of them absent or fine.
 */

export function optionalStringOf(owner: string, name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : checkString(`${owner}.${name}`, value);
}

export function optionalNumberOf(
  owner: string,
  name: string,
  value: unknown,
): Templated<number> | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' ? value : checkNumber(`${owner}.${name}`, value);
}

export function numberOf(owner: string, name: string, value: unknown): Templated<number> {
  return typeof value === 'number' ? value : checkNumber(`${owner}.${name}`, value);
}

export function optionalBooleanOf(
  owner: string,
  name: string,
  value: unknown,
): Templated<boolean> | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? value : checkBoolean(`${owner}.${name}`, value);
}

export function optionalStringListOf(
  owner: string,
  name: string,
  value: unknown,
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return checkStringList(`${owner}.${name}`, value);
}
