/**
 * fast-check arbitraries that follow the generated API shapes, so that properties reach deep
 * members (random JSON almost never hits a member name).
 */
import fc from 'fast-check';
import { SHAPES } from '../../../src/operators/validation/generated/shapes.js';

/** Strings that look like numbers or booleans: what rendered templates produce. */
export const lookalike = fc.oneof(
  fc.integer({ min: -5, max: 100_000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom('true', 'True', 'false', 'False', ' 7 ', '3.0', '1e3', 'yes', '', 'NaN', '0x10'),
  fc.string({ maxLength: 8 }),
);

/**
 * A value for `shapeName` in which every leaf is a string (numbers and booleans as they come out
 * of templates), with random subsets of members.
 */
export function stringLeaves(shapeName: string, depth = 0): fc.Arbitrary<unknown> {
  const shape = SHAPES[shapeName]!;
  if (depth > 6) return fc.constant(undefined);
  switch (shape.t) {
    case 'structure': {
      const members = Object.entries(shape.m);
      return fc
        .subarray(members, { maxLength: Math.min(6, members.length) })
        .chain((picked) =>
          fc.record(
            Object.fromEntries(
              picked.map(([name, member]) => [name, stringLeaves(member, depth + 1)]),
            ),
          ),
        );
    }
    case 'list':
      return fc.array(stringLeaves(shape.m, depth + 1), { maxLength: 2 });
    case 'map':
      return fc.dictionary(
        fc.string({ minLength: 1, maxLength: 6 }),
        stringLeaves(shape.v, depth + 1),
        {
          maxKeys: 3,
        },
      );
    default:
      return lookalike;
  }
}

/** Pairs each leaf of `value` with the type of its shape: `[shapeType, before, after]`. */
export function leaves(
  shapeName: string,
  before: unknown,
  after: unknown,
  out: [string, unknown, unknown][] = [],
): [string, unknown, unknown][] {
  const shape = SHAPES[shapeName]!;
  if (shape.t === 'structure' && before && typeof before === 'object' && !Array.isArray(before)) {
    for (const [k, v] of Object.entries(before)) {
      const member = Object.hasOwn(shape.m, k) ? shape.m[k] : undefined;
      if (member) leaves(member, v, (after as Record<string, unknown>)[k], out);
    }
  } else if (shape.t === 'list' && Array.isArray(before)) {
    before.forEach((v, i) => leaves(shape.m, v, (after as unknown[])[i], out));
  } else if (shape.t === 'map' && before && typeof before === 'object' && !Array.isArray(before)) {
    for (const [k, v] of Object.entries(before))
      leaves(shape.v, v, (after as Record<string, unknown>)[k], out);
  } else {
    out.push([shape.t, before, after]);
  }
  return out;
}
