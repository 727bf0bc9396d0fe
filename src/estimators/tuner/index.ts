/**
 * `sagemaker-workflow/tuner`: the hyperparameter tuner, its parameter ranges and its warm-start
 * and strategy settings (Python's `sagemaker.tuner`). `tuningConfig` and `tuningJob`, which turn a
 * tuner into a config, are at the root with the other builders.
 *
 * @module sagemaker-workflow/tuner
 */
export {
  HyperparameterTuner,
  type HyperparameterTunerProps,
  type MultiHyperparameterTunerProps,
  type TunerCommonProps,
  type TunedEstimator,
} from './HyperparameterTuner.js';
export {
  ContinuousParameter,
  IntegerParameter,
  CategoricalParameter,
  type ParameterRange,
  type ParameterRanges,
  type RangeBound,
  type ScalingType,
} from './parameterRanges.js';
export {
  WarmStartConfig,
  WARM_START_TYPES,
  StrategyConfig,
  HyperbandStrategyConfig,
  TuningJobCompletionCriteriaConfig,
  type WarmStartType,
} from './WarmStartConfig.js';
