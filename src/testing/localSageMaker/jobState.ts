/**
 * The state of a job at the current simulated time: a pure function of its creation, its stop
 * request, the test's behaviour for it and what the data plane found.
 * @internal
 */
import type { Resource } from './ResourceStore.js';
import type { JobBehaviour } from './types.js';

/** Simulated seconds from StopXxx to `Stopped`. @internal */
export const STOP_SECONDS = 1;
/** Share of a job's duration spent before its inputs are downloaded. @internal */
export const DOWNLOADED_AT = 0.3;
/** The default reason of a failure set by a behaviour. @internal */
export const DEFAULT_FAILURE = 'AlgorithmError: simulated failure';

/** Where a job is now. @internal */
export interface JobState {
  readonly status: 'InProgress' | 'Stopping' | 'Stopped' | 'Completed' | 'Failed';
  /** When it ended (epoch ms), once it has. */
  readonly endAt?: number;
  readonly failureReason?: string;
  /** The training phase a hanging job stays in. */
  readonly hangIn?: JobBehaviour['hangIn'];
}

/** How a job runs: its behaviour, with the defaults and the data plane's failure applied. @internal */
export interface Plan {
  readonly outcome: NonNullable<JobBehaviour['outcome']>;
  readonly failureReason: string;
  /** Simulated run time of the whole job, ms (phases are shares of it). */
  readonly durationMs: number;
  /** When it ends, ms after its start (earlier than `durationMs` when its inputs are missing). */
  readonly endsAfterMs: number;
  /** For a hang: when it ends (epoch ms), or Infinity. */
  readonly hangUntil: number;
  readonly hangIn?: JobBehaviour['hangIn'];
}

/** The plan of a job. @internal */
export function planOf(
  r: Resource,
  behaviour: JobBehaviour | undefined,
  defaultDurationSeconds: number,
): Plan {
  const durationMs = r.durationMs ?? (behaviour?.durationSeconds ?? defaultDurationSeconds) * 1000;
  const hangUntil =
    behaviour?.hangSeconds === undefined ? Infinity : r.changedAt + behaviour.hangSeconds * 1000;
  // A failure the test asked for wins over one the data plane found; that one wins over success.
  const dataFailure = r.run?.failureReason;
  if (behaviour?.outcome === undefined && dataFailure !== undefined) {
    return {
      outcome: 'Failed',
      failureReason: dataFailure,
      durationMs,
      endsAfterMs: durationMs * DOWNLOADED_AT,
      hangUntil,
    };
  }
  return {
    outcome: behaviour?.outcome ?? 'Completed',
    failureReason: behaviour?.failureReason ?? DEFAULT_FAILURE,
    durationMs,
    endsAfterMs: durationMs,
    hangUntil,
    ...(behaviour?.hangIn ? { hangIn: behaviour.hangIn } : {}),
  };
}

/** The state of a job at `now`. @internal */
export function jobState(r: Resource, plan: Plan, now: number): JobState {
  const hanging = plan.outcome === 'hang' && now < plan.hangUntil;
  const endAt =
    plan.outcome === 'hang'
      ? Math.max(plan.hangUntil, r.changedAt + plan.endsAfterMs)
      : r.changedAt + plan.endsAfterMs;
  if (r.stopRequestedAt !== undefined && (hanging || r.stopRequestedAt < endAt)) {
    const stoppedAt = r.stopRequestedAt + STOP_SECONDS * 1000;
    return now >= stoppedAt ? { status: 'Stopped', endAt: stoppedAt } : { status: 'Stopping' };
  }
  if (hanging) return { status: 'InProgress', ...(plan.hangIn ? { hangIn: plan.hangIn } : {}) };
  if (now < endAt) return { status: 'InProgress' };
  if (plan.outcome === 'Failed') {
    return { status: 'Failed', endAt, failureReason: plan.failureReason };
  }
  return { status: plan.outcome === 'Stopped' ? 'Stopped' : 'Completed', endAt };
}
