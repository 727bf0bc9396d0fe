/**
 * The shared body of the operators (training, tuning, processing, model, and the steps of the
 * transform and endpoint operators): prepare, create at most once (uploads right before Create),
 * then wait, all within one request scope (the caller's signal and `maxIngestionTimeSeconds`).
 * @internal
 */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { JobAbortedError, isS3OperationsError } from './errors.js';
import { KINDS, type KindSpec } from './jobKinds.js';
import {
  resolveOptions,
  type OperatorClients,
  type OperatorOptions,
  type ResolvedOptions,
} from './options.js';
import { checkS3Inputs } from './checkS3Inputs.js';
import { checkUploads, finishRequest, renderConfig } from './prepare.js';
import {
  isScopeEnded,
  scopeOf,
  scopeSignal,
  throwIfEnded,
  type RequestScope,
} from './requestScope.js';
import type { Json } from './sagemakerCall.js';
import type { S3InputKind } from './s3Inputs.js';
import { runS3Operations, splitS3Operations, type S3Operations } from './s3Operations.js';
import { endedError } from './stopResource.js';
import { submitOnce, type Submitted } from './submit.js';
import { describeInScope, endContext, waitInScope } from './waitForJob.js';

/** Throws {@link JobAbortedError} when the signal fired before anything was created. @internal */
export function throwIfAbortedBeforeCreate(spec: KindSpec, options: ResolvedOptions): void {
  if (options.signal?.aborted) {
    throw new JobAbortedError(
      spec.kind,
      undefined,
      { stopRequested: false },
      options.signal.reason,
    );
  }
}

/** The request scope of one operator call: its signal, and its deadline from now. @internal */
export const scopeFor = (options: ResolvedOptions): RequestScope =>
  scopeOf(options.clock, options.signal, options.maxIngestionTimeSeconds);

/**
 * Checks the job's S3 inputs (see `checkS3Inputs`) before anything is created; a scope that ended
 * during the check becomes the typed error of a job not created.
 * @internal
 */
export async function checkInputsBeforeCreate(
  spec: KindSpec,
  kind: S3InputKind,
  request: Json,
  ops: S3Operations | undefined,
  clients: OperatorClients,
  options: ResolvedOptions,
  scope: RequestScope,
  model?: Json,
): Promise<void> {
  try {
    await checkS3Inputs(
      kind,
      request,
      ops,
      { clients, logger: options.logger, scope, enabled: options.checkS3Inputs },
      model,
    );
  } catch (error) {
    if (!isScopeEnded(error)) throw error;
    const name = String(request[spec.nameKey]);
    throw await endedError(spec, clients.sagemaker, name, false, error, endContext(options));
  }
}

/** Runs `ops` once, however many creates ask for it, within the scope. @internal */
export function uploadsOnce(
  ops: S3Operations | undefined,
  clients: OperatorClients,
  options: ResolvedOptions,
  scope: RequestScope,
): () => Promise<void> {
  let done: Promise<void> | undefined;
  const run = async (): Promise<void> => {
    const { signal, dispose } = scopeSignal(scope);
    try {
      await runS3Operations(ops, clients.s3, {
        logger: options.logger,
        signal,
        ...(options.localBaseDir === undefined ? {} : { baseDir: options.localBaseDir }),
      });
    } catch (error) {
      // An upload cut by the caller's abort or the deadline is that, not an S3 failure.
      if (isS3OperationsError(error)) throwIfEnded(scope);
      throw error;
    } finally {
      dispose();
    }
  };
  return () => (done ??= run());
}

/**
 * Creates (or attaches to) the resource of a prepared request, running `beforeCreate` right
 * before a Create call. An ended scope becomes the typed error (nothing was created, or the job
 * whose Create was cut is stopped). @internal
 */
export async function createOnce(
  spec: KindSpec,
  sagemaker: Pick<SageMakerClient, 'send'>,
  request: Json,
  options: ResolvedOptions,
  scope: RequestScope,
  beforeCreate?: () => Promise<void>,
): Promise<Submitted> {
  try {
    return await submitOnce(spec, sagemaker, request, {
      ...endContext(options),
      scope,
      actionIfJobExists: options.actionIfJobExists,
      rerunFailed: options.rerunFailed,
      idempotencyTag: options.idempotencyTag,
      logger: options.logger,
      beforeCreate: async () => {
        await beforeCreate?.();
        // Uploads may take long; do not start a job the caller no longer wants.
        throwIfEnded(scope);
      },
    });
  } catch (error) {
    if (!isScopeEnded(error)) throw error;
    const proposed = String(request[spec.nameKey]);
    throw await endedError(spec, sagemaker, proposed, false, error, endContext(options));
  }
}

/** The kinds whose operator takes one request (plus its S3 operations). @internal */
export type SingleRequestKind = 'training' | 'tuning' | 'processing' | 'model';

/**
 * Renders and validates a single-request config, checks its uploads and S3 inputs, and creates
 * the resource at most once (running the uploads right before Create).
 * @internal
 */
export async function submitSingleRequest(
  kind: SingleRequestKind,
  config: object,
  clients: OperatorClients,
  options: ResolvedOptions,
  scope: RequestScope,
): Promise<Submitted> {
  const spec = KINDS[kind];
  throwIfAbortedBeforeCreate(spec, options);
  const { request, s3Operations } = splitS3Operations(renderConfig(config, options));
  const prepared = finishRequest(kind, request, options);
  await checkUploads(s3Operations, clients, options.localBaseDir);
  await checkInputsBeforeCreate(spec, kind, prepared, s3Operations, clients, options, scope);
  return createOnce(
    spec,
    clients.sagemaker,
    prepared,
    options,
    scope,
    uploadsOnce(s3Operations, clients, options, scope),
  );
}

/**
 * The whole body of `runTrainingJob`, `runTuningJob`, `runProcessingJob` and `runModel`: submit,
 * then wait for a job or describe a model. Returns the final Describe output.
 * @internal
 */
export async function runSingleRequest(
  kind: SingleRequestKind,
  config: object,
  clients: OperatorClients,
  options: OperatorOptions,
): Promise<Json> {
  const spec = KINDS[kind];
  const resolved = resolveOptions(options, clients);
  const scope = scopeFor(resolved);
  const { name } = await submitSingleRequest(kind, config, clients, resolved, scope);
  // A model has no status to wait for: it is described once, whatever waitForCompletion says.
  if (kind === 'model') return describeInScope(spec, clients.sagemaker, name, resolved, scope);
  return finalDescription(spec, clients, name, resolved, scope);
}

/** Waits for the resource to end when the options say so, else describes it once. @internal */
export function finalDescription(
  spec: KindSpec,
  clients: OperatorClients,
  name: string,
  resolved: ResolvedOptions,
  scope: RequestScope,
): Promise<Json> {
  return resolved.waitForCompletion
    ? waitInScope(spec, clients, name, resolved, scope)
    : describeInScope(spec, clients.sagemaker, name, resolved, scope);
}

/**
 * Creates the model of a bundle (`{ Model, Transform }`, `{ Model, EndpointConfig, Endpoint }`)
 * at most once. `renamed` is the name it goes by when that differs from the config's (a re-run
 * that attached to a model created under a timestamped name), for the caller to point its
 * references at. @internal
 */
export async function createBundledModel(
  model: Json,
  clients: OperatorClients,
  resolved: ResolvedOptions,
  scope: RequestScope,
  uploads: () => Promise<void>,
): Promise<{ readonly proposed: unknown; readonly renamed: string | undefined }> {
  const proposed = model['ModelName'];
  const { name } = await createOnce(
    KINDS.model,
    clients.sagemaker,
    model,
    resolved,
    scope,
    uploads,
  );
  return { proposed, renamed: name === proposed ? undefined : name };
}
