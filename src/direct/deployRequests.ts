/**
 * `deployRequests`: the CreateModel, CreateEndpointConfig and CreateEndpoint requests Python's
 * `model.deploy(...)` sends for a model that needs no repack, built on the Airflow deploy config
 * (the variant's accelerator, and `Tags: []` on the endpoint, as `fit`'s path sends them).
 */
import { deployConfig } from '../config/deployConfig.js';
import type { AnyModel } from '../estimators/Model.js';
import { defined } from '../internal/defined.js';

/** Arguments of Python's `deploy` this builder reads. */
export interface DeployRequestOptions {
  readonly initialInstanceCount: number | string | null;
  readonly instanceType: string;
  /** @default - the model name */
  readonly endpointName?: string | null;
  /** @default - none */
  readonly tags?: readonly Record<string, unknown>[] | null;
  /** @default - none */
  readonly acceleratorType?: string | null;
}

/** The three requests of `deploy`, in order, and the role to expand. */
export interface DirectDeployment {
  readonly model: Record<string, unknown>;
  readonly endpointConfig: Record<string, unknown>;
  readonly endpoint: Record<string, unknown>;
}

/** Python's `deploy` requests for `model`. */
export function deployRequests(model: AnyModel, options: DeployRequestOptions): DirectDeployment {
  const config = deployConfig(model, {
    initialInstanceCount: options.initialInstanceCount as never,
    instanceType: options.instanceType,
    ...(options.endpointName ? { endpointName: options.endpointName } : {}),
    ...(options.tags ? { tags: options.tags as never } : {}),
  });
  const endpointConfig = config.EndpointConfig as unknown as Record<string, unknown>;
  const variants = (endpointConfig.ProductionVariants as Record<string, unknown>[]).map((v) =>
    defined({ ...v, AcceleratorType: options.acceleratorType ?? undefined }),
  );
  return {
    model: config.Model,
    endpointConfig: { ...endpointConfig, ProductionVariants: variants },
    endpoint: { ...config.Endpoint, Tags: options.tags ?? [] },
  };
}
