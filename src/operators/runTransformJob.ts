/**
 * `runTransformJob`: Airflow's SageMakerTransformOperator for TypeScript. Takes
 * `{ Model?, Transform }` (what Python's `transform_config_from_estimator` returns) or a bare
 * transform request; creates the model first when one is given, then the transform job; waits and
 * returns `{ Model, Transform }`.
 */
import type {
  CreateModelInput,
  CreateTransformJobRequest,
  DescribeModelOutput,
  DescribeTransformJobResponse,
} from '@aws-sdk/client-sagemaker';
import { KINDS } from './jobKinds.js';
import {
  resolveOptions,
  type OperatorClients,
  type OperatorOptions,
  type ResolvedOptions,
} from './options.js';
import { checkUploads, finishRequest, renderConfig, splitBundle } from './prepare.js';
import type { RequestScope } from './requestScope.js';
import {
  checkInputsBeforeCreate,
  createBundledModel,
  createOnce,
  finalDescription,
  scopeFor,
  throwIfAbortedBeforeCreate,
  uploadsOnce,
} from './runJob.js';
import type { Submitted } from './submit.js';
import { describeInScope } from './waitForJob.js';
import type { S3Operations } from './s3Operations.js';
import type { OperatorConfig } from './types.js';

/** A transform config: a model to create and the transform job, or the transform request alone. */
export type TransformJobConfig =
  | (OperatorConfig<CreateTransformJobRequest> & { readonly Transform?: never })
  | {
      readonly Model?: OperatorConfig<CreateModelInput>;
      readonly Transform: OperatorConfig<CreateTransformJobRequest>;
      readonly S3Operations?: S3Operations;
    };

/** What {@link runTransformJob} returns (Airflow's shape). */
export interface TransformJobResult {
  readonly Model: DescribeModelOutput;
  readonly Transform: DescribeTransformJobResponse;
}

/**
 * Renders, validates and checks a transform config, creates its model (when it has one) and the
 * transform job at most once. Returns the transform job as submitted.
 * @internal
 */
export async function submitTransform(
  config: TransformJobConfig,
  clients: OperatorClients,
  resolved: ResolvedOptions,
  scope: RequestScope,
): Promise<Submitted> {
  throwIfAbortedBeforeCreate(KINDS.transform, resolved);
  const { model, main, s3Operations } = splitBundle(
    renderConfig(config, resolved),
    'Transform',
    resolved,
  );
  let transform = finishRequest('transform', main, resolved);
  await checkUploads(s3Operations, clients, resolved.localBaseDir);
  await checkInputsBeforeCreate(
    KINDS.transform,
    'transform',
    transform,
    s3Operations,
    clients,
    resolved,
    scope,
    model,
  );
  const uploads = uploadsOnce(s3Operations, clients, resolved, scope);

  if (model) {
    const { proposed, renamed } = await createBundledModel(
      model,
      clients,
      resolved,
      scope,
      uploads,
    );
    if (renamed !== undefined && transform['ModelName'] === proposed) {
      transform = { ...transform, ModelName: renamed };
    }
  }
  return createOnce(KINDS.transform, clients.sagemaker, transform, resolved, scope, uploads);
}

/**
 * Runs a batch transform job, creating its model first when the config has one.
 *
 * @throws ConfigValidationError, LocalPathNotFoundError or UploadInputError before any AWS call;
 *   S3InputNotFoundError; S3OperationsError; ResourceExistsError; JobFailedError; JobStoppedError;
 *   WaiterTimeoutError; JobAbortedError
 * @example
 * const { Model, Transform } = await runTransformJob(transformConfig, { sagemaker, s3 });
 */
export async function runTransformJob(
  config: TransformJobConfig,
  clients: OperatorClients,
  options: OperatorOptions = {},
): Promise<TransformJobResult> {
  const resolved = resolveOptions(options, clients);
  const scope = scopeFor(resolved);
  const { name } = await submitTransform(config, clients, resolved, scope);
  const description = await finalDescription(KINDS.transform, clients, name, resolved, scope);
  const modelDescription = await describeInScope(
    KINDS.model,
    clients.sagemaker,
    String(description['ModelName']),
    resolved,
    scope,
  );
  return {
    Model: modelDescription as unknown as DescribeModelOutput,
    Transform: description as unknown as DescribeTransformJobResponse,
  };
}
