/**
 * `transform`: Python's `Transformer.transform(...)` — the job named (after the transformer's
 * base name, or the model's image from DescribeModel), CreateTransformJob, and with `wait` the
 * job waited for as the transform operator waits.
 */
import type * as SageMakerSdk from '@aws-sdk/client-sagemaker';
import type { DescribeTransformJobResponse } from '@aws-sdk/client-sagemaker';
import {
  checkTransformData,
  knownTransformBaseName,
  transformBaseNameFromModel,
  transformJobRequest,
  type TransformRequestOptions,
} from '../../direct/transformRequests.js';
import type { Transformer } from '../../estimators/Transformer.js';
import { ValidationError } from '../../errors.js';
import { loadSageMakerSdk } from '../../internal/loadPeer.js';
import type { DirectSession } from './DirectSession.js';
import { serviceError } from './serviceError.js';
import {
  checkLogsClient,
  waitForResource,
  type DirectLogsOption,
  type DirectWaitOptions,
} from './waitForDirectJob.js';

/** Options of {@link transform}. */
export interface TransformOptions
  extends TransformRequestOptions, DirectWaitOptions, DirectLogsOption {}

/** What `transform` started. */
export interface TransformResult {
  readonly jobName: string;
  /** The job's final DescribeTransformJob output; `undefined` with `wait: false`. */
  readonly description?: DescribeTransformJobResponse;
}

async function baseName(
  direct: DirectSession,
  transformer: Transformer,
  { DescribeModelCommand }: typeof SageMakerSdk,
): Promise<string> {
  const known = knownTransformBaseName(transformer);
  if (known !== undefined) return known;
  try {
    const description = await direct.clients.sagemaker.send(
      new DescribeModelCommand({ ModelName: transformer.modelName }),
    );
    return transformBaseNameFromModel(
      transformer,
      description as unknown as Record<string, unknown>,
    );
  } catch (error) {
    if (serviceError(error) === undefined) throw error;
    throw new ValidationError('modelName', transformer.modelName, 'an existing model', {
      cause: error,
    });
  }
}

/**
 * Starts a batch transform job as Python's `transform` does and, unless `wait: false`, waits for
 * it to end.
 * @throws {@link ValidationError} for input outside S3 or a model that cannot be described;
 *   MissingOptionError for `logs: true` without `clients.logs`; while waiting, JobFailedError,
 *   JobStoppedError, WaiterTimeoutError or JobAbortedError (the operators' waiter).
 * @example
 * const { jobName, description } = await transform(direct, transformer, { data: 's3://bucket/batch' });
 * // Python's transform(wait=False): start the job only
 * await transform(direct, transformer, { data: 's3://bucket/batch', wait: false });
 */
export async function transform(
  direct: DirectSession,
  transformer: Transformer,
  options: TransformOptions,
): Promise<TransformResult> {
  checkTransformData(options.data);
  checkLogsClient(direct, options);
  const sdk = await loadSageMakerSdk();
  const base = options.jobName == null ? await baseName(direct, transformer, sdk) : '';
  const request = await direct.build(() => transformJobRequest(transformer, options, base));
  const created = await direct.clients.sagemaker.send(
    new sdk.CreateTransformJobCommand(request as never),
  );
  const jobName = String(request.TransformJobName);
  if (!(options.wait ?? true)) return { jobName };
  const arn = (created as { TransformJobArn?: string } | undefined)?.TransformJobArn;
  const description = await waitForResource(
    direct,
    'transform',
    jobName,
    arn,
    options.waitOptions,
    options.logs,
  );
  return { jobName, description };
}
