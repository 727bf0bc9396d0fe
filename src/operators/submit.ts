/**
 * Creates a SageMaker resource at most once. The request is tagged with a hash of its config;
 * a resource with the same name (or Airflow's timestamped variant of it) that carries the same
 * hash is one this library already created from this config, possibly in a run that crashed, and
 * is attached to instead of creating a duplicate. A Create whose response was lost and is retried
 * by the SDK ("already exists") is recognised the same way.
 * @internal
 */
import { createHash } from 'node:crypto';
import { ListTagsCommand, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ResourceExistsError, labelOf } from './errors.js';
import type { KindSpec } from './jobKinds.js';
import type { OperatorLogger } from './logger.js';
import type { ActionIfJobExists } from './options.js';
import { call, isAlreadyExists, isNotFound, type AnyCommand, type Json } from './sagemakerCall.js';

/** Tag key holding the hash of the config a resource was created from. */
export const CONFIG_HASH_TAG = 'sagemaker-workflow:config-hash';

/** Longest resource name SageMaker accepts (Airflow truncates to fit the timestamp). */
const MAX_NAME_LENGTH = 63;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

function withoutHashTag(request: Json): Json {
  const tags = request['Tags'];
  if (!Array.isArray(tags)) return request;
  return { ...request, Tags: (tags as Json[]).filter((t) => t['Key'] !== CONFIG_HASH_TAG) };
}

/** SHA-256 of the request in canonical JSON (sorted keys), without our own tag. @internal */
export function configHash(request: Json): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(withoutHashTag(request))))
    .digest('hex');
}

/** What {@link submitOnce} did. @internal */
export interface Submitted {
  /** The name the resource has (the configured one, or a timestamped one). */
  readonly name: string;
  /** True when an existing resource made from the same config was reused. */
  readonly attached: boolean;
}

/** Options of {@link submitOnce}. @internal */
export interface SubmitOptions {
  readonly actionIfJobExists: ActionIfJobExists;
  readonly logger: OperatorLogger;
  /** Runs right before the Create call (the S3 uploads), not when attaching. */
  readonly beforeCreate?: () => Promise<void>;
  /** Clock for timestamped names, epoch ms. @default Date.now */
  readonly now?: () => number;
}

async function describeOrUndefined(
  sagemaker: Pick<SageMakerClient, 'send'>,
  spec: KindSpec,
  name: string,
): Promise<Json | undefined> {
  try {
    return await call(sagemaker, spec.describe(name));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function hashOf(
  sagemaker: Pick<SageMakerClient, 'send'>,
  arn: unknown,
): Promise<string | undefined> {
  if (typeof arn !== 'string') return undefined;
  const out = await call(
    sagemaker,
    new ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }) as AnyCommand,
  );
  const tags = (out['Tags'] ?? []) as { Key?: string; Value?: string }[];
  return tags.find((t) => t.Key === CONFIG_HASH_TAG)?.Value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function timestamped(proposed: string, now: number): string {
  const stamp = String(Math.floor(now / 1000));
  return `${proposed.slice(0, MAX_NAME_LENGTH - stamp.length - 1)}-${stamp}`;
}

/** Names this library may have given the resource under `'timestamp'`, newest first. */
async function timestampedCandidates(
  sagemaker: Pick<SageMakerClient, 'send'>,
  spec: KindSpec,
  proposed: string,
): Promise<{ name: string; arn: unknown }[]> {
  if (!spec.list) return [];
  const base = proposed.slice(0, MAX_NAME_LENGTH - 11);
  const pattern = new RegExp(`^${escapeRegExp(proposed.slice(0, MAX_NAME_LENGTH - 11))}-\\d{10}$`);
  const found: { name: string; arn: unknown }[] = [];
  let token: string | undefined;
  do {
    const page = await call(sagemaker, spec.list.command(base, token));
    for (const summary of (page[spec.list.summariesKey] ?? []) as Json[]) {
      const name = summary[spec.nameKey];
      if (typeof name === 'string' && pattern.test(name))
        found.push({ name, arn: summary[spec.arnKey] });
    }
    token = typeof page['NextToken'] === 'string' ? page['NextToken'] : undefined;
  } while (token);
  return found.sort((a, b) => (a.name < b.name ? 1 : -1));
}

/**
 * Creates the resource described by `request` unless this library already created it from the
 * same config, in which case it attaches. Returns the name in use.
 * @throws {@link ResourceExistsError} when the name is taken by something else and the action is `'fail'`
 * @internal
 */
export async function submitOnce(
  spec: KindSpec,
  sagemaker: Pick<SageMakerClient, 'send'>,
  request: Json,
  options: SubmitOptions,
): Promise<Submitted> {
  const { logger } = options;
  const proposed = String(request[spec.nameKey]);
  const hash = configHash(request);
  const label = labelOf(spec.kind);

  const attach = (name: string): Submitted => {
    logger.info(`SageMaker ${label} ${name} already exists with the same config: attaching to it`);
    return { name, attached: true };
  };

  const create = async (name: string): Promise<Submitted> => {
    await options.beforeCreate?.();
    const userTags = Array.isArray(request['Tags']) ? (request['Tags'] as Json[]) : [];
    const tagged: Json = {
      ...request,
      [spec.nameKey]: name,
      Tags: [
        ...userTags.filter((t) => t['Key'] !== CONFIG_HASH_TAG),
        { Key: CONFIG_HASH_TAG, Value: hash },
      ],
    };
    try {
      await call(sagemaker, spec.create(tagged));
      logger.info(`Created SageMaker ${label} ${name}`);
      return { name, attached: false };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      // Our Create may have succeeded with its response lost, then been retried by the SDK.
      const existing = await describeOrUndefined(sagemaker, spec, name);
      if (existing && (await hashOf(sagemaker, existing[spec.arnKey])) === hash)
        return attach(name);
      throw new ResourceExistsError(spec.kind, name);
    }
  };

  const existing = await describeOrUndefined(sagemaker, spec, proposed);
  if (!existing) return create(proposed);
  if ((await hashOf(sagemaker, existing[spec.arnKey])) === hash) return attach(proposed);
  if (options.actionIfJobExists === 'fail') throw new ResourceExistsError(spec.kind, proposed);

  // Under 'timestamp' an earlier run of this config may have made `<name>-<unix seconds>`.
  for (const candidate of await timestampedCandidates(sagemaker, spec, proposed)) {
    if ((await hashOf(sagemaker, candidate.arn)) === hash) return attach(candidate.name);
  }
  const now = options.now ?? Date.now;
  let name = timestamped(proposed, now());
  while (await describeOrUndefined(sagemaker, spec, name)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    name = timestamped(proposed, now());
  }
  logger.info(`SageMaker ${label} ${proposed} exists with another config: using the name ${name}`);
  return create(name);
}
