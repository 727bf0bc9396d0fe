/**
 * Runs templates through Jinja2 itself (test/jinja/render.py), one Python process per batch.
 * Fails loudly when no Python with jinja2 is found: CI installs python3-jinja2 (see .ci/run).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isPyFloat } from '../../src/pythonCompat/pyFloat.js';

/** One template with its context (JavaScript values) or an airflowContext spec. */
export interface JinjaCase {
  readonly template: string;
  readonly context?: Readonly<Record<string, unknown>>;
  readonly airflow?: Readonly<Record<string, unknown>>;
}

/** What Jinja2 did with one case. */
export type JinjaOutcome =
  | { readonly ok: true; readonly out: string }
  | { readonly ok: false; readonly error: string; readonly message: string };

const SCRIPT = fileURLToPath(new URL('./render.py', import.meta.url));
const PYTHONS = ['python3', '/usr/bin/python3'];

let found: string | undefined;

/** The first Python that imports jinja2; throws when there is none. */
export function jinjaPython(): string {
  if (found !== undefined) return found;
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ['-c', 'import jinja2'], { encoding: 'utf8' });
    if (probe.status === 0) {
      found = python;
      return python;
    }
  }
  throw new Error(
    `No Python with jinja2 among ${PYTHONS.join(', ')}: install python3-jinja2 (apt-get install -y python3-jinja2)`,
  );
}

/**
 * JavaScript values as render.py reads them: integral numbers are Python ints, other numbers and
 * PyFloat are floats, Dates are UTC datetimes, null is None, arrays are lists, objects are dicts.
 */
export function tagged(value: unknown): unknown {
  if (isPyFloat(value)) return { $float: value.value };
  if (value instanceof Date) return { $datetime: value.toISOString() };
  if (typeof value === 'number' && !Number.isInteger(value)) return { $float: value };
  if (Array.isArray(value)) return value.map(tagged);
  if (value instanceof Map)
    return { $object: Object.fromEntries([...value].map(([k, v]) => [String(k), tagged(v)])) };
  if (typeof value === 'object' && value !== null) {
    return { $object: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tagged(v)])) };
  }
  return value;
}

/** Renders every case with Jinja2 in one process. */
export function renderWithJinja2(cases: readonly JinjaCase[]): JinjaOutcome[] {
  const input = cases
    .map((c) =>
      JSON.stringify(
        c.airflow
          ? {
              template: c.template,
              airflow: Object.fromEntries(
                Object.entries(c.airflow).map(([k, v]) => [k, tagged(v)]),
              ),
            }
          : { template: c.template, context: tagged(c.context ?? {}) },
      ),
    )
    .join('\n');
  const run = spawnSync(jinjaPython(), [SCRIPT], {
    input: `${input}\n`,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`render.py failed (${String(run.status)}): ${run.stderr}`);
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  if (lines.length !== cases.length) {
    throw new Error(`render.py answered ${lines.length} of ${cases.length} cases: ${run.stderr}`);
  }
  return lines.map((line) => JSON.parse(line) as JinjaOutcome);
}
