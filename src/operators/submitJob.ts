/**
 * `submitJob`: the first half of every `runXxx` operator, for orchestrators that keep their own
 * state. Renders, validates and checks the config, runs its uploads, creates the job at most once
 * (or attaches to the one this config already made) and returns a durable {@link JobHandle};
 * {@link waitForJob}, {@link checkJob} and {@link stopJob} take it from there, in any process.
 */
import type {
  CreateHyperParameterTuningJobRequest,
  CreateProcessingJobRequest,
  CreateTrainingJobRequest,
} from '@aws-sdk/client-sagemaker';
import { UnsupportedOptionError } from '../errors.js';
import { labelOf } from './errors.js';
import { JOB_KINDS, regionOfArn, type JobHandle, type JobKind } from './jobHandle.js';
import { KINDS } from './jobKinds.js';
import {
  resolveOptions,
  type OperatorClients,
  type ResolvedOptions,
  type SubmitOptions,
  type WaitOptions,
} from './options.js';
import type { RequestScope } from './requestScope.js';
import { submitEndpoint, type EndpointConfigBundle } from './runEndpoint.js';
import { scopeFor, submitSingleRequest } from './runJob.js';
import { submitTransform, type TransformJobConfig } from './runTransformJob.js';
import { scopedCall } from './requestScope.js';
import type { Submitted } from './submit.js';
import type { OperatorConfig } from './types.js';

/** The config each {@link JobKind} takes: what the matching `runXxx` operator takes. */
export interface JobConfigs {
  readonly training: OperatorConfig<CreateTrainingJobRequest>;
  readonly tuning: OperatorConfig<CreateHyperParameterTuningJobRequest>;
  readonly processing: OperatorConfig<CreateProcessingJobRequest>;
  readonly transform: TransformJobConfig;
  readonly endpoint: EndpointConfigBundle;
}

/** Options of {@link submitJob}: the submit options, and the limits on the submission's requests. */
export type SubmitJobOptions = SubmitOptions &
  Pick<
    WaitOptions,
    'signal' | 'onAbort' | 'cleanupTimeoutSeconds' | 'maxIngestionTimeSeconds' | 'logger' | 'clock'
  >;

/** Submits within a scope and returns what was submitted. @internal */
export async function submitInScope(
  kind: JobKind,
  config: object,
  clients: OperatorClients,
  resolved: ResolvedOptions,
  scope: RequestScope,
): Promise<Submitted> {
  switch (kind) {
    case 'training':
    case 'tuning':
    case 'processing':
      return submitSingleRequest(kind, config, clients, resolved, scope);
    case 'transform':
      return submitTransform(config as TransformJobConfig, clients, resolved, scope);
    case 'endpoint':
      return submitEndpoint(config as EndpointConfigBundle, clients, resolved, scope);
  }
}

/** The handle of a submitted resource, reading its ARN when Create did not return one. @internal */
export async function handleOf<K extends JobKind>(
  kind: K,
  submitted: Submitted,
  clients: OperatorClients,
  resolved: ResolvedOptions,
  scope: RequestScope,
): Promise<JobHandle<K>> {
  const spec = KINDS[kind];
  let arn = submitted.arn;
  if (arn === undefined) {
    const description = await scopedCall(clients.sagemaker, spec.describe(submitted.name), scope);
    const found = description[spec.arnKey];
    arn = typeof found === 'string' ? found : undefined;
  }
  if (arn === undefined)
    throw new Error(`SageMaker returned no ARN for ${labelOf(kind)} ${submitted.name}`);
  return {
    kind,
    name: submitted.name,
    arn,
    region: regionOfArn(arn) ?? '',
    configHash: submitted.hash,
    submittedAt: new Date(resolved.clock.now()).toISOString(),
  };
}

/**
 * Submits a job (or deploys an endpoint) and returns its handle without waiting. A re-run of the
 * same config attaches to the job it made (a new job under a new name when that one Failed or was
 * Stopped), so calling it again after a crash is safe.
 *
 * @throws ConfigValidationError, LocalPathNotFoundError, UploadInputError or S3InputNotFoundError
 *   before any Create; S3OperationsError; ResourceExistsError; CreateOutcomeError;
 *   PermissionDeniedError; JobAbortedError or WaiterTimeoutError when the signal or the limit cut
 *   the submission (a job whose Create was cut is stopped)
 * @example
 * const handle = await submitJob('training', config, { sagemaker, s3 });
 * await writeFile('job.json', JSON.stringify(handle));
 */
export async function submitJob<K extends JobKind>(
  kind: K,
  config: JobConfigs[K],
  clients: OperatorClients,
  options: SubmitJobOptions = {},
): Promise<JobHandle<K>> {
  // Callers from JavaScript or a stored string can pass anything here.
  if (!(JOB_KINDS as readonly string[]).includes(kind))
    throw new UnsupportedOptionError('kind', kind, JOB_KINDS);
  const resolved = resolveOptions(options, clients);
  const scope = scopeFor(resolved);
  const submitted = await submitInScope(kind, config, clients, resolved, scope);
  return handleOf(kind, submitted, clients, resolved, scope);
}
