/**
 * Progress reports built from the Describe outputs the waiters already fetch: status transitions,
 * training's secondary status transitions (as Airflow prints them) and billable seconds.
 * @internal
 */
import { labelOf, type ResourceKind } from './errors.js';
import type { OperatorLogger } from './logger.js';
import type { Json } from './sagemakerCall.js';

interface Transition {
  readonly Status?: string;
  readonly StatusMessage?: string;
  readonly StartTime?: Date | string | number;
}

function isoSeconds(value: unknown): string {
  const date =
    value instanceof Date
      ? value
      : new Date(typeof value === 'number' ? value * 1000 : String(value));
  return Number.isNaN(date.getTime())
    ? String(value)
    : date.toISOString().slice(0, 19).replace('T', ' ');
}

/** Returns a function to call with each Describe output; it logs what changed since the last one. */
export function progressReporter(
  kind: ResourceKind,
  name: string,
  statusKey: string,
  logger: OperatorLogger,
): (description: Json) => void {
  let lastStatus: unknown;
  let transitionsSeen = 0;
  let lastSecondaryMessage: string | undefined;
  return (description) => {
    const status = description[statusKey];
    if (status !== lastStatus) {
      logger.info(`SageMaker ${labelOf(kind)} ${name}: ${String(status)}`);
      lastStatus = status;
    }
    const transitions = description['SecondaryStatusTransitions'];
    if (Array.isArray(transitions)) {
      const list = transitions as Transition[];
      // A transition's message can change while its status stays (e.g. during Training), so the
      // last one is re-printed when its message changed.
      const fresh = list.slice(Math.max(0, transitionsSeen - 1));
      for (const [i, t] of fresh.entries()) {
        const isLastSeen = i === 0 && transitionsSeen > 0;
        if (isLastSeen && t.StatusMessage === lastSecondaryMessage) continue;
        logger.info(`${isoSeconds(t.StartTime)} ${t.Status ?? ''} - ${t.StatusMessage ?? ''}`);
      }
      transitionsSeen = list.length;
      lastSecondaryMessage = list.at(-1)?.StatusMessage;
    }
  };
}

function seconds(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime() / 1000;
  if (typeof value === 'number') return value;
  return undefined;
}

/**
 * Billable seconds of a finished training job: `BillableTimeInSeconds` when SageMaker gives it,
 * else (end - start) x instance count as Airflow computes it.
 */
export function billableSeconds(description: Json): number | undefined {
  const billable = description['BillableTimeInSeconds'];
  if (typeof billable === 'number') return billable;
  const start = seconds(description['TrainingStartTime']);
  const end = seconds(description['TrainingEndTime']);
  const resources = description['ResourceConfig'] as { InstanceCount?: unknown } | undefined;
  const count = typeof resources?.InstanceCount === 'number' ? resources.InstanceCount : 1;
  if (start === undefined || end === undefined) return undefined;
  return Math.ceil(end - start) * count;
}

/** Milliseconds as `H:MM:SS`, for heartbeat lines. @internal */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}
