/**
 * Small readers shared by the cross-field rules. Rules run on values that passed their shape's
 * type check; each reader answers `undefined` (or empty) for a template or a wrong type, which
 * the shape check owns.
 * @internal
 */
import { isPlaceholder } from '../../../templates.js';
import { childPath, isPlainObject } from '../configPath.js';
import type { ConfigRule, ProblemSeverity, RuleSource } from '../problems.js';

/** Receives one problem of the rule being run. @internal */
export type RuleReport = (path: string, message: string) => void;

/** A rule on one shape's value, with its severity and the evidence for it. @internal */
export interface CrossFieldRule {
  readonly id: ConfigRule;
  readonly severity: ProblemSeverity;
  readonly source: RuleSource;
  readonly check: (value: unknown, path: string, report: RuleReport) => void;
}

/** A read-only plain object. @internal */
export type Obj = Readonly<Record<string, unknown>>;

/** The value as a plain object, else `undefined`. @internal */
export function obj(value: unknown): Obj | undefined {
  return isPlainObject(value) ? value : undefined;
}
/** The value as a finite number, else `undefined`. @internal */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
/** Present: neither `undefined` nor `null` (the AWS SDK leaves both out). @internal */
export function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}
/** A template: its value is known only after rendering. @internal */
export function unknowable(value: unknown): boolean {
  return isPlaceholder(value);
}
/** The value as a list, else empty. @internal */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An API reference page of SageMaker, by its data type or action name. @internal */
export function apiReference(page: string): RuleSource {
  return {
    kind: 'apiReference',
    ref: `https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_${page}.html`,
  };
}

/** Behaviour of the service seen in use, not written in the model or the reference. @internal */
export function observed(what: string): RuleSource {
  return { kind: 'observed', ref: what };
}

/**
 * The check that the value's field `lower` is not above its field `upper` (both of the value's
 * child `within` when given), reported at `lower`. @internal
 */
export function fieldNotAbove(
  lower: string,
  upper: string,
  within?: string,
): CrossFieldRule['check'] {
  return (value, path, report) => {
    const fields = within === undefined ? obj(value) : obj(obj(value)?.[within]);
    const low = num(fields?.[lower]);
    const high = num(fields?.[upper]);
    if (low === undefined || high === undefined || low <= high) return;
    const at = within === undefined ? path : childPath(path, within);
    report(childPath(at, lower), `must not exceed ${upper} (${high}), got ${low}`);
  };
}

/**
 * The check that the value's field `field` is at most `max`; `limit` is the limit as the message
 * says it (`100 MB`). @internal
 */
export function fieldAtMost(field: string, max: number, limit: string): CrossFieldRule['check'] {
  return (value, path, report) => {
    const n = num(obj(value)?.[field]);
    if (n !== undefined && n > max)
      report(childPath(path, field), `must be at most ${limit}, got ${n}`);
  };
}

/**
 * Reports unless exactly one of the fields `first` and `second` is given: both at `second`
 * ("cannot be given together"), neither at `first` ("is required unless"). Returns the one
 * given, `undefined` after a report. @internal
 */
export function exactlyOneOf<A extends string, B extends string>(
  fields: Obj,
  path: string,
  first: A,
  second: B,
  report: RuleReport,
): A | B | undefined {
  const a = given(fields[first]);
  const b = given(fields[second]);
  if (a && b) report(childPath(path, second), `cannot be given together with ${first}`);
  else if (!a && !b) report(childPath(path, first), `is required unless ${second} is given`);
  else return a ? first : second;
  return undefined;
}
