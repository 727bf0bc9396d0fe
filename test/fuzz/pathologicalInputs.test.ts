/**
 * Issue 17, items 2 and 3: deep and cyclic values and pathological strings at the public
 * boundary give typed errors or correct results, never a stack overflow or a quadratic scan.
 *
 * No time is measured. Each pathological input is sized so that the quadratic (or worse) code it
 * once hit would run for minutes (100 KB of `{` in `isPlaceholder`: about 23 s; 99,000 spaces
 * before `{{-`: about 70 s), so a regression shows as a test that does not finish, and each test
 * checks the exact result, so a "fast" wrong answer fails too. Where the fix is a bound (strptime
 * directives) the test asserts the bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Estimator, createSession, trainingConfig } from '../../src/index.js';
import { TensorFlow } from '../../src/estimators/frameworks/index.js';
import { InputLimitError, isSageMakerWorkflowError } from '../../src/errors.js';
import { MAX_INPUT_DEPTH } from '../../src/internal/checkInput.js';
import { airflowContext, renderTemplates } from '../../src/operators/templating/index.js';
import { jsonDumps } from '../../src/pythonCompat/jsonDumps.js';
import { pyRepr, pyStr } from '../../src/pythonCompat/pyStr.js';
import { isPlaceholder } from '../../src/templates.js';

function deep(levels: number): unknown {
  let o: unknown = 1;
  for (let i = 0; i < levels; i++) o = { a: o };
  return o;
}
function deepList(levels: number): unknown {
  let o: unknown = 1;
  for (let i = 0; i < levels; i++) o = [o];
  return o;
}
/** A cycle through a class instance, which the input checks (plain objects only) do not enter. */
class Node {
  next: unknown = null;
}
const cycle = new Node();
cycle.next = { back: cycle };

describe('deep and cyclic values in the Python formatters (jsonDumps, pyStr, pyRepr)', () => {
  const formatters = { jsonDumps, pyStr, pyRepr } as const;
  for (const [name, format] of Object.entries(formatters)) {
    it(`${name}: 10,000 levels of objects or lists, or a cycle, is an InputLimitError`, () => {
      for (const value of [deep(10_000), deepList(10_000), cycle]) {
        expect(() => format(value)).toThrow(InputLimitError);
      }
    });
    it(`${name}: a value at the depth limit is formatted`, () => {
      // MAX_INPUT_DEPTH containers: the innermost holds the number at depth MAX_INPUT_DEPTH.
      expect(format(deep(MAX_INPUT_DEPTH))).toContain('1');
      expect(() => format(deep(MAX_INPUT_DEPTH + 1))).toThrow(InputLimitError);
    });
  }

  it('jsonDumps writes what Python writes for a shallow value', () => {
    // python3 -c 'import json; print(json.dumps({"a": [1, 2.5, None, True, "é"]}))'
    expect(jsonDumps({ a: [1, 2.5, null, true, 'é'] })).toBe(
      '{"a": [1, 2.5, null, true, "\\u00e9"]}',
    );
  });

  const session = createSession({ region: 'us-west-2', defaultBucket: 'b', now: () => 0 });
  const base = {
    session,
    role: 'arn:aws:iam::123456789012:role/R',
    instanceCount: 1,
    instanceType: 'ml.m5.large',
  };
  it('an estimator with a 10,000-deep or cyclic hyperparameter gives a typed error', () => {
    for (const value of [deep(10_000), cycle]) {
      const build = [
        () =>
          trainingConfig(
            new Estimator({ ...base, imageUri: 'a/b:1', hyperparameters: { a: value as never } }),
            { inputs: 's3://b/x' },
          ),
        () =>
          trainingConfig(
            new TensorFlow({
              ...base,
              entryPoint: 's3://b/code.tar.gz',
              frameworkVersion: '2.13',
              pyVersion: 'py310',
              hyperparameters: { a: value as never },
            }),
            { inputs: 's3://b/x' },
          ),
      ];
      for (const call of build) {
        let thrown: unknown;
        try {
          call();
        } catch (error) {
          thrown = error;
        }
        expect(isSageMakerWorkflowError(thrown), (thrown as Error | undefined)?.message).toBe(true);
      }
    }
  });
});

describe('isPlaceholder on pathological strings (one pass, no lazy regular expression)', () => {
  const OLD = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/;

  it('agrees with the regular expression it replaced, on short strings', () => {
    const piece = fc.constantFrom('{', '}', '%', ' ', 'a', '{{', '}}', '{%', '%}', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(isPlaceholder(text)).toBe(OLD.test(text));
      }),
      { numRuns: 5000, seed: 17 },
    );
  });

  it('answers at once on 1 MB of openers without a close', () => {
    expect(isPlaceholder('{'.repeat(1_000_000))).toBe(false);
    expect(isPlaceholder('{{ '.repeat(333_333))).toBe(false);
    expect(isPlaceholder('{%'.repeat(500_000))).toBe(false);
    expect(isPlaceholder(`${'{'.repeat(1_000_000)}}}`)).toBe(true);
    expect(isPlaceholder(`${'{%'.repeat(500_000)} %}`)).toBe(true);
  });
});

describe('template engine on pathological strings', () => {
  it('strips a long run of spaces before {{- and after -}}', () => {
    // The text before {{- is 99,000 spaces and an x: `/\s+$/` retried from every space there.
    const spaces = ' '.repeat(99_000);
    expect(renderTemplates(`${spaces}x  {{- 1 -}}  \n y `, {})).toBe(`${spaces}x1y `);
  });

  it('refuses 100 KB of unclosed openers with a typed error', () => {
    for (const template of ['{'.repeat(99_999), '{{ '.repeat(33_333), '{%'.repeat(49_999)]) {
      let thrown: unknown;
      try {
        renderTemplates(template, {});
      } catch (error) {
        thrown = error;
      }
      // '{' alone is text; the others are syntax errors or the nesting limit.
      if (thrown !== undefined)
        expect(isSageMakerWorkflowError(thrown), (thrown as Error | undefined)?.message).toBe(true);
      else expect(template).toBe('{'.repeat(99_999));
    }
  });

  it('split(None, n) and rsplit(None, n) over 200,000 words', () => {
    const context = { s: 'a '.repeat(200_000) };
    expect(renderTemplates('{{ s.split(None, 200000) | length }}', context)).toBe('200000');
    expect(renderTemplates('{{ s.rsplit(None, 199999) | length }}', context)).toBe('200000');
    expect(renderTemplates('{{ s.split(None, 3)[3] | length }}', context)).toBe(
      String(2 * 199_997),
    );
  });

  it('strptime: a whitespace run is one \\s+, and a format has at most 16 directives', () => {
    const context = airflowContext({ logicalDate: new Date('2024-01-02T00:00:00Z') });
    const render = (template: string, extra: Record<string, unknown>): string =>
      renderTemplates(template, { ...context, ...extra });
    // 2,000 spaces in the format against 5,000 spaces and a mismatch: one \s+, no backtracking.
    expect(() =>
      render('{{ macros.datetime.strptime(t, f) }}', {
        t: `${' '.repeat(5_000)}x`,
        f: `${' '.repeat(2_000)}%d`,
      }),
    ).toThrow(/does not match format/);
    expect(
      render("{{ macros.datetime.strptime(t, f).strftime('%d') }}", {
        t: `${' '.repeat(5_000)}07`,
        f: `${' '.repeat(2_000)}%d`,
      }),
    ).toBe('07');
    // 17 adjacent %d would backtrack exponentially on 33 digits and an x: refused up front.
    expect(() =>
      render('{{ macros.datetime.strptime(t, f) }}', {
        t: `${'1'.repeat(33)}x`,
        f: '%d'.repeat(17),
      }),
    ).toThrow(/more than 16 directives/);
  });
});
