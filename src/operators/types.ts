/**
 * Config types the operators accept: the SDK's request types, where any leaf may also be a Jinja
 * template (rendered with `templateContext`), plus Python's `S3Operations`.
 */
import type { Placeholder } from '../templates.js';
import type { S3Operations } from './s3Operations.js';

/** `T` where every leaf value may also be a {@link Placeholder}. */
export type TemplatedDeep<T> = T extends readonly (infer U)[]
  ? readonly TemplatedDeep<U>[]
  : T extends Date
    ? T | Placeholder
    : T extends object
      ? { readonly [K in keyof T]: TemplatedDeep<T[K]> }
      : T | Placeholder;

/** A request as the config builders return it: possibly templated, possibly with `S3Operations`. */
export type OperatorConfig<T> = TemplatedDeep<T> & { readonly S3Operations?: S3Operations };
