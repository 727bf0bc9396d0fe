/**
 * The engine's own failure, thrown while parsing or evaluating one template. `renderTemplates`
 * turns it into the public error class of its kind, with the config path and the template.
 * @internal
 */
export class TemplateFault extends Error {
  override readonly name = 'TemplateFault';

  constructor(
    /** Which public error this becomes. */
    readonly kind: 'render' | 'undefined' | 'forbidden' | 'limit',
    message: string,
    /** The undefined variable, the refused member, or the exceeded limit. */
    readonly subject?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A Jinja2 `TemplateSyntaxError`, `TypeError` or the like: bad syntax or a bad operation. @internal */
export const renderFault = (message: string, options?: { cause?: unknown }): TemplateFault =>
  new TemplateFault('render', message, undefined, options);

/** Jinja2's `UndefinedError` under `StrictUndefined`. @internal */
export const undefinedFault = (name: string): TemplateFault =>
  new TemplateFault('undefined', `${JSON.stringify(name)} is undefined`, name);

/** Jinja2's `SecurityError`, and the JavaScript names that lead to the host. @internal */
export const forbiddenFault = (member: string): TemplateFault =>
  new TemplateFault('forbidden', `access to ${JSON.stringify(member)} is not allowed`, member);

/** A limit of {@link TemplateLimits} was exceeded. @internal */
export const limitFault = (limit: string, detail: string): TemplateFault =>
  new TemplateFault('limit', detail, limit);
