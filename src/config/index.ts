/** The config builders: Python's `sagemaker.workflow.airflow` functions. */
export {
  trainingConfig,
  trainingBaseConfig,
  prepareTrainingJob,
  completeTrainingConfigFor,
  trainingConfigForOperator,
  defaultOutputPath,
  type TrainingJobOptions,
  type TrainingConfig,
  type TrainingBaseConfig,
  type PreparedTrainingJob,
} from './trainingConfig.js';
export { trainingJob, type TrainingJob } from './trainingJob.js';
export {
  tuningConfig,
  tuningJob,
  prepareTuningJob,
  type TuningConfig,
  type TuningConfigOptions,
  type TuningJob,
  type PreparedTuningJob,
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
  type TransformConfigFromEstimator,
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
export {
  mergeS3Operations,
  type S3Operations,
  type S3Upload,
  type S3CreateBucket,
} from './s3Operations.js';
export type {
  AirflowTaskSource,
  ModelSource,
  FromEstimatorOptions,
  VpcConfigOverride,
} from './fromEstimator.js';
