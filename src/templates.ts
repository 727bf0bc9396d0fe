/**
 * Airflow (Jinja) templates. Wherever Python's config generator passes a value through untouched,
 * an Airflow user may write a template such as `"{{ role }}"` instead of the value; the builders
 * pass it through unchanged and the operators render it before submitting.
 */

/** A Jinja template string such as `"{{ ti.xcom_pull(task_ids='train') }}"`. */
export type Placeholder = `${string}{{${string}}}${string}`;

/** A value of type `T`, or a Jinja template that renders to one. */
export type Templated<T> = T | Placeholder;

/**
 * True when `text` holds `open` and, after it, `close`. The first `open` is the one to test: it
 * sees the most text after it. Two `indexOf` calls are linear, where the lazy regular expression
 * this replaces (`/\{\{[\s\S]*?\}\}/`) retried from every `{{` and took quadratic time on
 * 100 KB of `{{{{` without a close (about 23 s).
 */
function holdsPair(text: string, open: string, close: string): boolean {
  const start = text.indexOf(open);
  return start >= 0 && text.indexOf(close, start + open.length) >= 0;
}

/** True when `value` is a string that holds a Jinja expression or statement. */
export function isPlaceholder(value: unknown): value is Placeholder {
  return (
    typeof value === 'string' && (holdsPair(value, '{{', '}}') || holdsPair(value, '{%', '%}'))
  );
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
