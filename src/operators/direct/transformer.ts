/**
 * `modelTransformerFor` / `trainedTransformer`: Python's `model.transformer(...)` and
 * `estimator.transformer(...)` — the model created at once (code staged, role expanded,
 * CreateModel), and the `Transformer` whose `transform` starts the job.
 */
import type { ModelCodeSettings } from '../../direct/modelContainer.js';
import {
  modelTransformer,
  trainedModelTransformer,
  type TrainedTransformerOptions,
  type TransformerRequestOptions,
} from '../../direct/transformerRequests.js';
import type { AnyEstimator } from '../../estimators/AnyEstimator.js';
import type { AnyModel } from '../../estimators/Model.js';
import type { Transformer } from '../../estimators/Transformer.js';
import type { TrainingRun } from '../../estimators/trainingRun.js';
import type { DirectSession } from './DirectSession.js';
import { readDataLocation } from './algorithmBucket.js';
import { trainedModelData } from './deploy.js';
import { createModel } from './deployModel.js';

/**
 * Creates `model` and returns its transformer, as Python's `model.transformer(...)` does.
 * @throws the model container's errors; the AWS clients' errors.
 * @example
 * const transformer = await modelTransformerFor(direct, model, { instanceCount: 1, instanceType: 'ml.m5.large' });
 */
export async function modelTransformerFor(
  direct: DirectSession,
  model: AnyModel,
  options: TransformerRequestOptions,
  settings: ModelCodeSettings = {},
): Promise<Transformer> {
  const built = await direct.build(() => modelTransformer(model, options, settings));
  await createModel(direct, built.model);
  return built.transformer;
}

/**
 * Creates the model of `estimator`'s job `run` (DescribeTrainingJob for its artifacts) and
 * returns its transformer, as Python's `estimator.transformer(...)` does after `fit`.
 * @throws as {@link modelTransformerFor}.
 * @example
 * const transformer = await trainedTransformer(direct, estimator, run, { instanceCount: 1, instanceType: 'ml.m5.large' });
 */
export async function trainedTransformer(
  direct: DirectSession,
  estimator: AnyEstimator,
  run: TrainingRun,
  options: TrainedTransformerOptions,
): Promise<Transformer> {
  await readDataLocation(direct, estimator);
  const modelData = await trainedModelData(direct, run);
  const built = await direct.build(() =>
    trainedModelTransformer(estimator, run, modelData, options),
  );
  await createModel(direct, built.model);
  return built.transformer;
}
