/**
 * The bounds on one `renderTemplates` call, so that no template can hold the process: size in,
 * size out, work done, time taken, and nesting.
 * @internal
 */
import { ValidationError } from '../../../errors.js';
import { limitFault } from './TemplateFault.js';

/** Limits on rendering; each exceeded limit throws a `TemplateLimitError` naming it. */
export interface TemplateLimits {
  /** Longest template string, in characters. @default 100000 */
  readonly maxTemplateLength?: number;
  /** Longest rendered string, and longest string or list a template builds on the way. @default 1000000 */
  readonly maxOutputLength?: number;
  /** Evaluation steps (expressions and statements evaluated) per template string. @default 1000000 */
  readonly maxSteps?: number;
  /** Loop iterations per template string, over all its `for` loops. @default 100000 */
  readonly maxLoopIterations?: number;
  /** Wall-clock time for the whole call, in milliseconds. @default 5000 */
  readonly timeBudgetMs?: number;
  /** Nesting depth of a template's blocks and expressions (and of values it prints). @default 100 */
  readonly maxNestingDepth?: number;
  /** Nesting depth of objects and lists in the config walked. @default 1000 */
  readonly maxConfigDepth?: number;
}

/** The defaults of {@link TemplateLimits}. */
export const TEMPLATE_LIMIT_DEFAULTS = {
  maxTemplateLength: 100_000,
  maxOutputLength: 1_000_000,
  maxSteps: 1_000_000,
  maxLoopIterations: 100_000,
  timeBudgetMs: 5_000,
  maxNestingDepth: 100,
  maxConfigDepth: 1_000,
} as const satisfies Required<TemplateLimits>;

/** Resolved limits. @internal */
export type ResolvedLimits = { readonly [K in keyof TemplateLimits]-?: number };

/**
 * Fills in the defaults.
 * @throws ValidationError for a limit that is not a positive number.
 * @internal
 */
export function resolveLimits(limits: TemplateLimits | undefined): ResolvedLimits {
  const resolved = { ...TEMPLATE_LIMIT_DEFAULTS } as Record<keyof TemplateLimits, number>;
  for (const key of Object.keys(TEMPLATE_LIMIT_DEFAULTS) as (keyof TemplateLimits)[]) {
    const value: unknown = limits?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) {
      throw new ValidationError(key, value, 'a positive number');
    }
    resolved[key] = value;
  }
  return resolved;
}

/** Counts the work of one template and watches the call's clock. @internal */
export class Budget {
  private steps = 0;
  private iterations = 0;

  constructor(
    readonly limits: ResolvedLimits,
    private readonly deadline: number,
  ) {}

  /** One evaluation step; checks the clock every 1024 steps. */
  step(): void {
    if (++this.steps > this.limits.maxSteps) {
      throw limitFault(
        'maxSteps',
        `the template took more than ${this.limits.maxSteps} evaluation steps`,
      );
    }
    if ((this.steps & 1023) === 0) this.checkTime();
  }

  /** One loop iteration. */
  iteration(): void {
    if (++this.iterations > this.limits.maxLoopIterations) {
      throw limitFault(
        'maxLoopIterations',
        `the template ran more than ${this.limits.maxLoopIterations} loop iterations`,
      );
    }
    this.step();
  }

  /** Refuses a string or list longer than the output limit, before it is built where possible. */
  size(length: number): void {
    if (length > this.limits.maxOutputLength) {
      throw limitFault(
        'maxOutputLength',
        `the template builds a value of ${length} items or characters, over ${this.limits.maxOutputLength}`,
      );
    }
  }

  checkTime(): void {
    if (performance.now() > this.deadline) {
      throw limitFault('timeBudgetMs', `rendering took longer than ${this.limits.timeBudgetMs} ms`);
    }
  }
}
