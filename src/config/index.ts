/** The config builders: Python's `sagemaker.workflow.airflow` functions. */
export {
  trainingConfig,
  trainingBaseConfig,
  type TrainingJobOptions,
  type TrainingConfig,
  type TrainingBaseConfig,
} from './trainingConfig.js';
export { trainingJob, type TrainingJob } from './trainingJob.js';
export {
  tuningConfig,
  tuningJob,
  type TuningConfig,
  type TuningConfigOptions,
  type TuningJob,
} from './tuningConfig.js';
export { modelConfig, type ModelConfig, type ModelConfigOptions } from './modelConfig.js';
export {
  modelConfigFromEstimator,
  type ModelConfigFromEstimatorOptions,
} from './modelConfigFromEstimator.js';
export {
  transformConfig,
  type TransformConfig,
  type TransformConfigOptions,
} from './transformConfig.js';
export {
  transformConfigFromEstimator,
  type ModelTransformConfig,
  type TransformConfigFromEstimatorOptions,
} from './transformConfigFromEstimator.js';
export { deployConfig, type DeployConfig, type DeployConfigOptions } from './deployConfig.js';
export {
  deployConfigFromEstimator,
  type DeployConfigFromEstimatorOptions,
} from './deployConfigFromEstimator.js';
export {
  processingConfig,
  type ProcessingConfig,
  type ProcessingConfigOptions,
} from './processingConfig.js';
export type { S3Operations, S3Upload, S3CreateBucket } from './s3Operations.js';
export type {
  AirflowTaskSource,
  ModelSource,
  FromEstimatorOptions,
  EstimatorModelOptions,
  VpcConfigOverride,
} from './fromEstimator.js';
