/**
 * DescribeTrainingJob: the request, the state, the secondary status transitions, timing, billing
 * and `ModelArtifacts`, as SageMaker answers them for the job's state.
 * @internal
 */
import { resourceNotFound, seconds as s, validationError, type Json } from './protocol.js';
import type { Resource } from './ResourceStore.js';
import type { Simulation } from './Simulation.js';

const TRAINING_PHASES = [
  ['Starting', 0, 'Preparing the instances for training'],
  ['Downloading', 0.1, 'Downloading input data'],
  ['Training', 0.3, 'Training image download completed. Training in progress.'],
  ['Uploading', 0.9, 'Uploading generated training model'],
] as const;

interface Transition {
  Status: string;
  StartTime: number;
  EndTime?: number;
  StatusMessage: string;
}

/** The training job a request names. @throws {ApiError} ValidationException @internal */
export const findTrainingJob = (sim: Simulation, name: unknown): Resource =>
  sim.store.find('training', name, () => validationError('Requested resource not found.'));

/** The training job a Stop request names. @throws {ApiError} ResourceNotFound @internal */
export const findTrainingJobToStop = (sim: Simulation, name: unknown): Resource =>
  sim.store.find('training', name, () => resourceNotFound('Requested resource not found.'));

/** DescribeTrainingJob's answer. @internal */
export function describeTraining(sim: Simulation, body: Json): Json {
  const r = findTrainingJob(sim, body['TrainingJobName']);
  const now = sim.clock.now();
  const state = sim.state(r);
  const d = sim.plan(r).durationMs;
  const until = state.endAt ?? now;
  const phases: Transition[] = [];
  for (const [status, at, message] of TRAINING_PHASES) {
    const startAt = r.createdAt + at * d;
    if (startAt > until || (startAt === until && state.endAt !== undefined && at > 0)) break;
    const prev = phases.at(-1);
    if (prev) prev.EndTime = s(startAt);
    phases.push({ Status: status, StartTime: s(startAt), StatusMessage: message });
    if (state.hangIn === status) break;
  }
  let secondary = phases.at(-1)?.Status ?? 'Starting';
  if (state.status !== 'InProgress') {
    secondary = state.status;
    const prev = phases.at(-1);
    if (prev && state.endAt !== undefined) prev.EndTime = s(state.endAt);
    if (state.endAt !== undefined) {
      phases.push({
        Status: secondary,
        StartTime: s(state.endAt),
        StatusMessage:
          state.status === 'Completed'
            ? 'Training job completed'
            : state.status === 'Failed'
              ? (state.failureReason ?? 'Training job failed')
              : 'Training job stopped',
      });
    }
  }
  const req = r.request;
  const resourceConfig = (req['ResourceConfig'] ?? {}) as Json;
  const instanceCount =
    typeof resourceConfig['InstanceCount'] === 'number' ? resourceConfig['InstanceCount'] : 1;
  const trainingStart = r.createdAt + 0.1 * d;
  const outputPath = ((req['OutputDataConfig'] ?? {}) as Json)['S3OutputPath'];
  return {
    ...req,
    TrainingJobArn: r.arn,
    TrainingJobStatus: state.status,
    SecondaryStatus: secondary,
    SecondaryStatusTransitions: phases,
    CreationTime: s(r.createdAt),
    LastModifiedTime: s(Math.min(now, until)),
    ...(now >= trainingStart ? { TrainingStartTime: s(trainingStart) } : {}),
    ...(state.endAt !== undefined ? { TrainingEndTime: s(state.endAt) } : {}),
    ...(state.endAt !== undefined
      ? {
          BillableTimeInSeconds:
            Math.max(1, Math.round(s(state.endAt - trainingStart))) * instanceCount,
        }
      : {}),
    ...(state.failureReason ? { FailureReason: state.failureReason } : {}),
    ...(state.status === 'Completed' && typeof outputPath === 'string'
      ? {
          ModelArtifacts: {
            S3ModelArtifacts: `${outputPath.replace(/\/$/, '')}/${r.name}/output/model.tar.gz`,
          },
        }
      : { ModelArtifacts: { S3ModelArtifacts: '' } }),
    ...(state.status === 'Completed' ? (r.run?.completedFields ?? {}) : {}),
    Tags: undefined,
  };
}
