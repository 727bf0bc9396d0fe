/**
 * `runTrainingJob`: Airflow's SageMakerTrainingOperator for TypeScript. Submits a training job config
 * (from the config builders or written by hand), waits for it and returns `{ Training }`.
 */
import type {
  CreateTrainingJobRequest,
  DescribeTrainingJobResponse,
} from '@aws-sdk/client-sagemaker';
import type { OperatorClients, OperatorOptions } from './options.js';
import { runSingleRequest } from './runJob.js';
import type { OperatorConfig } from './types.js';

/** What {@link runTrainingJob} returns: the final Describe output, under Airflow's key. */
export interface TrainingJobResult {
  readonly Training: DescribeTrainingJobResponse;
}

/**
 * Runs a SageMaker training job: renders templates (with `templateContext`), coerces numbers,
 * validates, runs the config's S3 operations, creates the job unless this config already made
 * it (then attaches), and waits for it, reporting progress through the logger.
 *
 * @throws ConfigValidationError, LocalPathNotFoundError or UploadInputError before any AWS call;
 *   S3OperationsError when an upload fails (no job is created); ResourceExistsError;
 *   JobFailedError; JobStoppedError; WaiterTimeoutError or JobAbortedError (the job was asked to stop)
 * @example
 * const { Training } = await runTrainingJob(config, { sagemaker: new SageMakerClient({}), s3: new S3Client({}) },
 *   { checkIntervalSeconds: 60, maxIngestionTimeSeconds: 3600 });
 */
export async function runTrainingJob(
  config: OperatorConfig<CreateTrainingJobRequest>,
  clients: OperatorClients,
  options: OperatorOptions = {},
): Promise<TrainingJobResult> {
  const description = await runSingleRequest('training', config, clients, options);
  return { Training: description as unknown as DescribeTrainingJobResponse };
}
