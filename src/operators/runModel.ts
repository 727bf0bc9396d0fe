/**
 * `runModel`: Airflow's SageMakerModelOperator for TypeScript. Creates a model (at most once per
 * config) and returns `{ Model }`.
 */
import type { CreateModelInput, DescribeModelOutput } from '@aws-sdk/client-sagemaker';
import type { OperatorClients, OperatorOptions } from './options.js';
import { runSingleRequest } from './runJob.js';
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
  const description = await runSingleRequest('model', config, clients, options);
  return { Model: description as unknown as DescribeModelOutput };
}
