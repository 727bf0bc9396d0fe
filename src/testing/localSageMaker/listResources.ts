/**
 * The ListXxx operations: filter by name and status, newest first, paged with `NextToken`.
 * @internal
 */
import { seconds as s, type Json } from './protocol.js';
import { KINDS, type JobKind, type Resource } from './ResourceStore.js';
import type { Simulation } from './Simulation.js';
import type { LocalResourceKind } from './types.js';

/** One page of summaries. @internal */
export function listResources(
  sim: Simulation,
  kind: LocalResourceKind,
  body: Json,
  summariesKey: string,
  summary: (r: Resource) => Json,
): Json {
  const contains =
    typeof body['NameContains'] === 'string' ? body['NameContains'].toLowerCase() : '';
  const status = body['StatusEquals'];
  const all = [...sim.store.of(kind).values()]
    .filter((r) => r.name.toLowerCase().includes(contains))
    .map(summary)
    .filter(
      (x) =>
        status === undefined ||
        Object.entries(x).some(([k, v]) => k.endsWith('Status') && v === status),
    )
    .reverse();
  const start = typeof body['NextToken'] === 'string' ? Number(body['NextToken']) : 0;
  const max = typeof body['MaxResults'] === 'number' ? body['MaxResults'] : 10;
  const page = all.slice(start, start + max);
  return {
    [summariesKey]: page,
    ...(start + max < all.length ? { NextToken: String(start + max) } : {}),
  };
}

/** The summary of a job in its ListXxxJobs answer. @internal */
export const jobSummary =
  (sim: Simulation, kind: JobKind) =>
  (r: Resource): Json => {
    const k = KINDS[kind];
    return {
      [k.nameKey]: r.name,
      [`${k.nameKey.replace(/Name$/, '')}Arn`]: r.arn,
      CreationTime: s(r.createdAt),
      [k.statusKey]: sim.state(r).status,
    };
  };
