/** `deployConfigFromEstimator`: Python's `deploy_config_from_estimator`. */
import { checkBuilderOptions } from './builderInputs.js';
import type { Templated } from '../templates.js';
import { deployConfig, type DeployConfig, type DeployConfigOptions } from './deployConfig.js';
import {
  estimatorModel,
  resolveModelSource,
  type EstimatorModelOptions,
  type FromEstimatorOptions,
} from './fromEstimator.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';

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
 * const config = deployConfigFromEstimator(est, { from: { airflowTask: 'train', taskType: 'training' }, initialInstanceCount: 1, instanceType: 'ml.m5.large' });
 */
export function deployConfigFromEstimator(
  estimator: AnyEstimator,
  options: DeployConfigFromEstimatorOptions,
): DeployConfig {
  checkBuilderOptions('options', options, false);
  const { job, run } = resolveModelSource(estimator, options.from);
  const model = estimatorModel(estimator, job, run, options.modelOptions ?? {});
  return deployConfig(model.withName(options.modelName ?? undefined), options);
}
