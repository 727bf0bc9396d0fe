import nunjucks from 'nunjucks';
import { childPath, indexPath, isPlainObject } from '../validation/configPath.js';
import {
  TemplateForbiddenError,
  TemplateRenderError,
  TemplateUndefinedError,
} from './TemplateRenderError.js';
import { AIRFLOW_FILTERS } from './airflowFilters.js';

/*
 * Rendering runs nunjucks (a Jinja-compatible engine) with a runtime of our own in place of its
 * global one. nunjucks has no sandbox: a template can walk `"".constructor.constructor` to the
 * Function constructor and from there to `process` and `require`. Compiled templates reach every
 * value through four runtime functions (`contextOrFrameLookup`, `memberLookup`, `callWrap`,
 * `ensureDefined`); ours refuse `constructor`, `prototype` and `__`-names (Airflow's sandbox also
 * refuses `__` attributes), hide what objects inherit from `Object.prototype` and
 * `Function.prototype`, and never hand out or call a Function-family constructor.
 */

/** The parts of nunjucks' runtime and compiler that @types/nunjucks does not declare. */
interface NunjucksFrame {
  lookup(name: string): unknown;
}
interface NunjucksContext {
  lookup(name: string): unknown;
}
type RootRender = (
  env: unknown,
  context: unknown,
  frame: unknown,
  runtime: unknown,
  cb: (err: unknown, res: unknown) => void,
) => void;
interface NunjucksInternals {
  readonly runtime: Readonly<Record<string, unknown>> & {
    callWrap(fn: unknown, name: string, context: unknown, args: unknown[]): unknown;
  };
  readonly compiler: {
    compile(
      src: string,
      asyncFilters: unknown,
      extensions: unknown,
      name: unknown,
      opts: unknown,
    ): string;
  };
  readonly Template: new (
    src: { type: 'code'; obj: { root: RootRender } },
    env: nunjucks.Environment,
  ) => { render(context: object): string };
}
interface EnvironmentInternals {
  filters: Record<string, unknown>;
  tests: Record<string, unknown>;
  globals: Record<string, unknown>;
  readonly asyncFilters: unknown;
  readonly extensionsList: unknown;
  readonly opts: unknown;
}

const internals = nunjucks as unknown as NunjucksInternals;
const TEMPLATE_SYNTAX = /\{\{|\{%|\{#/;
const FORBIDDEN_NAMES = new Set(['constructor', 'prototype', 'caller', 'callee', 'arguments']);
const constructorOf = (fn: unknown): unknown =>
  (Object.getPrototypeOf(fn) as { constructor: unknown }).constructor;
const AsyncFunction = constructorOf(async function () {});
const GeneratorFunction = constructorOf(function* () {});
const AsyncGeneratorFunction = constructorOf(async function* () {});
const CODE_CONSTRUCTORS = new Set<unknown>([
  Function,
  AsyncFunction,
  GeneratorFunction,
  AsyncGeneratorFunction,
]);

function forbidden(name: string): boolean {
  return name.startsWith('__') || FORBIDDEN_NAMES.has(name);
}

/** True when `key` on `target` would only find what every object or function inherits. */
function inheritedBuiltin(target: object, key: string): boolean {
  if (Object.hasOwn(target, key)) return false;
  return key in Object.prototype || (typeof target === 'function' && key in Function.prototype);
}

function createEnvironment(): nunjucks.Environment {
  // An explicit empty loader list: with none given, nunjucks would read templates from ./views.
  const env = new nunjucks.Environment([], { autoescape: false, throwOnUndefined: true });
  const inner = env as unknown as EnvironmentInternals;
  // Null-prototype tables, so `{{ x | constructor }}` finds no filter rather than `Object`.
  inner.filters = Object.assign(Object.create(null) as Record<string, unknown>, inner.filters);
  inner.tests = Object.assign(Object.create(null) as Record<string, unknown>, inner.tests);
  inner.globals = Object.assign(Object.create(null) as Record<string, unknown>, inner.globals);
  for (const [name, filter] of Object.entries(AIRFLOW_FILTERS)) env.addFilter(name, filter);
  return env;
}

interface Job {
  readonly env: nunjucks.Environment;
  readonly context: Readonly<Record<string, unknown>>;
}

function renderString(job: Job, template: string, path: string): string {
  let failure: Error | undefined;
  let lastUndefined: string | undefined;
  let hostError: unknown;
  const fail = (error: Error): never => {
    failure ??= error;
    throw error;
  };
  // Functions the caller put in the context get keyword arguments as a plain last argument:
  // `ti.xcom_pull(task_ids='train')` calls `xcom_pull({ task_ids: 'train' })`.
  const wrapHost = (fn: (...args: unknown[]) => unknown, self: unknown): unknown => {
    return (...args: unknown[]): unknown => {
      const last = args.at(-1);
      if (isPlainObject(last) && Object.hasOwn(last, '__keywords')) {
        args[args.length - 1] = Object.fromEntries(
          Object.entries(last).filter(([key]) => key !== '__keywords'),
        );
      }
      try {
        return fn.apply(self, args);
      } catch (error) {
        // nunjucks keeps only the message; keep the caller's error itself as the cause.
        hostError ??= error;
        throw error;
      }
    };
  };
  const guardValue = (value: unknown, name: string): unknown => {
    if (CODE_CONSTRUCTORS.has(value)) fail(new TemplateForbiddenError(path, template, name));
    return value;
  };

  const runtime = Object.assign(Object.create(internals.runtime) as object, {
    contextOrFrameLookup(context: NunjucksContext, frame: NunjucksFrame, name: string): unknown {
      if (forbidden(name)) fail(new TemplateForbiddenError(path, template, name));
      const local = frame.lookup(name);
      if (local !== undefined) return guardValue(local, name);
      if (Object.hasOwn(job.context, name)) {
        const value = guardValue(job.context[name], name);
        if (value === undefined) lastUndefined = name;
        return typeof value === 'function'
          ? wrapHost(value as (...args: unknown[]) => unknown, undefined)
          : value;
      }
      const value = inheritedBuiltin(job.context, name) ? undefined : context.lookup(name);
      if (value === undefined) lastUndefined = name;
      return guardValue(value, name);
    },
    memberLookup(target: unknown, key: unknown): unknown {
      const name = String(key);
      if (forbidden(name)) fail(new TemplateForbiddenError(path, template, name));
      if (target === undefined || target === null) return undefined;
      const boxed = Object(target) as Record<string, unknown>;
      if (inheritedBuiltin(boxed, name)) {
        lastUndefined = name;
        return undefined;
      }
      const value = guardValue(boxed[name], name);
      if (value === undefined) lastUndefined = name;
      if (typeof value === 'function') {
        return wrapHost(value as (...args: unknown[]) => unknown, target);
      }
      return value;
    },
    callWrap(fn: unknown, name: string, context: unknown, args: unknown[]): unknown {
      guardValue(fn, name);
      return internals.runtime.callWrap(fn, name, context, args);
    },
    ensureDefined(value: unknown): unknown {
      // Jinja prints None as "None" and nunjucks prints null as ""; only a value the context does
      // not have at all is an error.
      if (value === undefined) fail(new TemplateUndefinedError(path, template, lastUndefined));
      return value;
    },
  });

  const inner = job.env as unknown as EnvironmentInternals;
  try {
    const source = internals.compiler.compile(
      template,
      inner.asyncFilters,
      inner.extensionsList,
      undefined,
      inner.opts,
    );
    // nunjucks itself turns compiled templates into functions this way (Template#_compile).
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const compiled = (new Function(source) as () => { root: RootRender })();
    const root: RootRender = (env, context, frame, _runtime, cb) => {
      compiled.root(env, context, frame, runtime, cb);
    };
    const tmpl = new internals.Template({ type: 'code', obj: { root } }, job.env);
    return tmpl.render(job.context);
  } catch (error) {
    if (failure) throw failure;
    const detail =
      error instanceof Error ? error.message.replace(/^\(unknown path\)\s*/, '') : String(error);
    throw new TemplateRenderError(path, template, detail, { cause: hostError ?? error });
  }
}

function render(job: Job, value: unknown, path: string): unknown {
  if (typeof value === 'string') {
    return TEMPLATE_SYNTAX.test(value) ? renderString(job, value, path) : value;
  }
  if (Array.isArray(value)) return value.map((item, i) => render(job, item, indexPath(path, i)));
  if (isPlainObject(value)) {
    // Keys stay as written: Airflow's render_template renders dict values, never keys.
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, render(job, v, childPath(path, k))]),
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
 * The engine is nunjucks (Jinja syntax) in a fresh environment with no template loaders,
 * autoescaping off, and no way to the host: `constructor`, `prototype` and `__`-names are refused.
 * Values the caller supplies are reachable (`{{ ds }}`, `{{ params.epochs }}`); functions in the
 * context receive keyword arguments as a plain last argument, so
 * `{{ ti.xcom_pull(task_ids='train')['Training']['TrainingJobName'] }}` works with a `ti` whose
 * `xcom_pull` reads `{ task_ids }`. Airflow's date filters `ds`, `ds_nodash`, `ts`, `ts_nodash`
 * and `ts_nodash_with_tz` take a `Date`.
 *
 * Differences from Airflow's Jinja: an undefined value is an error only when it is output (a
 * filter such as `default` may replace it first); `null` renders as an empty string, not `None`;
 * a trailing newline is kept.
 * @throws TemplateUndefinedError when a template outputs a value the context does not define.
 * @throws TemplateForbiddenError when a template reaches for `constructor`, `__proto__` and the like.
 * @throws TemplateRenderError for syntax errors and errors thrown by context functions.
 * @example
 * const rendered = renderTemplates(config, { ds: '2024-01-01', ti: { xcom_pull } });
 */
export function renderTemplates<T>(config: T, context: Readonly<Record<string, unknown>>): T {
  const job: Job = {
    env: createEnvironment(),
    context: Object.assign(Object.create(null) as Record<string, unknown>, context),
  };
  return render(job, config, '') as T;
}
