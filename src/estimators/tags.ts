/** Python's `format_tags`. */
import { OptionTypeError } from '../errors.js';
import { pyStr } from '../pythonCompat/pyStr.js';
import type { Tags } from './types.js';

/** A tag object becomes `[{ Key, Value }]`; a list is kept as it is. */
export function formatTags(
  tags: Tags | undefined | null,
  option = 'tags',
): Record<string, string>[] | undefined {
  if (tags === undefined || tags === null) return undefined;
  if (Array.isArray(tags)) return tags.map((t) => ({ ...(t as Record<string, string>) }));
  if (typeof tags === 'object') {
    return Object.entries(tags).map(([k, v]) => ({ Key: k, Value: pyStr(v) }));
  }
  throw new OptionTypeError(
    option,
    tags,
    'a list of { Key, Value } objects or an object of key to value',
  );
}
