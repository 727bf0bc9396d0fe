import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPythonLiteralError, pythonLiteral, pythonString } from '../../src/airflow/index.js';
import { pyFloat } from '../../src/pythonCompat/index.js';
import { pyFloatRepr } from '../../src/pythonCompat/pyStr.js';
import { jinjaPython, typedLikeChecker } from './checker/runChecker.js';

/** Python's reading of each literal (ast.literal_eval), floats marked as the checker marks them. */
function literalEval(literals: readonly string[]): unknown[] {
  const program = `
import ast, json, sys
def typed(v):
    if isinstance(v, bool) or v is None or isinstance(v, (int, str)): return v
    if isinstance(v, float): return {"__float__": repr(v)}
    if isinstance(v, list): return [typed(x) for x in v]
    if isinstance(v, dict): return {k: typed(x) for k, x in v.items()}
    raise TypeError(type(v).__name__)
print(json.dumps([typed(ast.literal_eval(s)) for s in json.load(sys.stdin)], ensure_ascii=True))
`;
  const out = execFileSync(jinjaPython(), ['-c', program], {
    input: JSON.stringify(literals),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as unknown[];
}

const expected = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(typedLikeChecker(value, pyFloatRepr)));

describe('pythonLiteral', () => {
  it('writes None, True, False, ints, floats and escaped strings', () => {
    // GIVEN a config with every kind of scalar
    const value = {
      none: null,
      yes: true,
      no: false,
      int: 3,
      float: 0.5,
      integralFloat: pyFloat(2),
      big: 1e21,
      tiny: 1e-7,
      text: 'it\'s "x"\n\t\\ é 😀',
    };
    // WHEN it is written on one line
    const literal = pythonLiteral(value, { indent: 0 });
    // THEN each has its Python form
    expect(literal).toBe(
      "{'none': None, 'yes': True, 'no': False, 'int': 3, 'float': 0.5, 'integralFloat': 2.0, " +
        "'big': 1000000000000000000000, 'tiny': 1e-7, " +
        "'text': 'it\\'s \"x\"\\n\\t\\\\ \\xe9 \\U0001f600'}",
    );
    // AND Python reads back the same values
    expect(literalEval([literal])).toStrictEqual([expected(value)]);
  });

  it("quotes as Python's repr does", () => {
    expect(pythonString("ti.xcom_pull(task_ids='train')")).toBe(`"ti.xcom_pull(task_ids='train')"`);
    expect(pythonString('say "hi"')).toBe(`'say "hi"'`);
    expect(pythonString(`'"`)).toBe(`'\\'"'`);
  });

  it('indents nested dicts and lists, and writes empty ones inline', () => {
    expect(pythonLiteral({ a: [1, { b: {} }], c: [] })).toBe(
      "{\n    'a': [\n        1,\n        {\n            'b': {},\n        },\n    ],\n    'c': [],\n}",
    );
  });

  it('refuses what has no literal, with a typed error naming the path', () => {
    const cases: unknown[] = [
      { a: { b: Number.NaN } },
      { a: [Infinity] },
      { f: () => 1 },
      { d: new Date(0) },
      { l: [1, , 2] },
    ];
    const self: Record<string, unknown> = {};
    self.me = self;
    cases.push(self);
    for (const value of cases) {
      let caught: unknown;
      try {
        pythonLiteral(value);
      } catch (error) {
        caught = error;
      }
      expect(isPythonLiteralError(caught), String(caught)).toBe(true);
    }
    expect(() => pythonLiteral({ a: { b: Number.NaN } })).toThrow('a.b');
  });

  it('is read back by ast.literal_eval as the same value, for any JSON-like value', () => {
    // Strings of any UTF-16 code units, lone surrogates included.
    const anyString = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    });
    const scalar = fc.oneof(
      anyString,
      fc.boolean(),
      fc.constant(null),
      fc.integer(),
      fc.maxSafeInteger(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -1000, max: 1000 }).map((n) => pyFloat(n * 1e14)),
    );
    const value = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('dict')),
      list: fc.array(tie('tree'), { maxLength: 4 }),
      dict: fc.dictionary(anyString, tie('tree'), { maxKeys: 4 }),
    })).tree;
    // GIVEN 300 random values WHEN written THEN Python reads each back as it was
    const samples = fc.sample(value, { numRuns: 300, seed: 16 });
    const read = literalEval(samples.map((v) => pythonLiteral(v)));
    samples.forEach((sample, i) => {
      expect(read[i]).toStrictEqual(expected(sample));
    });
  });
});
