/**
 * `runProcessingJob`: Airflow's SageMakerProcessingOperator for TypeScript. Submits a processing job config
 * (from the config builders or written by hand), waits for it and returns `{ Processing }`.
 */
import type {
  CreateProcessingJobRequest,
  DescribeProcessingJobResponse,
} from '@aws-sdk/client-sagemaker';
import { KINDS } from './jobKinds.js';
import { resolveOptions, type OperatorClients, type OperatorOptions } from './options.js';
import { checkUploads, finishRequest, renderConfig } from './prepare.js';
import { createOnce, finishJob, throwIfAbortedBeforeCreate, uploadsOnce } from './runJob.js';
import { splitS3Operations } from './s3Operations.js';
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
  const spec = KINDS.processing;
  const resolved = resolveOptions(options, clients);
  throwIfAbortedBeforeCreate(spec, resolved);
  const { request, s3Operations } = splitS3Operations(renderConfig(config, resolved));
  const prepared = finishRequest('processing', request);
  await checkUploads(s3Operations, clients);
  const name = await createOnce(
    spec,
    clients.sagemaker,
    prepared,
    resolved,
    uploadsOnce(s3Operations, clients, resolved),
  );
  const description = await finishJob(spec, clients, name, resolved);
  return { Processing: description as unknown as DescribeProcessingJobResponse };
}
