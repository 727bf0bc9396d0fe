/**
 * Every reproducer of findings-2026-12 §1a and §1b (shared/security): no template runs code,
 * leaves a mark on the host, or changes the caller's values; each is refused with a typed error.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSageMakerWorkflowError } from '../../../src/errors.js';
import { runTrainingJob } from '../../../src/operators/runTrainingJob.js';
import {
  airflowContext,
  isTemplateForbiddenError,
  isTemplateRenderError,
  isTemplateUndefinedError,
  renderTemplates,
} from '../../../src/operators/templating/index.js';
import * as f from '../fixtures.js';
import { FAST, startHarness, type Harness } from '../harness.js';

const scratch = mkdtempSync(join(tmpdir(), 'tmpl-sandbox-'));
const marker = join(scratch, 'written');
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** JavaScript written as nunjucks' exploit wrote it: every non-word character as \xNN. */
function escaped(js: string): string {
  return js.replace(/\W/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The §1a symbol: a name token carrying a tagged-template call of the Function constructor. */
function symbol(js: string, tail = ''): string {
  return `a"&&Function\`${escaped(js)}\`\`\`&&"${tail}`;
}

const PAYLOAD = `globalThis.pwned=1;process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)},"x");Object.prototype.polluted="yes";return 1`;
const SYM = symbol(PAYLOAD);

function outcome(template: string, context: Record<string, unknown> = {}): unknown {
  try {
    return { rendered: renderTemplates(template, context) };
  } catch (error) {
    return error;
  }
}

let protoBefore: string[];
beforeEach(() => {
  protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterEach(() => {
  // THEN nothing ran: no global, no file, no Object.prototype change
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  expect(existsSync(marker)).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toStrictEqual(protoBefore);
});

describe('§1a: names cannot carry code (all 15 injection sites)', () => {
  it('the minimal reproducer is a syntax error and does not leak process.version', () => {
    const error = outcome('{{ a"&&Function`throw\\x20process\\x2eversion```&&" }}');
    expect(isTemplateRenderError(error)).toBe(true);
    expect((error as Error).message).not.toContain(process.version);
  });

  it('the silent form fails instead of rendering normally', () => {
    const error = outcome(`{{ ${symbol('globalThis.pwned=1;return 1', 'ds')} }}`, {
      ds: '2024-01-01',
    });
    expect(isTemplateRenderError(error)).toBe(true);
  });

  const sites = [
    `{{ ${SYM} }}`,
    `{{ ${symbol(PAYLOAD, 'ds')} }}`,
    `{{ x | ${SYM} }}`,
    `{{ x is ${SYM} }}`,
    `{% set ${SYM} = 1 %}ok`,
    `{% set ${SYM} %}x{% endset %}ok`,
    `{% for ${SYM} in [1] %}{% endfor %}ok`,
    `{% for k, ${SYM} in {"a": 1}.items() %}{% endfor %}ok`,
    `{% macro ${SYM}() %}{% endmacro %}ok`,
    `{% filter ${SYM} %}x{% endfilter %}`,
    `{% call ${SYM}() %}{% endcall %}`,
    `{% macro m(${SYM}) %}{% endmacro %}`,
    `{{ f(${SYM}=1) }}`,
    `{{ {${SYM}: 1} }}`,
    `{{ x.${SYM} }}`,
  ];
  it.each(sites)('refuses %s with a typed error', (template) => {
    const error = outcome(template, { ds: '2024-01-01', x: 'x', f: () => 1 });
    expect(isSageMakerWorkflowError(error)).toBe(true);
  });

  it('refuses it end to end through runTrainingJob with a templateContext, creating no job', async () => {
    const h: Harness = await startHarness();
    try {
      // GIVEN a config whose job name carries the injection
      const config = f.trainingConfig(`job-{{ ${symbol(PAYLOAD, 'run_id')} }}`);
      // WHEN the operator runs it
      const error = await runTrainingJob(
        config,
        { sagemaker: h.sagemaker },
        {
          ...FAST,
          logger: h.logger,
          templateContext: { run_id: 'abc' },
        },
      ).catch((e: unknown) => e);
      // THEN a typed template error, and nothing was created
      expect(isTemplateRenderError(error)).toBe(true);
      expect(h.local.requests.filter((r) => r.operation.startsWith('Create'))).toStrictEqual([]);
      // AND an honest template through airflowContext still runs
      const ok = await runTrainingJob(
        f.trainingConfig('job-{{ ds_nodash }}-{{ params.run }}'),
        { sagemaker: h.sagemaker },
        {
          ...FAST,
          logger: h.logger,
          templateContext: airflowContext({
            logicalDate: new Date('2024-01-02T00:00:00Z'),
            params: { run: 'abc' },
          }),
        },
      );
      expect(ok.Training.TrainingJobName).toBe('job-20240102-abc');
      expect(ok.Training.TrainingJobStatus).toBe('Completed');
    } finally {
      await h.close();
    }
  });
});

describe('§1b: conventional routes stay closed', () => {
  const ti = { xcom_pull: () => ({ a: 1 }) };
  class Thing {
    own = 1;
    secret(): string {
      return 'prototype method';
    }
    get getter(): string {
      throw new Error('getter ran');
    }
  }
  const context = { x: {}, ti, thing: new Thing(), items: [] };
  const forbidden = [
    '{{ "".constructor.constructor("globalThis.pwned=1")() }}',
    '{{ [].constructor }}',
    '{{ {}.constructor }}',
    '{{ (1).constructor }}',
    '{{ range.constructor }}',
    '{{ cycler.constructor }}',
    '{{ loop.constructor }}',
    '{{ ti.xcom_pull.constructor("globalThis.pwned=1")() }}',
    '{{ thing.constructor }}',
    '{{ x["con" ~ "structor"] }}',
    '{{ x[["constructor"][0]] }}',
    '{% set c = "constructor" %}{{ x[c] }}',
    '{{ x[["con", "structor"] | join("")] }}',
    '{{ x.__proto__ }}',
    '{{ __proto__ }}',
    '{{ x.__defineGetter__ }}',
    '{{ x.__lookupGetter__ }}',
    '{{ ti.xcom_pull.caller }}',
    '{{ arguments }}',
    '{{ x.prototype }}',
    '{{ [""] | join(",", "constructor") }}',
    '{% set __proto__ = {"polluted": 1} %}{{ polluted }}',
    '{{ [x] | sum(attribute="__proto__") }}',
    '{{ "{0.constructor}".format(x) }}',
    '{{ "{0.__class__}".format(x) }}',
  ];
  it.each(forbidden)('%s is refused as forbidden', (template) => {
    expect(isTemplateForbiddenError(outcome(template, context))).toBe(true);
  });

  const hidden = [
    '{{ "".call }}',
    '{{ ti.xcom_pull.apply }}',
    '{{ ti.xcom_pull.bind }}',
    '{{ "".toString() }}',
    '{{ x.valueOf }}',
    '{{ x.hasOwnProperty("a") }}',
    '{{ x.isPrototypeOf }}',
    '{{ thing.secret() }}',
    '{{ thing.getter }}',
    '{{ joiner().constructor }}',
    ...['valueOf', 'toString', 'globalThis', 'process', 'require', 'Function', 'this', 'self'].map(
      (n) => `{{ ${n} }}`,
    ),
    ...['context', 'env', 'runtime', 'frame', 'lib', 'lipsum'].map((n) => `{{ ${n} }}`),
  ];
  it.each(hidden)('%s finds nothing (a typed error, never host code)', (template) => {
    const error = outcome(template, context);
    expect(isTemplateUndefinedError(error) || isTemplateRenderError(error)).toBe(true);
  });

  it.each([
    '{% include "/etc/passwd" %}',
    '{% import "../../../../etc/passwd" as x %}',
    '{% extends "/etc/passwd" %}',
    '{% from "/etc/passwd" import x %}',
  ])('%s reads no file', (template) => {
    expect(isTemplateRenderError(outcome(template))).toBe(true);
  });

  it('reads own data properties only: the getter and prototype method never run', () => {
    expect(renderTemplates('{{ thing.own }}', context)).toBe('1');
  });

  it("cannot change the caller's values", () => {
    // GIVEN a Date and an array in the context
    const logical_date = new Date('2024-01-02T00:00:00Z');
    const params = { arr: [1, 2, 3, 4], d: { a: 1 } };
    for (const template of [
      '{{ logical_date.setTime(0) }}',
      '{{ params.arr.fill("x") }}',
      '{{ params.arr.append(5) }}',
      '{{ params.arr.pop() }}',
      '{{ params.d.update({"b": 2}) }}',
      '{{ params.d.setdefault("c", 3) }}',
    ]) {
      // WHEN templates try to mutate them, THEN each fails with a typed error
      expect(isSageMakerWorkflowError(outcome(template, { logical_date, params }))).toBe(true);
    }
    // AND the values are unchanged
    expect(logical_date.toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(params).toStrictEqual({ arr: [1, 2, 3, 4], d: { a: 1 } });
  });

  it('renders over a deeply frozen context', () => {
    const context = Object.freeze({ params: Object.freeze({ tags: Object.freeze(['a', 'b']) }) });
    expect(renderTemplates('{% set t = params.tags + ["c"] %}{{ t | join("-") }}', context)).toBe(
      'a-b-c',
    );
  });

  it('calls context functions with this undefined, and refuses the global object', () => {
    expect(
      renderTemplates('{{ me() }}', {
        me() {
          return this;
        },
      }),
    ).toBe('None');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a sloppy-mode function, as in the finding
    const self_ = new Function('return this') as () => unknown;
    const error = outcome('{{ self_().process.version }}', { self_ });
    expect(isTemplateForbiddenError(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(process.version);
  });

  it('refuses a Symbol, and the Function constructors handed in the context', () => {
    expect(isTemplateRenderError(outcome('{{ sym }}', { sym: Symbol('s') }))).toBe(true);
    expect(isTemplateForbiddenError(outcome('{{ F("return 1")() }}', { F: Function }))).toBe(true);
  });
});
