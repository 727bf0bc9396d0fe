/**
 * Cross-field rules of transform jobs, models and endpoint configs.
 * @internal
 */
import { childPath, indexPath } from '../configPath.js';
import {
  apiReference,
  fieldAtMost,
  fieldNotAbove,
  given,
  list,
  num,
  obj,
  observed,
  unknowable,
  type CrossFieldRule,
} from './ruleHelpers.js';

// "The value of MaxPayloadInMB cannot be greater than 100 MB. If you specify the
// MaxConcurrentTransforms parameter, the value of (MaxConcurrentTransforms * MaxPayloadInMB)
// also cannot exceed 100 MB." 0 means chunked encoding, with no size.
const MAX_TRANSFORM_PAYLOAD_MB = 100;

/** `MaxPayloadInMB` is at most 100 MB. */
export const maxPayload: CrossFieldRule = {
  id: 'crossField:maxPayload',
  severity: 'error',
  source: apiReference('CreateTransformJob'),
  check: fieldAtMost('MaxPayloadInMB', MAX_TRANSFORM_PAYLOAD_MB, `${MAX_TRANSFORM_PAYLOAD_MB} MB`),
};

/** `MaxConcurrentTransforms * MaxPayloadInMB` is at most 100 MB. */
export const payloadBudget: CrossFieldRule = {
  id: 'crossField:payloadBudget',
  severity: 'error',
  source: apiReference('CreateTransformJob'),
  check(value, path, report) {
    const job = obj(value);
    const concurrent = num(job?.MaxConcurrentTransforms);
    const payload = num(job?.MaxPayloadInMB);
    if (concurrent === undefined || payload === undefined || payload <= 0) return;
    if (concurrent * payload > MAX_TRANSFORM_PAYLOAD_MB) {
      report(
        childPath(path, 'MaxConcurrentTransforms'),
        `times MaxPayloadInMB must not exceed ${MAX_TRANSFORM_PAYLOAD_MB} MB, got ${concurrent} x ${payload} = ${concurrent * payload}`,
      );
    }
  },
};

/**
 * "To enable the batch strategy, you must set the SplitType property to Line, RecordIO, or
 * TFRecord." A warning only: the AWS blog's Factorization Machines transform runs with
 * `MultiRecord` and no `SplitType`, so the service takes it.
 */
export const batchStrategy: CrossFieldRule = {
  id: 'crossField:batchStrategy',
  severity: 'warning',
  source: apiReference('CreateTransformJob'),
  check(value, path, report) {
    const job = obj(value);
    const input = obj(job?.TransformInput);
    if (job?.BatchStrategy === 'MultiRecord' && input && (input.SplitType ?? 'None') === 'None') {
      report(
        childPath(childPath(path, 'TransformInput'), 'SplitType'),
        'should be Line, RecordIO or TFRecord when BatchStrategy is MultiRecord (without it each object is one record)',
      );
    }
  },
};

/** A model has one primary container or a pipeline of containers. */
export const modelContainers: CrossFieldRule = {
  id: 'crossField:containers',
  severity: 'warning',
  source: observed(
    'CreateModel needs PrimaryContainer or Containers, not both; the model requires neither',
  ),
  check(value, path, report) {
    const model = obj(value);
    if (!model) return;
    const primary = given(model.PrimaryContainer);
    if (primary && given(model.Containers)) {
      report(childPath(path, 'Containers'), 'cannot be given together with PrimaryContainer');
    } else if (!primary && list(model.Containers).length === 0 && !unknowable(model.Containers)) {
      report(childPath(path, 'PrimaryContainer'), 'is required unless Containers is given');
    }
  },
};

/** "If you specify a value for the ContainerHostName for any ContainerDefinition ... you must specify" it for all. */
export const containerHostname: CrossFieldRule = {
  id: 'crossField:containerHostname',
  severity: 'error',
  source: apiReference('ContainerDefinition'),
  check(value, path, report) {
    const containers = list(obj(value)?.Containers);
    const named = containers.filter((c) => given(obj(c)?.ContainerHostname)).length;
    if (named === 0 || named === containers.length) return;
    containers.forEach((c, i) => {
      if (!given(obj(c)?.ContainerHostname)) {
        report(
          childPath(indexPath(childPath(path, 'Containers'), i), 'ContainerHostname'),
          'is required when another container of the pipeline has one',
        );
      }
    });
  },
};

// "The maximum length of all keys and values in the map, combined, is 32 KB. If you pass multiple
// containers to a CreateModel request, then the maximum length of all of their maps, combined, is
// also 32 KB."
const MAX_ENVIRONMENT_BYTES = 32 * 1024;
function environmentBytes(container: unknown): number {
  const env = obj(obj(container)?.Environment);
  if (!env) return 0;
  let bytes = 0;
  for (const [k, v] of Object.entries(env)) {
    bytes += Buffer.byteLength(k) + (typeof v === 'string' ? Buffer.byteLength(v) : 0);
  }
  return bytes;
}

/** The containers' environments together fit in 32 KB. */
export const environmentSize: CrossFieldRule = {
  id: 'crossField:environmentSize',
  severity: 'error',
  source: apiReference('ContainerDefinition'),
  check(value, path, report) {
    const model = obj(value);
    if (!model) return;
    const containers = list(model.Containers);
    const bytes = [model.PrimaryContainer, ...containers].reduce<number>(
      (sum, c) => sum + environmentBytes(c),
      0,
    );
    if (bytes > MAX_ENVIRONMENT_BYTES) {
      report(
        childPath(path, given(model.PrimaryContainer) ? 'PrimaryContainer' : 'Containers'),
        `Environment keys and values together must not exceed 32 KB, got ${bytes} bytes`,
      );
    }
  },
};

/** "Specify a value for this property only if you specified Vpc" (`RepositoryAuthConfig`). */
export const repositoryAuth: CrossFieldRule = {
  id: 'crossField:repositoryAuth',
  severity: 'warning',
  source: apiReference('ImageConfig'),
  check(value, path, report) {
    const config = obj(value);
    if (!config || !given(config.RepositoryAuthConfig) || unknowable(config.RepositoryAccessMode)) {
      return;
    }
    if (config.RepositoryAccessMode !== 'Vpc') {
      report(
        childPath(path, 'RepositoryAuthConfig'),
        'may only be given when RepositoryAccessMode is Vpc',
      );
    }
  },
};

/** A variant is either serverless or runs on instances. */
export const variantCompute: CrossFieldRule = {
  id: 'crossField:variantCompute',
  severity: 'warning',
  source: observed(
    'a production variant needs InstanceType unless it has a ServerlessConfig, and not both; the model requires neither',
  ),
  check(value, path, report) {
    const variant = obj(value);
    if (!variant) return;
    const serverless = given(variant.ServerlessConfig);
    if (serverless && (given(variant.InstanceType) || given(variant.InitialInstanceCount))) {
      report(
        childPath(path, 'ServerlessConfig'),
        'cannot be given together with InstanceType or InitialInstanceCount',
      );
    }
    if (!serverless && !given(variant.InstanceType)) {
      report(childPath(path, 'InstanceType'), 'is required unless ServerlessConfig is given');
    }
  },
};

/** Managed instance scaling's minimum does not exceed its maximum. */
export const scalingOrder: CrossFieldRule = {
  id: 'crossField:scalingOrder',
  severity: 'warning',
  source: observed('a MinInstanceCount above MaxInstanceCount leaves no valid instance count'),
  check: fieldNotAbove('MinInstanceCount', 'MaxInstanceCount', 'ManagedInstanceScaling'),
};

/** "ProvisionedConcurrency ... Should be less than or equal to MaxConcurrency." */
export const serverlessConcurrency: CrossFieldRule = {
  id: 'crossField:concurrency',
  severity: 'warning',
  source: apiReference('ProductionVariantServerlessConfig'),
  check: fieldNotAbove('ProvisionedConcurrency', 'MaxConcurrency'),
};

/** Variant names are unique across production and shadow variants. */
export const uniqueVariantNames: CrossFieldRule = {
  id: 'crossField:uniqueVariantName',
  severity: 'warning',
  source: observed('CreateEndpointConfig refuses two variants with the same VariantName'),
  check(value, path, report) {
    const config = obj(value);
    if (!config) return;
    const seen = new Set<string>();
    for (const key of ['ProductionVariants', 'ShadowProductionVariants']) {
      list(config[key]).forEach((item, i) => {
        const name = obj(item)?.VariantName;
        if (typeof name !== 'string' || unknowable(name)) return;
        if (seen.has(name)) {
          report(
            childPath(indexPath(childPath(path, key), i), 'VariantName'),
            `variant name ${JSON.stringify(name)} is used more than once`,
          );
        }
        seen.add(name);
      });
    }
  },
};

const PROCESSING_ROOT = '/opt/ml/processing/';

/** "LocalPath ... must begin with /opt/ml/processing/", and "is a required parameter when AppManaged is False". */
export const processingLocalPath: CrossFieldRule = {
  id: 'crossField:localPath',
  severity: 'error',
  source: apiReference('ProcessingS3Input'),
  check(value, path, report) {
    const input = obj(value);
    if (!input || input.AppManaged === true) return;
    const s3 = obj(input.S3Input);
    if (!s3) return;
    const local = s3.LocalPath;
    const localPath = childPath(childPath(path, 'S3Input'), 'LocalPath');
    if (!given(local)) {
      report(localPath, 'is required unless AppManaged is true');
    } else if (
      typeof local === 'string' &&
      !unknowable(local) &&
      !local.startsWith(PROCESSING_ROOT)
    ) {
      report(localPath, `must begin with ${PROCESSING_ROOT}, got ${JSON.stringify(local)}`);
    }
  },
};
