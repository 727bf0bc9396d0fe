/**
 * `runProcessingJob`: Airflow's SageMakerProcessingOperator for TypeScript. Submits a processing job config
 * (from the config builders or written by hand), waits for it and returns `{ Processing }`.
 */
import type {
  CreateProcessingJobRequest,
  DescribeProcessingJobResponse,
} from '@aws-sdk/client-sagemaker';
import type { OperatorClients, OperatorOptions } from './options.js';
import { runSingleRequest } from './runJob.js';
import type { OperatorConfig } from './types.js';

/** What {@link runProcessingJob} returns: the final Describe output, under Airflow's key. */
export interface ProcessingJobResult {
  readonly Processing: DescribeProcessingJobResponse;
}

/**
 * Runs a SageMaker processing job: renders templates (with `templateContext`), coerces numbers,
 * validates, runs the config's S3 operations, creates the job unless this config already made
 * it (then attaches), and waits for it, reporting progress through the logger.
 *
 * @throws ConfigValidationError, LocalPathNotFoundError or UploadInputError before any AWS call;
 *   S3OperationsError when an upload fails (no job is created); ResourceExistsError;
 *   JobFailedError; JobStoppedError; WaiterTimeoutError or JobAbortedError (the job was asked to stop)
 * @example
 * const { Processing } = await runProcessingJob(config, { sagemaker: new SageMakerClient({}), s3: new S3Client({}) },
 *   { checkIntervalSeconds: 60, maxIngestionTimeSeconds: 3600 });
 */
export async function runProcessingJob(
  config: OperatorConfig<CreateProcessingJobRequest>,
  clients: OperatorClients,
  options: OperatorOptions = {},
): Promise<ProcessingJobResult> {
  const description = await runSingleRequest('processing', config, clients, options);
  return { Processing: description as unknown as DescribeProcessingJobResponse };
}
