/** `deployConfigFromEstimator`: Python's `deploy_config_from_estimator`. */
import type { Templated } from '../templates.js';
import { deployConfig, type DeployConfig, type DeployConfigOptions } from './deployConfig.js';
import {
  estimatorModel,
  taskJob,
  type EstimatorModelOptions,
  type FromEstimatorOptions,
} from './fromEstimator.js';
import type { AnyEstimator } from './trainingConfig.js';

/** Options of {@link deployConfigFromEstimator}. */
export interface DeployConfigFromEstimatorOptions
  extends FromEstimatorOptions, DeployConfigOptions {
  /** Model name. @default - `<image repository>-<timestamp>` */
  readonly modelName?: string | null;
  /** Options of the estimator's `create_model` (Python's `**kwargs`). @default - none */
  readonly modelOptions?: EstimatorModelOptions & { readonly role?: Templated<string> | null };
}

/**
 * Python's `deploy_config_from_estimator`: deploys the model of a trained estimator.
 * @example
 * const config = deployConfigFromEstimator(est, { taskId: 'train', taskType: 'training', initialInstanceCount: 1, instanceType: 'ml.m5.large' });
 */
export function deployConfigFromEstimator(
  estimator: AnyEstimator,
  options: DeployConfigFromEstimatorOptions,
): DeployConfig {
  const job = taskJob(options.taskId, options.taskType, options.trainingRun);
  const model = estimatorModel(estimator, job, options.trainingRun, options.modelOptions ?? {});
  return deployConfig(model.withName(options.modelName ?? undefined), options);
}
