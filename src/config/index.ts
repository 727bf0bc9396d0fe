/** The config builders: Python's `sagemaker.workflow.airflow` functions. */
export {
  trainingConfig,
  trainingBaseConfig,
  prepareTrainingJob,
  completeTrainingConfigFor,
  trainingConfigForOperator,
  defaultOutputPath,
  type AnyEstimator,
  type TrainingJobOptions,
  type TrainingRun,
  type TrainingConfig,
  type TrainingBaseConfig,
  type PreparedTrainingJob,
  type UploadedCode,
} from './trainingConfig.js';
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
export type { TaskType, FromEstimatorOptions, VpcConfigOverride } from './fromEstimator.js';
export type { TrainingInputs, ChannelSource, RecordSetChannel } from './channels.js';
