/**
 * For random XCom templates and results, the translated JSONPath / States.Format evaluated by the
 * ASL interpreter gives the string renderTemplates renders. A Pass state evaluates Parameters
 * without the interpreter's Node 22 code path (that is in Task states only), so this runs here.
 */
import { StateMachine } from 'aws-local-stepfunctions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplates } from '../../src/operators/templating/index.js';
import { translateParameters } from '../../src/stepfunctions/translateParameters.js';

const RESERVED = new Set(['constructor', 'prototype', 'toString', 'valueOf', 'strip']);
const name = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/)
  .filter((n) => !RESERVED.has(n) && !n.startsWith('__'));
const taskId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
// Text around templates: no Jinja delimiters and no backslash (refused), but quotes and braces.
const literal = fc.stringMatching(/^[A-Za-z0-9 ._:/'}-]{0,12}$/).filter((s) => !s.includes('}}'));

/**
 * One pulled value: a string, an integer, or a JSON-quoted name read with .strip('"'). Strings
 * hold no backslash: aws-local-stepfunctions 3 drops a backslash from a value it reads by path
 * into States.Format (`States.Format('{}', $.a)`, with `a` a single backslash, gives an empty
 * string), where the service inserts the value as it is. The translation passes such a value by
 * path all the same (the test below), so only the interpreter's reading is left out here.
 */
const pulled = fc.oneof(
  fc.record({
    value: fc.string({ unit: 'grapheme', maxLength: 12 }).filter((v) => !v.includes('\\')),
    strip: fc.constant(false),
  }),
  fc.record({ value: fc.integer({ min: -1e6, max: 1e6 }), strip: fc.constant(false) }),
  fc.record({
    value: fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/).map((n) => JSON.stringify(n)),
    strip: fc.constant(true),
  }),
);

const pull = fc.record({
  task: taskId,
  keys: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
  quote: fc.constantFrom("'", '"'),
  pulled,
});

type Pull = typeof pull extends fc.Arbitrary<infer T> ? T : never;

function templateOf(p: Pull): string {
  const q = p.quote;
  const keys = p.keys.map((k) => `[${q}${k}${q}]`).join('');
  return `{{ ti.xcom_pull(task_ids=${q}${p.task}${q})${keys}${p.pulled.strip ? `.strip('"')` : ''} }}`;
}

/** The XCom values: each pull's value nested under its keys, merged by task. */
function resultsOf(pulls: readonly Pull[]): Record<string, Record<string, unknown>> {
  const results: Record<string, Record<string, unknown>> = {};
  for (const p of pulls) {
    let node = (results[p.task] ??= {});
    p.keys.slice(0, -1).forEach((k) => {
      const next = node[k];
      node = (node[k] = typeof next === 'object' && next !== null ? next : {}) as Record<
        string,
        unknown
      >;
    });
    node[p.keys[p.keys.length - 1]!] = p.pulled.value;
  }
  return results;
}

/** Pulls whose key paths do not overwrite one another (a path that is a prefix of another). */
function consistent(pulls: readonly Pull[]): boolean {
  const paths = pulls.map((p) => [p.task, ...p.keys].join('\u0000'));
  return (
    paths.every((a, i) =>
      paths.every((b, j) => i === j || a === b || !`${b}\u0000`.startsWith(`${a}\u0000`)),
    ) && new Set(paths).size === paths.length
  );
}

/** Python's `str.strip('"')`: every leading and trailing double quote removed. */
function pyStrip(value: string): string {
  return value.replace(/^"+|"+$/g, '');
}

async function evaluate(parameters: Record<string, unknown>, input: unknown): Promise<unknown> {
  const machine = new StateMachine({
    StartAt: 'P',
    States: { P: { Type: 'Pass', Parameters: parameters as never, End: true } },
  });
  return machine.run(input as never).result;
}

describe('translated templates evaluate as renderTemplates renders', () => {
  it('for random pulls inside random text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(literal, pull), { minLength: 1, maxLength: 3 }),
        literal,
        fc.boolean(),
        async (parts, tail, whole) => {
          const pulls = parts.map(([, p]) => p);
          fc.pre(consistent(pulls));
          // GIVEN a template: one pull alone, or pulls inside text
          const template =
            whole && parts.length === 1
              ? templateOf(pulls[0]!)
              : parts.map(([text, p]) => text + templateOf(p)).join('') + tail;
          const results = resultsOf(pulls);
          // WHEN Airflow's renderer renders it with those XCom values. The nunjucks engine has
          // no Python str methods, so a `.strip('"')` pull is rendered bare, of the value Python's
          // strip would give (its own engine, on the tmpl branch, will take the template whole).
          const bare = (p: Pull): Pull =>
            p.pulled.strip ? { ...p, pulled: { value: pyStrip(p.pulled.value), strip: false } } : p;
          const renderedTemplate =
            whole && parts.length === 1
              ? templateOf(bare(pulls[0]!))
              : parts.map(([text, p]) => text + templateOf(bare(p))).join('') + tail;
          const bareResults = resultsOf(pulls.map(bare));
          const rendered = renderTemplates(
            { f: renderedTemplate },
            { ti: { xcom_pull: (kw: { task_ids: string }) => bareResults[kw.task_ids] } },
          ).f;
          // AND the ASL translation is evaluated on a state holding each result at $.<task id>
          const parameters = translateParameters({ f: template }, '', {
            stepId: 's',
            available: new Set(Object.keys(results)),
            names: new Map(),
            references: [],
          });
          const output = (await evaluate(parameters, results)) as { f: unknown };
          // THEN both give the same string
          expect(String(output.f)).toBe(rendered);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('a pulled value with a backslash', () => {
  it('is passed to States.Format by path, never written into its template', () => {
    // GIVEN two pulls side by side, as in the interpreter's counterexample (`\\` then `0`)
    const template = "{{ ti.xcom_pull(task_ids='a')['a'] }}{{ ti.xcom_pull(task_ids='a')['A'] }}";
    // WHEN translated
    const parameters = translateParameters({ f: template }, '', {
      stepId: 's',
      available: new Set(['a']),
      names: new Map(),
      references: [],
    });
    // THEN both values are path arguments, so the service inserts them unchanged
    expect(parameters).toStrictEqual({ 'f.$': "States.Format('{}{}', $.a.a, $.a.A)" });
  });
});
