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
import { resolveOptions, type OperatorClients, type OperatorOptions } from './options.js';
import { checkUploads, finishRequest, renderConfig, splitBundle } from './prepare.js';
import { createOnce, finishJob, throwIfAbortedBeforeCreate, uploadsOnce } from './runJob.js';
import { call } from './sagemakerCall.js';
import type { S3Operations } from './s3Operations.js';
import type { OperatorConfig } from './types.js';

/** A transform config: a model to create and the transform job, or the transform request alone. */
export type TransformConfig =
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
 * Runs a batch transform job, creating its model first when the config has one.
 *
 * @throws ConfigValidationError, LocalPathNotFoundError or UploadInputError before any AWS call;
 *   S3OperationsError; ResourceExistsError; JobFailedError; JobStoppedError; WaiterTimeoutError;
 *   JobAbortedError
 * @example
 * const { Model, Transform } = await runTransformJob(transformConfig, { sagemaker, s3 });
 */
export async function runTransformJob(
  config: TransformConfig,
  clients: OperatorClients,
  options: OperatorOptions = {},
): Promise<TransformJobResult> {
  const resolved = resolveOptions(options, clients);
  throwIfAbortedBeforeCreate(KINDS.transform, resolved);
  const { model, main, s3Operations } = splitBundle(renderConfig(config, resolved), 'Transform');
  let transform = finishRequest('transform', main);
  await checkUploads(s3Operations, clients);
  const uploads = uploadsOnce(s3Operations, clients, resolved);

  if (model) {
    const proposed = model['ModelName'];
    const modelName = await createOnce(KINDS.model, clients.sagemaker, model, resolved, uploads);
    if (modelName !== proposed && transform['ModelName'] === proposed) {
      transform = { ...transform, ModelName: modelName };
    }
  }
  const name = await createOnce(KINDS.transform, clients.sagemaker, transform, resolved, uploads);
  const description = await finishJob(KINDS.transform, clients, name, resolved);
  const modelDescription = await call(
    clients.sagemaker,
    KINDS.model.describe(String(transform['ModelName'])),
  );
  return {
    Model: modelDescription as unknown as DescribeModelOutput,
    Transform: description as unknown as DescribeTransformJobResponse,
  };
}
