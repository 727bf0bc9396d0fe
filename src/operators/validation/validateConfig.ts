import { isPlaceholder } from '../../templates.js';
import { rootShapeOf, type ConfigKind } from './configKind.js';
import { childPath, indexPath, isPlainObject } from './configPath.js';
import { CROSS_FIELD_RULES } from './crossFieldRules.js';
import { PATTERNS, SHAPES } from './generated/shapes.js';
import type { ConfigProblem, Report, ValidateConfigOptions } from './problems.js';
import type { Shape } from './shapeTypes.js';
import { MAX_CONFIG_DEPTH } from './configDepth.js';

/**
 * The operators remove this key from a builder's config before they submit it (see
 * `S3Operations` in the Python SDK's `sagemaker.workflow.airflow`), so it is not an API member.
 */
const SPLIT_OFF_KEYS = new Set(['S3Operations']);
const ENUM_SHOWN = 12;
const LONG_STRING = 4096;

const compiled = new Map<number, RegExp>();
function pattern(index: number): RegExp {
  let re = compiled.get(index);
  if (!re) {
    const entry = PATTERNS[index];
    if (!entry) throw new Error(`unknown pattern ${index}`);
    re = new RegExp(entry[0], entry[1]);
    compiled.set(index, re);
  }
  return re;
}

function show(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  }
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function typeName(shape: Shape): string {
  switch (shape.t) {
    case 'structure':
      return 'an object';
    case 'map':
      return 'an object (map)';
    case 'list':
      return 'a list';
    case 'integer':
    case 'long':
      return 'an integer';
    case 'float':
    case 'double':
      return 'a number';
    case 'timestamp':
      return 'a date';
    default:
      return `a ${shape.t}`;
  }
}

function checkString(
  shape: Extract<Shape, { t: 'string' }>,
  value: string,
  path: string,
  what: string,
  report: Report,
): void {
  if (shape.min !== undefined && value.length < shape.min) {
    report(
      path,
      'minLength',
      `${what} must be at least ${shape.min} characters long, got ${value.length}`,
    );
  }
  if (shape.max !== undefined && value.length > shape.max) {
    report(
      path,
      'maxLength',
      `${what} must be at most ${shape.max} characters long, got ${value.length}`,
    );
  }
  if (shape.e && !shape.e.includes(value)) {
    const listed = shape.e.slice(0, ENUM_SHOWN).join(', ');
    const more = shape.e.length > ENUM_SHOWN ? `, ... (${shape.e.length} values)` : '';
    report(path, 'enum', `${what} must be one of ${listed}${more}; got ${show(value)}`);
  }
  // A string far over its length limit is not matched too: the service refuses it on length
  // alone, and a pattern run over megabytes is slow.
  const tooLong = shape.max !== undefined && value.length > Math.max(shape.max, LONG_STRING);
  if (shape.p !== undefined && !tooLong && !pattern(shape.p).test(value)) {
    report(path, 'pattern', `${what} ${show(value)} does not match /${pattern(shape.p).source}/`);
  }
}

function shapeOf(name: string): Shape {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`unknown shape ${name}`);
  return shape;
}

interface Walk {
  readonly report: Report;
  /** Cross-field rules are skipped when their id is in here; shape rules are filtered by `report`. */
  readonly skip: ReadonlySet<string>;
  readonly depth: number;
  readonly problems: ConfigProblem[];
}

function check(shapeName: string, value: unknown, path: string, walk: Walk, root: boolean): void {
  // Templates are checked after rendering, when they hold their real value.
  if (value === undefined || isPlaceholder(value)) return;
  const { report } = walk;
  if (walk.depth > MAX_CONFIG_DEPTH) {
    report(path, 'maxDepth', `is nested deeper than ${MAX_CONFIG_DEPTH} levels`);
    return;
  }
  const inner: Walk = { ...walk, depth: walk.depth + 1 };
  const shape = shapeOf(shapeName);
  const wrongType = (): void => {
    report(path, 'type', `must be ${typeName(shape)}, got ${show(value)}`);
  };
  switch (shape.t) {
    case 'structure': {
      if (!isPlainObject(value)) {
        wrongType();
        return;
      }
      for (const name of shape.r ?? []) {
        if (value[name] === undefined || value[name] === null) {
          report(childPath(path, name), 'required', `is required`);
        }
      }
      for (const [key, member] of Object.entries(value)) {
        // Own members only: a key such as `toString` must not find Object.prototype's.
        const memberShape = Object.hasOwn(shape.m, key) ? shape.m[key] : undefined;
        if (memberShape === undefined) {
          if (root && SPLIT_OFF_KEYS.has(key)) continue;
          if (member === undefined) continue;
          report(childPath(path, key), 'unknownMember', `is not a member of ${shapeName}`);
          continue;
        }
        // The AWS SDK leaves null members out of the request, as it does undefined ones; Python's
        // configs carry None where an option was not given.
        if (member === null) continue;
        check(memberShape, member, childPath(path, key), inner, false);
      }
      break;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        wrongType();
        return;
      }
      if (shape.min !== undefined && value.length < shape.min) {
        report(path, 'minItems', `must have at least ${shape.min} item(s), got ${value.length}`);
      }
      if (shape.max !== undefined && value.length > shape.max) {
        report(path, 'maxItems', `must have at most ${shape.max} items, got ${value.length}`);
      }
      value.forEach((item: unknown, i) => {
        if (item === null || item === undefined) {
          report(
            indexPath(path, i),
            'type',
            `must be ${typeName(shapeOf(shape.m))}, got ${show(item)}`,
          );
        } else check(shape.m, item, indexPath(path, i), inner, false);
      });
      break;
    }
    case 'map': {
      if (!isPlainObject(value)) {
        wrongType();
        return;
      }
      // Null entries are left out of the request by the AWS SDK, like undefined ones.
      const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
      if (shape.min !== undefined && entries.length < shape.min) {
        report(path, 'minItems', `must have at least ${shape.min} entries, got ${entries.length}`);
      }
      if (shape.max !== undefined && entries.length > shape.max) {
        report(path, 'maxItems', `must have at most ${shape.max} entries, got ${entries.length}`);
      }
      const keyShape = SHAPES[shape.k];
      for (const [key, item] of entries) {
        const itemPath = childPath(path, key);
        // Keys are never rendered (as in Airflow), so a templated key is checked as written.
        if (keyShape?.t === 'string') checkString(keyShape, key, itemPath, 'key', report);
        check(shape.v, item, itemPath, inner, false);
      }
      break;
    }
    case 'string':
      if (typeof value !== 'string') {
        wrongType();
        return;
      }
      checkString(shape, value, path, 'value', report);
      break;
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        wrongType();
        return;
      }
      if ((shape.t === 'integer' || shape.t === 'long') && !Number.isInteger(value)) {
        wrongType();
        return;
      }
      if (shape.min !== undefined && value < shape.min) {
        report(path, 'min', `must be at least ${shape.min}, got ${value}`);
      }
      if (shape.max !== undefined && value > shape.max) {
        report(path, 'max', `must be at most ${shape.max}, got ${value}`);
      }
      break;
    }
    case 'boolean':
      if (typeof value !== 'boolean') {
        wrongType();
        return;
      }
      break;
    case 'timestamp':
      if (
        !(value instanceof Date && !Number.isNaN(value.getTime())) &&
        !(typeof value === 'number' && Number.isFinite(value)) &&
        !(typeof value === 'string' && !Number.isNaN(Date.parse(value)))
      ) {
        {
          wrongType();
          return;
        }
      }
      break;
    case 'blob':
      if (typeof value !== 'string' && !(value instanceof Uint8Array)) {
        wrongType();
        return;
      }
      break;
  }
  for (const rule of CROSS_FIELD_RULES[shapeName] ?? []) {
    if (walk.skip.has(rule.id)) continue;
    rule.check(value, path, (at, message) => {
      walk.problems.push({ path: at, rule: rule.id, message, severity: rule.severity });
    });
  }
}

/**
 * Checks a config against the SageMaker API's constraints for its Create call: required members,
 * types, enums, lengths, ranges, patterns and list sizes (generated from the service model), plus
 * the cross-field rules the model cannot express. Jinja templates are skipped: render them first
 * (see `renderTemplates`) to check the values they stand for. An `S3Operations` key at the root is
 * ignored, as the operators remove it before submitting.
 *
 * Each problem has a `severity`: `'error'` when the service model or a rejection documented in
 * the API reference stands behind its rule, `'warning'` when the rule comes from documentation
 * prose or from the service's behaviour (the API may take the request). `skipRules` turns rules
 * off, any rule included.
 *
 * Never throws on bad input: every problem comes back at once, in document order.
 * @example
 * const problems = validateConfig('training', trainingConfig(estimator, { inputs }));
 * for (const p of problems) console.error(`${p.severity} ${p.path}: ${p.message} [${p.rule}]`);
 */
export function validateConfig(
  kind: ConfigKind,
  config: unknown,
  options?: ValidateConfigOptions,
): readonly ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const skipRules: unknown = options?.skipRules;
  const skip = new Set<string>(
    Array.isArray(skipRules) ? skipRules.filter((r) => typeof r === 'string') : [],
  );
  const report: Report = (path, rule, message) => {
    if (!skip.has(rule)) problems.push({ path, rule, message, severity: 'error' });
  };
  if (config === undefined || config === null) {
    report('', 'type', `a ${kind} config must be an object, got ${show(config)}`);
    return problems;
  }
  check(rootShapeOf(kind), config, '', { report, skip, depth: 0, problems }, true);
  return problems;
}
