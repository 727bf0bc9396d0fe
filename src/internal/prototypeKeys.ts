/**
 * Whether a `for-in` over an object literal (or an array) lists its own keys only: true unless
 * something enumerable was added to `Object.prototype` (or `Array.prototype`), which a `for-in`
 * over an empty one shows. Loops over objects the library has just made use it to skip an own-key
 * test per key.
 * @internal
 */
const EMPTY_OBJECT: object = Object.freeze({});
const EMPTY_ARRAY: object = Object.freeze([]);

function listsNothing(empty: object): boolean {
  for (const key in empty) return typeof key !== 'string';
  return true;
}

/** `for (key in literal)` lists the literal's own keys only. @internal */
export const forInListsOwnKeys = (): boolean => listsNothing(EMPTY_OBJECT);

/** `for (key in array)` lists the array's own keys only. @internal */
export const forInListsOwnIndexes = (): boolean => listsNothing(EMPTY_ARRAY);
