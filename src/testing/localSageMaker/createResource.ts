/**
 * The checks every Create call goes through before a resource exists: a name, numbers where the
 * service reads numbers, then uniqueness.
 * @internal
 */
import { ApiError, type Json } from './protocol.js';
import { KINDS, type Resource } from './ResourceStore.js';
import type { Simulation } from './Simulation.js';
import type { LocalResourceKind } from './types.js';
import { validateRequest } from './validateRequest.js';

/**
 * Request members the service reads as numbers: a string there is a `SerializationException`, as
 * SageMaker answers when a templated number was left as a string.
 */
const NUMERIC_MEMBER =
  /(InstanceCount|InSeconds|InGB|InMB|MaxConcurrent\w*|MaxNumberOf\w*|MaxParallel\w*|MaxPayloadInMB|MaxRetryAttempts|InitialInstanceCount|InitialVariantWeight|ProbabilityThreshold)$/;

function findNonNumeric(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNonNumeric(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      const memberPath = path ? `${path}.${key}` : key;
      // HyperParameters and Environment are string maps whatever their keys say.
      if (key === 'HyperParameters' || key === 'StaticHyperParameters' || key === 'Environment')
        continue;
      if (NUMERIC_MEMBER.test(key) && member !== undefined && typeof member !== 'number')
        return memberPath;
      const found = findNonNumeric(member, memberPath);
      if (found) return found;
    }
  }
  return undefined;
}

/** Checks a Create request and stores the resource. @throws {ApiError} @internal */
export function createResource(
  sim: Simulation,
  kind: LocalResourceKind,
  body: Json,
  duplicate: (name: string, arn: string) => ApiError,
): Resource {
  const nameKey = KINDS[kind].nameKey;
  const name = body[nameKey];
  if (typeof name !== 'string' || name.length === 0) {
    throw new ApiError(
      400,
      'ValidationException',
      `1 validation error detected: Value null at '${nameKey}' failed to satisfy constraint: Member must not be null`,
    );
  }
  const bad = findNonNumeric(body, '');
  if (bad) {
    throw new ApiError(
      400,
      'SerializationException',
      `STRING_VALUE can not be converted to an Integer or Float at '${bad}'`,
    );
  }
  const invalid = validateRequest(kind, body);
  if (invalid) throw invalid;
  return sim.store.add(kind, name, body, sim.clock.now(), duplicate);
}

/** StopXxxJob: only a job in progress can be stopped. @internal */
export function stopJob(sim: Simulation, r: Resource): Json {
  const state = sim.state(r);
  if (state.status !== 'InProgress') {
    throw new ApiError(
      400,
      'ValidationException',
      `The request was rejected because the job is in status ${state.status}.`,
    );
  }
  r.stopRequestedAt = sim.clock.now();
  return {};
}
