/**
 * Field paths in problems: `ResourceConfig.InstanceCount`, `InputDataConfig[0].ChannelName`,
 * `HyperParameters["mini-batch"]`. The root is the empty path.
 * @internal
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Path of a structure member or a map entry below `base`. @internal */
export function childPath(base: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** Path of a list element below `base`. @internal */
export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

/** True for objects written as `{...}` in JSON (not arrays, dates, class instances). @internal */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
