/** `trainingJob`: the one call most users make to train an estimator. */
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import type { TrainingRun } from '../estimators/trainingRun.js';
import { NewObjects } from '../internal/plainJson.js';
import type { S3Upload } from './s3Operations.js';
import {
  checkTrainingOptions,
  prepareTraining,
  withUploads,
  type TrainingConfig,
  type TrainingJobOptions,
} from './trainingConfig.js';

/** A training job: the config to run, the run the later builders take, and the code uploads. */
export interface TrainingJob {
  /**
   * The complete training config: `trainingConfig`'s output, with the code uploads Python does
   * while building it added to `S3Operations` (what an operator needs to run it).
   */
  readonly config: TrainingConfig;
  /** The state Python keeps on the estimator: pass it as `from` to the `*FromEstimator` builders. */
  readonly run: TrainingRun;
  /** The code uploads Python performs eagerly (script mode of the generic estimator). */
  readonly uploads: readonly S3Upload[];
}

/**
 * Builds an estimator's training job: the config to run, the run for the model, transform and
 * deploy builders (`from: job.run`), and the uploads. Python keeps the run on the estimator; here
 * it is a value, branded with this estimator.
 * @example
 * const job = trainingJob(knn, { inputs: recordSet });
 * await runTrainingJob(job.config, clients);
 * const model = modelConfigFromEstimator(knn, { from: job.run, instanceType: 'ml.m5.large' });
 * @throws the typed errors of the estimator's checks, {@link ValidationError} for inputs Python
 * refuses.
 */
export function trainingJob(
  estimator: AnyEstimator,
  options: TrainingJobOptions = {},
): TrainingJob {
  checkTrainingOptions(options);
  // `prepared.config` is this call's own (its objects noted in `made`), so it is completed in
  // place.
  const made = new NewObjects();
  const prepared = prepareTraining(estimator, options, true, made);
  return {
    config: withUploads(prepared, estimator, true, made),
    run: prepared.run,
    uploads: prepared.uploads,
  };
}
