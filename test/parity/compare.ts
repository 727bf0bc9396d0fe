/** Comparing a result with a case's `expect`, as FORMAT.md says: keys both ways, numbers by value. */

export interface Difference {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

function normalize(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes_b64: Buffer.from(value).toString('base64') };
  if (
    typeof value === 'object' &&
    value !== null &&
    'toJSON' in value &&
    typeof value.toJSON === 'function'
  ) {
    return normalize((value as { toJSON: () => unknown }).toJSON());
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { $float: Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf' };
  }
  if (Array.isArray(value)) return value.map(normalize);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = normalize(v);
    return out;
  }
  return value;
}

function multisetEqual(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  const rest = b.map((v) => JSON.stringify(sortKeys(v)));
  for (const v of a) {
    const i = rest.indexOf(JSON.stringify(sortKeys(v)));
    if (i < 0) return false;
    rest.splice(i, 1);
  }
  return true;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v))
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k])]),
    );
  return v;
}

/** Every difference between `expected` and `actual` (empty when equal). */
export function compare(
  expected: unknown,
  actualRaw: unknown,
  unordered: readonly string[] = [],
): Difference[] {
  const diffs: Difference[] = [];
  const walk = (e: unknown, a: unknown, path: string): void => {
    if (Array.isArray(e) && Array.isArray(a)) {
      if (unordered.includes(path)) {
        if (!multisetEqual(e, a)) diffs.push({ path, expected: e, actual: a });
        return;
      }
      if (e.length !== a.length) {
        diffs.push({ path: `${path}.length`, expected: e, actual: a });
        return;
      }
      e.forEach((v, i) => {
        walk(v, a[i], `${path}[${i}]`);
      });
      return;
    }
    if (isObject(e) && isObject(a)) {
      for (const k of new Set([...Object.keys(e), ...Object.keys(a)])) {
        const p = path ? `${path}.${k}` : k;
        if (!(k in a)) diffs.push({ path: p, expected: e[k], actual: '<missing>' });
        else if (!(k in e)) diffs.push({ path: p, expected: '<absent>', actual: a[k] });
        else walk(e[k], a[k], p);
      }
      return;
    }
    if (typeof e === 'number' && typeof a === 'number' && e === a) return;
    if (e === a) return;
    diffs.push({ path: path || '(root)', expected: e, actual: a });
  };
  walk(expected, normalize(actualRaw), '');
  return diffs;
}
