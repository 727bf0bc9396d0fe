/**
 * Judges a Create request as SageMaker does before it creates anything: the service model's
 * constraints (required members, lengths, patterns, ranges, enums, list sizes such as 50 tags),
 * checked by the operators' pre-submit validator over the generated shapes, and answered in the
 * service's words: `1 validation error detected: Value '...' at 'tags' failed to satisfy
 * constraint: Member must have length less than or equal to 50`.
 * @internal
 */
import { PATTERNS, ROOTS, SHAPES } from '../../operators/validation/generated/shapes.js';
import type { Shape } from '../../operators/validation/shapeTypes.js';
import type { ConfigProblem } from '../../operators/validation/problems.js';
import { validateConfig } from '../../operators/validation/validateConfig.js';
import { validationError, type ApiError, type Json } from './protocol.js';
import type { LocalResourceKind } from './types.js';

/** Rules the service states in the model; cross-field rules and unknown members are the SDK's. */
const SERVICE_RULES = new Set<ConfigProblem['rule']>([
  'required',
  'enum',
  'min',
  'max',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
]);

type Step = { readonly member: string } | { readonly index: number } | { readonly key: string };

/** `A.B[0]["k"]` → steps. */
function stepsOf(path: string): Step[] {
  const steps: Step[] = [];
  const re = /(?:^|\.)([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) steps.push({ member: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ key: JSON.parse(m[3]) as string });
  }
  return steps;
}

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** Java's `toString` of a request value, as the service quotes it. */
function javaString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).map(([k, v]) => `${k}=${javaString(v)}`);
    return `{${members.join(', ')}}`;
  }
  return String(value);
}

/** The model's pattern as the service prints it (the anchoring group the generator added, gone). */
function patternText(index: number | undefined): string {
  const source = index === undefined ? '' : (PATTERNS[index]?.[0] ?? '');
  const inner = /^\^\(\?:([\s\S]*)\)\$$/.exec(source)?.[1] ?? source;
  return `^${inner}`;
}

function constraint(rule: ConfigProblem['rule'], shape: Shape | undefined): string {
  const bound = (which: 'min' | 'max'): number | undefined =>
    shape && which in shape ? (shape as { min?: number; max?: number })[which] : undefined;
  switch (rule) {
    case 'required':
      return 'Member must not be null';
    case 'minLength':
    case 'minItems':
      return `Member must have length greater than or equal to ${bound('min') ?? 0}`;
    case 'maxLength':
    case 'maxItems':
      return `Member must have length less than or equal to ${bound('max') ?? 0}`;
    case 'min':
      return `Member must have value greater than or equal to ${bound('min') ?? 0}`;
    case 'max':
      return `Member must have value less than or equal to ${bound('max') ?? 0}`;
    case 'enum':
      return `Member must satisfy enum value set: [${shape?.t === 'string' ? (shape.e ?? []).join(', ') : ''}]`;
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${patternText(shape?.t === 'string' ? shape.p : undefined)}`;
    default:
      return `Member must satisfy constraint ${rule}`;
  }
}

/** One problem in the service's words. */
function serviceWording(kind: LocalResourceKind, body: Json, problem: ConfigProblem): string {
  let shapeName: string | undefined = ROOTS[kind];
  let value: unknown = body;
  const awsPath: string[] = [];
  let mapPart: 'key' | 'value' | undefined;
  for (const step of stepsOf(problem.path)) {
    const shape: Shape | undefined = shapeName === undefined ? undefined : SHAPES[shapeName];
    if ('member' in step && shape?.t === 'structure') {
      shapeName = shape.m[step.member];
      awsPath.push(lowerFirst(step.member));
      value = (value as Json | undefined)?.[step.member];
    } else if ('index' in step && shape?.t === 'list') {
      shapeName = shape.m;
      awsPath.push(`${step.index + 1}.member`);
      value = (value as unknown[] | undefined)?.[step.index];
    } else if (shape?.t === 'map') {
      // The service names the map, and says whether a key or a value broke the rule.
      const key = 'key' in step ? step.key : 'member' in step ? step.member : '';
      const keyShape = SHAPES[shape.k];
      const keyBroken =
        keyShape?.t === 'string' &&
        (problem.rule === 'pattern' ||
          (problem.rule === 'maxLength' && key.length > (keyShape.max ?? Infinity)) ||
          (problem.rule === 'minLength' && key.length < (keyShape.min ?? 0)));
      mapPart = keyBroken ? 'key' : 'value';
      shapeName = keyBroken ? shape.k : shape.v;
      value = keyBroken ? key : (value as Json | undefined)?.[key];
      break;
    }
  }
  const shape = shapeName === undefined ? undefined : SHAPES[shapeName];
  const rule = constraint(problem.rule, shape);
  const at = awsPath.join('.');
  const shown = value === undefined || value === null ? 'null' : `'${javaString(value)}'`;
  if (mapPart === 'key') {
    return `Value ${shown} at '${at}' failed to satisfy constraint: Map keys must satisfy constraint: [${rule}]`;
  }
  if (mapPart === 'value') {
    return `Value ${shown} at '${at}' failed to satisfy constraint: Map value must satisfy constraint: [${rule}]`;
  }
  return `Value ${shown} at '${at}' failed to satisfy constraint: ${rule}`;
}

/**
 * The `ValidationException` SageMaker answers to a Create request that breaks the model's
 * constraints, or `undefined` when it keeps them all.
 * @internal
 */
export function validateRequest(kind: LocalResourceKind, body: Json): ApiError | undefined {
  const problems = validateConfig(kind, body).filter((p) => SERVICE_RULES.has(p.rule));
  if (problems.length === 0) return undefined;
  const n = problems.length;
  const texts = problems.map((p) => serviceWording(kind, body, p));
  return validationError(
    `${n} validation error${n === 1 ? '' : 's'} detected: ${texts.join('; ')}`,
  );
}
