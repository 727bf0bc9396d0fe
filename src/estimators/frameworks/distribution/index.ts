/**
 * Distribution options of the framework estimators (Python's `fw_utils.validate_distribution` and
 * `Framework._distribution_configuration`): checks at construction, and the `sagemaker_*`
 * hyperparameters they become.
 */
export type { Distribution } from './settings.js';
export { validateDistribution, type DistributionContext } from './validateDistribution.js';
export { mpParameters } from './modelParallel.js';
export { distributionHyperparameters, type DistributionConfigContext } from './hyperparameters.js';
