/**
 * The fuzz harness: hostile values, mutations of a valid baseline call, and the classification
 * of what one call did. Every `*.prop.test.ts` here asserts that a call either returns plain JSON
 * or throws one of the library's typed errors (or the caller's own error, re-thrown unchanged
 * from a getter or Proxy of theirs), and that `Object.prototype` is left alone.
 */
import fc from 'fast-check';
import { isSageMakerWorkflowError } from '../../src/errors.js';

/** The error a hostile getter or Proxy throws: the caller's own, which may pass through. */
export class CallerError extends Error {
  override readonly name = 'CallerError';
}

function deep(levels: number): unknown {
  let o: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < levels; i++) o = { a: o };
  return o;
}
function deepArray(levels: number): unknown {
  let a: unknown[] = [1];
  for (let i = 0; i < levels; i++) a = [a];
  return a;
}
const cyclic: Record<string, unknown> = { name: 'c' };
cyclic.self = cyclic;
const cyclicArray: unknown[] = [1];
cyclicArray.push(cyclicArray);
const throwingGetter = Object.defineProperty({}, 'x', {
  enumerable: true,
  get() {
    throw new CallerError('getter');
  },
});
const throwingProxy = new Proxy(
  {},
  {
    // Symbol reads answer (fast-check looks for its clone method); every named read throws.
    get(_, key) {
      if (typeof key === 'symbol') return undefined;
      throw new CallerError('proxy get');
    },
    has(_, key) {
      if (typeof key === 'symbol') return false;
      throw new CallerError('proxy has');
    },
    ownKeys() {
      throw new CallerError('proxy ownKeys');
    },
    getOwnPropertyDescriptor() {
      throw new CallerError('proxy descriptor');
    },
    getPrototypeOf() {
      throw new CallerError('proxy prototype');
    },
  },
);

// Built once: the fuzz reuses them, so a run costs what the library does with them.
const LONG_STRINGS = ['x'.repeat(100_000), 'a/'.repeat(500_000), 'y'.repeat(10_000_000)];
const DEEP = [deep(10), deep(1_000), deep(10_000), deepArray(10_000)];

/** Values no caller should pass, and a few that look almost right. */
export const specialValue: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  2 ** 53 + 1,
  2 ** 31,
  1e308,
  -1,
  0.5,
  '',
  '..',
  'C:\\src',
  '{{',
  '{{ x }}',
  '\u2028',
  '\ud800',
  '__proto__',
  'constructor',
  null,
  undefined,
  true,
  5n,
  Symbol('s'),
  () => 1,
  new Map([['a', 1]]),
  new Set([1]),
  new Date(0),
  new Date(Number.NaN),
  /x/,
  new Uint8Array(2),
  [1, , 3],
  Object.create(null) as unknown,
  new String('boxed'),
  Promise.resolve(1),
  cyclic,
  cyclicArray,
  throwingGetter,
  throwingProxy,
  ...LONG_STRINGS,
  ...DEEP,
);

/** Anything: fast-check's values (with bigint, dates, null prototypes, sparse arrays) or special ones. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: specialValue, weight: 2 },
  {
    arbitrary: fc.anything({
      maxDepth: 2,
      maxKeys: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      stringUnit: 'binary',
    }),
    weight: 2,
  },
);

type Mutation =
  | { readonly kind: 'whole'; readonly value: unknown }
  | { readonly kind: 'keys'; readonly entries: readonly (readonly [string, unknown])[] }
  | { readonly kind: 'proto'; readonly value: unknown };

/**
 * Changes to a baseline options object: replace it whole, replace 1–3 keys (its own or other
 * known option names), or add an own `__proto__` key.
 */
export function mutation(keys: readonly string[]): fc.Arbitrary<Mutation> {
  const key = fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 }));
  return fc.oneof(
    { arbitrary: hostileValue.map((value) => ({ kind: 'whole' as const, value })), weight: 1 },
    {
      arbitrary: fc
        .array(fc.tuple(key, hostileValue), { minLength: 1, maxLength: 3 })
        .map((entries) => ({ kind: 'keys' as const, entries })),
      weight: 6,
    },
    { arbitrary: hostileValue.map((value) => ({ kind: 'proto' as const, value })), weight: 1 },
  );
}

/** A short account of a value, for reports (a type, a length, a constructor name). */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? `string(${v.length})` : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined)
    return String(v);
  if (typeof v !== 'object') return typeof v;
  try {
    if (Array.isArray(v)) return `array(${v.length})`;
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto === null) return 'null-prototype object';
    return `${v.constructor?.name ?? 'object'}{${Object.keys(v).slice(0, 4).join(',')}}`;
  } catch {
    return 'a Proxy';
  }
}

/** A short account of a mutation, for reports. */
export function describeMutation(m: Mutation): string {
  if (m.kind === 'keys') return m.entries.map(([k, v]) => `${k}=${describeValue(v)}`).join(' ');
  return `${m.kind} ${describeValue(m.value)}`;
}

/** The baseline with the mutation applied (a fresh object; the baseline is not changed). */
export function applyMutation(base: Readonly<Record<string, unknown>>, m: Mutation): unknown {
  switch (m.kind) {
    case 'whole':
      return m.value;
    case 'keys': {
      const out: Record<string, unknown> = { ...base };
      for (const [k, v] of m.entries) {
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case 'proto': {
      const out: Record<string, unknown> = { ...base };
      Object.defineProperty(out, '__proto__', { value: m.value, enumerable: true });
      return out;
    }
  }
}

/** Why a value is not plain JSON, or `undefined` when it is. */
export function notJson(value: unknown): string | undefined {
  const seen = new Set<object>();
  const walk = (v: unknown, path: string, depth: number): string | undefined => {
    if (depth > 200) return `${path}: nested deeper than 200`;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return undefined;
    if (typeof v === 'number') return Number.isFinite(v) ? undefined : `${path}: ${v}`;
    if (typeof v !== 'object') return `${path}: a ${typeof v}`;
    if (seen.has(v)) return `${path}: a cycle`;
    seen.add(v);
    try {
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) return `${path}[${i}]: a hole`;
          const bad = walk(v[i], `${path}[${i}]`, depth + 1);
          if (bad) return bad;
        }
        return undefined;
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        return `${path}: a ${v.constructor?.name ?? 'non-plain object'}`;
      }
      for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(v))) {
        if (!('value' in d)) return `${path}.${k}: a getter`;
        if (!d.enumerable) continue;
        const item: unknown = d.value;
        if (item === undefined) return `${path}.${k}: undefined`;
        const bad = walk(item, `${path}.${k}`, depth + 1);
        if (bad) return bad;
      }
      return undefined;
    } finally {
      seen.delete(v);
    }
  };
  try {
    return walk(value, '$', 0);
  } catch {
    return '$: holds a Proxy of the caller';
  }
}

/** What one call did. */
export type Outcome =
  | { readonly kind: 'ok' | 'typed' | 'caller' }
  | { readonly kind: 'untyped'; readonly error: unknown }
  | { readonly kind: 'nonJson'; readonly why: string };

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

/** Runs `call` and classifies it; `toJson` picks the part of the result that must be JSON. */
export function classify(call: () => unknown): Outcome {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (isSageMakerWorkflowError(error)) return { kind: 'typed' };
    if (error instanceof CallerError) return { kind: 'caller' };
    return { kind: 'untyped', error };
  }
  const why = notJson(result);
  return why === undefined ? { kind: 'ok' } : { kind: 'nonJson', why };
}

/** Throws when `Object.prototype` gained or lost a key. */
export function assertPrototypeIntact(): void {
  const now = Object.getOwnPropertyNames(Object.prototype).sort().join();
  if (now !== PROTO_KEYS) throw new Error(`Object.prototype changed: ${now}`);
}

/** Fails the property on an untyped throw, a non-JSON result, or a changed prototype. */
export function expectTypedOrJson(call: () => unknown): void {
  const outcome = classify(call);
  assertPrototypeIntact();
  if (outcome.kind === 'untyped') {
    const e = outcome.error;
    throw new Error(
      `untyped exception: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
  }
  if (outcome.kind === 'nonJson') throw new Error(`non-JSON output: ${outcome.why}`);
}

/** Runs per property; `FUZZ_SCALE` multiplies them (CI keeps 1). */
export function runs(n: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
