/** `transformConfigFromEstimator`: Python's `transform_config_from_estimator`. */
import { checkBuilderOptions } from './builderInputs.js';
import { formatTags } from '../estimators/tags.js';
import { Transformer, type TransformerArguments } from '../estimators/Transformer.js';
import type { Templated } from '../templates.js';
import type { FromEstimatorOptions, VpcConfigOverride } from './fromEstimator.js';
import type { ModelConfig } from './modelConfig.js';
import { buildModelConfigFromEstimator } from './modelConfigFromEstimator.js';
import {
  buildTransformConfig,
  type TransformConfig,
  type TransformConfigOptions,
} from './transformConfig.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import { resolveBaseJobName } from './trainingConfig.js';

/** Options of {@link transformConfigFromEstimator}. */
export interface TransformConfigFromEstimatorOptions
  extends FromEstimatorOptions, TransformConfigOptions, TransformerArguments {
  /** Model name. @default - `<image repository>-<timestamp>` */
  readonly modelName?: string | null;
  /** Execution role of the model. @default - the estimator's */
  readonly role?: Templated<string> | null;
  readonly modelServerWorkers?: Templated<number> | null;
  readonly imageUri?: Templated<string> | null;
  /** VPC of the model. Unlike `modelConfigFromEstimator`, Python's default here is none. @default null */
  readonly vpcConfigOverride?: VpcConfigOverride;
}

/** The `{ Model, Transform }` config Airflow's SageMakerTransformOperator takes. */
export interface ModelTransformConfig {
  Model: ModelConfig;
  Transform: TransformConfig;
}

/** Python's `estimator.transformer(...)` as the Airflow path calls it (no model is created). */
function estimatorTransformer(
  estimator: AnyEstimator,
  o: TransformConfigFromEstimatorOptions,
  modelName: string,
): Transformer {
  const given = formatTags(o.tags ?? undefined, 'tags');
  const style = estimator.kind === 'framework' ? estimator.transformerCallStyle() : undefined;
  // Python parity Q25 (docs/python-parity.md): `format_tags(tags) or self.tags`, so an empty
  // list falls back too (TensorFlow's `transformer` does not fall back).
  const tags =
    (given && given.length > 0) || style?.tagsFallBackToEstimator === false
      ? given
      : estimator.options.tags;
  // Framework estimators (no finished job in this process) give the transformer `env or {}`.
  const env = estimator.kind === 'framework' ? (o.env ?? {}) : (o.env ?? undefined);
  return new Transformer({
    session: estimator.session,
    modelName,
    instanceCount: o.instanceCount,
    instanceType: o.instanceType,
    ...(o.strategy != null && { strategy: o.strategy }),
    ...(o.assembleWith != null && { assembleWith: o.assembleWith }),
    ...(o.outputPath != null && { outputPath: o.outputPath }),
    ...(o.outputKmsKey != null && { outputKmsKey: o.outputKmsKey }),
    ...(o.accept != null && { accept: o.accept }),
    ...(o.maxConcurrentTransforms != null && {
      maxConcurrentTransforms: o.maxConcurrentTransforms,
    }),
    ...(o.maxPayload != null && { maxPayload: o.maxPayload }),
    ...(o.volumeKmsKey != null &&
      !style?.workersAsVolumeKmsKey && { volumeKmsKey: o.volumeKmsKey }),
    ...(tags !== undefined && { tags }),
    ...(env !== undefined && { env }),
    baseTransformJobName: resolveBaseJobName(estimator),
  });
}

/**
 * Python's `transform_config_from_estimator`: the model of a trained estimator and a batch
 * transform job that runs it.
 * @example
 * const config = transformConfigFromEstimator(est, { from: { airflowTask: 'train', taskType: 'training' }, instanceCount: 1, instanceType: 'ml.m5.large', data: 's3://bucket/batch' });
 */
export function transformConfigFromEstimator(
  estimator: AnyEstimator,
  options: TransformConfigFromEstimatorOptions,
): ModelTransformConfig {
  checkBuilderOptions('options', options, false);
  const model = buildModelConfigFromEstimator(
    estimator,
    {
      from: options.from,
      instanceType: options.instanceType,
      role: options.role ?? null,
      imageUri: options.imageUri ?? null,
      name: options.modelName ?? null,
      modelServerWorkers: options.modelServerWorkers ?? null,
      vpcConfigOverride: options.vpcConfigOverride ?? null,
    },
    true,
  );
  const transformer = estimatorTransformer(estimator, options, model.modelName);
  let transform = buildTransformConfig(transformer, options, true);
  if (estimator.kind === 'framework' && estimator.transformerCallStyle().workersAsVolumeKmsKey) {
    // Python parity Q37 (docs/python-parity.md): Python's Airflow code passes its arguments to
    // TensorFlow's `transformer` positionally, one slot off: `model_server_workers` lands in `volume_kms_key` (and `volume_kms_key` is lost).
    const { VolumeKmsKeyId: _dropped, ...resources } = transform.TransformResources ?? {};
    const workers = options.modelServerWorkers;
    transform = {
      ...transform,
      TransformResources: {
        ...resources,
        ...(workers != null && { VolumeKmsKeyId: workers as unknown as string }),
      },
    } as TransformConfig;
  }
  return { Model: model.config, Transform: transform };
}
