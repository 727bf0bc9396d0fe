import { describe, expect, it } from 'vitest';
import { isInputLimitError } from '../../src/errors.js';
import { deepEqual } from '../../src/internal/deepEqual.js';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { k: value };
  return value;
}

describe('deepEqual', () => {
  it('compares as Python == on dicts and lists', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual(nested(60), nested(60))).toBe(true);
  });

  it('gives a typed error, not a stack overflow, for 10,000 levels or a cycle', () => {
    const deep = (): boolean => deepEqual(nested(10_000), nested(10_000));
    expect(deep).toThrow(expect.objectContaining({ code: 'INPUT_LIMIT' }) as Error);
    const a: Record<string, unknown> = {};
    a.self = a;
    const b: Record<string, unknown> = {};
    b.self = b;
    try {
      deepEqual(a, b);
      expect.unreachable('a cycle must not compare');
    } catch (error) {
      expect(isInputLimitError(error)).toBe(true);
    }
  });
});
