/**
 * DescribeHyperParameterTuningJob, DescribeTransformJob and DescribeProcessingJob: the request,
 * its state and its timing, as SageMaker answers them.
 * @internal
 */
import { seconds as s, validationError, type Json } from './protocol.js';
import { KINDS, type Resource } from './ResourceStore.js';
import type { Simulation } from './Simulation.js';

/** The start and end members of a job, once they exist. @internal */
function timing(
  sim: Simulation,
  r: Resource,
  state: { endAt?: number },
  startKey: string,
  endKey: string,
): Json {
  const now = sim.clock.now();
  const startAt = r.createdAt + Math.min(sim.plan(r).durationMs * 0.1, now - r.createdAt);
  return {
    ...(now > r.createdAt ? { [startKey]: s(startAt) } : {}),
    ...(state.endAt !== undefined ? { [endKey]: s(state.endAt) } : {}),
  };
}

/** DescribeHyperParameterTuningJob's answer. @internal */
export function describeTuning(sim: Simulation, body: Json): Json {
  const r = sim.store.find('tuning', body['HyperParameterTuningJobName'], () =>
    validationError('Requested resource not found.'),
  );
  const now = sim.clock.now();
  const state = sim.state(r);
  const limits = (((r.request['HyperParameterTuningJobConfig'] ?? {}) as Json)['ResourceLimits'] ??
    {}) as Json;
  const total =
    typeof limits['MaxNumberOfTrainingJobs'] === 'number' ? limits['MaxNumberOfTrainingJobs'] : 1;
  const done = state.status === 'Completed' ? total : 0;
  return {
    ...r.request,
    HyperParameterTuningJobArn: r.arn,
    HyperParameterTuningJobStatus: state.status,
    CreationTime: s(r.createdAt),
    LastModifiedTime: s(Math.min(now, state.endAt ?? now)),
    ...(state.endAt !== undefined ? { HyperParameterTuningEndTime: s(state.endAt) } : {}),
    TrainingJobStatusCounters: {
      Completed: done,
      InProgress: state.status === 'InProgress' ? Math.min(total, 1) : 0,
      RetryableError: 0,
      NonRetryableError: state.status === 'Failed' ? 1 : 0,
      Stopped: state.status === 'Stopped' ? 1 : 0,
    },
    ObjectiveStatusCounters: { Succeeded: done, Pending: 0, Failed: 0 },
    ...(done > 0 ? (r.run?.completedFields ?? {}) : {}),
    ...(state.failureReason ? { FailureReason: state.failureReason } : {}),
    Tags: undefined,
  };
}

/** The transform or processing job a request names. @internal */
export function findBatchJob(sim: Simulation, kind: 'transform' | 'processing', name: unknown) {
  return sim.store.find(kind, name, () =>
    validationError('Could not find requested job with name ' + String(name)),
  );
}

/** DescribeTransformJob and DescribeProcessingJob's answers. @internal */
export function describeBatchJob(
  sim: Simulation,
  kind: 'transform' | 'processing',
  body: Json,
): Json {
  const { nameKey, statusKey } = KINDS[kind];
  const r = findBatchJob(sim, kind, body[nameKey]);
  const now = sim.clock.now();
  const state = sim.state(r);
  const prefix = kind === 'transform' ? 'Transform' : 'Processing';
  // Only processing jobs report LastModifiedTime and an ExitMessage.
  const processing = kind === 'processing';
  return {
    ...r.request,
    [`${prefix}JobArn`]: r.arn,
    [statusKey]: state.status,
    CreationTime: s(r.createdAt),
    ...(processing ? { LastModifiedTime: s(Math.min(now, state.endAt ?? now)) } : {}),
    ...timing(sim, r, state, `${prefix}StartTime`, `${prefix}EndTime`),
    ...(state.failureReason
      ? {
          FailureReason: state.failureReason,
          ...(processing ? { ExitMessage: state.failureReason } : {}),
        }
      : {}),
    Tags: undefined,
  };
}
