/**
 * A local HTTP endpoint that speaks SageMaker's and CloudWatch Logs' JSON 1.1 protocols for the calls
 * the operators make, so pipelines can be tested offline with the real AWS SDK clients. Jobs move
 * through their states on a simulated clock the test controls; faults (throttling, 500s, lost
 * responses, failing, stopping or hanging jobs) are injected here, not by mocking clients.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './closeServer.js';

/** How a job (or endpoint) named by {@link LocalSageMaker.setBehaviour} ends. */
export interface JobBehaviour {
  /** Final state; `'hang'` stays in progress forever. @default 'Completed' */
  readonly outcome?: 'Completed' | 'Failed' | 'Stopped' | 'hang';
  /** `FailureReason` reported when `outcome` is `'Failed'`. @default 'AlgorithmError: simulated failure' */
  readonly failureReason?: string;
  /** Simulated seconds from creation to the final state. @default - the endpoint's `jobDurationSeconds` */
  readonly durationSeconds?: number;
}

/** A fault returned instead of (or after) handling matching requests. */
export interface Fault {
  /**
   * - `throttle`: 400 `ThrottlingException`, the request is not handled;
   * - `serverError`: 500 `InternalFailure`, the request is not handled;
   * - `lostResponse`: the request IS handled, then a 500 is returned, as when a response is lost
   *   after the service committed the call.
   */
  readonly kind: 'throttle' | 'serverError' | 'lostResponse';
  /** Operation name such as `'CreateTrainingJob'`, or a pattern. @default - every operation */
  readonly operation?: string | RegExp;
  /** How many matching requests get the fault. @default 1 */
  readonly times?: number;
}

/** One request received by the endpoint. */
export interface RecordedRequest {
  /** `SageMaker` or `Logs`. */
  readonly service: 'SageMaker' | 'Logs';
  readonly operation: string;
  readonly body: Record<string, unknown>;
  /** HTTP status answered. */
  readonly status: number;
  /** Error type answered (`ThrottlingException`, ...), for non-2xx answers. */
  readonly error?: string;
}

/** A log event to seed with {@link LocalSageMaker.putLogEvents}. */
export interface SeedLogEvent {
  /** Epoch milliseconds. @default - the simulated clock's now */
  readonly timestamp?: number;
  readonly message: string;
}

/** Options of {@link startLocalSageMaker}. */
export interface LocalSageMakerOptions {
  /** Simulated seconds a job takes to finish unless a behaviour says otherwise. @default 60 */
  readonly jobDurationSeconds?: number;
  /** Simulated seconds added to the clock before answering each Describe call. @default 0 */
  readonly autoAdvanceSeconds?: number;
  /** Start of the simulated clock, epoch milliseconds. @default 1704067200000 (2024-01-01T00:00:00Z) */
  readonly startTimeMs?: number;
  /** Region written into ARNs. @default 'us-east-1' */
  readonly region?: string;
  /** Account written into ARNs. @default '123456789012' */
  readonly accountId?: string;
}

/** Kinds of resources the endpoint keeps. */
export type LocalResourceKind =
  'training' | 'tuning' | 'transform' | 'processing' | 'model' | 'endpointConfig' | 'endpoint';

/** A running local endpoint; see {@link startLocalSageMaker}. */
export interface LocalSageMaker {
  /** `http://127.0.0.1:<port>`, to pass as the clients' `endpoint`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests for one operation, e.g. `count('CreateTrainingJob')`, counting only answered ones (2xx). */
  count(operation: string): number;
  /** Moves the simulated clock forward. */
  advance(seconds: number): void;
  /** The simulated clock, epoch milliseconds. */
  now(): number;
  /** Sets how jobs whose name matches end; the latest matching behaviour wins. */
  setBehaviour(name: string | RegExp, behaviour: JobBehaviour): void;
  /** Queues a fault for the next matching requests. */
  injectFault(fault: Fault): void;
  /** Adds events to a CloudWatch Logs stream (created when missing, with its group). */
  putLogEvents(group: string, stream: string, events: readonly SeedLogEvent[]): void;
  /** Names of the resources of one kind, in creation order. */
  names(kind: LocalResourceKind): string[];
  /** The request a resource was created with (after updates, for endpoints), or `undefined`. */
  createRequest(kind: LocalResourceKind, name: string): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

interface Resource {
  readonly kind: LocalResourceKind;
  readonly name: string;
  readonly arn: string;
  request: Json;
  readonly createdAt: number;
  /** For endpoints: when the last Create or Update began. */
  changedAt: number;
  stopRequestedAt?: number;
  tags: Json[];
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const STOP_SECONDS = 1;

const KINDS = {
  training: { nameKey: 'TrainingJobName', arnPart: 'training-job', statusKey: 'TrainingJobStatus' },
  tuning: {
    nameKey: 'HyperParameterTuningJobName',
    arnPart: 'hyper-parameter-tuning-job',
    statusKey: 'HyperParameterTuningJobStatus',
  },
  transform: {
    nameKey: 'TransformJobName',
    arnPart: 'transform-job',
    statusKey: 'TransformJobStatus',
  },
  processing: {
    nameKey: 'ProcessingJobName',
    arnPart: 'processing-job',
    statusKey: 'ProcessingJobStatus',
  },
  model: { nameKey: 'ModelName', arnPart: 'model', statusKey: '' },
  endpointConfig: { nameKey: 'EndpointConfigName', arnPart: 'endpoint-config', statusKey: '' },
  endpoint: { nameKey: 'EndpointName', arnPart: 'endpoint', statusKey: 'EndpointStatus' },
} as const satisfies Record<
  LocalResourceKind,
  { nameKey: string; arnPart: string; statusKey: string }
>;

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

const s = (ms: number): number => ms / 1000;

const unsupported = (operation: string): ApiError =>
  new ApiError(
    400,
    'UnknownOperationException',
    `Operation ${operation} is not supported by the local endpoint`,
  );

/**
 * Starts a local SageMaker + CloudWatch Logs endpoint on 127.0.0.1 at a random port.
 *
 * @example
 * const local = await startLocalSageMaker({ autoAdvanceSeconds: 30 });
 * const sagemaker = new SageMakerClient({ endpoint: local.url, region: 'us-east-1',
 *   credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
 */
export async function startLocalSageMaker(
  options: LocalSageMakerOptions = {},
): Promise<LocalSageMaker> {
  const jobDurationSeconds = options.jobDurationSeconds ?? 60;
  const autoAdvanceSeconds = options.autoAdvanceSeconds ?? 0;
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  let clock = options.startTimeMs ?? Date.UTC(2024, 0, 1);

  const requests: RecordedRequest[] = [];
  const faults: { fault: Fault; left: number }[] = [];
  const behaviours: { name: string | RegExp; behaviour: JobBehaviour }[] = [];
  const resources = new Map<LocalResourceKind, Map<string, Resource>>(
    (Object.keys(KINDS) as LocalResourceKind[]).map((k) => [k, new Map()]),
  );
  interface LogStream {
    readonly creationTime: number;
    readonly events: { timestamp: number; message: string; ingestionTime: number }[];
  }
  const logs = new Map<string, Map<string, LogStream>>();

  const store = (kind: LocalResourceKind): Map<string, Resource> =>
    resources.get(kind) ?? new Map<string, Resource>();
  const arnOf = (kind: LocalResourceKind, name: string): string =>
    `arn:aws:sagemaker:${region}:${accountId}:${KINDS[kind].arnPart}/${name.toLowerCase()}`;

  function behaviourOf(name: string): Required<JobBehaviour> {
    let found: JobBehaviour = {};
    for (const b of behaviours) {
      if (typeof b.name === 'string' ? b.name === name : b.name.test(name)) found = b.behaviour;
    }
    return {
      outcome: found.outcome ?? 'Completed',
      failureReason: found.failureReason ?? 'AlgorithmError: simulated failure',
      durationSeconds: found.durationSeconds ?? jobDurationSeconds,
    };
  }

  /** The state of a job at the current simulated time. */
  function jobState(r: Resource): {
    status: string;
    endAt?: number;
    failureReason?: string;
  } {
    const b = behaviourOf(r.name);
    const endAt = r.changedAt + b.durationSeconds * 1000;
    if (r.stopRequestedAt !== undefined && (b.outcome === 'hang' || r.stopRequestedAt < endAt)) {
      const stoppedAt = r.stopRequestedAt + STOP_SECONDS * 1000;
      return clock >= stoppedAt ? { status: 'Stopped', endAt: stoppedAt } : { status: 'Stopping' };
    }
    if (b.outcome === 'hang' || clock < endAt) return { status: 'InProgress' };
    if (b.outcome === 'Failed') return { status: 'Failed', endAt, failureReason: b.failureReason };
    return { status: b.outcome, endAt };
  }

  function find(kind: LocalResourceKind, name: unknown, notFound: string): Resource {
    const r = typeof name === 'string' ? store(kind).get(name) : undefined;
    if (!r) throw new ApiError(400, 'ValidationException', notFound);
    return r;
  }

  function create(
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
    const existing = store(kind).get(name);
    if (existing) throw duplicate(name, existing.arn);
    const r: Resource = {
      kind,
      name,
      arn: arnOf(kind, name),
      request: body,
      createdAt: clock,
      changedAt: clock,
      tags: Array.isArray(body['Tags']) ? (body['Tags'] as Json[]) : [],
    };
    store(kind).set(name, r);
    return r;
  }

  const jobExists = (what: string) => (_name: string, arn: string) =>
    new ApiError(
      400,
      'ResourceInUse',
      `${what} names must be unique within an AWS account and region, and a ${what.toLowerCase()} with this name already exists (${arn})`,
    );
  const alreadyExists = (what: string) => (name: string, arn: string) =>
    new ApiError(
      400,
      'ValidationException',
      `Cannot create already existing ${what} "${arn}" (${name}).`,
    );

  function stop(kind: LocalResourceKind, name: unknown): Json {
    const r = find(kind, name, 'Requested resource not found.');
    const state = jobState(r);
    if (state.status !== 'InProgress') {
      throw new ApiError(
        400,
        'ValidationException',
        `The request was rejected because the job is in status ${state.status}.`,
      );
    }
    r.stopRequestedAt = clock;
    return {};
  }

  function timing(r: Resource, state: { endAt?: number }, startKey: string, endKey: string): Json {
    const startAt =
      r.createdAt + Math.min(behaviourOf(r.name).durationSeconds * 100, clock - r.createdAt);
    return {
      ...(clock > r.createdAt ? { [startKey]: s(startAt) } : {}),
      ...(state.endAt !== undefined ? { [endKey]: s(state.endAt) } : {}),
    };
  }

  const TRAINING_PHASES = [
    ['Starting', 0, 'Preparing the instances for training'],
    ['Downloading', 0.1, 'Downloading input data'],
    ['Training', 0.3, 'Training image download completed. Training in progress.'],
    ['Uploading', 0.9, 'Uploading generated training model'],
  ] as const;

  function describeTraining(body: Json): Json {
    const r = find('training', body['TrainingJobName'], 'Requested resource not found.');
    const state = jobState(r);
    const d = behaviourOf(r.name).durationSeconds * 1000;
    const until = state.endAt ?? clock;
    const phases: { Status: string; StartTime: number; EndTime?: number; StatusMessage: string }[] =
      [];
    for (const [status, at, message] of TRAINING_PHASES) {
      const startAt = r.createdAt + at * d;
      if (startAt > until || (startAt === until && state.endAt !== undefined && at > 0)) break;
      const prev = phases.at(-1);
      if (prev) prev.EndTime = s(startAt);
      phases.push({ Status: status, StartTime: s(startAt), StatusMessage: message });
    }
    let secondary = phases.at(-1)?.Status ?? 'Starting';
    if (state.status !== 'InProgress') {
      secondary = state.status === 'Completed' ? 'Completed' : state.status;
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
      LastModifiedTime: s(Math.min(clock, until)),
      ...(clock >= trainingStart ? { TrainingStartTime: s(trainingStart) } : {}),
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
      Tags: undefined,
    };
  }

  function describeTuning(body: Json): Json {
    const r = find('tuning', body['HyperParameterTuningJobName'], 'Requested resource not found.');
    const state = jobState(r);
    const limits = (((r.request['HyperParameterTuningJobConfig'] ?? {}) as Json)[
      'ResourceLimits'
    ] ?? {}) as Json;
    const total =
      typeof limits['MaxNumberOfTrainingJobs'] === 'number' ? limits['MaxNumberOfTrainingJobs'] : 1;
    const done = state.status === 'Completed' ? total : 0;
    return {
      ...r.request,
      HyperParameterTuningJobArn: r.arn,
      HyperParameterTuningJobStatus: state.status,
      CreationTime: s(r.createdAt),
      LastModifiedTime: s(Math.min(clock, state.endAt ?? clock)),
      ...(state.endAt !== undefined ? { HyperParameterTuningEndTime: s(state.endAt) } : {}),
      TrainingJobStatusCounters: {
        Completed: done,
        InProgress: state.status === 'InProgress' ? Math.min(total, 1) : 0,
        RetryableError: 0,
        NonRetryableError: state.status === 'Failed' ? 1 : 0,
        Stopped: state.status === 'Stopped' ? 1 : 0,
      },
      ObjectiveStatusCounters: { Succeeded: done, Pending: 0, Failed: 0 },
      ...(done > 0
        ? {
            BestTrainingJob: {
              TrainingJobName: `${r.name.slice(0, 18)}-001-0123abcd`,
              TrainingJobArn: arnOf('training', `${r.name.slice(0, 18)}-001-0123abcd`),
              CreationTime: s(r.createdAt),
              TrainingJobStatus: 'Completed',
              TunedHyperParameters: {},
              FinalHyperParameterTuningJobObjectiveMetric: {
                MetricName: 'validation:accuracy',
                Value: 0.93,
              },
            },
          }
        : {}),
      ...(state.failureReason ? { FailureReason: state.failureReason } : {}),
      Tags: undefined,
    };
  }

  /** DescribeTransformJob and DescribeProcessingJob: the request, its state and its timing. */
  function describeBatchJob(kind: 'transform' | 'processing', body: Json): Json {
    const { nameKey, statusKey } = KINDS[kind];
    const r = find(
      kind,
      body[nameKey],
      'Could not find requested job with name ' + String(body[nameKey]),
    );
    const state = jobState(r);
    const prefix = kind === 'transform' ? 'Transform' : 'Processing';
    // Only processing jobs report LastModifiedTime and an ExitMessage.
    const processing = kind === 'processing';
    return {
      ...r.request,
      [`${prefix}JobArn`]: r.arn,
      [statusKey]: state.status,
      CreationTime: s(r.createdAt),
      ...(processing ? { LastModifiedTime: s(Math.min(clock, state.endAt ?? clock)) } : {}),
      ...timing(r, state, `${prefix}StartTime`, `${prefix}EndTime`),
      ...(state.failureReason
        ? {
            FailureReason: state.failureReason,
            ...(processing ? { ExitMessage: state.failureReason } : {}),
          }
        : {}),
      Tags: undefined,
    };
  }

  function describeEndpoint(body: Json): Json {
    const r = find(
      'endpoint',
      body['EndpointName'],
      `Could not find endpoint "${String(body['EndpointName'])}".`,
    );
    const b = behaviourOf(r.name);
    const ready = r.changedAt + b.durationSeconds * 1000;
    const updating = r.changedAt > r.createdAt;
    let status: string;
    if (b.outcome === 'hang' || clock < ready) status = updating ? 'Updating' : 'Creating';
    else if (b.outcome === 'Failed') status = 'Failed';
    else status = 'InService';
    return {
      EndpointName: r.name,
      EndpointArn: r.arn,
      EndpointConfigName: r.request['EndpointConfigName'],
      EndpointStatus: status,
      CreationTime: s(r.createdAt),
      LastModifiedTime: s(Math.min(clock, ready)),
      ...(status === 'Failed' ? { FailureReason: b.failureReason } : {}),
    };
  }

  function list(
    kind: LocalResourceKind,
    body: Json,
    summariesKey: string,
    summary: (r: Resource) => Json,
  ): Json {
    const contains =
      typeof body['NameContains'] === 'string' ? body['NameContains'].toLowerCase() : '';
    const status = body['StatusEquals'];
    const all = [...store(kind).values()]
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

  function jobSummary(kind: 'training' | 'tuning' | 'transform' | 'processing') {
    return (r: Resource): Json => {
      const k = KINDS[kind];
      const state = jobState(r);
      return {
        [k.nameKey]: r.name,
        [`${k.nameKey.replace(/Name$/, '')}Arn`]: r.arn,
        CreationTime: s(r.createdAt),
        [kind === 'tuning' ? 'HyperParameterTuningJobStatus' : k.statusKey]: state.status,
      };
    };
  }

  function findByArn(arn: unknown): Resource {
    const r = [...resources.values()].flatMap((m) => [...m.values()]).find((x) => x.arn === arn);
    if (!r) throw new ApiError(400, 'ValidationException', `Resource ${String(arn)} not found.`);
    return r;
  }

  /** The model a request names; CreateTransformJob refers to one the same way. */
  const findModel = (body: Json): Resource =>
    find(
      'model',
      body['ModelName'],
      `Could not find model "${arnOf('model', String(body['ModelName']))}".`,
    );

  /** The endpoint config that CreateEndpoint or UpdateEndpoint names. */
  const findEndpointConfig = (body: Json): Resource =>
    find(
      'endpointConfig',
      body['EndpointConfigName'],
      `Could not find endpoint configuration "${String(body['EndpointConfigName'])}".`,
    );

  function sageMaker(operation: string, body: Json): Json {
    switch (operation) {
      case 'CreateTrainingJob':
        return { TrainingJobArn: create('training', body, jobExists('Training job')).arn };
      case 'DescribeTrainingJob':
        return describeTraining(body);
      case 'StopTrainingJob':
        return stop('training', body['TrainingJobName']);
      case 'ListTrainingJobs':
        return list('training', body, 'TrainingJobSummaries', jobSummary('training'));
      case 'CreateHyperParameterTuningJob':
        return { HyperParameterTuningJobArn: create('tuning', body, jobExists('Tuning job')).arn };
      case 'DescribeHyperParameterTuningJob':
        return describeTuning(body);
      case 'StopHyperParameterTuningJob':
        return stop('tuning', body['HyperParameterTuningJobName']);
      case 'ListHyperParameterTuningJobs':
        return list('tuning', body, 'HyperParameterTuningJobSummaries', jobSummary('tuning'));
      case 'CreateTransformJob': {
        findModel(body);
        return { TransformJobArn: create('transform', body, jobExists('Transform job')).arn };
      }
      case 'DescribeTransformJob':
        return describeBatchJob('transform', body);
      case 'StopTransformJob':
        return stop('transform', body['TransformJobName']);
      case 'ListTransformJobs':
        return list('transform', body, 'TransformJobSummaries', jobSummary('transform'));
      case 'CreateProcessingJob':
        return { ProcessingJobArn: create('processing', body, jobExists('Processing job')).arn };
      case 'DescribeProcessingJob':
        return describeBatchJob('processing', body);
      case 'StopProcessingJob':
        return stop('processing', body['ProcessingJobName']);
      case 'ListProcessingJobs':
        return list('processing', body, 'ProcessingJobSummaries', jobSummary('processing'));
      case 'CreateModel':
        return { ModelArn: create('model', body, alreadyExists('model')).arn };
      case 'DescribeModel': {
        const r = findModel(body);
        return { ...r.request, ModelArn: r.arn, CreationTime: s(r.createdAt), Tags: undefined };
      }
      case 'DeleteModel': {
        const r = findModel(body);
        store('model').delete(r.name);
        return {};
      }
      case 'ListModels':
        return list('model', body, 'Models', (r) => ({
          ModelName: r.name,
          ModelArn: r.arn,
          CreationTime: s(r.createdAt),
        }));
      case 'CreateEndpointConfig':
        return {
          EndpointConfigArn: create('endpointConfig', body, alreadyExists('endpoint configuration'))
            .arn,
        };
      case 'DescribeEndpointConfig': {
        const r = find(
          'endpointConfig',
          body['EndpointConfigName'],
          `Could not find endpoint configuration "${arnOf('endpointConfig', String(body['EndpointConfigName']))}".`,
        );
        return {
          ...r.request,
          EndpointConfigArn: r.arn,
          CreationTime: s(r.createdAt),
          Tags: undefined,
        };
      }
      case 'CreateEndpoint': {
        findEndpointConfig(body);
        return { EndpointArn: create('endpoint', body, alreadyExists('endpoint')).arn };
      }
      case 'UpdateEndpoint': {
        const r = find(
          'endpoint',
          body['EndpointName'],
          `Could not find endpoint "${String(body['EndpointName'])}".`,
        );
        findEndpointConfig(body);
        const status = describeEndpoint({ EndpointName: r.name })['EndpointStatus'];
        if (status !== 'InService' && status !== 'Failed') {
          throw new ApiError(
            400,
            'ValidationException',
            `Cannot update in-progress endpoint "${r.arn}".`,
          );
        }
        r.request = { ...r.request, EndpointConfigName: body['EndpointConfigName'] };
        r.changedAt = clock === r.createdAt ? clock + 1 : clock;
        return { EndpointArn: r.arn };
      }
      case 'DescribeEndpoint':
        return describeEndpoint(body);
      case 'ListEndpoints':
        return list('endpoint', body, 'Endpoints', (r) => ({
          EndpointName: r.name,
          EndpointArn: r.arn,
          CreationTime: s(r.createdAt),
          EndpointStatus: describeEndpoint({ EndpointName: r.name })['EndpointStatus'],
        }));
      case 'AddTags': {
        const r = findByArn(body['ResourceArn']);
        const added = Array.isArray(body['Tags']) ? (body['Tags'] as Json[]) : [];
        r.tags = [...r.tags.filter((t) => !added.some((a) => a['Key'] === t['Key'])), ...added];
        return { Tags: added };
      }
      case 'ListTags': {
        const r = findByArn(body['ResourceArn']);
        return { Tags: r.tags };
      }
      default:
        throw unsupported(operation);
    }
  }

  function cloudWatchLogs(operation: string, body: Json): Json {
    const group =
      typeof body['logGroupName'] === 'string' ? logs.get(body['logGroupName']) : undefined;
    if (!group)
      throw new ApiError(
        400,
        'ResourceNotFoundException',
        'The specified log group does not exist.',
      );
    switch (operation) {
      case 'DescribeLogStreams': {
        const prefix =
          typeof body['logStreamNamePrefix'] === 'string' ? body['logStreamNamePrefix'] : '';
        const streams = [...group.entries()]
          .filter(([name]) => name.startsWith(prefix))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, st]) => ({
            logStreamName: name,
            creationTime: st.creationTime,
            ...(st.events.length
              ? {
                  firstEventTimestamp: st.events[0]?.timestamp,
                  lastEventTimestamp: st.events.at(-1)?.timestamp,
                }
              : {}),
            storedBytes: 0,
          }));
        return { logStreams: streams };
      }
      case 'GetLogEvents': {
        const stream =
          typeof body['logStreamName'] === 'string' ? group.get(body['logStreamName']) : undefined;
        if (!stream)
          throw new ApiError(
            400,
            'ResourceNotFoundException',
            'The specified log stream does not exist.',
          );
        const token = typeof body['nextToken'] === 'string' ? body['nextToken'] : undefined;
        const limit = typeof body['limit'] === 'number' ? body['limit'] : 10_000;
        let from = token ? Number(token.slice(2)) : 0;
        if (!token && typeof body['startTime'] === 'number') {
          const startTime = body['startTime'];
          from = stream.events.findIndex((e) => e.timestamp >= startTime);
          if (from < 0) from = stream.events.length;
        }
        const events = stream.events.slice(from, from + limit);
        return {
          events,
          nextForwardToken: `f/${from + events.length}`,
          nextBackwardToken: `b/${from}`,
        };
      }
      default:
        throw unsupported(operation);
    }
  }

  function takeFault(operation: string): Fault | undefined {
    for (const entry of faults) {
      const op = entry.fault.operation;
      const matches =
        op === undefined || (typeof op === 'string' ? op === operation : op.test(operation));
      if (matches && entry.left > 0) {
        entry.left -= 1;
        return entry.fault;
      }
    }
    return undefined;
  }

  function send(res: ServerResponse, status: number, payload: Json, errorType?: string): void {
    const text = JSON.stringify(payload);
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': `local-${requests.length}`,
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    });
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const [prefix = '', operation = ''] = target.split('.');
    const service =
      prefix === 'SageMaker' ? 'SageMaker' : prefix.startsWith('Logs_') ? 'Logs' : undefined;
    let body: Json = {};
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      body = text ? (JSON.parse(text) as Json) : {};
    } catch {
      send(
        res,
        400,
        { __type: 'SerializationException', message: 'Malformed JSON' },
        'SerializationException',
      );
      return;
    }
    const record = (status: number, error?: string): void => {
      if (service) requests.push({ service, operation, body, status, ...(error ? { error } : {}) });
    };
    const answerError = (status: number, type: string, message: string): void => {
      record(status, type);
      send(res, status, { __type: type, message }, type);
    };
    if (!service) {
      // record() keeps nothing here: a RecordedRequest needs a known service.
      answerError(400, 'UnknownOperationException', `Unknown target ${target}`);
      return;
    }
    const fault = takeFault(operation);
    if (fault?.kind === 'throttle') {
      answerError(400, 'ThrottlingException', 'Rate exceeded');
      return;
    }
    if (fault?.kind === 'serverError') {
      answerError(500, 'InternalFailure', 'We encountered an internal error. Please try again.');
      return;
    }
    if (operation.startsWith('Describe') && autoAdvanceSeconds > 0 && service === 'SageMaker') {
      clock += autoAdvanceSeconds * 1000;
    }
    try {
      const result =
        service === 'SageMaker' ? sageMaker(operation, body) : cloudWatchLogs(operation, body);
      if (fault?.kind === 'lostResponse') {
        answerError(500, 'InternalFailure', 'The response was lost.');
        return;
      }
      record(200);
      send(res, 200, JSON.parse(JSON.stringify(result)) as Json);
    } catch (error) {
      if (error instanceof ApiError) {
        answerError(error.status, error.type, error.message);
      } else {
        record(500);
        send(res, 500, { __type: 'InternalFailure', message: String(error) }, 'InternalFailure');
      }
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    count: (operation) =>
      requests.filter((r) => r.operation === operation && r.status < 300).length,
    advance(seconds) {
      clock += seconds * 1000;
    },
    now: () => clock,
    setBehaviour(name, behaviour) {
      behaviours.push({ name, behaviour });
    },
    injectFault(fault) {
      faults.push({ fault, left: fault.times ?? 1 });
    },
    putLogEvents(groupName, streamName, events) {
      const group = logs.get(groupName) ?? new Map<string, LogStream>();
      logs.set(groupName, group);
      const stream: LogStream = group.get(streamName) ?? { creationTime: clock, events: [] };
      group.set(streamName, stream);
      for (const e of events) {
        stream.events.push({
          timestamp: e.timestamp ?? clock,
          message: e.message,
          ingestionTime: clock,
        });
      }
      stream.events.sort((a, b) => a.timestamp - b.timestamp);
    },
    names: (kind) => [...store(kind).keys()],
    createRequest: (kind, name) => store(kind).get(name)?.request,
    close: () => closeServer(server),
  };
}
