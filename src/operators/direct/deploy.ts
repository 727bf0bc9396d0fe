/**
 * `deploy`: Python's `model.deploy(...)` for a model — role expansion, CreateModel (an existing
 * model is kept, as Python swallows "Cannot create already existing model"), CreateEndpointConfig
 * and CreateEndpoint.
 */
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
} from '@aws-sdk/client-sagemaker';
import type { AnyModel } from '../../estimators/Model.js';
import { deployRequests, type DeployRequestOptions } from '../../direct/deployRequests.js';
import type { DirectSession } from './DirectSession.js';
import { serviceError } from './serviceError.js';

/** Options of {@link deploy}. */
export interface DeployOptions extends DeployRequestOptions {
  /** @default true */
  readonly wait?: boolean;
}

/**
 * Deploys a model as Python's `deploy` does.
 * @example
 * const { endpointName } = await deploy(direct, model, { initialInstanceCount: 1, instanceType: 'ml.m5.large' });
 */
export async function deploy(
  direct: DirectSession,
  model: AnyModel,
  options: DeployOptions,
): Promise<{ endpointName: string }> {
  const requests = await direct.build(() => deployRequests(model, options));
  const modelRequest = {
    ...requests.model,
    ExecutionRoleArn: await direct.expandRole(requests.model.ExecutionRoleArn),
  };
  try {
    await direct.clients.sagemaker.send(new CreateModelCommand(modelRequest as never));
  } catch (error) {
    const info = serviceError(error);
    if (!(
      info?.code === 'ValidationException' &&
      info.message.includes('Cannot create already existing model')
    ))
      throw error;
  }
  await direct.clients.sagemaker.send(
    new CreateEndpointConfigCommand(requests.endpointConfig as never),
  );
  await direct.clients.sagemaker.send(new CreateEndpointCommand(requests.endpoint as never));
  return { endpointName: String(requests.endpoint.EndpointName) };
}
