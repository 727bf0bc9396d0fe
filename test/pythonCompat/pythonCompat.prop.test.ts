/** Invariants of the Python-compatible primitives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDumps } from '../../src/pythonCompat/jsonDumps.js';
import { nameFromBase } from '../../src/pythonCompat/names.js';
import { pyFloatRepr } from '../../src/pythonCompat/pyStr.js';
import { s3PathJoin } from '../../src/pythonCompat/s3.js';

describe('python-compat properties', () => {
  it('repr of a finite float reads back as the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(pyFloatRepr(x))).toBe(x);
      }),
    );
  });

  it('json.dumps of JSON data parses back to the same data', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(jsonDumps(v))).toStrictEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it('json.dumps output is pure ASCII (ensure_ascii)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(/^[\x20-\x7e]*$/.test(jsonDumps(s))).toBe(true);
      }),
    );
  });

  it('generated names never exceed the max length for ASCII bases', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z-]{0,100}$/),
        fc.integer({ min: 40, max: 100 }),
        (base, max) => {
          expect(
            nameFromBase(base, { now: () => 1650504550.03 }, { maxLength: max }).length,
          ).toBeLessThanOrEqual(max);
        },
      ),
    );
  });

  it('s3PathJoin never leaves a doubled slash after the scheme', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z/]{0,6}$/), { maxLength: 5 }), (parts) => {
        const joined = s3PathJoin(['s3://', ...parts]);
        expect(joined.slice(5).includes('//')).toBe(false);
      }),
    );
  });
});
