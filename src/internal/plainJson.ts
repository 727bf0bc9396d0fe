/**
 * The last guard of every builder: the config it built is plain JSON, whole. The members of an
 * object are read through their descriptors (a getter is a problem, never called), except in the
 * objects the builder noted as its own in a {@link NewObjects}, whose members it made as data.
 * @internal
 */
import { OptionTypeError } from '../errors.js';
import { isWalkable, MAX_INPUT_DEPTH } from './checkInput.js';
import { defined } from './defined.js';
import { forInListsOwnKeys } from './prototypeKeys.js';

/**
 * Objects a builder has just made, by literals (or `defined`, a copy) of its own, for the config
 * it is about to check: nobody else holds them yet, so their members are data (no getter can
 * have been put there) and the check reads them without a descriptor each, which was most of its
 * cost. One check trusts the set and closes it: an object handed back to the caller (or one that
 * left before the check) is walked as any other from then on.
 */
export class NewObjects {
  // A list, not a stamp on each object or a Set: a builder notes a dozen objects or so, and a
  // scan of a short list costs less than a field added to each or a hash table per call.
  readonly #objects: object[] = [];
  #open = true;

  /** Notes `value`, made by the builder as said above; returns it. */
  add<T extends object>(value: T): T {
    this.#objects.push(value);
    return value;
  }

  /** {@link defined} of a literal of the builder's, noted. */
  defined<T extends Record<string, unknown>>(
    record: T,
  ): { [K in keyof T]: Exclude<T[K], undefined> } {
    return this.add(defined(record));
  }

  /** Whether `value` is one of these and they are still trusted. */
  holds(value: object): boolean {
    return this.#open && this.#objects.includes(value);
  }

  close(): void {
    this.#open = false;
  }
}

/** What a config may hold: the JSON data model, as `JSON.stringify` would keep it whole. */
const PLAIN_JSON =
  'plain JSON (a string, finite number, boolean, null, array without holes or plain object); check the option that sets it';

/** What {@link jsonProblem} found: the value, and the path to it as steps from it upwards. */
interface JsonProblem {
  readonly value: unknown;
  readonly steps: string[];
}

// The path is put together only for a problem found: every builder checks its whole config, and
// a path string per member checked cost more than the check.
function jsonProblem(
  value: unknown,
  depth: number,
  made: NewObjects | undefined,
): JsonProblem | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { value, steps: [] };
  if (typeof value !== 'object' || depth >= MAX_INPUT_DEPTH) return { value, steps: [] };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return { value: undefined, steps: [`[${i}]`] };
      const bad = jsonProblem(value[i], depth + 1, made);
      if (bad) {
        bad.steps.push(`[${i}]`);
        return bad;
      }
    }
    return undefined;
  }
  if (made?.holds(value)) {
    // The builder's own literal: own data members only, listed by for-in as Object.keys lists
    // them (`made` is passed only while the prototype lists nothing).
    for (const key in value) {
      const member: unknown = (value as Record<string, unknown>)[key];
      const bad =
        member === undefined
          ? { value: undefined, steps: [] }
          : jsonProblem(member, depth + 1, made);
      if (bad) {
        bad.steps.push(`.${key}`);
        return bad;
      }
    }
    return undefined;
  }
  if (!isWalkable(value)) return { value, steps: [] };
  for (const key of Object.keys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!d || !('value' in d) || d.value === undefined) {
      return { value: undefined, steps: [`.${key}`] };
    }
    const bad = jsonProblem(d.value, depth + 1, made);
    if (bad) {
      bad.steps.push(`.${key}`);
      return bad;
    }
  }
  return undefined;
}

/**
 * Refuses a built config that `JSON.stringify` would not keep whole (NaN, Infinity, `undefined`,
 * holes, Maps, Dates, functions, cycles): the last guard of every builder, for a value that came
 * from an option no earlier check covers. The error names the config member, so the option that
 * sets it can be found. `made`: the objects of the config the builder made (closed here).
 */
export function checkPlainJson<T>(builder: string, config: T, made?: NewObjects): T {
  const bad = jsonProblem(config, 0, made && forInListsOwnKeys() ? made : undefined);
  made?.close();
  if (bad) throw new OptionTypeError(builder + bad.steps.reverse().join(''), bad.value, PLAIN_JSON);
  return config;
}
