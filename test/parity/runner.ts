/** Runs parity cases (shared/parity/FORMAT.md) through the adapter's handlers. */
import { isSageMakerWorkflowError } from '../../src/errors.js';
import { createSession, type Session } from '../../src/session.js';
import type {
  BuildHandlers,
  CallHandlers,
  CaseContext,
  CaseSession,
  ThenHandler,
} from './adapter/types.js';
import { compare, type Difference } from './compare.js';
import { makeDecoder, UnsupportedCaseError, type ValueFactory } from './values.js';

export interface ParityCase {
  readonly id: string;
  readonly session: CaseSession | null;
  readonly now: number | null;
  readonly build: readonly BuildEntry[];
  readonly pre_calls?: readonly CallEntry[];
  readonly call: string;
  readonly args?: readonly unknown[];
  readonly kwargs?: Readonly<Record<string, unknown>>;
  readonly expect?: unknown;
  readonly raises?: string;
  readonly raises_message?: string;
  readonly unordered?: readonly string[];
}

interface BuildEntry {
  readonly name: string;
  readonly class: string;
  readonly args?: readonly unknown[];
  readonly kwargs?: Readonly<Record<string, unknown>>;
  readonly then?: readonly Readonly<Record<string, unknown>>[];
  readonly factory?: string;
}

interface CallEntry {
  readonly call: string;
  readonly args?: readonly unknown[];
  readonly kwargs?: Readonly<Record<string, unknown>>;
  readonly expect?: unknown;
}

export interface Adapter {
  readonly calls: CallHandlers;
  readonly builds: BuildHandlers;
  readonly values: Readonly<Record<string, ValueFactory>>;
  readonly then: ThenHandler;
  /** The session a case runs with. */
  readonly session: (caseSession: CaseSession, now: number | null) => Session;
}

export type CaseOutcome =
  | { readonly passed: true }
  | { readonly passed: false; readonly reason: string; readonly diffs?: readonly Difference[] };

/** The session a case's SDK run had: its region, bucket and prefix, a frozen clock, UTC. */
export function caseSession(s: CaseSession, now: number | null): Session {
  return createSession({
    region: s.region,
    defaultBucket: s.default_bucket,
    defaultBucketPrefix: s.default_bucket_prefix,
    now: () => {
      if (now === null) throw new UnsupportedCaseError('the case reads the clock but has no "now"');
      return now;
    },
    timeZone: 'utc',
  });
}

function runCall(adapter: Adapter, entry: CallEntry, ctx: CaseContext): unknown {
  const handler = adapter.calls[entry.call];
  if (!handler) throw new UnsupportedCaseError(`call ${entry.call} is not supported yet`);
  return handler(entry.args ?? [], entry.kwargs ?? {}, ctx);
}

function build(adapter: Adapter, entry: BuildEntry, ctx: CaseContext): void {
  const key = entry.factory ? `${entry.class}.${entry.factory}` : entry.class;
  const handler = adapter.builds[key];
  if (!handler) throw new UnsupportedCaseError(`class ${key} is not supported yet`);
  const args = (entry.args ?? []).map(ctx.decode);
  const kwargs = Object.fromEntries(
    Object.entries(entry.kwargs ?? {}).map(([k, v]) => [k, ctx.decode(v)]),
  );
  let obj = handler(args, kwargs, ctx);
  for (const step of entry.then ?? [])
    obj = adapter.then(obj, ctx.decode(step) as Record<string, unknown>, ctx) ?? obj;
  ctx.refs.set(entry.name, obj);
}

const describe = (e: unknown): string =>
  e instanceof Error ? `${e.name}: ${e.message}` : `non-error thrown: ${String(e)}`;

/** Runs one case; `cwd` is where its relative fixture paths resolve (the caller chdir's there). */
export function runCase(adapter: Adapter, c: ParityCase, cwd: string): CaseOutcome {
  const refs = new Map<string, unknown>();
  let session: Session | null;
  try {
    session = c.session ? adapter.session(c.session, c.now) : null;
  } catch (error) {
    return { passed: false, reason: `session: ${describe(error)}` };
  }
  const ctx: CaseContext = {
    cwd,
    session: c.session,
    sagemakerSession: session,
    now: c.now,
    refs,
    memory: new WeakMap(),
    decode: (raw) => decode(raw),
  };
  const decode = makeDecoder(refs, adapter.values);
  try {
    for (const entry of c.build) build(adapter, entry, ctx);
    for (const pre of c.pre_calls ?? []) {
      const result = runCall(adapter, pre, ctx);
      if (pre.expect !== undefined) {
        const diffs = compare(pre.expect, result);
        if (diffs.length) return { passed: false, reason: `pre_call ${pre.call} differs`, diffs };
      }
    }
    const result = runCall(adapter, c, ctx);
    if (c.raises !== undefined) {
      return {
        passed: false,
        reason: `expected ${c.raises} (${c.raises_message ?? ''}) but it returned`,
      };
    }
    const diffs = compare(c.expect, result, c.unordered ?? []);
    return diffs.length ? { passed: false, reason: 'result differs', diffs } : { passed: true };
  } catch (error) {
    if (error instanceof UnsupportedCaseError)
      return { passed: false, reason: `not built: ${error.message}` };
    if (c.raises !== undefined && isSageMakerWorkflowError(error)) return { passed: true };
    if (c.raises !== undefined) {
      return {
        passed: false,
        reason: `expected ${c.raises}; threw an untyped error: ${describe(error)}`,
      };
    }
    return { passed: false, reason: `threw ${describe(error)}` };
  }
}
