/**
 * `runEndpointConfig`: Airflow's SageMakerEndpointConfigOperator for TypeScript. Creates an
 * endpoint config (at most once per config) and returns `{ EndpointConfig }`.
 */
import type {
  CreateEndpointConfigInput,
  DescribeEndpointConfigOutput,
} from '@aws-sdk/client-sagemaker';
import { KINDS } from './jobKinds.js';
import { resolveOptions, type OperatorClients, type OperatorOptions } from './options.js';
import { finishRequest, renderConfig } from './prepare.js';
import { createOnce, throwIfAbortedBeforeCreate } from './runJob.js';
import { call } from './sagemakerCall.js';
import type { TemplatedDeep } from './types.js';

/** What {@link runEndpointConfig} returns. */
export interface EndpointConfigResult {
  readonly EndpointConfig: DescribeEndpointConfigOutput;
}

/**
 * Creates a SageMaker endpoint config, or attaches to the one this config already created.
 *
 * @throws ConfigValidationError, ResourceExistsError
 * @example
 * const { EndpointConfig } = await runEndpointConfig(config.EndpointConfig, { sagemaker });
 */
export async function runEndpointConfig(
  config: TemplatedDeep<CreateEndpointConfigInput>,
  clients: OperatorClients,
  options: OperatorOptions = {},
): Promise<EndpointConfigResult> {
  const spec = KINDS.endpointConfig;
  const resolved = resolveOptions(options, clients);
  throwIfAbortedBeforeCreate(spec, resolved);
  const prepared = finishRequest('endpointConfig', renderConfig(config, resolved));
  const name = await createOnce(spec, clients.sagemaker, prepared, resolved);
  return {
    EndpointConfig: (await call(
      clients.sagemaker,
      spec.describe(name),
    )) as unknown as DescribeEndpointConfigOutput,
  };
}
