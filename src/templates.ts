/**
 * Airflow (Jinja) templates. Wherever Python's config generator passes a value through untouched,
 * an Airflow user may write a template such as `"{{ role }}"` instead of the value; the builders
 * pass it through unchanged and the operators render it before submitting.
 */

/** A Jinja template string such as `"{{ ti.xcom_pull(task_ids='train') }}"`. */
export type Placeholder = `${string}{{${string}}}${string}`;

/** A value of type `T`, or a Jinja template that renders to one. */
export type Templated<T> = T | Placeholder;

const PLACEHOLDER = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/;

/** True when `value` is a string that holds a Jinja expression or statement. */
export function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}

/**
 * A request type of the AWS SDK widened so that any scalar member may also be a template, as in
 * the configs Airflow users write (`InstanceCount: "{{ n }}"`).
 */
export type Templatable<T> = T extends string | number | boolean
  ? T | Placeholder
  : T extends Date
    ? T | Placeholder
    : T extends readonly (infer U)[]
      ? Templatable<U>[]
      : T extends object
        ? { [K in keyof T]: Templatable<T[K]> }
        : T;
