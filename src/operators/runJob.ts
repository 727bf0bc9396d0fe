/**
 * The shared body of the operators (training, tuning, processing, model, and the steps of the
 * transform and endpoint operators): prepare, create at most once (uploads right before Create),
 * then wait.
 * @internal
 */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { JobAbortedError } from './errors.js';
import { KINDS, type KindSpec } from './jobKinds.js';
import {
  resolveOptions,
  type OperatorClients,
  type OperatorOptions,
  type ResolvedOptions,
} from './options.js';
import { checkUploads, finishRequest, renderConfig } from './prepare.js';
import { call, type Json } from './sagemakerCall.js';
import { runS3Operations, splitS3Operations, type S3Operations } from './s3Operations.js';
import { submitOnce } from './submit.js';
import { waitForResource } from './waitForJob.js';

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

/** Runs `ops` once, however many creates ask for it. @internal */
export function uploadsOnce(
  ops: S3Operations | undefined,
  clients: OperatorClients,
  options: ResolvedOptions,
): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= runS3Operations(ops, clients.s3, { logger: options.logger, signal: options.signal });
    return done;
  };
}

/**
 * Creates (or attaches to) the resource of a prepared request, running `beforeCreate` right
 * before a Create call. Returns the name in use. @internal
 */
export async function createOnce(
  spec: KindSpec,
  sagemaker: Pick<SageMakerClient, 'send'>,
  request: Json,
  options: ResolvedOptions,
  beforeCreate?: () => Promise<void>,
): Promise<string> {
  const { name } = await submitOnce(spec, sagemaker, request, {
    actionIfJobExists: options.actionIfJobExists,
    logger: options.logger,
    beforeCreate: async () => {
      await beforeCreate?.();
      // Uploads may take long; do not start a job the caller no longer wants.
      throwIfAbortedBeforeCreate(spec, options);
    },
  });
  return name;
}

/** Waits for the job when asked to, else describes it once. @internal */
export async function finishJob(
  spec: KindSpec,
  clients: OperatorClients,
  name: string,
  options: ResolvedOptions,
): Promise<Json> {
  if (!options.waitForCompletion) return call(clients.sagemaker, spec.describe(name));
  return waitForResource(spec, clients.sagemaker, name, {
    checkIntervalSeconds: options.checkIntervalSeconds,
    maxIngestionTimeSeconds: options.maxIngestionTimeSeconds,
    signal: options.signal,
    logger: options.logger,
    logs: clients.logs,
    printLog: options.printLog,
  });
}

/** The kinds whose operator takes one request (plus its S3 operations). @internal */
export type SingleRequestKind = 'training' | 'tuning' | 'processing' | 'model';

/**
 * The whole body of `runTrainingJob`, `runTuningJob`, `runProcessingJob` and `runModel`: renders
 * and validates the config, checks its uploads, creates the resource at most once (running the
 * uploads right before Create), then waits for a job or describes a model. Returns the final
 * Describe output.
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
  throwIfAbortedBeforeCreate(spec, resolved);
  const { request, s3Operations } = splitS3Operations(renderConfig(config, resolved));
  const prepared = finishRequest(kind, request);
  await checkUploads(s3Operations, clients);
  const name = await createOnce(
    spec,
    clients.sagemaker,
    prepared,
    resolved,
    uploadsOnce(s3Operations, clients, resolved),
  );
  // A model has no status to wait for: it is described once, whatever waitForCompletion says.
  if (kind === 'model') return call(clients.sagemaker, spec.describe(name));
  return finishJob(spec, clients, name, resolved);
}
