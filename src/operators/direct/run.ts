/**
 * `run`: Python's `Processor.run(...)` / `ScriptProcessor.run(code=...)` — the default-bucket
 * check, the uploads of the script and local inputs, role expansion and CreateProcessingJob,
 * then (with `wait`) the job waited for as the processing operator waits.
 */
import type { DescribeProcessingJobResponse } from '@aws-sdk/client-sagemaker';
import { ValidationError } from '../../errors.js';
import { loadSageMakerSdk } from '../../internal/loadPeer.js';
import type { Processor } from '../../estimators/Processor.js';
import {
  processingJobRequest,
  type DirectProcessingSettings,
  type ProcessingRunOptions,
} from '../../direct/processingJobRequest.js';
import type { DirectSession } from './DirectSession.js';
import { uploadLocal } from './uploadLocal.js';
import {
  checkLogsClient,
  waitForResource,
  type DirectLogsOption,
  type DirectWaitOptions,
} from './waitForDirectJob.js';

/** Options of {@link run}. */
export interface RunOptions extends ProcessingRunOptions, DirectWaitOptions, DirectLogsOption {
  /** Settings the processor keeps that the Airflow config drops. @default - none */
  readonly settings?: DirectProcessingSettings;
}

/** What `run` started. */
export interface RunResult {
  readonly jobName: string;
  readonly request: Record<string, unknown>;
  /** The job's final DescribeProcessingJob output; `undefined` with `wait: false`. */
  readonly description?: DescribeProcessingJobResponse;
}

/**
 * Starts a processing job as Python's `run` does and, unless `wait: false`, waits for it to end.
 * @throws {@link ValidationError} for `logs` without `wait` (plain `Processor`, whose `logs`
 *   defaults to true: pass `logs: false` with `wait: false`), as Python; MissingOptionError for
 *   `logs: true` without `clients.logs`; while waiting, JobFailedError, JobStoppedError,
 *   WaiterTimeoutError or JobAbortedError (the operators' waiter).
 * @example
 * const { jobName, description } = await run(direct, processor, { inputs, outputs });
 * // Python's run(wait=False, logs=False): start the job only
 * await run(direct, processor, { inputs, outputs, wait: false, logs: false });
 */
export async function run(
  direct: DirectSession,
  processor: Processor,
  options: RunOptions = {},
): Promise<RunResult> {
  // Only the plain Processor's run refuses logs without waiting (ScriptProcessor's does not).
  if (processor.kind === 'processor' && (options.logs ?? true) && options.wait === false) {
    throw new ValidationError('run.logs', true, 'logs only when waiting (wait: true)');
  }
  checkLogsClient(direct, options);
  const job = await direct.build(() =>
    processingJobRequest(processor, options, options.settings ?? {}),
  );
  for (const upload of job.uploads) await uploadLocal(direct, upload);
  const request = { ...job.request, RoleArn: await direct.expandRole(job.role) };
  const { CreateProcessingJobCommand } = await loadSageMakerSdk();
  const created = await direct.clients.sagemaker.send(
    new CreateProcessingJobCommand(request as never),
  );
  const result = { jobName: job.jobName, request };
  if (!(options.wait ?? true)) return result;
  const description = await waitForResource(
    direct,
    'processing',
    job.jobName,
    (created as { ProcessingJobArn?: string } | undefined)?.ProcessingJobArn,
    options.waitOptions,
    options.logs,
  );
  return { ...result, description };
}
