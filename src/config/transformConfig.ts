/** `transformConfig`: the CreateTransformJob request of Python's `transform_config`. */
import type { CreateTransformJobRequest } from '@aws-sdk/client-sagemaker';
import type { Transformer } from '../estimators/Transformer.js';
import { checkOptionTypes } from '../internal/checkInput.js';
import { checkPlainJson, NewObjects } from '../internal/plainJson.js';
import { checkBuilderOptions, checkTransformer } from './builderInputs.js';
import { nameFromBase } from '../pythonCompat/names.js';
import { s3PathJoin } from '../pythonCompat/s3.js';
import type { Templatable, Templated } from '../templates.js';

/** Options of {@link transformConfig}. */
export interface TransformConfigOptions {
  /** S3 location of the input. */
  readonly data: Templated<string>;
  /** `S3Prefix` or `ManifestFile`. @default 'S3Prefix' */
  readonly dataType?: Templated<string> | null;
  /** MIME type of the input. @default - none */
  readonly contentType?: Templated<string> | null;
  /** `Gzip` or `None`. @default - none */
  readonly compressionType?: Templated<string> | null;
  /** `None`, `Line`, `RecordIO` or `TFRecord`. @default - none */
  readonly splitType?: Templated<string> | null;
  /** Job name. @default - `<base name>-<timestamp>`, or the model name without a base name */
  readonly jobName?: string | null;
  /** JSONPath selecting the input passed to the model. @default - none */
  readonly inputFilter?: Templated<string> | null;
  /** JSONPath selecting the output kept. @default - none */
  readonly outputFilter?: Templated<string> | null;
  /** `Input` joins the input record to the result. @default - none */
  readonly joinSource?: Templated<string> | null;
}

/** The transform config Airflow's SageMakerTransformOperator takes (inside `Transform`). */
export type TransformConfig = Templatable<CreateTransformJobRequest>;

const TRANSFORM_OPTION_TYPES = Object.freeze({
  data: 'string',
  jobName: 'string',
  dataType: 'string',
  contentType: 'string',
  compressionType: 'string',
  splitType: 'string',
  inputFilter: 'string',
  outputFilter: 'string',
  joinSource: 'string',
} as const);

/** The types of the transformer members the builder reads (each may also be absent). */
const TRANSFORMER_FIELD_TYPES = Object.freeze({
  modelName: 'string',
  instanceCount: 'number',
  instanceType: 'string',
  strategy: 'string',
  assembleWith: 'string',
  outputPath: 'string',
  outputKmsKey: 'string',
  accept: 'string',
  maxConcurrentTransforms: 'number',
  maxPayload: 'number',
  tags: 'list',
  env: 'record',
  baseTransformJobName: 'string',
  volumeKmsKey: 'string',
} as const);

/**
 * Python's `transform_config`.
 * @example
 * const config = transformConfig(transformer, { data: 's3://bucket/batch', splitType: 'Line', contentType: 'text/csv' });
 */
export function transformConfig(
  transformer: Transformer,
  options: TransformConfigOptions,
): TransformConfig {
  return buildTransformConfig(transformer, options, false);
}

/**
 * {@link transformConfig}; `optionsChecked` when the caller has just checked these very options
 * with `checkBuilderOptions` (`transformConfigFromEstimator`), so they are not walked again.
 * @internal
 */
export function buildTransformConfig(
  transformer: Transformer,
  options: TransformConfigOptions,
  optionsChecked: boolean,
): TransformConfig {
  checkTransformer('transformer', transformer);
  if (!optionsChecked) checkBuilderOptions('options', options, false);
  checkOptionTypes('options', options, TRANSFORM_OPTION_TYPES);
  checkOptionTypes('transformer', transformer, TRANSFORMER_FIELD_TYPES);
  const jobName =
    options.jobName ??
    (transformer.baseTransformJobName !== undefined
      ? nameFromBase(transformer.baseTransformJobName, transformer.session)
      : transformer.modelName);
  const outputPath =
    transformer.outputPath ??
    s3PathJoin([
      's3://',
      transformer.session.defaultBucket(),
      transformer.session.defaultBucketPrefix,
      jobName,
    ]);
  // The objects of the config made here (the check reads them without descriptors).
  const made = new NewObjects();
  const dataProcessing = made.defined({
    InputFilter: options.inputFilter ?? undefined,
    OutputFilter: options.outputFilter ?? undefined,
    JoinSource: options.joinSource ?? undefined,
  });
  return checkPlainJson(
    'transformConfig',
    made.defined({
      TransformJobName: jobName,
      ModelName: transformer.modelName,
      TransformInput: made.defined({
        DataSource: made.add({
          S3DataSource: made.add({
            S3DataType: options.dataType ?? 'S3Prefix',
            S3Uri: options.data ?? null,
          }),
        }),
        ContentType: options.contentType ?? undefined,
        CompressionType: options.compressionType ?? undefined,
        SplitType: options.splitType ?? undefined,
      }),
      TransformOutput: made.defined({
        S3OutputPath: outputPath,
        KmsKeyId: transformer.outputKmsKey,
        AssembleWith: transformer.assembleWith,
        Accept: transformer.accept,
      }),
      TransformResources: made.defined({
        InstanceCount: transformer.instanceCount ?? null,
        InstanceType: transformer.instanceType ?? null,
        VolumeKmsKeyId: transformer.volumeKmsKey,
      }),
      DataProcessing: Object.keys(dataProcessing).length > 0 ? dataProcessing : undefined,
      BatchStrategy: transformer.strategy,
      MaxConcurrentTransforms: transformer.maxConcurrentTransforms,
      MaxPayloadInMB: transformer.maxPayload,
      Environment: transformer.env,
      Tags: transformer.tags,
    }),
    made,
  ) as unknown as TransformConfig;
}
