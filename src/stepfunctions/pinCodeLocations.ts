/**
 * Keeps a template that names staged code as the code's fixed location. Python's
 * `model_config_from_estimator` points a framework model at its training job's code as
 * `s3://<bucket>/{{ ...['Training']['TrainingJobName'] }}/source/sourcedir.tar.gz`: in Airflow the
 * pulled name is the built one, so the template renders to the uploaded key. On Step Functions the
 * job is named per execution (`<name>-<token>`), where no code was ever uploaded. So a string whose
 * templates, rendered with the values the requests hold at build time, give the `s3://` URI of an
 * exported upload is that URI, literally: the code is staged once, not per execution.
 */
import { hasTemplate, parseTemplate, type TemplateExpression } from './parseTemplate.js';

/** What the pinning reads. @internal */
export interface CodeLocations {
  /** `s3://<Bucket>/<Key>` of every exported upload. */
  readonly uris: ReadonlySet<string>;
  /** Each task's result as far as its requests tell it at build time, in its XCom shape. */
  readonly known: ReadonlyMap<string, unknown>;
  /** Tasks that have run before this step on every path to it. */
  readonly available: ReadonlySet<string>;
}

function buildTimeValue(expression: TemplateExpression, at: CodeLocations): string | undefined {
  const taskId = expression.taskId;
  if (expression.root !== 'xcom' || taskId === undefined || !at.available.has(taskId)) {
    return undefined;
  }
  let value: unknown = at.known.get(taskId);
  for (const key of expression.keys) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  if (typeof value !== 'string' || hasTemplate(value)) return undefined;
  // Python's str.strip('"'): every leading and trailing double quote.
  return expression.strip ? value.replace(/^"+|"+$/g, '') : value;
}

function pinString(value: string, at: CodeLocations): string {
  if (!hasTemplate(value)) return value;
  let rendered = '';
  try {
    for (const segment of parseTemplate(value)) {
      if ('literal' in segment) rendered += segment.literal;
      else {
        const part = buildTimeValue(segment.expression, at);
        if (part === undefined) return value;
        rendered += part;
      }
    }
  } catch {
    // An unparsable template is the translator's to report, with its field.
    return value;
  }
  return at.uris.has(rendered) ? rendered : value;
}

/**
 * The request with every templated string that renders to an upload's URI replaced by the URI;
 * the request given is not changed.
 * @internal
 */
export function pinCodeLocations(
  request: Readonly<Record<string, unknown>>,
  at: CodeLocations,
): Readonly<Record<string, unknown>> {
  if (at.uris.size === 0) return request;
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return pinString(item, at);
    if (Array.isArray(item)) return item.map(walk);
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, walk(v)]));
    }
    return item;
  };
  return walk(request) as Readonly<Record<string, unknown>>;
}
