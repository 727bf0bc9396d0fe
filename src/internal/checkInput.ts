/**
 * Checks at the boundary of every public constructor, builder, `retrieve` and RecordIO writer:
 * JavaScript callers and parsed JSON can pass anything, so the options must be an object, and no
 * value in them may be nested deeper or be longer than any real option is. Each failure is a
 * typed error naming the option, found before any work on the value (a 10^7-character string or
 * a 10,000-deep object is refused in microseconds, not after seconds or a stack overflow).
 * @internal
 */
import { InputLimitError, OptionTypeError } from '../errors.js';
import { isPlaceholder } from '../templates.js';
import { forInListsOwnIndexes, forInListsOwnKeys } from './prototypeKeys.js';
import { copyOf } from './copyOf.js';
import { Stamp } from './Stamp.js';

/** Nesting deeper than any option of the API (hyperparameters, tags, nested configs). */
export const MAX_INPUT_DEPTH = 64;
/**
 * Characters in one string: far above any API string (hyperparameter values 2,500, S3 URIs
 * 1,024, environment values 1,024 bytes) and below what makes a pattern or a copy slow.
 */
export const MAX_INPUT_STRING_LENGTH = 1_000_000;

/** An array or a plain object (of `Object.prototype` or none): what the checks look into. */
export function isWalkable(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `walk`'s answer for a subtree that may change: it holds an unfrozen object or a getter. */
const MUTABLE = -2;
/** `walk`'s answer for a value that is not a walkable object (it adds no level). */
const LEAF = -1;

/*
 * A subtree frozen all the way down cannot change once walked, and the same ones (a session, a
 * training run) reach every builder of a pipeline: each is walked once, and its height (levels of
 * walkable objects below it) is kept, so meeting it deeper still fails where a walk would. The
 * objects this library builds per call (an estimator's options, a run) carry it as a field (see
 * Stamp); a frozen object of the caller's, which can take no field, is noted in a table.
 */
const FROZEN_HEIGHTS = new WeakMap<object, number>();
/** Those of the caller's frozen objects that passed a type table, and the table (the last one). */
const TYPES_CHECKED = new WeakMap<object, object>();

/** The height of an object of ours frozen as walked, and the one type table it passed. */
class Walked extends Stamp {
  readonly #height: number;
  #typesChecked: object | undefined = undefined;

  private constructor(target: object, height: number) {
    super(target);
    this.#height = height;
  }

  static stamp(target: object, height: number): void {
    new Walked(target, height);
  }

  static heightOf(value: object): number | undefined {
    return #height in value ? value.#height : undefined;
  }

  static typesChecked(value: object): object | undefined {
    return #typesChecked in value ? value.#typesChecked : TYPES_CHECKED.get(value);
  }

  static noteTypesChecked(value: object, kinds: object): void {
    if (#typesChecked in value) value.#typesChecked = kinds;
    else TYPES_CHECKED.set(value, kinds);
  }
}

/** The height of a walked frozen subtree, or `undefined`. */
function heightOf(value: object): number | undefined {
  return Walked.heightOf(value) ?? FROZEN_HEIGHTS.get(value);
}

function depthError(option: string): InputLimitError {
  return new InputLimitError(option, `nested deeper than ${MAX_INPUT_DEPTH} levels (or cyclic)`);
}

/**
 * Walks `value` at `depth`; returns its height when it is immutable, else {@link MUTABLE}. Its
 * member `except` (its top level only) is left out, and then nothing is recorded for it.
 */
function walk(option: string, value: unknown, depth: number, except?: string): number {
  if (typeof value === 'string') {
    if (value.length > MAX_INPUT_STRING_LENGTH) {
      throw new InputLimitError(
        option,
        `a string of ${value.length} characters (at most ${MAX_INPUT_STRING_LENGTH})`,
      );
    }
    return LEAF;
  }
  if (typeof value !== 'object' || value === null || !isWalkable(value)) return LEAF;
  const known = heightOf(value);
  if (known !== undefined) {
    if (depth + known >= MAX_INPUT_DEPTH) throw depthError(option);
    return known;
  }
  if (depth >= MAX_INPUT_DEPTH) throw depthError(option);
  let height = 0;
  let frozen = Object.isFrozen(value);
  // Own enumerable data properties only: a getter is the caller's code, left for the reader.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (key === except) {
      frozen = false;
      continue;
    }
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!d) continue;
    if (!('value' in d)) {
      frozen = false;
      continue;
    }
    const below = walk(option, d.value, depth + 1);
    if (below === MUTABLE) frozen = false;
    else if (below + 1 > height) height = below + 1;
  }
  if (!frozen) return MUTABLE;
  FROZEN_HEIGHTS.set(value, height);
  return height;
}

/**
 * Freezes an object the caller has just made from a literal or a spread (own data properties
 * only, so its values are read without a descriptor each) and records its height: the walk then
 * meets it as a subtree already walked. Nothing is recorded, and the walk does the work when it
 * comes, if a string is over the limit or a member object is not one already walked. Never
 * throws; returns `value`.
 */
export function freezeWalked<T extends object>(value: T): T {
  const height = ownHeight(value);
  // Stamped before it is frozen (see Stamp).
  if (height !== undefined) Walked.stamp(value, height);
  return Object.freeze(value);
}

/**
 * Members up to which {@link frozenCopyOf} copies by assignment and stamps the copy. Past about
 * that many, V8 turns a copy made by assignment, or one given a field (the stamp), into a hash
 * table, and the freeze then rewrites every member: with 100 hyperparameters, about a quarter of
 * a training and transform pipeline.
 */
const FEW_MEMBERS = 16;

/**
 * {@link freezeWalked} of a copy of `value` (its own enumerable members, as `{ ...value }` takes
 * them): the copy a training run keeps of what its builder read. Never throws; `value` is left as
 * it is.
 */
export function frozenCopyOf<T extends object>(value: T): T {
  let members = 0;
  for (const _ in value) if (++members > FEW_MEMBERS) break;
  if (members <= FEW_MEMBERS) return freezeWalked(copyOf(value));
  // A spread copy stays a fast object (V8 clones the source's layout), frozen as it is; its
  // height goes in the table, as a field would make it a hash table.
  const copy = { ...value };
  const height = ownHeight(copy);
  Object.freeze(copy);
  if (height !== undefined) FROZEN_HEIGHTS.set(copy, height);
  return copy;
}

/** The height of a just-made object whose members are within the limits, else `undefined`. */
function ownHeight(value: object): number | undefined {
  // for-in without an own-key test each (the cost here): sound while nothing enumerable was
  // added to the prototypes, which a for-in over an empty object (or array) shows.
  if (!(Array.isArray(value) ? forInListsOwnIndexes() : forInListsOwnKeys())) return undefined;
  let height = 0;
  for (const key in value) {
    const member: unknown = (value as Record<string, unknown>)[key];
    if (typeof member === 'string') {
      if (member.length > MAX_INPUT_STRING_LENGTH) return undefined;
      continue;
    }
    if (typeof member !== 'object' || member === null) continue;
    const known = heightOf(member);
    if (known === undefined) return undefined;
    if (known + 1 > height) height = known + 1;
  }
  return height < MAX_INPUT_DEPTH ? height : undefined;
}

/** Throws {@link InputLimitError} when `value` holds a string or a nesting beyond the limits. */
export function checkInputLimits(option: string, value: unknown): void {
  walk(option, value, 0);
}

/**
 * {@link checkInputLimits} of an object literal the caller has just made (own data properties
 * only, so its members are read without a descriptor each): the same answer, for a builder that
 * passes options it put together to another. `depth`: the level `value` stands at (1 for a
 * member of the options, such as an estimator's copy of its hyperparameters).
 */
export function checkOwnLimits(option: string, value: object, depth = 0): void {
  if (!forInListsOwnKeys()) {
    walk(option, value, depth);
    return;
  }
  for (const key in value) walk(option, (value as Record<string, unknown>)[key], depth + 1);
}

/**
 * The options object of a constructor or builder: an object (not an array, string or
 * primitive) within the limits, else a typed error. `null`/`undefined` only when `optional`.
 */
export function checkOptionsObject(option: string, value: unknown, optional = false): void {
  if ((value === undefined || value === null) && optional) return;
  checkOptions(option, value);
}

/**
 * {@link checkOptionsObject} (not optional) without looking into the member `copied`, which the
 * constructor copies at once and checks as its copy ({@link checkOwnLimits} at depth 1). A walk
 * of the caller's object reads each member through its descriptor, most of the cost of making
 * an estimator with 100 hyperparameters, and the copy runs the getters the walk leaves unread.
 */
export function checkOptionsObjectExcept(option: string, value: unknown, copied: string): void {
  checkOptions(option, value, copied);
}

/** An options object within the limits, its member `except` (if any) left out of the walk. */
function checkOptions(option: string, value: unknown, except?: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new OptionTypeError(option, value, 'an options object');
  }
  walk(option, value, 0, except);
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

/** Option types {@link checkOptionTypes} knows. */
export type OptionKind = 'string' | 'number' | 'boolean' | 'stringList' | 'list' | 'record';

// The kind tables are module constants read on every construction: their entries are listed
// once, as two parallel arrays (read by index, no pair per entry).
interface KindList {
  readonly keys: readonly string[];
  readonly kinds: readonly OptionKind[];
  /** The table was frozen when listed (then the list is kept). */
  readonly frozen: boolean;
}
const ENTRIES = new WeakMap<object, KindList>();
function entriesOf(kinds: Readonly<Record<string, OptionKind>>): KindList {
  let entries = ENTRIES.get(kinds);
  if (entries === undefined) {
    const pairs = Object.entries(kinds);
    // A frozen table cannot change after it is listed; an unfrozen one is listed each time.
    const frozen = Object.isFrozen(kinds);
    entries = { keys: pairs.map(([key]) => key), kinds: pairs.map(([, kind]) => kind), frozen };
    if (frozen) ENTRIES.set(kinds, entries);
  }
  return entries;
}

/**
 * Checks the types of named members of an options object (each may also be `null`/`undefined`;
 * a string where a number or boolean stands must be an Airflow template): the type checks of the
 * compatible builders, which refuse what Python's would fail on and nothing more.
 */
export function checkOptionTypes(
  owner: string,
  options: object,
  kinds: Readonly<Record<string, OptionKind>>,
): void {
  if (Walked.typesChecked(options) === kinds) return;
  const o = options as Record<string, unknown>;
  // Only a walked frozen object whose member objects are walked frozen ones cannot change its
  // answer (a member's prototype included): those are checked once per table.
  const entries = entriesOf(kinds);
  let fixed = entries.frozen && heightOf(options) !== undefined;
  for (let i = 0; i < entries.keys.length; i++) {
    const key = entries.keys[i] as string;
    const kind = entries.kinds[i];
    const value = o[key];
    if (value === undefined || value === null) continue;
    if (fixed && typeof value === 'object' && heightOf(value) === undefined) fixed = false;
    switch (kind) {
      case 'string':
        if (typeof value !== 'string') throw typeError(owner, key, value, 'a string');
        break;
      case 'number':
        if (!(typeof value === 'number' && Number.isFinite(value)) && !isPlaceholder(value)) {
          throw typeError(owner, key, value, 'a finite number or an Airflow template');
        }
        break;
      case 'boolean':
        if (typeof value !== 'boolean' && !isPlaceholder(value)) {
          throw typeError(owner, key, value, 'true, false or an Airflow template');
        }
        break;
      case 'stringList':
        if (!isDenseArrayOf(value, (v) => typeof v === 'string')) {
          throw typeError(owner, key, value, 'a list of strings');
        }
        break;
      case 'list':
        if (!isDenseArrayOf(value, () => true)) {
          throw typeError(owner, key, value, 'a list (an array without holes)');
        }
        break;
      case 'record':
        if (typeof value !== 'object' || Array.isArray(value) || !isWalkable(value)) {
          throw typeError(owner, key, value, 'a plain object');
        }
        break;
    }
  }
  if (fixed) Walked.noteTypesChecked(options, kinds);
}

// The option's name is put together only for the error: most members are absent or fine.
function typeError(owner: string, key: string, value: unknown, expected: string): OptionTypeError {
  return new OptionTypeError(`${owner}.${key}`, value, expected);
}

/** An array with no holes whose every item passes `item`. */
export function isDenseArrayOf(value: unknown, item: (v: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!(i in value) || !item(value[i])) return false;
  return true;
}

const RETRIEVE_OPTION_TYPES: Readonly<Record<string, OptionKind>> = Object.freeze({
  framework: 'string',
  region: 'string',
  version: 'string',
  pyVersion: 'string',
  instanceType: 'string',
  acceleratorType: 'string',
  imageScope: 'string',
  containerVersion: 'string',
  distribution: 'record',
  baseFrameworkVersion: 'string',
  sdkVersion: 'string',
  inferenceTool: 'string',
});

/**
 * The options of `retrieve`: an object whose members have the types the lookup reads (a number
 * for `instanceType` used to fail as `includes is not a function`), else a typed error. Returns
 * a copy without its `null` members: Python's `None` for a keyword is the keyword left out, and
 * the lookup tests members against `undefined`.
 */
export function checkRetrieveOptions<T extends object>(options: T): T {
  checkOptionsObject('options', options);
  checkOptionTypes('options', options, RETRIEVE_OPTION_TYPES);
  for (const key of ['trainingCompilerConfig', 'serverlessInferenceConfig']) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined && value !== null && typeof value !== 'object') {
      throw new OptionTypeError(`options.${key}`, value, 'an object');
    }
  }
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== null)) as T;
}
