/**
 * Decoding the case files' value forms into our API's values: `$ref` (a built object), `$new` (a
 * value object), `$float` (a Python float), `$enum` (its value). `$ndarray` and `$csr` stay as
 * they are for the handlers that take them.
 */
import { pyFloat } from '../../src/pythonCompat/pyFloat.js';

export type ValueFactory = (args: readonly unknown[], kwargs: Record<string, unknown>) => unknown;

export class UnsupportedCaseError extends Error {
  override readonly name = 'UnsupportedCaseError';
}

const NON_FINITE: Record<string, number> = { inf: Infinity, '-inf': -Infinity, nan: NaN };

export function makeDecoder(
  refs: ReadonlyMap<string, unknown>,
  valueClasses: Readonly<Record<string, ValueFactory>>,
): (raw: unknown) => unknown {
  const decode = (raw: unknown): unknown => {
    if (Array.isArray(raw)) return raw.map(decode);
    if (raw === null || typeof raw !== 'object') return raw;
    const obj = raw as Record<string, unknown>;
    if ('$ref' in obj) {
      const name = String(obj.$ref);
      if (!refs.has(name)) throw new UnsupportedCaseError(`unknown $ref ${name}`);
      return refs.get(name);
    }
    if ('$float' in obj) {
      const v = obj.$float;
      return pyFloat(typeof v === 'string' ? (NON_FINITE[v] ?? Number(v)) : Number(v));
    }
    if ('$enum' in obj) return obj.value;
    if ('$new' in obj) {
      const cls = String(obj.$new);
      const factory = valueClasses[cls];
      if (!factory) throw new UnsupportedCaseError(`value class ${cls} is not supported yet`);
      const args = ((obj.args as unknown[] | undefined) ?? []).map(decode);
      const kwargs = decodeKwargs(
        (obj.kwargs as Record<string, unknown> | undefined) ?? {},
        decode,
      );
      return factory(args, kwargs);
    }
    if ('$ndarray' in obj || '$csr' in obj) return obj;
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, decode(v)]));
  };
  return decode;
}

export function decodeKwargs(
  kwargs: Record<string, unknown>,
  decode: (raw: unknown) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k, decode(v)]));
}

/** `instance_count` -> `instanceCount`. */
export const camel = (name: string): string =>
  name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * Python keyword arguments to our options object: names camelCased (with per-class renames),
 * `None` dropped (our options treat absent and `None` alike unless `keepNull` names the option).
 */
export function toProps(
  kwargs: Record<string, unknown>,
  renames: Readonly<Record<string, string>> = {},
  keepNull: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) {
    if (v === null && !keepNull.includes(k)) continue;
    out[renames[k] ?? camel(k)] = v;
  }
  return out;
}

/** Positional arguments placed under their parameter names. */
export function withPositional(
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  names: readonly string[],
  what: string,
): Record<string, unknown> {
  if (args.length > names.length)
    throw new UnsupportedCaseError(`${what}: ${args.length} positional arguments`);
  const out = { ...kwargs };
  args.forEach((a, i) => {
    out[names[i]!] = a;
  });
  return out;
}
