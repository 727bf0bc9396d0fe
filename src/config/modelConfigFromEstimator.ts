/** `modelConfigFromEstimator`: Python's `model_config_from_estimator`. */
import { checkBuilderOptions } from './builderInputs.js';
import { checkOwnLimits } from '../internal/checkInput.js';
import type { Templated } from '../templates.js';
import { assertNever } from '../internal/assertNever.js';
import {
  estimatorModel,
  resolveModelSource,
  type EstimatorModelOptions,
  type FromEstimatorOptions,
  type VpcConfigOverride,
} from './fromEstimator.js';
import { buildModelConfig, type BuiltModelConfig, type ModelConfig } from './modelConfig.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';

/** Options of {@link modelConfigFromEstimator}. */
export interface ModelConfigFromEstimatorOptions extends FromEstimatorOptions {
  /** Instance type the model will serve on. @default - none */
  readonly instanceType?: Templated<string> | null;
  /** Execution role. @default - the estimator's */
  readonly role?: Templated<string> | null;
  /** Inference image. @default - the training image (generic estimator) */
  readonly imageUri?: Templated<string> | null;
  /** Model name. @default - `<image repository>-<timestamp>` */
  readonly name?: string | null;
  /** Model server workers (framework estimators). @default - one per vCPU */
  readonly modelServerWorkers?: Templated<number> | null;
  /** VPC of the model: `undefined` keeps the estimator's, `null` removes it. @default - the estimator's */
  readonly vpcConfigOverride?: VpcConfigOverride;
}

/** The model config and the name it used. @internal */
export function buildModelConfigFromEstimator(
  estimator: AnyEstimator,
  options: ModelConfigFromEstimatorOptions,
  ownOptions = false,
): BuiltModelConfig {
  // Options the caller put together in a literal (`transformConfigFromEstimator`) are checked
  // the same way, without a descriptor per member.
  if (ownOptions) checkOwnLimits('options', options);
  else checkBuilderOptions('options', options, false);
  const { job, run } = resolveModelSource(estimator, options.from);
  // Python passes the role and image to the generic estimator's `create_model` only; the
  // built-in algorithms get the VPC alone (the role still reaches the model config below).
  // Framework estimators get the role, the workers and their own entry point (the image goes to
  // the model config only).
  let modelOptions: EstimatorModelOptions;
  switch (estimator.kind) {
    case 'byo':
      modelOptions = {
        role: options.role ?? null,
        imageUri: options.imageUri ?? null,
        vpcConfigOverride: options.vpcConfigOverride,
      };
      break;
    case 'algorithm':
      modelOptions = { vpcConfigOverride: options.vpcConfigOverride };
      break;
    case 'framework':
      modelOptions = {
        role: options.role ?? null,
        vpcConfigOverride: options.vpcConfigOverride,
        entryPoint: estimator.entryPoint,
        modelServerWorkers: options.modelServerWorkers ?? null,
      };
      break;
    default:
      return assertNever(estimator);
  }
  const model = estimatorModel(estimator, job, run, modelOptions);
  // Python assigns `name` (even None) to the model before building its config.
  const named = model.withName(options.name ?? undefined);
  return buildModelConfig(
    named,
    {
      instanceType: options.instanceType ?? null,
      role: options.role ?? null,
      imageUri: options.imageUri ?? null,
    },
    true,
  );
}

/**
 * Python's `model_config_from_estimator`: the model of a trained estimator, its artifacts named by
 * the Airflow task that trained it.
 * @example
 * const config = modelConfigFromEstimator(knn, { from: job.run, instanceType: 'ml.m5.large' });
 * @throws {@link ValidationError} for a run of another estimator or an unknown task type; {@link MissingOptionError} when the
 * model artifacts cannot be located.
 */
export function modelConfigFromEstimator(
  estimator: AnyEstimator,
  options: ModelConfigFromEstimatorOptions,
): ModelConfig {
  return buildModelConfigFromEstimator(estimator, options).config;
}
