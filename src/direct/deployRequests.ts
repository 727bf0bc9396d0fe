/**
 * `deployRequests`: the CreateModel, CreateEndpointConfig and CreateEndpoint requests Python's
 * `model.deploy(...)` sends (`Model.deploy` → `Session.endpoint_from_production_variants`), with
 * the model's code staging and the role to expand as data.
 */
import type { AnyModel } from '../estimators/Model.js';
import { formatTags } from '../estimators/tags.js';
import type { Tags } from '../estimators/types.js';
import { ValidationError } from '../errors.js';
import { nameFromBase } from '../pythonCompat/names.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { ModelCodeSettings } from './modelContainer.js';
import { baseFromName } from '../pythonCompat/names.js';
import { modelRequest, type DirectModel } from './modelRequest.js';

/** Python's `ServerlessInferenceConfig(...)`. */
export interface ServerlessSettings {
  /** @default 2048 */
  readonly memorySizeInMb?: number | null;
  /** @default 5 */
  readonly maxConcurrency?: number | null;
  /** @default - none */
  readonly provisionedConcurrency?: number | null;
}

/** The arguments of Python's `deploy` this builder reads. */
export interface DeployRequestOptions {
  /** Required unless serverless. @default - none */
  readonly initialInstanceCount?: number | string | null;
  /** Required unless serverless. @default - none */
  readonly instanceType?: string | null;
  /** @default - `<base name>-<timestamp>` */
  readonly endpointName?: string | null;
  /** Tags of the model, endpoint config and endpoint. @default - none */
  readonly tags?: Tags | null;
  /** @default - none */
  readonly acceleratorType?: string | null;
  /** KMS key of the endpoint's storage volume. @default - none */
  readonly kmsKey?: string | null;
  /** The `DataCaptureConfig` request member (see {@link dataCaptureConfig}). @default - none */
  readonly dataCaptureConfig?: Readonly<Record<string, unknown>> | null;
  /** A serverless endpoint instead of instances. @default - none */
  readonly serverlessInferenceConfig?: ServerlessSettings | null;
  /** @default - none */
  readonly volumeSize?: number | null;
  /** @default - none */
  readonly modelDataDownloadTimeout?: number | null;
  /** @default - none */
  readonly containerStartupHealthCheckTimeout?: number | null;
}

/** The three requests of `deploy`, in order, with the model's staging. */
export interface DirectDeployment {
  readonly model: DirectModel;
  readonly endpointConfig: Record<string, unknown>;
  readonly endpoint: Record<string, unknown>;
  readonly endpointName: string;
}

/** Python's `ServerlessInferenceConfig._to_request_dict`. */
export function serverlessConfig(settings: ServerlessSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {
    MemorySizeInMB: settings.memorySizeInMb ?? 2048,
    MaxConcurrency: settings.maxConcurrency ?? 5,
  };
  if (settings.provisionedConcurrency != null)
    out.ProvisionedConcurrency = settings.provisionedConcurrency;
  return out;
}

/** Python's `production_variant(...)` for one model. */
function productionVariant(
  modelName: string,
  options: DeployRequestOptions,
): Record<string, unknown> {
  const variant: Record<string, unknown> = { VariantName: 'AllTraffic' };
  if (modelName) {
    variant.ModelName = modelName;
    variant.InitialVariantWeight = 1;
  }
  if (options.acceleratorType) variant.AcceleratorType = options.acceleratorType;
  if (options.serverlessInferenceConfig) {
    variant.ServerlessConfig = serverlessConfig(options.serverlessInferenceConfig);
    return variant;
  }
  variant.InitialInstanceCount = pyTruthy(options.initialInstanceCount)
    ? options.initialInstanceCount
    : 1;
  variant.InstanceType = options.instanceType ?? null;
  const extra: Record<string, unknown> = {
    VolumeSizeInGB: options.volumeSize,
    ModelDataDownloadTimeoutInSeconds: options.modelDataDownloadTimeout,
    ContainerStartupHealthCheckTimeoutInSeconds: options.containerStartupHealthCheckTimeout,
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) variant[k] = v;
  return variant;
}

/**
 * Python's deploy requests for `model` (a model-based endpoint).
 * @throws {@link ValidationError} without a role, or without instances for a non-serverless
 * endpoint; the errors of the model's container.
 * @example
 * const { endpointName } = deployRequests(model, { initialInstanceCount: 1, instanceType: 'ml.m5.large' });
 */
export function deployRequests(
  model: AnyModel,
  options: DeployRequestOptions,
  settings: ModelCodeSettings = {},
): DirectDeployment {
  const tags = formatTags(options.tags, 'tags');
  if ((settings.role ?? model.role ?? null) === null)
    throw new ValidationError('role', null, 'a role: it can not be null for deploying a model');
  const serverless = options.serverlessInferenceConfig != null;
  if (!serverless && !(options.instanceType && pyTruthy(options.initialInstanceCount))) {
    throw new ValidationError(
      'instanceType',
      options.instanceType ?? null,
      'an instance type and count unless using serverless inference',
    );
  }
  const created = modelRequest(
    model,
    {
      instanceType: options.instanceType ?? null,
      acceleratorType: options.acceleratorType ?? null,
      serverless,
    },
    settings,
    tags,
  );
  const name = created.plan.name;
  const endpointName =
    options.endpointName ||
    nameFromBase(created.plan.baseName || baseFromName(name), model.session);
  const endpointConfig: Record<string, unknown> = {
    EndpointConfigName: endpointName,
    ProductionVariants: [productionVariant(name, options)],
  };
  if (tags && tags.length > 0) endpointConfig.Tags = tags;
  if (options.kmsKey) endpointConfig.KmsKeyId = options.kmsKey;
  if (options.dataCaptureConfig) endpointConfig.DataCaptureConfig = options.dataCaptureConfig;
  return {
    model: created,
    endpointConfig,
    endpoint: {
      EndpointName: endpointName,
      EndpointConfigName: endpointName,
      Tags: tags ?? [],
    },
    endpointName,
  };
}
