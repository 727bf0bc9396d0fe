/**
 * Runs `check_dag.py` (the DAG checker) with a Python that has Jinja2, and parses its report.
 * No Python with Jinja2 is an error, never a skip: CI installs python3-jinja2 (see `.ci/run`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checker script. */
export const CHECK_DAG = fileURLToPath(new URL('./check_dag.py', import.meta.url));

const CANDIDATES = ['python3', '/usr/bin/python3'];
let found: string | undefined;

/** The first Python on the machine that imports jinja2. @throws when there is none. */
export function jinjaPython(): string {
  if (found !== undefined) return found;
  for (const candidate of CANDIDATES) {
    const probe = spawnSync(candidate, ['-c', 'import jinja2'], { stdio: 'ignore' });
    if (probe.status === 0) return (found = candidate);
  }
  throw new Error(
    `No Python with Jinja2 (tried ${CANDIDATES.join(', ')}): install it with ` +
      '`apt-get install -y python3-jinja2` (or `pip install jinja2`).',
  );
}

/** A value as the checker writes it: floats marked, so that 2.0 and 2 stay apart. */
export type Typed = unknown;

/** One task of the checker's report. */
export interface CheckedTask {
  readonly task_id: string;
  readonly operator: string;
  readonly arguments: Readonly<Record<string, Typed>>;
  readonly aws_conn_id: string | null;
  readonly region_name: string | null;
  readonly upstream: readonly string[];
  /** The config as the file holds it. */
  readonly config: Typed;
  /** Each template field after Jinja2 rendering. */
  readonly rendered: Readonly<Record<string, Typed>>;
  readonly s3_operations: Typed;
  /** The config after the operator's preprocessing: what boto3 would be given. */
  readonly request: Typed;
}

/** What the checker says of a DAG file. */
export interface CheckReport {
  readonly dag_id: string;
  readonly dag: Readonly<Record<string, Typed>>;
  readonly tasks: readonly CheckedTask[];
}

/** The rendering context: template variables and the XCom value of each task. */
export interface CheckContext {
  readonly vars?: Readonly<Record<string, unknown>>;
  readonly xcom?: Readonly<Record<string, unknown>>;
}

/**
 * Checks a DAG file and returns the report.
 * @throws with the checker's message when the file fails a check.
 */
export function checkDagFile(dagFile: string, context: CheckContext = {}): CheckReport {
  const dir = mkdtempSync(join(tmpdir(), 'check-dag-'));
  const contextFile = join(dir, 'context.json');
  writeFileSync(contextFile, JSON.stringify({ vars: {}, xcom: {}, ...context }));
  try {
    const out = execFileSync(jinjaPython(), [CHECK_DAG, dagFile, contextFile], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out) as CheckReport;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    throw new Error(`check_dag.py refused ${dagFile}:\n${stderr ?? String(error)}`, {
      cause: error,
    });
  }
}

/** Writes `source` to a fresh temporary folder as `<name>` and checks it. */
export function checkDagSource(
  source: string,
  context: CheckContext = {},
  name = 'dag.py',
): CheckReport {
  const file = join(mkdtempSync(join(tmpdir(), 'dag-')), name);
  writeFileSync(file, source);
  return checkDagFile(file, context);
}

/** Marks floats as the checker does: `{ __float__: repr }` for non-integral numbers and PyFloats. */
export function typedLikeChecker(value: unknown, pyRepr: (n: number) => string): Typed {
  if (Array.isArray(value)) return value.map((v) => typedLikeChecker(v, pyRepr));
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value === 0 ? 0 : value;
    return { __float__: pyRepr(value) };
  }
  if (value !== null && typeof value === 'object') {
    if (Symbol.for('sagemaker-workflow.PyFloat') in value) {
      return { __float__: pyRepr((value as { value: number }).value) };
    }
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, typedLikeChecker(v, pyRepr)]),
    );
  }
  return value;
}

/** The checker's typed JSON back to plain values: marked floats become numbers. */
export function untyped(value: Typed): unknown {
  if (Array.isArray(value)) return value.map(untyped);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.__float__ === 'string') return Number(record.__float__);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, untyped(v)]));
  }
  return value;
}
