import { MAX_CONFIG_DEPTH } from './configDepth.js';
import { rootShapeOf, type ConfigKind } from './configKind.js';
import { childPath, indexPath, isPlainObject } from './configPath.js';
import { ConfigValidationError } from './ConfigValidationError.js';
import { SHAPES } from './generated/shapes.js';

// Decimal notation as Python's int()/float() read it, surrounding whitespace allowed; no hex, no
// "NaN" or "Infinity" (the API takes neither).
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const BOOLEANS: Readonly<Record<string, boolean>> = {
  true: true,
  True: true,
  false: false,
  False: false,
};

/** Refuses a value nested deeper than any request, cycles included, before the stack does. */
class TooDeep extends Error {
  constructor(readonly path: string) {
    super(`too deep at ${path}`);
  }
}

function copy(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_CONFIG_DEPTH) throw new TooDeep(path);
  if (Array.isArray(value)) return value.map((v, i) => copy(v, indexPath(path, i), depth + 1));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, copy(v, childPath(path, k), depth + 1)]),
    );
  }
  return value;
}

function coerce(
  shapeName: string | undefined,
  value: unknown,
  path: string,
  depth: number,
): unknown {
  const shape = shapeName === undefined ? undefined : SHAPES[shapeName];
  if (!shape) return copy(value, path, depth);
  if (depth > MAX_CONFIG_DEPTH) throw new TooDeep(path);
  switch (shape.t) {
    case 'structure': {
      if (!isPlainObject(value)) return copy(value, path, depth);
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) {
        const memberShape = Object.hasOwn(shape.m, key) ? shape.m[key] : undefined;
        out[key] = coerce(memberShape, member, childPath(path, key), depth + 1);
      }
      return out;
    }
    case 'list':
      return Array.isArray(value)
        ? value.map((item, i) => coerce(shape.m, item, indexPath(path, i), depth + 1))
        : copy(value, path, depth);
    case 'map':
      return isPlainObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [
              k,
              coerce(shape.v, v, childPath(path, k), depth + 1),
            ]),
          )
        : copy(value, path, depth);
    case 'integer':
    case 'long': {
      if (typeof value !== 'string' || !NUMBER.test(value)) return value;
      const n = Number(value);
      // Beyond 2^53 a number loses digits; leave the string for the validator to report.
      return Number.isSafeInteger(n) ? n : value;
    }
    case 'float':
    case 'double': {
      if (typeof value !== 'string' || !NUMBER.test(value)) return value;
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
    case 'boolean':
      // Own keys only: `in` would also find 'valueOf' or 'constructor' on Object.prototype.
      return typeof value === 'string' && Object.hasOwn(BOOLEANS, value) ? BOOLEANS[value] : value;
    default:
      return value;
  }
}

/**
 * Returns a copy of `config` in which strings standing where the API wants a number or a boolean
 * become one: `"3"` → `3` for integer, long, float and double members, `"true"`/`"True"` → `true`
 * and `"false"`/`"False"` → `false` for boolean members, inside lists and maps too. Rendered Jinja
 * templates always produce strings; this puts them back to their API types. The member types come
 * from the service model (every non-string member of the request, not a hand-picked list).
 *
 * Anything that does not convert cleanly (`"3.5"` for an integer, `"yes"` for a boolean) is left
 * as it is for {@link validateConfig} to report. String members are never changed. Pure: the input
 * is not modified.
 * @throws ConfigValidationError (rule `maxDepth`) when the config nests deeper than any request
 * can, a cyclic config included.
 * @example
 * const ready = coerceConfig('training', renderTemplates(config, context));
 */
export function coerceConfig(kind: ConfigKind, config: unknown): unknown {
  try {
    return coerce(rootShapeOf(kind), config, '', 0);
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    const message = `is nested deeper than ${MAX_CONFIG_DEPTH} levels`;
    throw new ConfigValidationError(kind, [
      { path: e.path, rule: 'maxDepth', message, severity: 'error' },
    ]);
  }
}
