import { InputLimitError } from '../errors.js';
import { MAX_INPUT_DEPTH } from './checkInput.js';

/**
 * Structural equality of JSON-like values, as Python's `==` on dicts and lists. Configs handed to
 * the exporters come from outside the builders, so the walk counts its depth: a 10,000-deep or
 * cyclic value is a typed error, never a stack overflow.
 * @throws {@link InputLimitError} past `MAX_INPUT_DEPTH` levels.
 * @internal
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  return equalAt(a, b, 0);
}

function equalAt(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (depth >= MAX_INPUT_DEPTH) {
    throw new InputLimitError(
      'a value compared with another',
      `nested deeper than ${MAX_INPUT_DEPTH} levels (or cyclic)`,
    );
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => equalAt(v, b[i], depth + 1));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        equalAt((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1),
    )
  );
}
