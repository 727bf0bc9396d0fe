/**
 * Where a template may stand in a config an Airflow operator renders. Airflow renders every string
 * value of the `config` field to a string; the provider then casts its `integer_fields` back to
 * `int` and hands the rest to boto3 as rendered. A template in any other number or boolean member
 * reaches the API as a string and is refused there, hours into a DAG run; here it is refused when
 * the DAG is written.
 * @internal
 */
import { isPlaceholder } from '../templates.js';
import { rootShapeOf } from '../operators/validation/configKind.js';
import { childPath, indexPath, isPlainObject } from '../operators/validation/configPath.js';
import { SHAPES } from '../operators/validation/generated/shapes.js';
import { AirflowTemplateError } from './errors.js';
import type { OperatorSpec } from './operatorSpecs.js';

const TEMPLATE_SYNTAX = /\{\{|\{%|\{#/;
const CAST_BACK = new Set(['integer', 'long']);
const NEVER_CAST = new Set(['float', 'double', 'boolean', 'timestamp']);

interface Walk {
  readonly taskId: string;
  /** Key sequences (list indices left out) of the fields the operator casts to int. */
  readonly integerFields: ReadonlySet<string>;
}

function checkValue(
  walk: Walk,
  shapeName: string | undefined,
  value: unknown,
  path: string,
  keys: readonly string[],
): void {
  const shape = shapeName === undefined ? undefined : SHAPES[shapeName];
  if (typeof value === 'string') {
    if (value.includes('\r')) {
      throw new AirflowTemplateError(
        walk.taskId,
        path,
        value,
        "Airflow's Jinja turns \\r and \\r\\n into \\n in every string of the config it renders",
      );
    }
    if (isPlaceholder(value) && value.endsWith('\n')) {
      // The DAG keeps trailing newlines (keep_trailing_newline) so that plain values stay as they
      // are; renderTemplates drops one after a template, as Jinja's default does.
      throw new AirflowTemplateError(
        walk.taskId,
        path,
        value,
        'a template ending in a newline renders differently in the DAG and in renderTemplates',
      );
    }
    if (!isPlaceholder(value) || shape === undefined) return;
    if (NEVER_CAST.has(shape.t)) {
      throw new AirflowTemplateError(
        walk.taskId,
        path,
        value,
        `the API wants a ${shape.t} there and Airflow renders templates to strings; the provider casts back no ${shape.t}`,
      );
    }
    if (CAST_BACK.has(shape.t) && !walk.integerFields.has(keys.join('\0'))) {
      throw new AirflowTemplateError(
        walk.taskId,
        path,
        value,
        'the API wants an integer there and the provider casts back only its integer_fields; write the number itself',
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    const member = shape?.t === 'list' ? shape.m : undefined;
    value.forEach((item, i) => {
      checkValue(walk, member, item, indexPath(path, i), keys);
    });
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, member] of Object.entries(value)) {
    const memberPath = childPath(path, key);
    if (TEMPLATE_SYNTAX.test(key)) {
      throw new AirflowTemplateError(
        walk.taskId,
        memberPath,
        key,
        'Airflow renders the values of a dict, never its keys',
      );
    }
    let memberShape: string | undefined;
    if (shape?.t === 'structure')
      memberShape = Object.hasOwn(shape.m, key) ? shape.m[key] : undefined;
    else if (shape?.t === 'map') memberShape = shape.v;
    checkValue(walk, memberShape, member, memberPath, [...keys, key]);
  }
}

/**
 * Checks every template in `config` against the API type of its member and the operator's
 * `integer_fields`, and every key for template syntax.
 * @throws {@link AirflowTemplateError} at the first template Airflow would not turn into what the
 * API wants.
 */
export function checkTemplates(
  taskId: string,
  spec: OperatorSpec,
  config: Readonly<Record<string, unknown>>,
): void {
  const walk: Walk = {
    taskId,
    integerFields: new Set(spec.integerFields(config).map((field) => field.join('\0'))),
  };
  for (const part of spec.parts(config)) {
    const value = part.key === undefined ? config : config[part.key];
    const keys = part.key === undefined ? [] : [part.key];
    const path = part.key === undefined ? '' : part.key;
    checkValue(walk, rootShapeOf(part.kind), value, path, keys);
  }
  // Members outside the parts (S3Operations was split off before) are still rendered: check
  // their keys and strings for template syntax the same way, without an API type.
  const partKeys = new Set(spec.parts(config).map((part) => part.key));
  if (partKeys.has(undefined)) return;
  for (const [key, value] of Object.entries(config)) {
    if (!partKeys.has(key)) checkValue(walk, undefined, value, childPath('', key), [key]);
  }
}
