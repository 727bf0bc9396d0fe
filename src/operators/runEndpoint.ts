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
import { KINDS } from './jobKinds.js';
import {
  resolveOptions,
  type OperatorClients,
  type OperatorOptions,
  type ResolvedOptions,
} from './options.js';
import { checkUploads, finishRequest, renderConfig, splitBundle } from './prepare.js';
import { isScopeEnded, scopedCall, throwIfEnded, type RequestScope } from './requestScope.js';
import {
  checkInputsBeforeCreate,
  createBundledModel,
  createOnce,
  finalDescription,
  scopeFor,
  throwIfAbortedBeforeCreate,
  uploadsOnce,
} from './runJob.js';
import { isAlreadyExists, isNotFound, sageMakerRequest, type Json } from './sagemakerCall.js';
import type { S3Operations } from './s3Operations.js';
import { endedError } from './stopResource.js';
import { configHash, withHashTag, type Submitted } from './submit.js';
import { describeInScope, endContext } from './waitForJob.js';
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

async function describeEndpoint(
  clients: OperatorClients,
  name: string,
  scope: RequestScope,
): Promise<Json | undefined> {
  try {
    return await scopedCall(clients.sagemaker, KINDS.endpoint.describe(name), scope);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The endpoint as submitted: its name, ARN, hash, and the endpoint config it runs. @internal */
export interface SubmittedEndpoint extends Submitted {
  readonly configName: string;
}

/**
 * Renders, validates and checks a deploy config; creates its model and endpoint config at most
 * once; creates the endpoint, or updates an existing one to the endpoint config (attaching when it
 * is already on it).
 * @internal
 */
export async function submitEndpoint(
  config: EndpointConfigBundle,
  clients: OperatorClients,
  resolved: ResolvedOptions,
  scope: RequestScope,
): Promise<SubmittedEndpoint> {
  throwIfAbortedBeforeCreate(KINDS.endpoint, resolved);
  const rendered = renderConfig(config, resolved) as Json;
  const { composite, model, main, s3Operations } = splitBundle(rendered, 'Endpoint', resolved);
  let endpointConfig =
    composite && rendered['EndpointConfig']
      ? finishRequest('endpointConfig', rendered['EndpointConfig'], resolved)
      : undefined;
  let endpoint = finishRequest('endpoint', main, resolved);
  await checkUploads(s3Operations, clients, resolved.localBaseDir);
  if (model)
    await checkInputsBeforeCreate(
      KINDS.model,
      'model',
      model,
      s3Operations,
      clients,
      resolved,
      scope,
    );
  const uploads = uploadsOnce(s3Operations, clients, resolved, scope);

  if (model) {
    const { proposed, renamed } = await createBundledModel(
      model,
      clients,
      resolved,
      scope,
      uploads,
    );
    if (renamed !== undefined && endpointConfig) {
      const variants = (endpointConfig['ProductionVariants'] ?? []) as Json[];
      endpointConfig = {
        ...endpointConfig,
        ProductionVariants: variants.map((v) =>
          v['ModelName'] === proposed ? { ...v, ModelName: renamed } : v,
        ),
      };
    }
  }
  if (endpointConfig) {
    const proposed = endpointConfig['EndpointConfigName'];
    const { name: configName } = await createOnce(
      KINDS.endpointConfig,
      clients.sagemaker,
      endpointConfig,
      resolved,
      scope,
    );
    if (configName !== proposed && endpoint['EndpointConfigName'] === proposed) {
      endpoint = { ...endpoint, EndpointConfigName: configName };
    }
  }
  try {
    return await createOrUpdate(endpoint, clients, resolved, scope);
  } catch (error) {
    if (!isScopeEnded(error)) throw error;
    const name = String(endpoint['EndpointName']);
    throw await endedError(
      KINDS.endpoint,
      clients.sagemaker,
      name,
      false,
      error,
      endContext(resolved),
    );
  }
}

async function createOrUpdate(
  endpoint: Json,
  clients: OperatorClients,
  resolved: ResolvedOptions,
  scope: RequestScope,
): Promise<SubmittedEndpoint> {
  const name = String(endpoint['EndpointName']);
  const configName = String(endpoint['EndpointConfigName']);
  const hash = configHash(endpoint);
  const { logger } = resolved;
  const done = (arn: unknown): SubmittedEndpoint => ({
    name,
    arn: typeof arn === 'string' ? arn : undefined,
    attached: false,
    hash,
    configName,
  });
  let existing = await describeEndpoint(clients, name, scope);
  if (!existing) {
    throwIfEnded(scope);
    try {
      const out = await scopedCall(
        clients.sagemaker,
        KINDS.endpoint.create(withHashTag(endpoint, hash, resolved.idempotencyTag)),
        scope,
      );
      logger.info(`Creating SageMaker endpoint ${name} with endpoint config ${configName}`);
      return done(out['EndpointArn']);
    } catch (error) {
      if (isScopeEnded(error)) throw error;
      // A Create whose response was lost (and maybe retried): the endpoint may be there now.
      existing = await describeEndpoint(clients, name, scope);
      if (!existing) throw error;
      if (!isAlreadyExists(error))
        logger.warn(`The response to CreateEndpoint ${name} was lost; the endpoint exists`);
    }
  }
  if (existing['EndpointConfigName'] === configName) {
    logger.info(
      `SageMaker endpoint ${name} already uses endpoint config ${configName}: attaching to it`,
    );
    return { ...done(existing['EndpointArn']), attached: true };
  }
  throwIfEnded(scope);
  await scopedCall(
    clients.sagemaker,
    sageMakerRequest('UpdateEndpoint', { EndpointName: name, EndpointConfigName: configName }),
    scope,
  );
  logger.info(`Updating SageMaker endpoint ${name} to endpoint config ${configName}`);
  return done(existing['EndpointArn']);
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
  const scope = scopeFor(resolved);
  const { name, configName } = await submitEndpoint(config, clients, resolved, scope);
  const description = await finalDescription(KINDS.endpoint, clients, name, resolved, scope);
  const configDescription = await describeInScope(
    KINDS.endpointConfig,
    clients.sagemaker,
    configName,
    resolved,
    scope,
  );
  return {
    EndpointConfig: configDescription as unknown as DescribeEndpointConfigOutput,
    Endpoint: description as unknown as DescribeEndpointOutput,
  };
}
