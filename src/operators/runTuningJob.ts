/**
 * `runTuningJob`: Airflow's SageMakerTuningOperator for TypeScript. Submits a hyperparameter tuning job config
 * (from the config builders or written by hand), waits for it and returns `{ Tuning }`.
 */
import type {
  CreateHyperParameterTuningJobRequest,
  DescribeHyperParameterTuningJobResponse,
} from '@aws-sdk/client-sagemaker';
import type { OperatorClients, OperatorOptions } from './options.js';
import { runSingleRequest } from './runJob.js';
import type { OperatorConfig } from './types.js';

/** What {@link runTuningJob} returns: the final Describe output, under Airflow's key. */
export interface TuningJobResult {
  readonly Tuning: DescribeHyperParameterTuningJobResponse;
}

/**
 * Runs a SageMaker hyperparameter tuning job: renders templates (with `templateContext`), coerces numbers,
 * validates, runs the config's S3 operations, creates the job unless this config already made
 * it (then attaches), and waits for it, reporting progress through the logger.
 *
 * @throws ConfigValidationError, LocalPathNotFoundError or UploadInputError before any AWS call;
 *   S3OperationsError when an upload fails (no job is created); ResourceExistsError;
 *   JobFailedError; JobStoppedError; WaiterTimeoutError or JobAbortedError (the job was asked to stop)
 * @example
 * const { Tuning } = await runTuningJob(config, { sagemaker: new SageMakerClient({}), s3: new S3Client({}) },
 *   { checkIntervalSeconds: 60, maxIngestionTimeSeconds: 3600 });
 */
export async function runTuningJob(
  config: OperatorConfig<CreateHyperParameterTuningJobRequest>,
  clients: OperatorClients,
  options: OperatorOptions = {},
): Promise<TuningJobResult> {
  const description = await runSingleRequest('tuning', config, clients, options);
  return { Tuning: description as unknown as DescribeHyperParameterTuningJobResponse };
}
