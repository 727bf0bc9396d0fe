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
import { createOnce, scopeFor, throwIfAbortedBeforeCreate } from './runJob.js';
import { describeInScope } from './waitForJob.js';
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
  const scope = scopeFor(resolved);
  throwIfAbortedBeforeCreate(spec, resolved);
  const prepared = finishRequest('endpointConfig', renderConfig(config, resolved), resolved);
  const { name } = await createOnce(spec, clients.sagemaker, prepared, resolved, scope);
  return {
    EndpointConfig: (await describeInScope(
      spec,
      clients.sagemaker,
      name,
      resolved,
      scope,
    )) as unknown as DescribeEndpointConfigOutput,
  };
}
