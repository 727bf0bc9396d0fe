/**
 * Jinja2's tests (`x is defined`, `n is divisibleby 3`), over the engine's values.
 * @internal
 */
import { compare, equal, failUndefined, iterate, length } from './pyText.js';
import { renderFault } from './TemplateFault.js';
import { dictGet, isDict, kindOf, numberValue, Undefined } from './values.js';

type Test = (value: unknown, args: readonly unknown[]) => boolean;

const numeric = (v: unknown): boolean => ['int', 'float', 'bool'].includes(kindOf(v));

function contains(container: unknown, item: unknown): boolean {
  const kind = kindOf(container);
  if (kind === 'str') {
    if (typeof item !== 'string')
      throw renderFault("TypeError: 'in <string>' requires string as left operand");
    return (container as string).includes(item);
  }
  if (kind === 'dict') return dictGet(container as Map<unknown, unknown>, item) !== undefined;
  return iterate(container).some((x) => equal(x, item));
}

/** Python's `item in container`. @internal */
export { contains };

const cmp =
  (op: string, ok: (n: number) => boolean): Test =>
  (v, [other]) =>
    ok(compare(v, other, op));

/** Tests a `StrictUndefined` may meet without failing: they look only at its type. */
const TYPE_TESTS = new Set([
  'defined',
  'undefined',
  'none',
  'boolean',
  'false',
  'true',
  'integer',
  'float',
  'number',
  'string',
  'mapping',
  'callable',
  'sequence',
  'sameas',
]);

/** The tests, by name. @internal */
export const TESTS: Readonly<Record<string, Test>> = {
  defined: (v) => !(v instanceof Undefined),
  undefined: (v) => v instanceof Undefined,
  none: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
  false: (v) => v === false,
  true: (v) => v === true,
  integer: (v) => kindOf(v) === 'int',
  float: (v) => kindOf(v) === 'float',
  number: numeric,
  string: (v) => typeof v === 'string',
  mapping: (v) => isDict(v),
  callable: (v) => kindOf(v) === 'callable',
  sequence: (v) => {
    const kind = kindOf(v);
    return ['str', 'list', 'tuple', 'dict'].includes(kind);
  },
  iterable: (v) => ['str', 'list', 'tuple', 'dict'].includes(kindOf(v)),
  sameas: (v, [other]) => v === other || (v === null && other === null),
  escaped: () => false,
  even: (v) => {
    if (!numeric(v)) throw renderFault('TypeError: even needs a number');
    return numberValue(v) % 2 === 0;
  },
  odd: (v) => {
    if (!numeric(v)) throw renderFault('TypeError: odd needs a number');
    return Math.abs(numberValue(v) % 2) === 1;
  },
  divisibleby: (v, [n]) => {
    if (!numeric(v) || !numeric(n)) throw renderFault('TypeError: divisibleby needs numbers');
    if (numberValue(n) === 0) throw renderFault('ZeroDivisionError: integer modulo by zero');
    return numberValue(v) % numberValue(n) === 0;
  },
  eq: (v, [other]) => equal(v, other),
  ne: (v, [other]) => !equal(v, other),
  lt: cmp('<', (n) => n < 0),
  le: cmp('<=', (n) => n <= 0),
  gt: cmp('>', (n) => n > 0),
  ge: cmp('>=', (n) => n >= 0),
  in: (v, [seq]) => contains(seq, v),
  lower: (v) => typeof v === 'string' && v === v.toLowerCase(),
  upper: (v) => typeof v === 'string' && v === v.toUpperCase(),
  length: (v, [n]) => length(v) === n,
};

const ALIASES: Record<string, string> = {
  '==': 'eq',
  equalto: 'eq',
  '!=': 'ne',
  '<': 'lt',
  lessthan: 'lt',
  '<=': 'le',
  '>': 'gt',
  greaterthan: 'gt',
  '>=': 'ge',
};

/** Runs the test `name`. @internal */
export function runTest(name: string, value: unknown, args: readonly unknown[]): boolean {
  const key = Object.hasOwn(ALIASES, name) ? (ALIASES[name] ?? name) : name;
  const test = Object.hasOwn(TESTS, key) && key !== 'length' ? TESTS[key] : undefined;
  if (!test) throw renderFault(`TemplateAssertionError: No test named '${name}'`);
  if (value instanceof Undefined && !TYPE_TESTS.has(key)) failUndefined(value);
  for (const arg of args) if (arg instanceof Undefined) failUndefined(arg);
  return test(value, args);
}
