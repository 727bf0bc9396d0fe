import { forInListsOwnKeys } from './prototypeKeys.js';

/**
 * Drops the keys whose value is `undefined`, so optional request members are absent rather than
 * present-and-undefined (with `exactOptionalPropertyTypes` the two differ, and JSON drops them).
 * `record` is an object literal of the caller's, returned as it is when it has none to drop.
 * @internal
 */
export function defined<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  // for-in: no entry pairs allocated (this runs for every request member); without an own-key
  // test per key while the prototype lists nothing.
  if (forInListsOwnKeys()) {
    // Callers pass a literal of their own: with nothing to drop, it is the answer itself.
    let drops = false;
    for (const key in record) {
      if (record[key] === undefined) {
        drops = true;
        break;
      }
    }
    if (!drops) return record as { [K in keyof T]: Exclude<T[K], undefined> };
    for (const key in record) {
      const value = record[key];
      if (value !== undefined) out[key] = value;
    }
  } else {
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const value = record[key];
      if (value !== undefined) out[key] = value;
    }
  }
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}
