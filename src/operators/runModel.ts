/**
 * `runModel`: Airflow's SageMakerModelOperator for TypeScript. Creates a model (at most once per
 * config) and returns `{ Model }`.
 */
import type { CreateModelInput, DescribeModelOutput } from '@aws-sdk/client-sagemaker';
import { KINDS } from './jobKinds.js';
import { resolveOptions, type OperatorClients, type OperatorOptions } from './options.js';
import { checkUploads, finishRequest, renderConfig } from './prepare.js';
import { createOnce, throwIfAbortedBeforeCreate, uploadsOnce } from './runJob.js';
import { call } from './sagemakerCall.js';
import { splitS3Operations } from './s3Operations.js';
import type { OperatorConfig } from './types.js';

/** What {@link runModel} returns. */
export interface ModelResult {
  readonly Model: DescribeModelOutput;
}

/**
 * Creates a SageMaker model from a model config (running its S3 operations first), or attaches
 * to the one this config already created. `waitForCompletion` and the wait options do not apply.
 *
 * @throws ConfigValidationError, LocalPathNotFoundError, UploadInputError, S3OperationsError, ResourceExistsError
 * @example
 * const { Model } = await runModel(modelConfig, { sagemaker, s3 });
 */
export async function runModel(
  config: OperatorConfig<CreateModelInput>,
  clients: OperatorClients,
  options: OperatorOptions = {},
): Promise<ModelResult> {
  const spec = KINDS.model;
  const resolved = resolveOptions(options, clients);
  throwIfAbortedBeforeCreate(spec, resolved);
  const { request, s3Operations } = splitS3Operations(renderConfig(config, resolved));
  const prepared = finishRequest('model', request);
  await checkUploads(s3Operations, clients);
  const name = await createOnce(
    spec,
    clients.sagemaker,
    prepared,
    resolved,
    uploadsOnce(s3Operations, clients, resolved),
  );
  return {
    Model: (await call(clients.sagemaker, spec.describe(name))) as unknown as DescribeModelOutput,
  };
}
