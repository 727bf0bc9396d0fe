/**
 * Models, endpoint configs and endpoints: create, describe, update, list.
 * @internal
 */
import { ApiError, seconds as s, validationError, type Json } from './protocol.js';
import type { Resource } from './ResourceStore.js';
import type { Simulation } from './Simulation.js';

/** The model a request names; CreateTransformJob refers to one the same way. @internal */
export const findModel = (sim: Simulation, body: Json): Resource =>
  sim.store.find('model', body['ModelName'], () =>
    validationError(
      `Could not find model "${sim.store.arnOf('model', String(body['ModelName']))}".`,
    ),
  );

/** The endpoint config that CreateEndpoint or UpdateEndpoint names. @internal */
export const findEndpointConfig = (sim: Simulation, body: Json): Resource =>
  sim.store.find('endpointConfig', body['EndpointConfigName'], () =>
    validationError(
      `Could not find endpoint configuration "${String(body['EndpointConfigName'])}".`,
    ),
  );

/** The endpoint a request names. @internal */
export const findEndpoint = (sim: Simulation, body: Json): Resource =>
  sim.store.find('endpoint', body['EndpointName'], () =>
    validationError(`Could not find endpoint "${String(body['EndpointName'])}".`),
  );

/** DescribeEndpointConfig's answer. @internal */
export function describeEndpointConfig(sim: Simulation, body: Json): Json {
  const r = sim.store.find('endpointConfig', body['EndpointConfigName'], () =>
    validationError(
      `Could not find endpoint configuration "${sim.store.arnOf('endpointConfig', String(body['EndpointConfigName']))}".`,
    ),
  );
  return {
    ...r.request,
    EndpointConfigArn: r.arn,
    CreationTime: s(r.createdAt),
    Tags: undefined,
  };
}

/** DescribeEndpoint's answer: `Creating`/`Updating`, then `InService` (or `Failed`). @internal */
export function describeEndpoint(sim: Simulation, body: Json): Json {
  const r = findEndpoint(sim, body);
  const now = sim.clock.now();
  const plan = sim.plan(r);
  const ready = r.changedAt + plan.durationMs;
  const updating = r.changedAt > r.createdAt;
  let status: string;
  if ((plan.outcome === 'hang' && now < plan.hangUntil) || now < ready) {
    status = updating ? 'Updating' : 'Creating';
  } else if (plan.outcome === 'Failed') status = 'Failed';
  else status = 'InService';
  return {
    EndpointName: r.name,
    EndpointArn: r.arn,
    EndpointConfigName: r.request['EndpointConfigName'],
    EndpointStatus: status,
    CreationTime: s(r.createdAt),
    LastModifiedTime: s(Math.min(now, ready)),
    ...(status === 'Failed' ? { FailureReason: plan.failureReason } : {}),
  };
}

/** UpdateEndpoint: only an endpoint at rest (`InService` or `Failed`) takes a new config. @internal */
export function updateEndpoint(sim: Simulation, body: Json): Json {
  const r = findEndpoint(sim, body);
  findEndpointConfig(sim, body);
  const status = describeEndpoint(sim, { EndpointName: r.name })['EndpointStatus'];
  if (status !== 'InService' && status !== 'Failed') {
    throw new ApiError(
      400,
      'ValidationException',
      `Cannot update in-progress endpoint "${r.arn}".`,
    );
  }
  const now = sim.clock.now();
  r.request = { ...r.request, EndpointConfigName: body['EndpointConfigName'] };
  r.changedAt = now === r.createdAt ? now + 1 : now;
  return { EndpointArn: r.arn };
}
