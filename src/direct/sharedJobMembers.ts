/**
 * The members a training job and a tuning job's training definition take alike from the
 * estimator, as Python's `_get_train_args` and the tuner's `_build_training_job_definition`
 * both write them: each is left out where Python's value is falsy or `None`.
 */
import { defined } from '../internal/defined.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { DirectTrainingSettings } from './settings.js';

/** `CheckpointConfig`, or undefined without a checkpoint S3 URI. */
export function checkpointConfig(o: {
  readonly checkpointS3Uri?: unknown;
  readonly checkpointLocalPath?: unknown;
}): Record<string, unknown> | undefined {
  return pyTruthy(o.checkpointS3Uri)
    ? defined({
        S3Uri: o.checkpointS3Uri,
        LocalPath: pyTruthy(o.checkpointLocalPath) ? o.checkpointLocalPath : undefined,
      })
    : undefined;
}

/** `RetryStrategy`, or undefined when `maxRetryAttempts` is not given. */
export function retryStrategy(
  settings: DirectTrainingSettings,
): { MaximumRetryAttempts: unknown } | undefined {
  const attempts = settings.maxRetryAttempts;
  return attempts !== undefined && attempts !== null
    ? { MaximumRetryAttempts: attempts }
    : undefined;
}

/** `EnableInterContainerTrafficEncryption`, only when Python's value is truthy. */
export function interContainerEncryption(settings: DirectTrainingSettings): unknown {
  return pyTruthy(settings.encryptInterContainerTraffic)
    ? settings.encryptInterContainerTraffic
    : undefined;
}
