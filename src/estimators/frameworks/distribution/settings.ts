/**
 * Reading a distribution setting as Python's `dict.get` does, and the instance families the
 * checks look at.
 * @internal
 */
import { ValidationError } from '../../../errors.js';
import type { PyValue } from '../../types.js';

/** A distribution setting, e.g. `{ mpi: { enabled: true, processes_per_host: 8 } }` (Python's keys). */
export type Distribution = Readonly<Record<string, PyValue>>;

/** A Python dict (an object that is not a list). */
export const isDict = (v: unknown): v is Readonly<Record<string, PyValue>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `d.get(key, {})` of a nested setting; refuses what Python could not `.get` from. */
export function section(
  distribution: Distribution,
  key: string,
  option: string,
): Readonly<Record<string, PyValue>> {
  const value = distribution[key];
  if (value === undefined) return {};
  if (!isDict(value))
    throw new ValidationError(`${option}.${key}`, value, 'an object such as { enabled: true }');
  return value;
}

/** `section.get('enabled', fallback)`. */
export const enabled = (
  s: Readonly<Record<string, PyValue>>,
  fallback: PyValue = false,
): PyValue => ('enabled' in s ? (s.enabled ?? null) : fallback);

/** `^ml[._](family)...`: the instance family, or undefined. */
export function family(instanceType: unknown): string | undefined {
  if (typeof instanceType !== 'string') return undefined;
  return /^ml[._]([a-z\d-]+)\.?\w*$/.exec(instanceType)?.[1];
}
/** A GPU instance type (`ml.p*`, `ml.g*`, or `local_gpu`). */
export const isGpuInstance = (t: unknown): boolean => {
  const f = family(t);
  return (f !== undefined && (f.startsWith('p') || f.startsWith('g'))) || t === 'local_gpu';
};
/** A Trainium instance type (`ml.trn*`). */
export const isTrainiumInstance = (t: unknown): boolean => family(t)?.startsWith('trn') ?? false;
