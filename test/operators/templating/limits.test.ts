/**
 * findings-2026-12 §1c: no template holds the process. Each limit has a default and an option,
 * and going over it is a TemplateLimitError naming the limit.
 */
import { describe, expect, it } from 'vitest';
import { isSageMakerWorkflowError, isValidationError } from '../../../src/errors.js';
import {
  isTemplateLimitError,
  renderTemplates,
  TEMPLATE_LIMIT_DEFAULTS,
  type RenderTemplatesOptions,
} from '../../../src/operators/templating/index.js';

function limitOf(config: unknown, options?: RenderTemplatesOptions): string {
  try {
    renderTemplates(config, { x: 'x', items: [1, 2, 3] }, options);
  } catch (error) {
    if (isTemplateLimitError(error)) return error.limit;
    if (isSageMakerWorkflowError(error)) return 'typed';
    throw error;
  }
  return 'rendered';
}

const nested = (open: string, inner: string, close: string, n: number): string =>
  open.repeat(n) + inner + close.repeat(n);

describe('§1c: denial of service', () => {
  it('has these defaults', () => {
    expect(TEMPLATE_LIMIT_DEFAULTS).toStrictEqual({
      maxTemplateLength: 100_000,
      maxOutputLength: 1_000_000,
      maxSteps: 1_000_000,
      maxLoopIterations: 100_000,
      timeBudgetMs: 5_000,
      maxNestingDepth: 100,
      maxConfigDepth: 1_000,
    });
  });

  const cases: [string, string][] = [
    ['{% for i in range(10000000) %}{% endfor %}', 'range'],
    ['{{ range(1000000000) | length }}', 'range'],
    [
      '{% for i in range(10000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}',
      'maxLoopIterations',
    ],
    [
      '{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}',
      'maxLoopIterations',
    ],
    ['{{ "x" * 500000000 }}', 'maxOutputLength'],
    ['{{ ("x" * 1000) * 1000000 }}', 'maxOutputLength'],
    [
      '{% set s = "xx" %}{% for i in range(40) %}{% set s = s ~ s %}{{ s }}{% endfor %}',
      'maxOutputLength',
    ],
    ['{{ "x".repeat(500000000) | length }}', 'typed'],
    ['{{ "x".padEnd(2000000000) }}', 'typed'],
    [`{{ ${nested('(', '1', ')', 10_000)} }}`, 'maxNestingDepth'],
    [`{{ ${nested('(', '1', ')', 100_000)} }}`, 'maxTemplateLength'],
    [nested('{% if true %}', 'x', '{% endif %}', 3_000), 'maxNestingDepth'],
    [`{{ ${nested('[', '1', ']', 10_000)} }}`, 'maxNestingDepth'],
    [`{{ x${' | upper'.repeat(10_000)} }}`, 'maxNestingDepth'],
    [`{{ 1${' + 1'.repeat(10_000)} }}`, 'maxNestingDepth'],
    ['{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}', 'typed'],
    ['{{ 1 }}'.repeat(1_500_000), 'maxTemplateLength'],
  ];
  for (const [template, expected] of cases) {
    const title =
      template.length > 70 ? `${template.slice(0, 70)}… (${template.length} chars)` : template;
    it(`${title} → ${expected}`, () => {
      expect(limitOf(template)).toBe(expected);
    });
  }

  it('a config 10,000 objects deep is a typed error, not a RangeError', () => {
    let deep: unknown = '{{ x }}';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(limitOf(deep)).toBe('maxConfigDepth');
    let list: unknown = '{{ x }}';
    for (let i = 0; i < 10_000; i++) list = [list];
    expect(limitOf(list)).toBe('maxConfigDepth');
  });

  it('a cyclic config is a typed error', () => {
    const cyclic: Record<string, unknown> = { v: '{{ x }}' };
    cyclic.self = cyclic;
    expect(limitOf(cyclic)).toBe('maxConfigDepth');
  });

  it('a deeply nested context value is a typed error when printed', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => renderTemplates('{{ deep }}', { deep })).toThrow(
      expect.objectContaining({ limit: 'maxNestingDepth' }),
    );
    expect(() => renderTemplates('{{ deep | tojson }}', { deep })).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_LIMIT' }),
    );
  });

  it('renders 10,000 templated strings in one config', () => {
    const config = Array.from({ length: 10_000 }, (_, i) => `{{ x }}-${i}`);
    const rendered = renderTemplates(config, { x: 'v' });
    expect(rendered[9_999]).toBe('v-9999');
  });
});

describe('each limit is an option', () => {
  it.each([
    ['{{ x }}{{ x }}', { maxTemplateLength: 10 }, 'maxTemplateLength'],
    ['{{ x * 11 }}', { maxOutputLength: 10 }, 'maxOutputLength'],
    ['{% for i in items %}{{ x }}{% endfor %}', { maxOutputLength: 2 }, 'maxOutputLength'],
    ['{{ 1 + 2 + 3 }}', { maxSteps: 3 }, 'maxSteps'],
    ['{% for i in items %}{% endfor %}', { maxLoopIterations: 2 }, 'maxLoopIterations'],
    ['{{ ((1)) }}', { maxNestingDepth: 2 }, 'maxNestingDepth'],
    ['{{ x }}', { timeBudgetMs: 1e-9 }, 'timeBudgetMs'],
  ] as const)('%s with %o → %s', (template, options, expected) => {
    expect(limitOf(template, options)).toBe(expected);
  });

  it('maxConfigDepth', () => {
    expect(limitOf({ a: { b: ['{{ x }}'] } }, { maxConfigDepth: 2 })).toBe('maxConfigDepth');
    expect(limitOf({ a: { b: ['{{ x }}'] } }, { maxConfigDepth: 3 })).toBe('rendered');
  });

  it('the same templates render within larger limits', () => {
    expect(renderTemplates('{{ x * 11 }}', { x: 'x' }, { maxOutputLength: 11 })).toBe(
      'x'.repeat(11),
    );
    expect(
      renderTemplates('{% for i in range(3) %}{{ i }}{% endfor %}', {}, { maxLoopIterations: 3 }),
    ).toBe('012');
  });

  it('refuses a limit that is not a positive number', () => {
    for (const bad of [0, -1, Number.NaN, '5'] as unknown[]) {
      expect(() => renderTemplates('{{ x }}', { x: 1 }, { maxSteps: bad as number })).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
    }
    expect(isValidationError(new Error('no'))).toBe(false);
  });
});
