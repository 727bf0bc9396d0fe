/** `deployConfig`: the `{ Model, EndpointConfig, Endpoint }` config of Python's `deploy_config`. */
import type { CreateEndpointConfigInput, CreateEndpointInput } from '@aws-sdk/client-sagemaker';
import type { AnyModel } from '../estimators/Model.js';
import type { Tags } from '../estimators/types.js';
import { defined } from '../internal/defined.js';
import { checkOptionTypes } from '../internal/checkInput.js';
import { checkPlainJson } from '../internal/plainJson.js';
import { checkBuilderOptions } from './builderInputs.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { Templatable, Templated } from '../templates.js';
import { buildModelConfig, type ModelConfig } from './modelConfig.js';
import type { S3Operations } from './s3Operations.js';

/** Options of {@link deployConfig}. */
export interface DeployConfigOptions {
  /** Instances behind the endpoint; Python writes 1 for 0 or none. */
  readonly initialInstanceCount: Templated<number> | null;
  readonly instanceType: Templated<string>;
  /** Endpoint name. @default - the model name */
  readonly endpointName?: string | null;
  /** Tags of the endpoint config, passed through. @default - none */
  readonly tags?: Tags | null;
}

/** The config Airflow's SageMakerEndpointOperator takes. */
export interface DeployConfig {
  Model: Omit<ModelConfig, 'S3Operations'>;
  EndpointConfig: Templatable<CreateEndpointConfigInput>;
  Endpoint: Templatable<CreateEndpointInput>;
  S3Operations?: S3Operations;
}

/** Python's `production_variant(model_name, instance_type, initial_instance_count)`. */
function productionVariant(
  modelName: string,
  instanceType: Templated<string>,
  count: Templated<number> | null,
): Record<string, unknown> {
  return defined({
    VariantName: 'AllTraffic',
    ModelName: pyTruthy(modelName) ? modelName : undefined,
    InitialVariantWeight: pyTruthy(modelName) ? 1 : undefined,
    InitialInstanceCount: pyTruthy(count) ? count : 1,
    InstanceType: instanceType,
  });
}

/**
 * Python's `deploy_config`: the model, an endpoint config with one `AllTraffic` variant, and the
 * endpoint; the model's `S3Operations` move to the top.
 * @example
 * const config = deployConfig(model, { initialInstanceCount: 1, instanceType: 'ml.m5.large' });
 */
export function deployConfig(model: AnyModel, options: DeployConfigOptions): DeployConfig {
  checkBuilderOptions('options', options, false);
  checkOptionTypes('options', options, {
    initialInstanceCount: 'number',
    instanceType: 'string',
    endpointName: 'string',
    tags: 'list',
  });
  const { config: modelConfigWithOps, modelName } = buildModelConfig(model, {
    instanceType: options.instanceType,
  });
  const { S3Operations: s3Operations, ...modelPart } = modelConfigWithOps;
  const endpointConfig = defined({
    EndpointConfigName: modelName,
    ProductionVariants: [
      productionVariant(modelName, options.instanceType, options.initialInstanceCount),
    ],
    Tags: options.tags ?? undefined,
  }) as unknown as Templatable<CreateEndpointConfigInput>;
  return checkPlainJson(
    'deployConfig',
    defined({
      Model: modelPart,
      EndpointConfig: endpointConfig,
      Endpoint: { EndpointName: options.endpointName || modelName, EndpointConfigName: modelName },
      S3Operations: s3Operations,
    }),
  );
}
