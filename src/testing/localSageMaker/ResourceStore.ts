/**
 * The resources the local SageMaker keeps (jobs, models, endpoint configs, endpoints), their ARNs
 * and the service's answers for duplicates and unknown names.
 * @internal
 */
import { ApiError, validationError, type Json } from './protocol.js';
import type { LocalResourceKind } from './types.js';

/** Request member names and ARN parts per kind. @internal */
export const KINDS = {
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

/** Kinds that run as jobs. @internal */
export type JobKind = 'training' | 'tuning' | 'transform' | 'processing';

/** What the data plane decided when a job was created. @internal */
export interface JobRun {
  /** A failure found reading the inputs (`ClientError: ...`): the job fails while downloading. */
  readonly failureReason?: string;
  /** Writes the job's outputs; called once, when the job is first seen `Completed`. */
  readonly complete?: () => void;
  /** Describe members the run adds once completed (`FinalMetricDataList`, ...). */
  readonly completedFields?: Json;
}

/** One resource. @internal */
export interface Resource {
  readonly kind: LocalResourceKind;
  readonly name: string;
  readonly arn: string;
  request: Json;
  readonly createdAt: number;
  /** For endpoints: when the last Create or Update began. */
  changedAt: number;
  stopRequestedAt?: number;
  tags: Json[];
  /** The data plane's decision for a job. */
  run?: JobRun;
  /** Simulated run time that overrides the default and behaviours (jobs a tuning job ran). */
  durationMs?: number;
  /** True once the job's outputs were written. */
  settled?: boolean;
}

/** Every resource, by kind and name. @internal */
export class ResourceStore {
  readonly #byKind = new Map<LocalResourceKind, Map<string, Resource>>(
    (Object.keys(KINDS) as LocalResourceKind[]).map((k) => [k, new Map()]),
  );

  constructor(
    readonly region: string,
    readonly accountId: string,
  ) {}

  /** The resources of one kind, in creation order. */
  of(kind: LocalResourceKind): Map<string, Resource> {
    let map = this.#byKind.get(kind);
    if (!map) {
      map = new Map();
      this.#byKind.set(kind, map);
    }
    return map;
  }

  /** Every resource. */
  all(): Resource[] {
    return [...this.#byKind.values()].flatMap((m) => [...m.values()]);
  }

  /** SageMaker's ARN of a resource: the name lower-cased after the resource type. */
  arnOf(kind: LocalResourceKind, name: string): string {
    return `arn:aws:sagemaker:${this.region}:${this.accountId}:${KINDS[kind].arnPart}/${name.toLowerCase()}`;
  }

  /** The named resource. @throws {ApiError} `notFound` when there is none. */
  find(kind: LocalResourceKind, name: unknown, notFound: () => ApiError): Resource {
    const r = typeof name === 'string' ? this.of(kind).get(name) : undefined;
    if (!r) throw notFound();
    return r;
  }

  /** The resource with this ARN. @throws {ApiError} ValidationException */
  findByArn(arn: unknown): Resource {
    const r = this.all().find((x) => x.arn === arn);
    if (!r) throw validationError(`Resource ${String(arn)} not found.`);
    return r;
  }

  /** Adds a resource. @throws {ApiError} `duplicate` when the name is taken. */
  add(
    kind: LocalResourceKind,
    name: string,
    request: Json,
    at: number,
    duplicate: (name: string, arn: string) => ApiError,
  ): Resource {
    const existing = this.of(kind).get(name);
    if (existing) throw duplicate(name, existing.arn);
    const r: Resource = {
      kind,
      name,
      arn: this.arnOf(kind, name),
      request,
      createdAt: at,
      changedAt: at,
      tags: Array.isArray(request['Tags']) ? (request['Tags'] as Json[]) : [],
    };
    this.of(kind).set(name, r);
    return r;
  }
}

/** SageMaker's answer to a job name already taken. @internal */
export const jobExists =
  (what: string) =>
  (_name: string, arn: string): ApiError =>
    new ApiError(
      400,
      'ResourceInUse',
      `${what} names must be unique within an AWS account and region, and a ${what.toLowerCase()} with this name already exists (${arn})`,
    );

/** SageMaker's answer to a model, endpoint config or endpoint name already taken. @internal */
export const alreadyExists =
  (what: string) =>
  (name: string, arn: string): ApiError =>
    validationError(`Cannot create already existing ${what} "${arn}" (${name}).`);
