import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_KINDS,
  coerceConfig,
  validateConfig,
} from '../../../src/operators/validation/index.js';
import { ROOTS } from '../../../src/operators/validation/generated/shapes.js';
import { leaves, stringLeaves } from './shapeArbitrary.js';

const kinds = fc.constantFrom(...CONFIG_KINDS);
const shaped = kinds.chain((kind) =>
  stringLeaves(ROOTS[kind]).map((config) => [kind, config] as const),
);
const NUMERIC = new Set(['integer', 'long', 'float', 'double']);

describe('coerceConfig properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(shaped, ([kind, config]) => {
        const once = coerceConfig(kind, config);
        expect(coerceConfig(kind, once)).toStrictEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('never changes a string-typed field, and only makes numbers and booleans elsewhere', () => {
    fc.assert(
      fc.property(shaped, ([kind, config]) => {
        const coerced = coerceConfig(kind, config);
        for (const [type, before, after] of leaves(ROOTS[kind], config, coerced)) {
          if (type === 'string') expect(after).toBe(before);
          else if (after !== before) {
            expect(NUMERIC.has(type) ? typeof after : 'boolean').toBe(typeof after);
            expect(NUMERIC.has(type) || type === 'boolean').toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is pure: the input is not modified', () => {
    fc.assert(
      fc.property(shaped, ([kind, config]) => {
        const before = JSON.stringify(config);
        coerceConfig(kind, config);
        expect(JSON.stringify(config)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});

describe('validateConfig properties', () => {
  it('never throws on arbitrary JSON and returns well-formed problems', () => {
    fc.assert(
      fc.property(kinds, fc.jsonValue(), (kind, value) => {
        for (const p of validateConfig(kind, value)) {
          expect(typeof p.path).toBe('string');
          expect(typeof p.message).toBe('string');
          expect(p.rule).toMatch(
            /^(required|type|enum|min|max|minLength|maxLength|pattern|minItems|maxItems|unknownMember|crossField:\w+)$/,
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on anything, including non-JSON values', () => {
    fc.assert(
      fc.property(
        kinds,
        fc.anything({
          withNullPrototype: true,
          withMap: true,
          withDate: true,
          withTypedArray: true,
        }),
        (kind, value) => {
          expect(Array.isArray(validateConfig(kind, value))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on configs that follow the shapes, before or after coercion', () => {
    fc.assert(
      fc.property(shaped, ([kind, config]) => {
        validateConfig(kind, config);
        validateConfig(kind, coerceConfig(kind, config));
      }),
      { numRuns: 300 },
    );
  });

  it('reports nothing below a templated value', () => {
    fc.assert(
      fc.property(shaped, fc.string({ maxLength: 10 }), ([kind, config], expr) => {
        const templated = JSON.parse(
          JSON.stringify(config, (_k, v) =>
            typeof v === 'string' ? `{{ ${JSON.stringify(expr)} }}` : v,
          ),
        );
        for (const p of validateConfig(kind, templated)) {
          // Map keys are never rendered, so they are checked as written.
          const structural = ['required', 'unknownMember', 'type', 'minItems', 'maxItems'].includes(
            p.rule,
          );
          expect(
            structural || p.rule.startsWith('crossField:') || p.message.startsWith('key '),
          ).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
