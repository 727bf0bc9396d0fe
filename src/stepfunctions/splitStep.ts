/**
 * Splits a step's config into the SageMaker requests it makes, in order, and lifts every
 * `S3Operations` out of it (the top-level one and one nested in a `Model` part): Step Functions
 * cannot run them, so they are staged before deployment instead.
 */
import type { S3Operations } from '../operators/s3Operations.js';
import { InvalidStepError } from './errors.js';
import { KINDS, type SageMakerStep, type SageMakerStepType } from './steps.js';

/** One request of a step. @internal */
export interface StepPart {
  readonly kind: SageMakerStepType;
  /** Dotted prefix of its fields in the config (`Model`), empty for a bare request. */
  readonly field: string;
  readonly request: Readonly<Record<string, unknown>>;
}

/** A step's requests and the S3 operations lifted out of it. @internal */
export interface SplitStep {
  readonly parts: readonly StepPart[];
  readonly s3Operations: readonly S3Operations[];
}

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lift(value: Json, into: S3Operations[]): Json {
  if (!('S3Operations' in value)) return value;
  const { S3Operations: ops, ...rest } = value;
  if (isObject(ops)) into.push(ops);
  return rest;
}

/** The bundle parts each composite kind may hold, in the order they are created. */
const BUNDLES: Partial<Record<SageMakerStepType, readonly SageMakerStepType[]>> = {
  transform: ['model', 'transform'],
  endpoint: ['model', 'endpointConfig', 'endpoint'],
};

const PART_KEY: Record<SageMakerStepType, string> = {
  training: 'Training',
  tuning: 'Tuning',
  processing: 'Processing',
  transform: 'Transform',
  model: 'Model',
  endpointConfig: 'EndpointConfig',
  endpoint: 'Endpoint',
};

/**
 * The requests of a step and its lifted S3 operations.
 * @throws {@link InvalidStepError} for a config that is not an object, or a bundle without its main part
 */
export function splitStep(step: SageMakerStep): SplitStep {
  if (!(step.type in KINDS)) {
    throw new InvalidStepError(step.id, `unknown step type ${JSON.stringify(step.type)}`);
  }
  if (!isObject(step.config)) throw new InvalidStepError(step.id, 'the config must be an object');
  const s3Operations: S3Operations[] = [];
  const config = lift(step.config, s3Operations);
  const bundle = BUNDLES[step.type];
  const mainKey = PART_KEY[step.type];
  if (bundle === undefined || !(mainKey in config)) {
    return { parts: [{ kind: step.type, field: '', request: config }], s3Operations };
  }
  const parts: StepPart[] = [];
  for (const kind of bundle) {
    const key = PART_KEY[kind];
    const part = config[key];
    if (part === undefined || part === null) continue;
    if (!isObject(part)) throw new InvalidStepError(step.id, `${key} must be an object`);
    parts.push({ kind, field: key, request: lift(part, s3Operations) });
  }
  const extra = Object.keys(config).filter((k) => !bundle.some((kind) => PART_KEY[kind] === k));
  if (extra.length > 0) {
    throw new InvalidStepError(step.id, `unexpected keys beside ${mainKey}: ${extra.join(', ')}`);
  }
  return { parts, s3Operations };
}
