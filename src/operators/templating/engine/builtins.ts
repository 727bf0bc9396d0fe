/**
 * What templates find besides the caller's context: Jinja2's `range` (with the sandbox's
 * `MAX_RANGE`) and `dict`, the `loop` object of `{% for %}`, values handed to context functions,
 * and the compile-time check of filter and test names.
 * @internal
 */
import type { Node } from './ast.js';
import { findFilter } from './filters.js';
import { failUndefined } from './pyText.js';
import { limitFault, renderFault } from './TemplateFault.js';
import { TESTS } from './tests.js';
import {
  kindOf,
  numberValue,
  PyBuiltin,
  PyDateTime,
  PyRange,
  sequenceItems,
  Undefined,
} from './values.js';

/** Jinja2's sandbox refuses ranges longer than this (`MAX_RANGE`). */
const MAX_RANGE = 100_000;

function range(args: unknown[]): PyRange {
  const ints = args.map((a) => {
    if (a instanceof Undefined) failUndefined(a);
    if (kindOf(a) !== 'int' && kindOf(a) !== 'bool') {
      throw renderFault(`TypeError: '${kindOf(a)}' object cannot be interpreted as an integer`);
    }
    return numberValue(a);
  });
  if (ints.length === 0 || ints.length > 3)
    throw renderFault('TypeError: range expected 1 to 3 arguments');
  const [start, stop, step] =
    ints.length === 1 ? [0, ints[0] ?? 0, 1] : [ints[0] ?? 0, ints[1] ?? 0, ints[2] ?? 1];
  if (step === 0) throw renderFault('ValueError: range() arg 3 must not be zero');
  const count = Math.max(0, Math.ceil((stop - start) / step));
  if (count > MAX_RANGE) {
    throw limitFault(
      'range',
      `OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (${MAX_RANGE}).`,
    );
  }
  const items = Array.from({ length: count }, (_, i) => start + i * step);
  return new PyRange(
    items,
    step === 1 ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`,
  );
}

/** The globals of every template. @internal */
export const GLOBALS: Readonly<Record<string, unknown>> = {
  range: new PyBuiltin('range', (args) => range(args)),
  dict: new PyBuiltin('dict', (_args, kwargs) => new Map(kwargs)),
};

/** A template value as a plain JavaScript value, for a context function. @internal */
export function toHost(value: unknown, depth = 0): unknown {
  if (depth > 400) throw limitFault('maxNestingDepth', 'a value nested deeper than 400 levels');
  if (value instanceof Undefined) return undefined;
  switch (kindOf(value)) {
    case 'float':
      return numberValue(value);
    case 'tuple':
      return sequenceItems(value).map((item) => toHost(item, depth + 1));
    case 'list':
      return (value as unknown[]).map((item) => toHost(item, depth + 1));
    case 'datetime':
      return value instanceof PyDateTime ? new Date(value.ms) : value;
    default:
      if (value instanceof Map) {
        return Object.fromEntries([...value].map(([k, v]) => [String(k), toHost(v, depth + 1)]));
      }
      return value;
  }
}

/** Jinja2 refuses unknown filters and tests when it compiles, even in branches never taken. */
export function checkNames(nodes: readonly Node[]): void {
  const seen = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach(seen);
      return;
    }
    const node = value as { type?: unknown; name?: unknown };
    // Inside {% if %} and inline ifs Jinja2 defers the check to when the filter runs.
    if (node.type === 'if' || node.type === 'cond') return;
    if (node.type === 'filter' && typeof node.name === 'string' && !findFilter(node.name)) {
      throw renderFault(`TemplateAssertionError: No filter named '${node.name}'.`);
    }
    if (node.type === 'test' && typeof node.name === 'string') {
      const known =
        Object.hasOwn(TESTS, node.name) ||
        ['==', '!=', '<', '<=', '>', '>=', 'equalto', 'lessthan', 'greaterthan'].includes(
          node.name,
        );
      if (!known || node.name === 'length')
        throw renderFault(`TemplateAssertionError: No test named '${node.name}'.`);
    }
    for (const child of Object.values(value)) seen(child);
  };
  seen(nodes);
}

/** The `loop` variable of one iteration. @internal */
export function loopObject(items: readonly unknown[], index: number): PyBuiltin {
  const n = items.length;
  const fields: Record<string, unknown> = {
    index: index + 1,
    index0: index,
    revindex: n - index,
    revindex0: n - index - 1,
    first: index === 0,
    last: index === n - 1,
    length: n,
    depth: 1,
    depth0: 0,
    previtem: index > 0 ? items[index - 1] : new Undefined('previtem'),
    nextitem: index < n - 1 ? items[index + 1] : new Undefined('nextitem'),
    cycle: new PyBuiltin('cycle', (args) => {
      if (args.length === 0) throw renderFault('TypeError: no items for cycling given');
      return args[index % args.length];
    }),
  };
  return new PyBuiltin('LoopContext', undefined, (name) =>
    Object.hasOwn(fields, name) ? fields[name] : undefined,
  );
}
