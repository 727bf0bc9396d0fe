import { describe, expect, it } from 'vitest';
import { pyFloat } from '../../src/pythonCompat/pyFloat.js';
import { jsonDumps } from '../../src/pythonCompat/jsonDumps.js';
import { pyFloatRepr, pyRepr, pyStr } from '../../src/pythonCompat/pyStr.js';

describe('pyFloatRepr', () => {
  it.each([
    [1e-5, '1e-05'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [0.1, '0.1'],
    [2, '2.0'],
    [0.0001, '0.0001'],
    [123456.789, '123456.789'],
    [1e22, '1e+22'],
    [-0.5, '-0.5'],
    [-0, '-0.0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [5e-324, '5e-324'],
    [1234567890123456.7, '1234567890123456.8'],
    [0.30000000000000004, '0.30000000000000004'],
    // Either side of where JavaScript's layout is Python's (fractions from 1e-4)
    [9.999999999999999e-5, '9.999999999999999e-05'],
    [1.0000000000000002e-4, '0.00010000000000000002'],
    [0.000001, '1e-06'],
    [-1234.5, '-1234.5'],
    [4503599627370495.5, '4503599627370495.5'],
  ])('repr(%s) is %s', (value, expected) => {
    expect(pyFloatRepr(value)).toBe(expected);
  });
});

describe('pyStr', () => {
  it('formats scalars as Python str()', () => {
    expect(pyStr(true)).toBe('True');
    expect(pyStr(false)).toBe('False');
    expect(pyStr(null)).toBe('None');
    expect(pyStr(3)).toBe('3');
    expect(pyStr(pyFloat(2))).toBe('2.0');
    expect(pyStr(0.5)).toBe('0.5');
    expect(pyStr('text')).toBe('text');
  });

  it('formats containers with repr() of their items', () => {
    expect(pyStr([1, 'a'])).toBe("[1, 'a']");
    expect(pyStr({ k: 1 })).toBe("{'k': 1}");
    expect(pyStr(["it's"])).toBe('["it\'s"]');
    expect(pyStr(['say "hi"'])).toBe('[\'say "hi"\']');
    expect(pyStr(['both \' and "'])).toBe("['both \\' and \"']");
    expect(pyStr(['line\nbreak', 'tab\t', 'back\\slash'])).toBe(
      "['line\\nbreak', 'tab\\t', 'back\\\\slash']",
    );
    expect(pyStr([[], {}, [pyFloat(1), true, null]])).toBe('[[], {}, [1.0, True, None]]');
  });

  it('keeps printable non-ASCII and escapes the rest as Python does', () => {
    expect(pyRepr('café')).toBe("'café'");
    expect(pyRepr('\u0000\u007f\u00a0')).toBe("'\\x00\\x7f\\xa0'");
    expect(pyRepr('\u2028')).toBe("'\\u2028'");
    expect(pyRepr('😀')).toBe("'😀'");
  });
});

describe('jsonDumps', () => {
  it('writes Python json.dumps output', () => {
    expect(jsonDumps('adam')).toBe('"adam"');
    expect(jsonDumps(true)).toBe('true');
    expect(jsonDumps(null)).toBe('null');
    expect(jsonDumps(pyFloat(2))).toBe('2.0');
    expect(jsonDumps(1e-5)).toBe('1e-05');
    expect(jsonDumps(pyFloat(NaN))).toBe('NaN');
    expect(jsonDumps(pyFloat(-Infinity))).toBe('-Infinity');
    expect(jsonDumps({ a: [1, 'b'], c: { d: null } })).toBe('{"a": [1, "b"], "c": {"d": null}}');
    expect(jsonDumps('café')).toBe('"caf\\u00e9"');
    expect(jsonDumps('😀')).toBe('"\\ud83d\\ude00"');
    expect(jsonDumps('\u007f\u0001\b')).toBe('"\\u007f\\u0001\\b"');
  });
});
