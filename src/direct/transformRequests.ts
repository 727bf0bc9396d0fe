/**
 * `transformJobRequest`: the CreateTransformJob request Python's `Transformer.transform(...)`
 * sends, built on the Airflow `transformConfig` (the same members) plus what only the direct
 * path sends (experiment, model client and batch data capture configs).
 */
import { transformConfig, type TransformConfigOptions } from '../config/transformConfig.js';
import type { Transformer } from '../estimators/Transformer.js';
import { ValidationError } from '../errors.js';
import { nameFromBase } from '../pythonCompat/names.js';

/** The arguments of Python's `transform` this builder reads. */
export interface TransformRequestOptions extends TransformConfigOptions {
  /** @default - none */
  readonly experimentConfig?: Readonly<Record<string, string>> | null;
  /** `InvocationsTimeoutInSeconds`, `InvocationsMaxRetries`. @default - none */
  readonly modelClientConfig?: Readonly<Record<string, unknown>> | null;
  /** The `DataCaptureConfig` member of a batch transform. @default - none */
  readonly batchDataCaptureConfig?: Readonly<Record<string, unknown>> | null;
}

/**
 * The base of a generated job name when Python knows it without a call: the transformer's base
 * name. `undefined` means Python asks DescribeModel for the model's image (see
 * {@link transformBaseNameFromModel}).
 */
export function knownTransformBaseName(transformer: Transformer): string | undefined {
  return transformer.baseTransformJobName;
}

/** Python's `_retrieve_base_name` from a DescribeModel response. */
export function transformBaseNameFromModel(
  transformer: Transformer,
  description: Readonly<Record<string, unknown>>,
): string {
  const primary = description.PrimaryContainer as { Image?: string } | undefined;
  const containers = description.Containers as { Image?: string }[] | undefined;
  const image = primary ? primary.Image : containers?.[0]?.Image;
  if (image) return /^(.+\/)?([^:/]+)(:[^:]+)?$/.exec(image)?.[2] ?? image;
  return transformer.modelName;
}

/** Python's check of the input: an `s3://` URI (an Airflow template is refused too). */
export function checkTransformData(data: unknown): void {
  if (typeof data === 'string' && data.startsWith('s3://')) return;
  throw new ValidationError('data', data, 'an S3 URI (Invalid S3 URI)');
}

/**
 * Python's CreateTransformJob request; `baseName` names the job when none is given (from
 * {@link knownTransformBaseName} or {@link transformBaseNameFromModel}).
 * @throws {@link ValidationError} for input that is not in S3.
 * @example
 * const request = transformJobRequest(transformer, { data: 's3://bucket/batch' }, 'my-model');
 */
export function transformJobRequest(
  transformer: Transformer,
  options: TransformRequestOptions,
  baseName: string,
): Record<string, unknown> {
  checkTransformData(options.data);
  const jobName = options.jobName ?? nameFromBase(baseName, transformer.session);
  const base = transformConfig(transformer, { ...options, jobName }) as Record<string, unknown>;
  const request: Record<string, unknown> = { ...base };
  const nonEmpty = (v: Readonly<Record<string, unknown>> | null | undefined) =>
    v !== undefined && v !== null && Object.keys(v).length > 0;
  if (nonEmpty(options.experimentConfig)) request.ExperimentConfig = options.experimentConfig;
  if (nonEmpty(options.modelClientConfig)) request.ModelClientConfig = options.modelClientConfig;
  if (options.batchDataCaptureConfig) request.DataCaptureConfig = options.batchDataCaptureConfig;
  return request;
}
