/**
 * The input limits remember frozen subtrees they walked (a session or a training run reaches every
 * builder of a pipeline): a remembered subtree met deeper still fails where a fresh walk would,
 * and an unfrozen one is walked afresh, so a change to it is seen.
 */
import { describe, expect, it } from 'vitest';
import { isInputLimitError } from '../../src/errors.js';
import { checkInputLimits, frozenCopyOf, MAX_INPUT_DEPTH } from '../../src/internal/checkInput.js';

/** `levels` nested objects, innermost `{ leaf: 'x' }`, frozen when `freeze`. */
function chain(levels: number, freeze: boolean): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 'x' };
  if (freeze) Object.freeze(value);
  for (let i = 1; i < levels; i++) {
    value = { next: value };
    if (freeze) Object.freeze(value);
  }
  return value;
}

/** `value` wrapped in `levels` fresh objects. */
function wrap(value: unknown, levels: number): unknown {
  let out = value;
  for (let i = 0; i < levels; i++) out = { inner: out };
  return out;
}

const fails = (value: unknown): boolean => {
  try {
    checkInputLimits('options', value);
    return false;
  } catch (error) {
    if (isInputLimitError(error)) return true;
    throw error;
  }
};

describe('checkInputLimits on frozen subtrees', () => {
  it('fails a remembered subtree met deeper exactly where a fresh walk fails', () => {
    // GIVEN a frozen chain of 10 objects, walked once at the top
    const frozen = chain(10, true);
    expect(fails(frozen)).toBe(false);
    // WHEN it is met again under wrappers, THEN the verdicts equal those of an unfrozen twin
    for (const levels of [MAX_INPUT_DEPTH - 11, MAX_INPUT_DEPTH - 10, MAX_INPUT_DEPTH - 9]) {
      expect(fails(wrap(frozen, levels))).toBe(fails(wrap(chain(10, false), levels)));
    }
    expect(fails(wrap(frozen, MAX_INPUT_DEPTH - 10))).toBe(false);
    expect(fails(wrap(frozen, MAX_INPUT_DEPTH - 9))).toBe(true);
  });

  it('walks an unfrozen object again, so a change made after a walk is seen', () => {
    // GIVEN an unfrozen object inside a frozen one, walked once
    const inner: Record<string, unknown> = { ok: 'x' };
    const outer = Object.freeze({ inner });
    expect(fails(outer)).toBe(false);
    // WHEN the inner object gets a string over the limit
    inner.long = 'y'.repeat(1_000_001);
    // THEN the next walk refuses it
    expect(fails(outer)).toBe(true);
  });

  it('does not read through a getter, and walks an object with one afresh', () => {
    // GIVEN a frozen object whose member is a getter
    let reads = 0;
    const value = Object.freeze(
      Object.defineProperty({}, 'lazy', {
        enumerable: true,
        get: () => {
          reads += 1;
          return 'x';
        },
      }),
    );
    // WHEN it is walked twice, THEN the getter never runs and nothing fails
    expect(fails(value)).toBe(false);
    expect(fails(value)).toBe(false);
    expect(reads).toBe(0);
  });
});

describe('frozenCopyOf', () => {
  /** A record of `count` members whose last one holds a frozen chain of `levels` objects. */
  function record(count: number, levels: number): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    for (let i = 0; i < count - 1; i++) value[`param_${i}`] = i % 2 ? i : `value-${i}`;
    value.nested = chain(levels, true);
    return value;
  }

  // Both sides of the size past which the copy is made differently (a spread, its height kept
  // in a table rather than on the copy).
  for (const count of [3, 16, 17, 100]) {
    it(`copies and freezes a record of ${count} members, remembered as walked`, () => {
      // GIVEN a record the caller keeps
      const source = record(count, 10);
      const before = { ...source };
      // WHEN it is copied
      const copy = frozenCopyOf(source);
      // THEN the copy is equal and frozen, the source unchanged and still the caller's to change
      expect(copy).toStrictEqual(before);
      expect(copy).not.toBe(source);
      expect(Object.isFrozen(copy)).toBe(true);
      expect(source).toStrictEqual(before);
      source.extra = 'x';
      expect(copy).not.toHaveProperty('extra');
      // AND met under wrappers, it fails exactly where an unfrozen twin does
      for (const levels of [MAX_INPUT_DEPTH - 12, MAX_INPUT_DEPTH - 11, MAX_INPUT_DEPTH - 10]) {
        expect(fails(wrap(copy, levels))).toBe(fails(wrap(record(count, 10), levels)));
      }
      expect(fails(wrap(copy, MAX_INPUT_DEPTH - 11))).toBe(false);
      expect(fails(wrap(copy, MAX_INPUT_DEPTH - 10))).toBe(true);
    });
  }
});
