import { childPath, indexPath, isPlainObject } from '../validation/configPath.js';
import { renderTemplate } from './engine/evaluate.js';
import {
  Budget,
  resolveLimits,
  type ResolvedLimits,
  type TemplateLimits,
} from './engine/limits.js';
import { TemplateFault } from './engine/TemplateFault.js';
import {
  TemplateForbiddenError,
  TemplateLimitError,
  TemplateRenderError,
  TemplateUndefinedError,
} from './TemplateRenderError.js';

/*
 * Rendering interprets: each template is lexed, parsed to a tree of plain data and evaluated by a
 * tree walk over the caller's values (`./engine`). No template text ever becomes JavaScript, so no
 * name, filter or string in a template can run code; nunjucks, which compiled templates with
 * `new Function` and pasted names into that code unescaped, is gone.
 */

/** Options of {@link renderTemplates}: the limits on rendering, each with its default. */
export type RenderTemplatesOptions = TemplateLimits;

const TEMPLATE_SYNTAX = /\{\{|\{%|\{#/;

interface Job {
  readonly context: Readonly<Record<string, unknown>>;
  readonly limits: ResolvedLimits;
  readonly deadline: number;
}

function publicError(fault: TemplateFault, path: string, template: string): Error {
  switch (fault.kind) {
    case 'undefined':
      return new TemplateUndefinedError(path, template, fault.subject);
    case 'forbidden':
      return new TemplateForbiddenError(path, template, fault.subject ?? '');
    case 'limit':
      return new TemplateLimitError(
        path,
        template.slice(0, 200),
        fault.subject ?? '',
        fault.message,
      );
    default:
      return new TemplateRenderError(path, template, fault.message, {
        cause: fault.cause ?? fault,
      });
  }
}

function renderString(job: Job, template: string, path: string): string {
  const budget = new Budget(job.limits, job.deadline);
  try {
    budget.checkTime();
    return renderTemplate(template, job.context, budget);
  } catch (error) {
    if (error instanceof TemplateFault) throw publicError(error, path, template.slice(0, 10_000));
    // Anything else is a bug of the engine (a stack overflow included): still a typed error.
    const detail = error instanceof Error ? error.message : String(error);
    throw new TemplateRenderError(path, template.slice(0, 10_000), detail, { cause: error });
  }
}

function render(job: Job, value: unknown, path: string, depth: number): unknown {
  if (typeof value === 'string') {
    return TEMPLATE_SYNTAX.test(value) ? renderString(job, value, path) : value;
  }
  if (Array.isArray(value) || isPlainObject(value)) {
    if (depth >= job.limits.maxConfigDepth) {
      throw new TemplateLimitError(
        path,
        '',
        'maxConfigDepth',
        `the config nests deeper than ${job.limits.maxConfigDepth} levels`,
      );
    }
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => render(job, item, indexPath(path, i), depth + 1));
  }
  if (isPlainObject(value)) {
    // Keys stay as written: Airflow's render_template renders dict values, never keys.
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, render(job, v, childPath(path, k), depth + 1)]),
    );
  }
  return value;
}

/**
 * Returns a copy of `config` with every string rendered as a Jinja template against `context`, as
 * Airflow renders an operator's templated fields: strings in lists and in object values are
 * rendered, object keys are not. Rendered values are strings; run `coerceConfig` afterwards to turn
 * numbers and booleans back to their API types.
 *
 * Rendering equals Jinja2's `SandboxedEnvironment(undefined=StrictUndefined)`, Airflow's, on the
 * subset configs use (the JavaScript-to-Python value mapping is in `engine/values.ts`): names, attributes and items, calls with keyword
 * arguments, filters (Airflow's date filters included), tests, Python's operators, `%` and
 * `str.format`, string methods, `{% if %}`, `{% for %}` and `{% set %}`. Values print as Python
 * prints them (`None`, `True`, `[1, 'a']`). The context is read, never changed; only its own data
 * properties are visible, and `constructor`, `prototype` and `__`-names are refused. Functions in
 * the context are called with `this` undefined and get keyword arguments as a plain last argument,
 * so `{{ ti.xcom_pull(task_ids='train')['Training']['TrainingJobName'] }}` works with a `ti` whose
 * `xcom_pull` reads `{ task_ids }`; `airflowContext()` builds Airflow's whole context.
 * @throws TemplateUndefinedError when a template uses a value the context does not define.
 * @throws TemplateForbiddenError when a template reaches for `constructor`, `__proto__` and the like.
 * @throws TemplateLimitError when a template or the config goes over a limit of `options`.
 * @throws ValidationError when a limit in `options` is not a positive number.
 * @throws TemplateRenderError for syntax errors, bad operations and errors thrown by context functions.
 * @example
 * const rendered = renderTemplates(config, airflowContext({ logicalDate: new Date() }));
 */
export function renderTemplates<T>(
  config: T,
  context: Readonly<Record<string, unknown>>,
  options?: RenderTemplatesOptions,
): T {
  const limits = resolveLimits(options);
  const job: Job = { context, limits, deadline: performance.now() + limits.timeBudgetMs };
  return render(job, config, '', 0) as T;
}
