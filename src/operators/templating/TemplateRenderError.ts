import { SageMakerWorkflowError, errorGuard } from '../../errors.js';

function where(path: string): string {
  return path === '' ? 'the config' : path;
}

/** A Jinja template in a config could not be rendered (bad syntax, a failing call, a bad filter). */
export class TemplateRenderError extends SageMakerWorkflowError {
  override readonly name = 'TemplateRenderError';
  readonly code = 'TEMPLATE_RENDER';

  constructor(
    /** Field path of the templated value in the config. */
    readonly path: string,
    /** The template as written. */
    readonly template: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Cannot render the template at ${where(path)} (${JSON.stringify(template)}): ${detail}`,
      options,
    );
  }
}
/** Guard for {@link TemplateRenderError}. */
export const isTemplateRenderError = errorGuard<TemplateRenderError>('TEMPLATE_RENDER');

/**
 * A template outputs a variable or member the context does not define. Like Airflow (whose DAGs
 * default to Jinja's `StrictUndefined`), a missing value is an error, never an empty string.
 */
export class TemplateUndefinedError extends SageMakerWorkflowError {
  override readonly name = 'TemplateUndefinedError';
  readonly code = 'TEMPLATE_UNDEFINED';

  constructor(
    readonly path: string,
    readonly template: string,
    /** The last name looked up without a value, when known. */
    readonly variable: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `The template at ${where(path)} (${JSON.stringify(template)}) outputs an undefined value${
        variable === undefined ? '' : `: ${JSON.stringify(variable)} is not defined`
      }`,
      options,
    );
  }
}
/** Guard for {@link TemplateUndefinedError}. */
export const isTemplateUndefinedError = errorGuard<TemplateUndefinedError>('TEMPLATE_UNDEFINED');

/**
 * A template reaches for something templates may not touch (`constructor`, `__proto__`, the
 * `Function` constructor): the way out of the template to the host process.
 */
export class TemplateForbiddenError extends SageMakerWorkflowError {
  override readonly name = 'TemplateForbiddenError';
  readonly code = 'TEMPLATE_FORBIDDEN';

  constructor(
    readonly path: string,
    readonly template: string,
    /** The member or name refused. */
    readonly member: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The template at ${where(path)} (${JSON.stringify(template)}) may not access ${JSON.stringify(member)}`,
      options,
    );
  }
}
/** Guard for {@link TemplateForbiddenError}. */
export const isTemplateForbiddenError = errorGuard<TemplateForbiddenError>('TEMPLATE_FORBIDDEN');

/**
 * A template or config went over a limit of rendering (length, output size, steps, loop
 * iterations, time, nesting depth; see `TemplateLimits`), or Jinja2's sandbox range limit.
 */
export class TemplateLimitError extends SageMakerWorkflowError {
  override readonly name = 'TemplateLimitError';
  readonly code = 'TEMPLATE_LIMIT';

  constructor(
    readonly path: string,
    /** The template as written, cut to 200 characters. */
    readonly template: string,
    /** The limit exceeded: a `TemplateLimits` option name, or `range`. */
    readonly limit: string,
    detail: string,
  ) {
    super(`Cannot render the template at ${where(path)}: ${detail}`);
  }
}
/** Guard for {@link TemplateLimitError}. */
export const isTemplateLimitError = errorGuard<TemplateLimitError>('TEMPLATE_LIMIT');
