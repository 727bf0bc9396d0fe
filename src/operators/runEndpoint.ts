/**
 * `runEndpoint`: Airflow's SageMakerEndpointOperator for TypeScript. Takes
 * `{ Model?, EndpointConfig?, Endpoint }` (what Python's `deploy_config` returns) or a bare
 * endpoint request; creates the model and endpoint config, then creates the endpoint or updates
 * it to the new endpoint config; waits until it is in service and returns
 * `{ EndpointConfig, Endpoint }`.
 */
import type {
  CreateEndpointConfigInput,
  CreateEndpointInput,
  CreateModelInput,
  DescribeEndpointConfigOutput,
  DescribeEndpointOutput,
} from '@aws-sdk/client-sagemaker';
import { UpdateEndpointCommand } from '@aws-sdk/client-sagemaker';
import { KINDS } from './jobKinds.js';
import { resolveOptions, type OperatorClients, type OperatorOptions } from './options.js';
import { checkUploads, finishRequest, renderConfig, splitBundle } from './prepare.js';
import { createOnce, finishJob, throwIfAbortedBeforeCreate, uploadsOnce } from './runJob.js';
import { call, isAlreadyExists, isNotFound, type AnyCommand, type Json } from './sagemakerCall.js';
import type { S3Operations } from './s3Operations.js';
import { CONFIG_HASH_TAG, configHash } from './submit.js';
import type { OperatorConfig, TemplatedDeep } from './types.js';

/** A deploy config as Python's `deploy_config` returns it, or the endpoint request alone. */
export type EndpointConfigBundle =
  | (TemplatedDeep<CreateEndpointInput> & { readonly Endpoint?: never })
  | {
      readonly Model?: OperatorConfig<CreateModelInput>;
      readonly EndpointConfig?: TemplatedDeep<CreateEndpointConfigInput>;
      readonly Endpoint: TemplatedDeep<CreateEndpointInput>;
      readonly S3Operations?: S3Operations;
    };

/** What {@link runEndpoint} returns (Airflow's shape). */
export interface EndpointResult {
  readonly EndpointConfig: DescribeEndpointConfigOutput;
  readonly Endpoint: DescribeEndpointOutput;
}

async function describeEndpoint(clients: OperatorClients, name: string): Promise<Json | undefined> {
  try {
    return await call(clients.sagemaker, KINDS.endpoint.describe(name));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Deploys an endpoint: creates it, or updates an existing one to the given endpoint config (an
 * endpoint already on that config is attached to, not updated again), then waits for InService.
 *
 * @throws ConfigValidationError, LocalPathNotFoundError or UploadInputError before any AWS call;
 *   S3OperationsError; ResourceExistsError; JobFailedError (endpoint Failed); WaiterTimeoutError or
 *   JobAbortedError (endpoints have no Stop API: the error says the endpoint was not stopped)
 * @example
 * const { Endpoint } = await runEndpoint(deployConfig, { sagemaker, s3 });
 */
export async function runEndpoint(
  config: EndpointConfigBundle,
  clients: OperatorClients,
  options: OperatorOptions = {},
): Promise<EndpointResult> {
  const resolved = resolveOptions(options, clients);
  throwIfAbortedBeforeCreate(KINDS.endpoint, resolved);
  const rendered = renderConfig(config, resolved) as Json;
  const { composite, model, main, s3Operations } = splitBundle(rendered, 'Endpoint');
  let endpointConfig =
    composite && rendered['EndpointConfig']
      ? finishRequest('endpointConfig', rendered['EndpointConfig'])
      : undefined;
  let endpoint = finishRequest('endpoint', main);
  await checkUploads(s3Operations, clients);
  const uploads = uploadsOnce(s3Operations, clients, resolved);

  if (model) {
    const proposed = model['ModelName'];
    const modelName = await createOnce(KINDS.model, clients.sagemaker, model, resolved, uploads);
    if (modelName !== proposed && endpointConfig) {
      const variants = (endpointConfig['ProductionVariants'] ?? []) as Json[];
      endpointConfig = {
        ...endpointConfig,
        ProductionVariants: variants.map((v) =>
          v['ModelName'] === proposed ? { ...v, ModelName: modelName } : v,
        ),
      };
    }
  }
  if (endpointConfig) {
    const proposed = endpointConfig['EndpointConfigName'];
    const configName = await createOnce(
      KINDS.endpointConfig,
      clients.sagemaker,
      endpointConfig,
      resolved,
    );
    if (configName !== proposed && endpoint['EndpointConfigName'] === proposed) {
      endpoint = { ...endpoint, EndpointConfigName: configName };
    }
  }

  const name = String(endpoint['EndpointName']);
  const configName = String(endpoint['EndpointConfigName']);
  const { logger } = resolved;
  let existing = await describeEndpoint(clients, name);
  if (!existing) {
    throwIfAbortedBeforeCreate(KINDS.endpoint, resolved);
    const userTags = Array.isArray(endpoint['Tags']) ? (endpoint['Tags'] as Json[]) : [];
    try {
      await call(
        clients.sagemaker,
        KINDS.endpoint.create({
          ...endpoint,
          Tags: [...userTags, { Key: CONFIG_HASH_TAG, Value: configHash(endpoint) }],
        }),
      );
      logger.info(`Creating SageMaker endpoint ${name} with endpoint config ${configName}`);
    } catch (error) {
      // A Create whose response was lost and was retried: the endpoint is there now.
      if (!isAlreadyExists(error)) throw error;
      existing = await describeEndpoint(clients, name);
    }
  }
  if (existing) {
    if (existing['EndpointConfigName'] === configName) {
      logger.info(
        `SageMaker endpoint ${name} already uses endpoint config ${configName}: attaching to it`,
      );
    } else {
      throwIfAbortedBeforeCreate(KINDS.endpoint, resolved);
      await call(
        clients.sagemaker,
        new UpdateEndpointCommand({
          EndpointName: name,
          EndpointConfigName: configName,
        }) as AnyCommand,
      );
      logger.info(`Updating SageMaker endpoint ${name} to endpoint config ${configName}`);
    }
  }
  const description = await finishJob(KINDS.endpoint, clients, name, resolved);
  const configDescription = await call(
    clients.sagemaker,
    KINDS.endpointConfig.describe(configName),
  );
  return {
    EndpointConfig: configDescription as unknown as DescribeEndpointConfigOutput,
    Endpoint: description as unknown as DescribeEndpointOutput,
  };
}
