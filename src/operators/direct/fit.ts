/**
 * `fit`: Python's `estimator.fit(inputs, job_name=..., wait=True, logs=...)` — the
 * default-bucket check, the code upload, role expansion and CreateTrainingJob, in Python's
 * order, then (with `wait`) the job waited for as the training operator waits.
 */
import type { DescribeTrainingJobResponse } from '@aws-sdk/client-sagemaker';
import type { AnyEstimator } from '../../estimators/AnyEstimator.js';
import { loadSageMakerSdk } from '../../internal/loadPeer.js';
import type { TrainingRun } from '../../estimators/trainingRun.js';
import type { DirectTrainingSettings } from '../../direct/settings.js';
import {
  trainingJobRequest,
  type TrainingJobRequestOptions,
} from '../../direct/trainingJobRequest.js';
import type { DirectSession } from './DirectSession.js';
import { readDataLocation } from './algorithmBucket.js';
import { codeKmsKey, uploadCode } from './uploadCode.js';
import {
  checkLogsClient,
  waitForResource,
  type DirectLogsOption,
  type DirectWaitOptions,
} from './waitForDirectJob.js';

/** Options of {@link fit}. */
export interface FitOptions extends TrainingJobRequestOptions, DirectWaitOptions, DirectLogsOption {
  /** The settings only `fit` sends (environment, profiler, ...). @default - none */
  readonly settings?: DirectTrainingSettings;
}

/** What `fit` started: the job and the state Python keeps on the estimator. */
export interface FitResult {
  readonly jobName: string;
  readonly run: TrainingRun;
  readonly request: Record<string, unknown>;
  /** The job's final DescribeTrainingJob output; `undefined` with `wait: false`. */
  readonly description?: DescribeTrainingJobResponse;
}

/**
 * Starts a training job as Python's `fit` does and, unless `wait: false`, waits for it to end.
 * @throws MissingOptionError for `logs: true` without `clients.logs`; while waiting,
 *   JobFailedError, JobStoppedError, WaiterTimeoutError or JobAbortedError (the operators' waiter).
 * @example
 * const { jobName, description } = await fit(direct, estimator, {
 *   inputs: { train: 's3://bucket/train' },
 *   waitOptions: { maxIngestionTimeSeconds: 3600 },
 * });
 * // Python's fit(wait=False): start the job only
 * const started = await fit(direct, estimator, { inputs: 's3://bucket/train', wait: false });
 */
export async function fit(
  direct: DirectSession,
  estimator: AnyEstimator,
  options: FitOptions = {},
): Promise<FitResult> {
  checkLogsClient(direct, options);
  await readDataLocation(direct, estimator);
  const job = await direct.build(() =>
    trainingJobRequest(estimator, options, options.settings ?? {}),
  );
  for (const upload of job.uploads) {
    await uploadCode(direct, estimator, upload, codeKmsKey(estimator, upload, job.run.outputPath));
  }
  const request = { ...job.request, RoleArn: await direct.expandRole(job.role) };
  const { CreateTrainingJobCommand } = await loadSageMakerSdk();
  const created = await direct.clients.sagemaker.send(
    new CreateTrainingJobCommand(request as never),
  );
  const result = { jobName: job.run.jobName, run: job.run, request };
  if (!(options.wait ?? true)) return result;
  const description = await waitForResource(
    direct,
    'training',
    result.jobName,
    (created as { TrainingJobArn?: string } | undefined)?.TrainingJobArn,
    options.waitOptions,
    options.logs,
  );
  return { ...result, description };
}
