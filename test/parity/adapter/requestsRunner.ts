/**
 * Runs one request case (REQUESTS.md): builds, pre-calls and the call through the direct API over
 * the replayed clients, comparing each step's requests, uploads and result with its `expect`.
 */
import { isSageMakerWorkflowError } from '../../../src/errors.js';
import { DirectSession } from '../../../src/operators/direct/DirectSession.js';
import { compare, type Difference } from '../compare.js';
import type { CaseOutcome } from '../runner.js';
import { makeDecoder, UnsupportedCaseError } from '../values.js';
import { requestBuild, requestCall, requestValues, type RequestEnv } from './requests.js';
import { Replay } from './requestsReplay.js';
import type { CaseContext } from './types.js';

interface Step {
  readonly call: string;
  readonly on?: string;
  readonly as?: string;
  readonly args?: readonly unknown[];
  readonly kwargs?: Readonly<Record<string, unknown>>;
  readonly expect?: StepExpect;
}

interface StepExpect {
  readonly requests: readonly Record<string, unknown>[];
  readonly uploads: readonly unknown[];
  readonly result?: unknown;
}

/** A request case as stored. */
export interface RequestCase extends Step {
  readonly id: string;
  readonly session: {
    region: string;
    default_bucket: string | null;
    default_bucket_prefix: string | null;
  };
  readonly now: number | null;
  readonly responses: Readonly<Record<string, readonly unknown[]>>;
  readonly build: readonly {
    name: string;
    class: string;
    args?: unknown[];
    kwargs?: Record<string, unknown>;
    then?: Record<string, unknown>[];
    factory?: string;
  }[];
  readonly build_expect?: StepExpect;
  readonly pre_calls?: readonly Step[];
  readonly raises?: string;
  readonly raises_message?: string;
  readonly raised_in?: string;
  readonly unordered?: readonly string[];
}

/** True for a case in the request format. */
export const isRequestCase = (c: object): c is RequestCase => 'responses' in c;

const describe = (e: unknown): string =>
  e instanceof Error ? `${e.name}: ${e.message}` : `non-error thrown: ${String(e)}`;

const isServiceError = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && '$metadata' in e;

/** What a step sent, in the shape of its `expect`. */
function actualOf(replay: Replay, expect: StepExpect, result: unknown): unknown {
  const requests = replay.requests.map((r, i) => {
    const e = expect.requests[i];
    const out: Record<string, unknown> = { service: r.service, operation: r.operation };
    out.input = r.input;
    if (e && 'endpoint_url' in e && r.endpoint_url !== undefined) out.endpoint_url = r.endpoint_url;
    return out;
  });
  return { requests, uploads: replay.uploads, result: result ?? null };
}

function expectedOf(expect: StepExpect): unknown {
  return {
    requests: expect.requests.map((r) => {
      const { transfer: _transfer, ...rest } = r;
      return rest;
    }),
    uploads: expect.uploads,
    result: expect.result ?? null,
  };
}

function unorderedFor(c: RequestCase, prefix: string): string[] {
  return (c.unordered ?? [])
    .filter((p) => p.startsWith(`${prefix}.`))
    .map((p) => p.slice(prefix.length + 1));
}

/** Replays one request case; `cwd` is its file's folder (the caller chdir's there). */
export async function runRequestCase(c: RequestCase, cwd: string): Promise<CaseOutcome> {
  const replay = new Replay(c.responses);
  const clients = replay.clients(c.session.region);
  let direct: DirectSession;
  try {
    direct = new DirectSession({
      region: c.session.region,
      defaultBucket: c.session.default_bucket,
      defaultBucketPrefix: c.session.default_bucket_prefix,
      now: () => {
        if (c.now === null) throw new UnsupportedCaseError('the case reads the clock');
        return c.now;
      },
      timeZone: 'utc',
      clients,
    });
  } catch (error) {
    return { passed: false, reason: `session: ${describe(error)}` };
  }
  const refs = new Map<string, unknown>([['$session', direct]]);
  const decode = makeDecoder(refs, requestValues);
  const ctx: CaseContext = {
    cwd,
    session: {
      region: c.session.region,
      default_bucket: c.session.default_bucket ?? '',
      default_bucket_prefix: c.session.default_bucket_prefix,
    },
    sagemakerSession: direct.session,
    now: c.now,
    refs,
    memory: new WeakMap(),
    decode,
  };
  const env: RequestEnv = { replay, direct, ctx };

  const steps: {
    name: string;
    prefix: string;
    expect?: StepExpect;
    run: () => Promise<unknown>;
  }[] = [
    {
      name: 'build',
      prefix: 'build_expect',
      ...(c.build_expect ? { expect: c.build_expect } : {}),
      run: async () => {
        for (const entry of c.build) await requestBuild(entry, env);
        return null;
      },
    },
    ...(c.pre_calls ?? []).map((p, i) => ({
      name: `pre_calls[${i}]`,
      prefix: `pre_calls[${i}].expect`,
      ...(p.expect ? { expect: p.expect } : {}),
      run: () => requestCall(p, env),
    })),
    {
      name: 'call',
      prefix: 'expect',
      ...(c.expect ? { expect: c.expect } : {}),
      run: () => requestCall(c, env),
    },
  ];

  for (const step of steps) {
    replay.beginStep();
    const raising = c.raises !== undefined && c.raised_in === step.name;
    let result: unknown;
    try {
      result = await step.run();
    } catch (error) {
      if (error instanceof UnsupportedCaseError)
        return { passed: false, reason: `not built: ${error.message}` };
      if (raising && (isSageMakerWorkflowError(error) || isServiceError(error)))
        return { passed: true };
      if (raising)
        return {
          passed: false,
          reason: `${step.name}: expected ${c.raises}; threw an untyped error: ${describe(error)}`,
        };
      return { passed: false, reason: `${step.name} threw ${describe(error)}` };
    }
    if (raising) {
      return {
        passed: false,
        reason: `${step.name}: expected ${c.raises} (${c.raises_message ?? ''}) but it returned`,
      };
    }
    if (step.expect) {
      const diffs: Difference[] = compare(
        expectedOf(step.expect),
        actualOf(replay, step.expect, result),
        unorderedFor(c, step.prefix),
      );
      if (diffs.length) return { passed: false, reason: `${step.name} differs`, diffs };
    }
  }
  return { passed: true };
}
