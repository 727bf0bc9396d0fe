/**
 * Turns a request with Airflow templates into an ASL payload template: a string that is one XCom
 * pull becomes a JSONPath (`"Field.$": "$.train.Training.TrainingJobName"`), a template inside a
 * longer string becomes `States.Format`, `.strip('"')` becomes `States.StringToJson`, and a list
 * of strings with templates becomes `States.Array`. Resource names are swapped for their
 * per-execution expressions. See https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
import {
  UnresolvedReferenceError,
  UntranslatableTemplateError,
  InvalidStepError,
} from './errors.js';
import {
  TemplateParseFailure,
  hasTemplate,
  parseTemplate,
  type TemplateExpression,
} from './parseTemplate.js';

/** A template the translator resolved: where it stood and the JSONPath it became. */
export interface ResolvedReference {
  readonly stepId: string;
  /** Dotted path of the field in the step's request. */
  readonly field: string;
  /** The expression between the braces. */
  readonly template: string;
  /** The task id pulled, for XCom templates. */
  readonly taskId?: string;
  /** The JSONPath (or intrinsic, for `.strip`) that reads the value at run time. */
  readonly expression: string;
}

/** What the translation of one step needs to know. @internal */
export interface TranslateContext {
  readonly stepId: string;
  /** Task ids that have run before this step on every path to it. */
  readonly available: ReadonlySet<string>;
  /** Literal resource name → the ASL expression that names it in this execution. */
  readonly names: ReadonlyMap<string, string>;
  /** Resolved references are appended here. */
  readonly references: ResolvedReference[];
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const QUOTABLE_KEY = /^[A-Za-z0-9_ .:/@+=-]+$/;

/** A JSONPath from `root` through `keys`: dot notation where it can, `['...']` where it must. */
export function jsonPath(root: string, keys: readonly (string | number)[]): string | undefined {
  let path = root;
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (SIMPLE_KEY.test(key)) path += `.${key}`;
    else if (QUOTABLE_KEY.test(key)) path += `['${key}']`;
    else return undefined;
  }
  return path;
}

/** Where a step's result is kept in the state: `$.<task id>`. */
export function resultPath(taskId: string): string {
  const path = jsonPath('$', [taskId]);
  if (path === undefined) {
    throw new InvalidStepError(taskId, 'a step id may hold letters, digits and _ . : / @ + = -');
  }
  return path;
}

/** An intrinsic-function string literal: `'...'` with `' { } \` escaped by a backslash. */
export function intrinsicString(literal: string): string {
  return `'${literal.replace(/['{}\\]/g, (c) => `\\${c}`)}'`;
}

function expressionFor(
  expression: TemplateExpression,
  field: string,
  template: string,
  ctx: TranslateContext,
): string {
  let path: string | undefined;
  if (expression.root === 'params') {
    path = jsonPath('$$.Execution.Input', expression.keys);
  } else {
    const taskId = expression.taskId ?? '';
    if (!ctx.available.has(taskId)) {
      throw new UnresolvedReferenceError(ctx.stepId, field, template, taskId, [...ctx.available]);
    }
    path = jsonPath(resultPath(taskId), expression.keys);
  }
  if (path === undefined) {
    throw new UntranslatableTemplateError(
      ctx.stepId,
      field,
      template,
      `a key in ${expression.source} has characters a JSONPath cannot quote`,
    );
  }
  // Python's strip('"') of a JSON-quoted string equals parsing it as JSON.
  const result = expression.strip ? `States.StringToJson(${path})` : path;
  ctx.references.push({
    stepId: ctx.stepId,
    field,
    template: expression.source,
    ...(expression.taskId === undefined ? {} : { taskId: expression.taskId }),
    expression: result,
  });
  return result;
}

/**
 * The ASL expression for a string value, or `undefined` for a string that stays literal.
 * @throws {@link UntranslatableTemplateError} or {@link UnresolvedReferenceError}
 */
export function translateString(
  value: string,
  field: string,
  ctx: TranslateContext,
): string | undefined {
  const name = ctx.names.get(value);
  if (name !== undefined) return name;
  if (!hasTemplate(value)) return undefined;
  let segments;
  try {
    segments = parseTemplate(value);
  } catch (error) {
    if (!(error instanceof TemplateParseFailure)) throw error;
    throw new UntranslatableTemplateError(ctx.stepId, field, value, error.message);
  }
  const [only] = segments;
  if (segments.length === 1 && only !== undefined && 'expression' in only) {
    return expressionFor(only.expression, field, value, ctx);
  }
  if (segments.some((s) => 'literal' in s && s.literal.includes('\\'))) {
    // Step Functions takes '\\' in a States.Format literal, but asl-validator refuses it.
    throw new UntranslatableTemplateError(
      ctx.stepId,
      field,
      value,
      'a backslash in the text around a template has no escape every ASL validator accepts',
    );
  }
  const args = segments.flatMap((s) =>
    'expression' in s ? [expressionFor(s.expression, field, value, ctx)] : [],
  );
  // Only the literal parts are escaped: the '{}' placeholders must stay as they are.
  const escaped = segments
    .map((s) => ('literal' in s ? intrinsicString(s.literal).slice(1, -1) : '{}'))
    .join('');
  return `States.Format('${escaped}', ${args.join(', ')})`;
}

function scalarArgument(value: unknown, field: string, ctx: TranslateContext): string | undefined {
  if (typeof value === 'string')
    return translateString(value, field, ctx) ?? intrinsicString(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return JSON.stringify(value);
  }
  return undefined;
}

function isDynamicString(value: unknown, ctx: TranslateContext): boolean {
  return typeof value === 'string' && (ctx.names.has(value) || hasTemplate(value));
}

function containsDynamic(value: unknown, ctx: TranslateContext): boolean {
  if (Array.isArray(value)) return value.some((v) => containsDynamic(v, ctx));
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some((v) => containsDynamic(v, ctx));
  }
  return isDynamicString(value, ctx);
}

/**
 * Translates a request (any JSON value) into an ASL payload template.
 * @throws {@link UntranslatableTemplateError}, {@link UnresolvedReferenceError}, or
 *   {@link InvalidStepError} for a key that already ends in `.$`
 */
export function translateParameters(
  value: Readonly<Record<string, unknown>>,
  field: string,
  ctx: TranslateContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const path = field ? `${field}.${key}` : key;
    if (key.endsWith('.$')) {
      throw new InvalidStepError(ctx.stepId, `the key ${path} ends in ".$", which ASL reserves`);
    }
    if (typeof item === 'string') {
      const expression = translateString(item, path, ctx);
      if (expression === undefined) out[key] = item;
      else out[`${key}.$`] = expression;
    } else if (Array.isArray(item)) {
      if (item.some((element) => isDynamicString(element, ctx))) {
        const args = item.map((element, i) => scalarArgument(element, `${path}[${i}]`, ctx));
        if (args.some((a) => a === undefined)) {
          throw new UntranslatableTemplateError(
            ctx.stepId,
            path,
            String(item.find((element) => isDynamicString(element, ctx))),
            'a list that mixes templated strings with objects or lists has no ASL form',
          );
        }
        out[`${key}.$`] = `States.Array(${args.join(', ')})`;
      } else {
        out[key] = item.map((element: unknown, i) => {
          if (Array.isArray(element) && containsDynamic(element, ctx)) {
            throw new UntranslatableTemplateError(
              ctx.stepId,
              `${path}[${i}]`,
              JSON.stringify(element),
              'a template in a list nested in a list has no ASL form',
            );
          }
          return typeof element === 'object' && element !== null && !Array.isArray(element)
            ? translateParameters(element as Record<string, unknown>, `${path}[${i}]`, ctx)
            : element;
        });
      }
    } else if (typeof item === 'object' && item !== null) {
      out[key] = translateParameters(item as Record<string, unknown>, path, ctx);
    } else {
      out[key] = item;
    }
  }
  return out;
}
