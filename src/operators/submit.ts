/**
 * Creates a SageMaker resource at most once per config. The request is tagged with a hash of its
 * config; a resource under the configured name (or one of the re-run names derived from it) that
 * carries the same hash is one this library already created from this config, possibly in a run
 * that crashed or in a process racing this one, and is attached to instead of creating a
 * duplicate. Re-run names come from the hash, not the clock, so concurrent starts agree on them.
 * A Create whose outcome is unknown (timeout, reset, 5xx) is settled with a Describe before
 * anything is reported.
 * @internal
 */
import { createHash } from 'node:crypto';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ResourceExistsError, labelOf } from './errors.js';
import type { KindSpec } from './jobKinds.js';
import type { OperatorLogger } from './logger.js';
import type { ActionIfJobExists } from './options.js';
import { isScopeEnded, scopedCall, type RequestScope } from './requestScope.js';
import {
  errorMessage,
  errorName,
  isAlreadyExists,
  isNotFound,
  sageMakerRequest,
  type Json,
} from './sagemakerCall.js';
import { endedError, type EndContext } from './stopResource.js';
import { CreateOutcomeError, PermissionDeniedError } from './submitErrors.js';

/** Tag key holding the hash of the config a resource was created from. */
export const CONFIG_HASH_TAG = 'sagemaker-workflow:config-hash';

/** Longest resource name SageMaker accepts. */
const MAX_NAME_LENGTH = 63;

/** How many re-run names are tried before giving up (each costs a Describe). */
const MAX_SLOTS = 50;

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

/** The request as sent: the user's tags plus {@link CONFIG_HASH_TAG} (unless turned off). @internal */
export function withHashTag(request: Json, hash: string, idempotencyTag: boolean): Json {
  if (!idempotencyTag) return request;
  const userTags = Array.isArray(request['Tags']) ? (request['Tags'] as Json[]) : [];
  return {
    ...request,
    Tags: [
      ...userTags.filter((t) => t['Key'] !== CONFIG_HASH_TAG),
      { Key: CONFIG_HASH_TAG, Value: hash },
    ],
  };
}

function fit(base: string, suffix: string): string {
  return `${base.slice(0, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
}

/**
 * The name tried at `slot`: the configured name at 0, then `-1`, `-2`, ... under `'increment'`,
 * or a 10-digit suffix derived from the config hash and the slot otherwise (the `'timestamp'`
 * shape, without its clock: two processes starting the same config pick the same name).
 * @internal
 */
export function slotName(
  proposed: string,
  slot: number,
  action: ActionIfJobExists,
  hash: string,
): string {
  if (slot === 0) return proposed;
  if (action === 'increment') return fit(proposed, `-${slot}`);
  const digest = createHash('sha256').update(`${hash}:${slot}`).digest('hex');
  const digits = (BigInt(`0x${digest.slice(0, 15)}`) % 10_000_000_000n)
    .toString()
    .padStart(10, '0');
  return fit(proposed, `-${digits}`);
}

/** What {@link submitOnce} did. @internal */
export interface Submitted {
  /** The name the resource has (the configured one, or a re-run name). */
  readonly name: string;
  readonly arn: string | undefined;
  /** True when an existing resource made from the same config was reused. */
  readonly attached: boolean;
  /** {@link configHash} of the request. */
  readonly hash: string;
}

/** Options of {@link submitOnce}. @internal */
export interface SubmitContext extends EndContext {
  readonly scope: RequestScope;
  readonly actionIfJobExists: ActionIfJobExists;
  readonly rerunFailed: boolean;
  readonly idempotencyTag: boolean;
  readonly logger: OperatorLogger;
  /** Runs right before the first Create call (the S3 uploads), not when attaching. */
  readonly beforeCreate?: () => Promise<void>;
}

/** Final states after which a re-run starts a new job. */
const RERUN_STATES = new Set(['Failed', 'Stopped']);

const isAccessDenied = (error: unknown): boolean =>
  errorName(error) === 'AccessDeniedException' || errorName(error) === 'AccessDenied';

/**
 * True when the service answered and refused (a 4xx other than a timeout): the Create surely did
 * not happen. Anything else (no answer, a reset, a 5xx after retries) leaves the outcome unknown.
 */
function isDefiniteRefusal(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  const name = errorName(error);
  return (
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    name !== 'TimeoutError' &&
    name !== 'RequestTimeout' &&
    name !== 'RequestTimeoutException'
  );
}

async function describeOrUndefined(
  sagemaker: Pick<SageMakerClient, 'send'>,
  spec: KindSpec,
  name: string,
  scope: RequestScope,
): Promise<Json | undefined> {
  try {
    return await scopedCall(sagemaker, spec.describe(name), scope);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Creates the resource described by `request` unless this library already created it from the
 * same config, in which case it attaches. Returns the name in use.
 * @throws {@link ResourceExistsError}, {@link CreateOutcomeError}, {@link PermissionDeniedError},
 *   ScopeEndedError (the caller turns it into its typed error), or the SDK's error
 * @internal
 */
export async function submitOnce(
  spec: KindSpec,
  sagemaker: Pick<SageMakerClient, 'send'>,
  request: Json,
  context: SubmitContext,
): Promise<Submitted> {
  const { logger, scope } = context;
  const proposed = String(request[spec.nameKey]);
  const hash = configHash(request);
  const label = labelOf(spec.kind);
  let uploaded = false;

  const isOurs = async (name: string, existing: Json): Promise<boolean> => {
    // Without the tag, the name is all there is to go by.
    if (!context.idempotencyTag) return true;
    const arn = existing[spec.arnKey];
    if (typeof arn !== 'string') return false;
    let out: Json;
    try {
      out = await scopedCall(
        sagemaker,
        sageMakerRequest('ListTags', { ResourceArn: arn, MaxResults: 100 }),
        scope,
      );
    } catch (error) {
      if (isAccessDenied(error)) throw new PermissionDeniedError('sagemaker:ListTags', name, error);
      throw error;
    }
    const tags = (out['Tags'] ?? []) as { Key?: string; Value?: string }[];
    return tags.find((t) => t.Key === CONFIG_HASH_TAG)?.Value === hash;
  };

  const arnOf = (existing: Json): string | undefined => {
    const arn = existing[spec.arnKey];
    return typeof arn === 'string' ? arn : undefined;
  };

  /** Settles a Create whose outcome is unknown: the job is there (ours) or it is not. */
  const settle = async (name: string, createError: unknown): Promise<Submitted> => {
    const ended = isScopeEnded(createError) ? createError : undefined;
    // The caller's scope may have ended (that is what cut the Create), and a hanging service must
    // not hold this call: look within the cleanup time, and within the caller's deadline if any.
    const cleanup = context.cleanup();
    const lookScope = ended
      ? cleanup
      : { ...scope, deadline: Math.min(scope.deadline, cleanup.deadline) };
    let existing: Json | undefined;
    try {
      existing = await describeOrUndefined(sagemaker, spec, name, lookScope);
    } catch (describeError) {
      logger.error(
        `Could not tell whether SageMaker ${label} ${name} was created: ${errorMessage(describeError)}`,
      );
      throw new CreateOutcomeError(spec.kind, name, undefined, createError);
    }
    if (!existing) {
      if (ended) throw ended;
      throw new CreateOutcomeError(spec.kind, name, false, createError);
    }
    logger.warn(
      `The response to Create of SageMaker ${label} ${name} was lost (${errorMessage(createError)}); the ${label} exists`,
    );
    if (ended) throw await endedError(spec, sagemaker, name, true, ended, context);
    return { name, arn: arnOf(existing), attached: false, hash };
  };

  const create = async (name: string): Promise<Submitted | 'taken'> => {
    if (!uploaded) {
      await context.beforeCreate?.();
      uploaded = true;
    }
    const sent = withHashTag({ ...request, [spec.nameKey]: name }, hash, context.idempotencyTag);
    try {
      const out = await scopedCall(sagemaker, spec.create(sent), scope);
      logger.info(`Created SageMaker ${label} ${name}`);
      const arn = Object.values(out).find((v) => typeof v === 'string' && v.startsWith('arn:'));
      return { name, arn: typeof arn === 'string' ? arn : undefined, attached: false, hash };
    } catch (error) {
      if (isAlreadyExists(error)) {
        // Another process won the race for this name, or our Create landed and its response was
        // lost before the SDK retried it: either way the resource is there now.
        const existing = await describeOrUndefined(sagemaker, spec, name, scope);
        if (existing && (await isOurs(name, existing))) return attach(name, existing);
        return 'taken';
      }
      if (isAccessDenied(error)) {
        if (context.idempotencyTag && /AddTags/i.test(errorMessage(error)))
          throw new PermissionDeniedError('sagemaker:AddTags', name, error);
        throw error;
      }
      if (!isScopeEnded(error) && isDefiniteRefusal(error)) throw error;
      return settle(name, error);
    }
  };

  const attach = (name: string, existing: Json): Submitted => {
    logger.info(`SageMaker ${label} ${name} already exists with the same config: attaching to it`);
    return { name, arn: arnOf(existing), attached: true, hash };
  };

  for (let slot = 0; slot < MAX_SLOTS; slot += 1) {
    const name = slotName(proposed, slot, context.actionIfJobExists, hash);
    const existing = await describeOrUndefined(sagemaker, spec, name, scope);
    if (!existing) {
      const result = await create(name);
      if (result !== 'taken') return result;
    } else if (await isOurs(name, existing)) {
      const status = spec.statusKey ? String(existing[spec.statusKey]) : '';
      if (!context.rerunFailed || !RERUN_STATES.has(status)) return attach(name, existing);
      logger.info(
        `SageMaker ${label} ${name} from this config ended ${status}: starting it again under a new name`,
      );
      continue;
    }
    if (slot === 0 && context.actionIfJobExists === 'fail')
      throw new ResourceExistsError(spec.kind, proposed);
    if (slot === 0)
      logger.info(`SageMaker ${label} ${proposed} exists with another config: trying another name`);
  }
  throw new ResourceExistsError(spec.kind, proposed);
}
