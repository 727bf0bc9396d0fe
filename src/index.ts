/**
 * sagemaker-workflow: SageMaker job configs identical to the Python SDK's
 * `sagemaker.workflow.airflow`, for TypeScript.
 *
 * - Estimators, models, transformers, processors: `./estimators`
 * - Config builders: `./config`
 * - Python-compatible formatting and naming: `./pythonCompat`
 * - Image URIs: `sagemaker-workflow/image-uris`; operators: `sagemaker-workflow/operators`
 */
export {
  Estimator,
  INPUT_MODES,
  TrainingInput,
  FileSystemInput,
  ShuffleConfig,
  InstanceGroup,
  Model,
  FrameworkModel,
  Transformer,
  Processor,
  ScriptProcessor,
  ProcessingInput,
  ProcessingOutput,
  NetworkConfig,
} from './estimators/index.js';
export type {
  EstimatorProps,
  EstimatorBaseProps,
  InputMode,
  TrainingInputProps,
  FileSystemInputProps,
  InstanceGroupProps,
  ModelProps,
  FrameworkModelProps,
  ModelData,
  AnyModel,
  TransformerProps,
  ProcessorProps,
  ScriptProcessorProps,
  ProcessingInputProps,
  ProcessingOutputProps,
  NetworkConfigProps,
  PyValue,
  Hyperparameters,
  Tag,
  Tags,
  MetricDefinition,
  VpcConfig,
} from './estimators/index.js';
export {
  trainingConfig,
  trainingBaseConfig,
  prepareTrainingJob,
  completeTrainingConfigFor,
  defaultOutputPath,
  modelConfig,
  modelConfigFromEstimator,
  transformConfig,
  transformConfigFromEstimator,
  deployConfig,
  deployConfigFromEstimator,
  processingConfig,
  mergeS3Operations,
} from './config/index.js';
export type {
  AnyEstimator,
  TrainingJobOptions,
  TrainingRun,
  TrainingConfig,
  TrainingBaseConfig,
  PreparedTrainingJob,
  UploadedCode,
  ModelConfig,
  ModelConfigOptions,
  ModelConfigFromEstimatorOptions,
  TransformConfig,
  TransformConfigOptions,
  TransformConfigFromEstimator,
  TransformConfigFromEstimatorOptions,
  DeployConfig,
  DeployConfigOptions,
  DeployConfigFromEstimatorOptions,
  ProcessingConfig,
  ProcessingConfigOptions,
  S3Operations,
  S3Upload,
  S3CreateBucket,
  TaskType,
  FromEstimatorOptions,
  VpcConfigOverride,
  TrainingInputs,
  ChannelSource,
  RecordSetChannel,
} from './config/index.js';
export { HyperparameterTuner } from './estimators/tuner/HyperparameterTuner.js';
export type {
  HyperparameterTunerProps,
  MultiHyperparameterTunerProps,
  TunerCommonProps,
  TunedEstimator,
} from './estimators/tuner/HyperparameterTuner.js';
export {
  ContinuousParameter,
  IntegerParameter,
  CategoricalParameter,
  type ParameterRange,
  type ParameterRanges,
  type ScalingType,
} from './estimators/tuner/parameterRanges.js';
export {
  WarmStartConfig,
  WARM_START_TYPES,
  StrategyConfig,
  HyperbandStrategyConfig,
  TuningJobCompletionCriteriaConfig,
  type WarmStartType,
} from './estimators/tuner/WarmStartConfig.js';
export { tuningConfig, type TuningConfig, type TuningConfigOptions } from './config/tuningConfig.js';
export { KNN, KNNModel, type KNNProps } from './estimators/amazon/KNN.js';
export { RecordSet, FileSystemRecordSet, type RecordSetProps, type FileSystemRecordSetProps } from './estimators/amazon/RecordSet.js';
export {
  AlgorithmEstimator,
  AlgorithmModel,
  type AlgorithmDefinition,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './estimators/amazon/AlgorithmEstimator.js';
export { retrieve, findImageUri } from './imageUris/retrieve.js';
export type { ImageUriOptions, TrainingCompilerConfig, ServerlessInferenceConfig } from './imageUris/imageUriOptions.js';
export { createSession, type Session, type SessionOptions } from './session.js';
export { partitionOf, partitionNames, type PartitionInfo } from './partitions.js';
export { isPlaceholder, type Placeholder, type Templated, type Templatable } from './templates.js';
export {
  PyFloat,
  pyFloat,
  isPyFloat,
  pyStr,
  pyRepr,
  jsonDumps,
  sagemakerTimestamp,
  sagemakerShortTimestamp,
  nameFromBase,
  baseNameFromImage,
  s3PathJoin,
  parseS3Url,
} from './pythonCompat/index.js';
export type { PyNumber, TimeZoneMode, NameClock } from './pythonCompat/index.js';
export {
  SageMakerWorkflowError,
  ValidationError,
  UnsupportedOptionError,
  OptionTypeError,
  MissingOptionError,
  LocalPathNotFoundError,
  isSageMakerWorkflowError,
  isValidationError,
  isUnsupportedOptionError,
  isOptionTypeError,
  isMissingOptionError,
  isLocalPathNotFoundError,
} from './errors.js';
export {
  encodeDenseTensor,
  denseTensorChunks,
  writeDenseTensor,
  encodeSparseTensor,
  sparseTensorChunks,
  writeSparseTensor,
  readRecordIO,
  readRecords,
  readRecordsFromStream,
  RecordIOFormatError,
  isRecordIOFormatError,
} from './recordio/index.js';
export type {
  RecordMessage,
  RecordValue,
  RecordDType,
  NumericArray,
  DenseMatrix,
  DenseMatrixInput,
  Vector,
  VectorInput,
  CsrMatrix,
  WriteTensorOptions,
  WriteStreamOptions,
  ChunkOptions,
  ChunkSink,
} from './recordio/index.js';
