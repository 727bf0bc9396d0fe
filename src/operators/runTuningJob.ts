/**
 * `runTuningJob`: Airflow's SageMakerTuningOperator for TypeScript. Submits a hyperparameter tuning job config
 * (from the config builders or written by hand), waits for it and returns `{ Tuning }`.
 */
import type {
  CreateHyperParameterTuningJobRequest,
  DescribeHyperParameterTuningJobResponse,
} from '@aws-sdk/client-sagemaker';
import { KINDS } from './jobKinds.js';
import { resolveOptions, type OperatorClients, type OperatorOptions } from './options.js';
import { checkUploads, finishRequest, renderConfig } from './prepare.js';
import { createOnce, finishJob, throwIfAbortedBeforeCreate, uploadsOnce } from './runJob.js';
import { splitS3Operations } from './s3Operations.js';
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
  const spec = KINDS.tuning;
  const resolved = resolveOptions(options, clients);
  throwIfAbortedBeforeCreate(spec, resolved);
  const { request, s3Operations } = splitS3Operations(renderConfig(config, resolved));
  const prepared = finishRequest('tuning', request);
  await checkUploads(s3Operations, clients);
  const name = await createOnce(
    spec,
    clients.sagemaker,
    prepared,
    resolved,
    uploadsOnce(s3Operations, clients, resolved),
  );
  const description = await finishJob(spec, clients, name, resolved);
  return { Tuning: description as unknown as DescribeHyperParameterTuningJobResponse };
}
