/**
 * A durable reference to a submitted job: plain JSON an orchestrator can store (an XCom, a
 * Temporal activity result, a file) and hand to another process, which waits on it, checks it or
 * stops it without the config.
 */
import type {
  DescribeEndpointOutput,
  DescribeHyperParameterTuningJobResponse,
  DescribeProcessingJobResponse,
  DescribeTrainingJobResponse,
  DescribeTransformJobResponse,
} from '@aws-sdk/client-sagemaker';
import { InvalidJobHandleError } from './submitErrors.js';

/** Kinds of resources a {@link JobHandle} can refer to: those with a status to wait for. */
export type JobKind = 'training' | 'tuning' | 'processing' | 'transform' | 'endpoint';

/** Every {@link JobKind}, in a stable order. */
export const JOB_KINDS = [
  'training',
  'tuning',
  'processing',
  'transform',
  'endpoint',
] as const satisfies readonly JobKind[];

/** The Describe output of each {@link JobKind}. */
export interface JobDescriptions {
  readonly training: DescribeTrainingJobResponse;
  readonly tuning: DescribeHyperParameterTuningJobResponse;
  readonly processing: DescribeProcessingJobResponse;
  readonly transform: DescribeTransformJobResponse;
  readonly endpoint: DescribeEndpointOutput;
}

/** A submitted job, as plain JSON (`JSON.stringify` it as it is). */
export interface JobHandle<K extends JobKind = JobKind> {
  readonly kind: K;
  /** The resource's name (the configured one, or the re-run name the operator chose). */
  readonly name: string;
  readonly arn: string;
  /** Region of the resource, read from its ARN. */
  readonly region: string;
  /** SHA-256 of the config it was created from (the value of `CONFIG_HASH_TAG`). */
  readonly configHash: string;
  /** When it was submitted (or attached to), ISO 8601. */
  readonly submittedAt: string;
}

/** Region of an ARN (`arn:<partition>:sagemaker:<region>:...`), or `undefined`. @internal */
export function regionOfArn(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region ? region : undefined;
}

const NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const ARN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:[a-z-]+\/.+$/;

/**
 * Checks a value read back from storage and returns it as a {@link JobHandle}. Only the handle's
 * own members are kept.
 * @throws {@link InvalidJobHandleError} naming the first member that is missing or wrong
 * @example
 * const handle = parseJobHandle(JSON.parse(await readFile('job.json', 'utf8')));
 */
export function parseJobHandle(value: unknown): JobHandle {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidJobHandleError(
      `expected an object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    );
  const v = value as Record<string, unknown>;
  const kind = v['kind'];
  if (typeof kind !== 'string' || !(JOB_KINDS as readonly string[]).includes(kind))
    throw new InvalidJobHandleError(
      `kind must be one of ${JOB_KINDS.join(', ')}, got ${JSON.stringify(kind)}`,
    );
  const text = (key: string, pattern: RegExp, what: string): string => {
    const member = v[key];
    if (typeof member !== 'string' || !pattern.test(member))
      throw new InvalidJobHandleError(
        `${key} must be ${what}, got ${JSON.stringify(member) ?? 'undefined'}`,
      );
    return member;
  };
  const name = text('name', NAME, 'a SageMaker resource name');
  const arn = text('arn', ARN, 'a SageMaker ARN');
  const region = text('region', /^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region');
  if (regionOfArn(arn) !== region)
    throw new InvalidJobHandleError(`region ${region} is not the region of ${arn}`);
  const configHash = text('configHash', /^[0-9a-f]{64}$/, 'a SHA-256 in hex');
  const submittedAt = text('submittedAt', /^\d{4}-\d\d-\d\dT/, 'an ISO 8601 time');
  if (Number.isNaN(Date.parse(submittedAt)))
    throw new InvalidJobHandleError(
      `submittedAt must be an ISO 8601 time, got ${JSON.stringify(submittedAt)}`,
    );
  return { kind: kind as JobKind, name, arn, region, configHash, submittedAt };
}
