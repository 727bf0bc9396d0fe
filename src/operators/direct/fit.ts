/**
 * `fit`: Python's `estimator.fit(inputs, job_name=..., wait=False)` — the default-bucket check,
 * the code upload, role expansion and CreateTrainingJob, in Python's order.
 */
import type { AnyEstimator } from '../../estimators/AnyEstimator.js';
import { loadSageMakerSdk } from '../../internal/loadPeer.js';
import type { TrainingRun } from '../../estimators/trainingRun.js';
import type { DirectTrainingSettings } from '../../direct/settings.js';
import {
  trainingJobRequest,
  type TrainingJobRequestOptions,
} from '../../direct/trainingJobRequest.js';
import type { DirectSession } from './DirectSession.js';
import { codeKmsKey, uploadCode } from './uploadCode.js';

/** Options of {@link fit}. */
export interface FitOptions extends TrainingJobRequestOptions {
  /** The settings only `fit` sends (environment, profiler, ...). @default - none */
  readonly settings?: DirectTrainingSettings;
}

/** What `fit` started: the job and the state Python keeps on the estimator. */
export interface FitResult {
  readonly jobName: string;
  readonly run: TrainingRun;
  readonly request: Record<string, unknown>;
}

/**
 * Starts a training job as Python's `fit` does.
 * @example
 * const { jobName } = await fit(direct, estimator, { inputs: { train: 's3://bucket/train' } });
 */
export async function fit(
  direct: DirectSession,
  estimator: AnyEstimator,
  options: FitOptions = {},
): Promise<FitResult> {
  const job = await direct.build(() =>
    trainingJobRequest(estimator, options, options.settings ?? {}),
  );
  for (const upload of job.uploads) {
    await uploadCode(direct, estimator, upload, codeKmsKey(estimator, upload, job.run.outputPath));
  }
  const request = { ...job.request, RoleArn: await direct.expandRole(job.role) };
  const { CreateTrainingJobCommand } = await loadSageMakerSdk();
  await direct.clients.sagemaker.send(new CreateTrainingJobCommand(request as never));
  return { jobName: job.run.jobName, run: job.run, request };
}
