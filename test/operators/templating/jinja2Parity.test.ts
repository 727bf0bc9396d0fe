import { describe, expect, it } from 'vitest';
import { isSageMakerWorkflowError } from '../../../src/errors.js';
import { renderTemplates } from '../../../src/operators/templating/index.js';
import { renderWithJinja2, type JinjaCase, type JinjaOutcome } from '../../jinja/jinja2.js';
import { JINJA_CASES } from './jinjaCases.js';

/** Our outcome in Jinja2's shape; anything but a rendered string or a typed error is a bug. */
function ours(c: JinjaCase): JinjaOutcome {
  try {
    return { ok: true, out: renderTemplates(c.template, c.context ?? {}) };
  } catch (error) {
    if (!isSageMakerWorkflowError(error)) throw error;
    return { ok: false, error: error.name, message: error.message };
  }
}

/** The cases whose outcomes differ: both must render the same text, or both must fail. */
export function differences(cases: readonly JinjaCase[], expected: readonly JinjaOutcome[]) {
  return cases.flatMap((c, i) => {
    const mine = ours(c);
    const theirs = expected[i];
    const same =
      theirs !== undefined &&
      (mine.ok && theirs.ok ? mine.out === theirs.out : mine.ok === theirs.ok);
    return same ? [] : [{ template: c.template, ours: mine, jinja2: theirs }];
  });
}

describe('parity with Jinja2 (SandboxedEnvironment, StrictUndefined)', () => {
  it(`renders all ${JINJA_CASES.length} hand-written templates as Jinja2 does`, () => {
    // GIVEN Jinja2's outcome for every case
    const expected = renderWithJinja2(JINJA_CASES);
    // WHEN our engine renders them
    const diffs = differences(JINJA_CASES, expected);
    // THEN no case differs
    expect(diffs).toStrictEqual([]);
    expect(JINJA_CASES.length).toBeGreaterThanOrEqual(100);
  });
});
