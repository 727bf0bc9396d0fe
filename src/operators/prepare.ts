/**
 * Everything an operator does before its first AWS call: render templates, coerce numbers and
 * booleans back to the API's types, validate, and check the local side of the uploads. A config
 * that would fail fails here, before anything is uploaded or created.
 * @internal
 */
import { MissingOptionError, ValidationError } from '../errors.js';
import { isPlaceholder } from '../templates.js';
import { renderTemplates } from './templating/index.js';
import {
  assertValidConfig,
  coerceConfig,
  type ConfigKind,
  type ConfigProblem,
  type ConfigRule,
} from './validation/index.js';
import type { OperatorLogger } from './logger.js';
import type { OperatorClients, ResolvedOptions } from './options.js';
import { checkS3Operations, splitS3Operations, type S3Operations } from './s3Operations.js';
import type { Json } from './sagemakerCall.js';
import { CONFIG_HASH_TAG, withHashTag } from './submit.js';

/** Path and value of the first unrendered template in `value`, if any. */
function findPlaceholder(
  value: unknown,
  path: string,
): { path: string; value: string } | undefined {
  if (isPlaceholder(value)) return { path, value };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findPlaceholder(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      const found = findPlaceholder(member, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Renders the config's templates with `templateContext`; without a context, refuses a config that
 * still holds templates rather than sending `"{{ ... }}"` to SageMaker.
 * @throws {@link ValidationError} for templates left without a context
 */
export function renderConfig<T>(config: T, options: ResolvedOptions): T {
  if (options.templateContext) return renderTemplates(config, options.templateContext);
  const found = findPlaceholder(config, '');
  if (found) {
    throw new ValidationError(
      found.path || 'config',
      found.value,
      'a rendered value: the config holds Jinja templates, pass templateContext to render them',
    );
  }
  return config;
}

/** The API's limit on tags per resource. */
const MAX_TAGS = 50;

/** What {@link finishRequest} reads of the resolved options. @internal */
export interface FinishOptions {
  readonly idempotencyTag: boolean;
  readonly logger: OperatorLogger;
  readonly skipRules: readonly ConfigRule[];
}

/** Logs each validation warning (they never throw: the API may take the request). */
function logWarnings(kind: ConfigKind, warnings: readonly ConfigProblem[], logger: OperatorLogger) {
  for (const w of warnings) {
    logger.warn(
      `Validation warning (${kind} ${w.path || 'config'}): ${w.message} [${w.rule}; pass skipRules: ['${w.rule}'] to silence it]`,
    );
  }
}

/**
 * Coerces a request part to the API's types, then validates it as it will be sent: with the
 * idempotency tag when `idempotencyTag` is on, so the tag counts against the API's limits.
 * Warnings are logged, never thrown. Returns the coerced request without the tag (submission
 * adds it).
 * @throws {@link ValidationError} for 50 user tags; ConfigValidationError
 */
export function finishRequest(kind: ConfigKind, request: unknown, options: FinishOptions): Json {
  const coerced = coerceConfig(kind, request) as Json;
  const validate = { skipRules: options.skipRules };
  if (!options.idempotencyTag) {
    logWarnings(kind, assertValidConfig(kind, coerced, validate), options.logger);
    return coerced;
  }
  const tags = Array.isArray(coerced['Tags']) ? (coerced['Tags'] as Json[]) : [];
  const userTags = tags.filter((t) => t['Key'] !== CONFIG_HASH_TAG);
  if (userTags.length >= MAX_TAGS) {
    throw new ValidationError(
      'Tags',
      `${userTags.length} tags`,
      `at most ${MAX_TAGS - 1}: the operators add the idempotency tag ${CONFIG_HASH_TAG} and SageMaker allows ${MAX_TAGS} tags in all; remove a tag or pass idempotencyTag: false`,
    );
  }
  // The value is a SHA-256 in hex, so a placeholder of that length validates as the real one.
  const sent = withHashTag(coerced, '0'.repeat(64), true);
  logWarnings(kind, assertValidConfig(kind, sent, validate), options.logger);
  return coerced;
}

/** Merges S3 operations from the places Python's builders put them (root, a Model part). */
function mergeS3Operations(...all: (S3Operations | undefined)[]): S3Operations | undefined {
  const present = all.filter((x): x is S3Operations => x !== undefined);
  if (present.length === 0) return undefined;
  return {
    S3CreateBucket: present.flatMap((x) => x.S3CreateBucket ?? []),
    S3Upload: present.flatMap((x) => x.S3Upload ?? []),
  };
}

/** A rendered config of the transform or endpoint operator, split into its parts. */
export interface BundleParts {
  /** Whether the config is the `{ Model?, <main part>, ... }` form rather than a bare request. */
  readonly composite: boolean;
  /** The model request, coerced and validated, when a composite config has one. */
  readonly model: Json | undefined;
  /** The main request (transform job, endpoint), not yet coerced or validated. */
  readonly main: unknown;
  /** The S3 operations of the root and of the model part, merged. */
  readonly s3Operations: S3Operations | undefined;
}

/**
 * Splits a rendered config that is either a bare request or, as Python's builders return it,
 * `{ Model?, <mainKey>: request, S3Operations? }` with S3 operations at the root or in the model.
 * @throws ConfigValidationError for an invalid model part
 */
export function splitBundle(rendered: Json, mainKey: string, options: FinishOptions): BundleParts {
  const composite = mainKey in rendered && rendered[mainKey] !== undefined;
  const root = splitS3Operations(rendered);
  const modelPart =
    composite && rendered['Model'] ? splitS3Operations(rendered['Model'] as Json) : undefined;
  return {
    composite,
    model: modelPart ? finishRequest('model', modelPart.request, options) : undefined,
    main: composite ? rendered[mainKey] : root.request,
    s3Operations: mergeS3Operations(
      composite ? root.s3Operations : undefined,
      modelPart?.s3Operations,
    ),
  };
}

/**
 * Checks that S3 operations can run: an S3 client is given and every local path is uploadable.
 * @throws {@link MissingOptionError}, LocalPathNotFoundError, UploadInputError
 */
export async function checkUploads(
  ops: S3Operations | undefined,
  clients: OperatorClients,
  baseDir?: string,
): Promise<void> {
  const count = (ops?.S3CreateBucket?.length ?? 0) + (ops?.S3Upload?.length ?? 0);
  if (count > 0 && !clients.s3) {
    throw new MissingOptionError('s3 client', 'the config has S3Operations; pass clients.s3');
  }
  await checkS3Operations(ops, baseDir === undefined ? {} : { baseDir });
}
