/** Estimators, models, transformers, processors and their value objects. */
export { Estimator, type EstimatorProps } from './Estimator.js';
export {
  INPUT_MODES,
  type InputMode,
  type EstimatorBaseProps,
  type ResolvedEstimatorBase,
} from './EstimatorBase.js';
export {
  TrainingInput,
  FileSystemInput,
  ShuffleConfig,
  InstanceGroup,
  type TrainingInputProps,
  type FileSystemInputProps,
  type InstanceGroupProps,
  type TrainingInputs,
  type ChannelSource,
  type RecordSetChannel,
  type ChannelInput,
  type ChannelConfig,
} from './inputs.js';
export {
  Model,
  FrameworkModel,
  type ModelProps,
  type FrameworkModelProps,
  type ModelData,
  type AnyModel,
} from './Model.js';
export { Transformer, type TransformerArguments, type TransformerProps } from './Transformer.js';
export {
  Processor,
  ScriptProcessor,
  type ProcessorProps,
  type ScriptProcessorProps,
} from './Processor.js';
export {
  ProcessingInput,
  ProcessingOutput,
  type ProcessingInputProps,
  type ProcessingOutputProps,
} from './processingIO.js';
export { NetworkConfig, type NetworkConfigProps } from './NetworkConfig.js';
export type {
  PyValue,
  Hyperparameters,
  Tag,
  Tags,
  MetricDefinition,
  VpcConfig,
  UploadedCode,
} from './types.js';
export type { AnyEstimator } from './AnyEstimator.js';
export { isTrainingRun, type TrainingRun } from './trainingRun.js';
export * from './amazon/index.js';
// The frameworks and the tuner have their own entry points (`sagemaker-workflow/frameworks`,
// `sagemaker-workflow/tuner`), as Python's `sagemaker` package imports the algorithms at its root
// and the frameworks and the tuner from their modules (`sagemaker.tensorflow`, `sagemaker.tuner`).
