/**
 * Constraints between fields that the service model cannot express, each taken from the API
 * documentation (quoted in the service model's documentation strings) and keyed by the name of the
 * shape it applies to, so a rule follows its shape wherever it appears (a training job's
 * `StoppingCondition` and a tuning job's training definition alike).
 *
 * Rules run only on values that passed the type check of their shape, and skip any field that is
 * still a template or has the wrong type (the shape check reports those).
 * @internal
 */
import { isPlaceholder } from '../../templates.js';
import { childPath, indexPath, isPlainObject } from './configPath.js';
import type { ConfigRule } from './validateConfig.js';

/** Receives one problem. @internal */
export type Report = (path: string, rule: ConfigRule, message: string) => void;

/** A rule on one shape's value (already known to have the shape's JSON type). @internal */
export type CrossFieldRule = (value: unknown, path: string, report: Report) => void;

type Obj = Readonly<Record<string, unknown>>;

function obj(value: unknown): Obj | undefined {
  return isPlainObject(value) ? value : undefined;
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}
/** A template or a value of the wrong type: another check owns it. */
function unknowable(value: unknown): boolean {
  return isPlaceholder(value);
}
function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Managed spot training: `MaxWaitTimeInSeconds` must be set and not below `MaxRuntimeInSeconds`. */
const spotMaxWait: CrossFieldRule = (value, path, report) => {
  const job = obj(value);
  if (job?.EnableManagedSpotTraining !== true) return;
  const stop = obj(job.StoppingCondition);
  const stopPath = childPath(path, 'StoppingCondition');
  const waitPath = childPath(stopPath, 'MaxWaitTimeInSeconds');
  if (!stop || !given(stop.MaxWaitTimeInSeconds)) {
    if (given(job.StoppingCondition) && !stop) return;
    report(waitPath, 'crossField:spotMaxWait', 'is required with EnableManagedSpotTraining');
    return;
  }
  const wait = num(stop.MaxWaitTimeInSeconds);
  const run = num(stop.MaxRuntimeInSeconds);
  if (wait !== undefined && run !== undefined && wait < run) {
    report(
      waitPath,
      'crossField:spotMaxWait',
      `must be at least MaxRuntimeInSeconds (${run}) for managed spot training, got ${wait}`,
    );
  }
};

/** A training job names exactly one of its algorithm resource and its training image. */
const algorithmOrImage: CrossFieldRule = (value, path, report) => {
  const spec = obj(value);
  if (!spec) return;
  const image = given(spec.TrainingImage);
  const algorithm = given(spec.AlgorithmName);
  if (image && algorithm) {
    report(
      childPath(path, 'AlgorithmName'),
      'crossField:algorithmOrImage',
      'cannot be given together with TrainingImage',
    );
  } else if (!image && !algorithm) {
    report(
      childPath(path, 'TrainingImage'),
      'crossField:algorithmOrImage',
      'is required unless AlgorithmName is given',
    );
  }
};

/** Instances come either as `InstanceType` + `InstanceCount` or as `InstanceGroups`. */
function checkInstances(resources: Obj, path: string, report: Report): void {
  const type = given(resources.InstanceType);
  const count = given(resources.InstanceCount);
  const groups =
    list(resources.InstanceGroups).length > 0 || isPlaceholder(resources.InstanceGroups);
  if (groups) return;
  if (!type) {
    report(
      childPath(path, 'InstanceType'),
      'crossField:resourceInstances',
      'is required unless InstanceGroups is given',
    );
  }
  if (!count) {
    report(
      childPath(path, 'InstanceCount'),
      'crossField:resourceInstances',
      'is required unless InstanceGroups is given',
    );
  }
}

/** A training job needs compute: a `ResourceConfig` with instances, unless it is serverless. */
const trainingResources: CrossFieldRule = (value, path, report) => {
  const job = obj(value);
  if (!job || given(job.ServerlessJobConfig)) return;
  if (!given(job.ResourceConfig)) {
    report(childPath(path, 'ResourceConfig'), 'crossField:resourceInstances', 'is required');
    return;
  }
  const resources = obj(job.ResourceConfig);
  if (resources) checkInstances(resources, childPath(path, 'ResourceConfig'), report);
};

/** A tuning job's training definition has exactly one of the two resource configurations. */
const tuningResources: CrossFieldRule = (value, path, report) => {
  const definition = obj(value);
  if (!definition) return;
  const fixed = given(definition.ResourceConfig);
  const flexible = given(definition.HyperParameterTuningResourceConfig);
  if (fixed && flexible) {
    report(
      childPath(path, 'HyperParameterTuningResourceConfig'),
      'crossField:resourceInstances',
      'cannot be given together with ResourceConfig',
    );
  } else if (!fixed && !flexible) {
    report(
      childPath(path, 'ResourceConfig'),
      'crossField:resourceInstances',
      'is required unless HyperParameterTuningResourceConfig is given',
    );
  } else if (fixed) {
    const resources = obj(definition.ResourceConfig);
    if (resources) checkInstances(resources, childPath(path, 'ResourceConfig'), report);
  }
};

/** Names that must be unique within a list, reported on each repeat. */
function uniqueBy(member: string, what: string): CrossFieldRule {
  return (value, path, report) => {
    const seen = new Set<string>();
    list(value).forEach((item, i) => {
      const name = obj(item)?.[member];
      if (typeof name !== 'string' || unknowable(name)) return;
      if (seen.has(name)) {
        report(
          childPath(indexPath(path, i), member),
          'crossField:unique',
          `${what} ${JSON.stringify(name)} is used more than once`,
        );
      }
      seen.add(name);
    });
  };
}

/** A tuning job runs no more training jobs at once than it runs in all. */
const parallelJobs: CrossFieldRule = (value, path, report) => {
  const limits = obj(value);
  if (!limits) return;
  const parallel = num(limits.MaxParallelTrainingJobs);
  const total = num(limits.MaxNumberOfTrainingJobs);
  if (parallel !== undefined && total !== undefined && parallel > total) {
    report(
      childPath(path, 'MaxParallelTrainingJobs'),
      'crossField:parallelJobs',
      `must not exceed MaxNumberOfTrainingJobs (${total}), got ${parallel}`,
    );
  }
};

// "The maximum number of items specified for Array Members refers to the maximum number of
// hyperparameters for each range and also the maximum for the hyperparameter tuning job itself."
const MAX_TUNED_HYPERPARAMETERS = 30;
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Numeric ranges hold numbers in strings, ordered, and fit their scaling type. */
const parameterRanges: CrossFieldRule = (value, path, report) => {
  const ranges = obj(value);
  if (!ranges) return;
  const total =
    list(ranges.IntegerParameterRanges).length +
    list(ranges.ContinuousParameterRanges).length +
    list(ranges.CategoricalParameterRanges).length;
  if (total > MAX_TUNED_HYPERPARAMETERS) {
    report(
      path,
      'crossField:totalRanges',
      `may tune at most ${MAX_TUNED_HYPERPARAMETERS} hyperparameters across all ranges, got ${total}`,
    );
  }
  for (const [key, integer] of [
    ['IntegerParameterRanges', true],
    ['ContinuousParameterRanges', false],
  ] as const) {
    list(ranges[key]).forEach((item, i) => {
      const range = obj(item);
      if (!range) return;
      const rangePath = indexPath(childPath(path, key), i);
      const bound = (member: 'MinValue' | 'MaxValue'): number | undefined => {
        const raw = range[member];
        if (typeof raw !== 'string' || unknowable(raw)) return undefined;
        const parsed = NUMBER.test(raw) ? Number(raw) : Number.NaN;
        if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
          report(
            childPath(rangePath, member),
            'crossField:rangeValue',
            `must hold ${integer ? 'an integer' : 'a number'}, got ${JSON.stringify(raw)}`,
          );
          return undefined;
        }
        return parsed;
      };
      const min = bound('MinValue');
      const max = bound('MaxValue');
      if (min === undefined || max === undefined) return;
      if (min > max) {
        report(
          childPath(rangePath, 'MinValue'),
          'crossField:rangeOrder',
          `must not exceed MaxValue (${max}), got ${min}`,
        );
      }
      const scaling = range.ScalingType;
      if (scaling === 'Logarithmic' && min <= 0) {
        report(
          childPath(rangePath, 'MinValue'),
          'crossField:logScaling',
          `must be greater than 0 for Logarithmic scaling, got ${min}`,
        );
      }
      if (scaling === 'ReverseLogarithmic' && (min < 0 || max >= 1)) {
        report(
          childPath(rangePath, min < 0 ? 'MinValue' : 'MaxValue'),
          'crossField:logScaling',
          `ReverseLogarithmic scaling needs a range within 0 <= x < 1, got ${min}..${max}`,
        );
      }
    });
  }
};

/** Hyperband stops training jobs itself; its `StrategyConfig` belongs to it alone. */
const tuningStrategy: CrossFieldRule = (value, path, report) => {
  const config = obj(value);
  if (!config || unknowable(config.Strategy)) return;
  const hyperband = config.Strategy === 'Hyperband';
  const stopping = config.TrainingJobEarlyStoppingType;
  if (hyperband && given(stopping) && stopping !== 'Off' && !unknowable(stopping)) {
    report(
      childPath(path, 'TrainingJobEarlyStoppingType'),
      'crossField:hyperband',
      `must be Off with the Hyperband strategy, got ${JSON.stringify(stopping)}`,
    );
  }
  if (!hyperband && given(config.StrategyConfig)) {
    report(
      childPath(path, 'StrategyConfig'),
      'crossField:hyperband',
      'may only be given with the Hyperband strategy',
    );
  }
};

/** A tuning job has one training definition or a list of them, not both. */
const tuningDefinitions: CrossFieldRule = (value, path, report) => {
  const job = obj(value);
  if (!job) return;
  const one = given(job.TrainingJobDefinition);
  const many = given(job.TrainingJobDefinitions);
  if (one && many) {
    report(
      childPath(path, 'TrainingJobDefinitions'),
      'crossField:trainingJobDefinition',
      'cannot be given together with TrainingJobDefinition',
    );
  } else if (!one && !many) {
    report(
      childPath(path, 'TrainingJobDefinition'),
      'crossField:trainingJobDefinition',
      'is required unless TrainingJobDefinitions is given',
    );
  }
};

/** "(MaxConcurrentTransforms * MaxPayloadInMB) also cannot exceed 100 MB"; 0 means chunked. */
const MAX_TRANSFORM_PAYLOAD_MB = 100;
const transformPayload: CrossFieldRule = (value, path, report) => {
  const job = obj(value);
  if (!job) return;
  const concurrent = num(job.MaxConcurrentTransforms);
  const payload = num(job.MaxPayloadInMB);
  if (concurrent !== undefined && payload !== undefined && payload > 0) {
    if (concurrent * payload > MAX_TRANSFORM_PAYLOAD_MB) {
      report(
        childPath(path, 'MaxConcurrentTransforms'),
        'crossField:payloadBudget',
        `times MaxPayloadInMB must not exceed ${MAX_TRANSFORM_PAYLOAD_MB} MB, got ${concurrent} x ${payload} = ${concurrent * payload}`,
      );
    }
  }
  // "To enable the batch strategy, you must set the SplitType property to Line, RecordIO, or
  // TFRecord": with no split there are no records to batch.
  const input = obj(job.TransformInput);
  if (job.BatchStrategy === 'MultiRecord' && input && (input.SplitType ?? 'None') === 'None') {
    report(
      childPath(childPath(path, 'TransformInput'), 'SplitType'),
      'crossField:batchStrategy',
      'must be Line, RecordIO or TFRecord when BatchStrategy is MultiRecord',
    );
  }
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

/** A model has one primary container or a pipeline of containers, within one environment budget. */
const modelContainers: CrossFieldRule = (value, path, report) => {
  const model = obj(value);
  if (!model) return;
  const primary = given(model.PrimaryContainer);
  const containers = list(model.Containers);
  if (primary && given(model.Containers)) {
    report(
      childPath(path, 'Containers'),
      'crossField:containers',
      'cannot be given together with PrimaryContainer',
    );
  } else if (!primary && containers.length === 0 && !isPlaceholder(model.Containers)) {
    report(
      childPath(path, 'PrimaryContainer'),
      'crossField:containers',
      'is required unless Containers is given',
    );
  }
  const named = containers.filter((c) => given(obj(c)?.ContainerHostname)).length;
  if (named > 0 && named < containers.length) {
    containers.forEach((c, i) => {
      if (!given(obj(c)?.ContainerHostname)) {
        report(
          childPath(indexPath(childPath(path, 'Containers'), i), 'ContainerHostname'),
          'crossField:containerHostname',
          'is required when another container of the pipeline has one',
        );
      }
    });
  }
  const bytes = [model.PrimaryContainer, ...containers].reduce<number>(
    (sum, c) => sum + environmentBytes(c),
    0,
  );
  if (bytes > MAX_ENVIRONMENT_BYTES) {
    report(
      childPath(path, primary ? 'PrimaryContainer' : 'Containers'),
      'crossField:environmentSize',
      `Environment keys and values together must not exceed 32 KB, got ${bytes} bytes`,
    );
  }
};

/** `RepositoryAuthConfig` only applies to images in a private registry in the VPC. */
const imageConfig: CrossFieldRule = (value, path, report) => {
  const config = obj(value);
  if (!config || !given(config.RepositoryAuthConfig) || unknowable(config.RepositoryAccessMode)) {
    return;
  }
  if (config.RepositoryAccessMode !== 'Vpc') {
    report(
      childPath(path, 'RepositoryAuthConfig'),
      'crossField:repositoryAuth',
      'may only be given when RepositoryAccessMode is Vpc',
    );
  }
};

/** A variant is either serverless or runs on instances. */
const productionVariant: CrossFieldRule = (value, path, report) => {
  const variant = obj(value);
  if (!variant) return;
  const serverless = given(variant.ServerlessConfig);
  if (serverless && (given(variant.InstanceType) || given(variant.InitialInstanceCount))) {
    report(
      childPath(path, 'ServerlessConfig'),
      'crossField:variantCompute',
      'cannot be given together with InstanceType or InitialInstanceCount',
    );
  }
  if (!serverless && !given(variant.InstanceType)) {
    report(
      childPath(path, 'InstanceType'),
      'crossField:variantCompute',
      'is required unless ServerlessConfig is given',
    );
  }
  const scaling = obj(variant.ManagedInstanceScaling);
  const min = num(scaling?.MinInstanceCount);
  const max = num(scaling?.MaxInstanceCount);
  if (min !== undefined && max !== undefined && min > max) {
    report(
      childPath(childPath(path, 'ManagedInstanceScaling'), 'MinInstanceCount'),
      'crossField:scalingOrder',
      `must not exceed MaxInstanceCount (${max}), got ${min}`,
    );
  }
};

/** "ProvisionedConcurrency ... Should be less than or equal to MaxConcurrency." */
const serverlessConcurrency: CrossFieldRule = (value, path, report) => {
  const config = obj(value);
  const provisioned = num(config?.ProvisionedConcurrency);
  const max = num(config?.MaxConcurrency);
  if (provisioned !== undefined && max !== undefined && provisioned > max) {
    report(
      childPath(path, 'ProvisionedConcurrency'),
      'crossField:concurrency',
      `must not exceed MaxConcurrency (${max}), got ${provisioned}`,
    );
  }
};

/** Variant names are unique across production and shadow variants. */
const endpointConfigVariants: CrossFieldRule = (value, path, report) => {
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
          'crossField:unique',
          `variant name ${JSON.stringify(name)} is used more than once`,
        );
      }
      seen.add(name);
    });
  }
};

/** "LocalPath ... must begin with /opt/ml/processing/", and is required unless AppManaged. */
const PROCESSING_ROOT = '/opt/ml/processing/';
const processingInput: CrossFieldRule = (value, path, report) => {
  const input = obj(value);
  if (!input || input.AppManaged === true) return;
  const s3 = obj(input.S3Input);
  if (!s3) return;
  const local = s3.LocalPath;
  const localPath = childPath(childPath(path, 'S3Input'), 'LocalPath');
  if (!given(local)) {
    report(localPath, 'crossField:localPath', 'is required unless AppManaged is true');
  } else if (
    typeof local === 'string' &&
    !unknowable(local) &&
    !local.startsWith(PROCESSING_ROOT)
  ) {
    report(
      localPath,
      'crossField:localPath',
      `must begin with ${PROCESSING_ROOT}, got ${JSON.stringify(local)}`,
    );
  }
};

/** Rules by the shape name they apply to. @internal */
export const CROSS_FIELD_RULES: Readonly<Record<string, readonly CrossFieldRule[]>> = {
  CreateTrainingJobRequest: [spotMaxWait, trainingResources],
  HyperParameterTrainingJobDefinition: [spotMaxWait, tuningResources],
  AlgorithmSpecification: [algorithmOrImage],
  HyperParameterAlgorithmSpecification: [algorithmOrImage],
  InputDataConfig: [uniqueBy('ChannelName', 'channel name')],
  InstanceGroups: [uniqueBy('InstanceGroupName', 'instance group name')],
  DebugRuleConfigurations: [uniqueBy('RuleConfigurationName', 'rule configuration name')],
  ProfilerRuleConfigurations: [uniqueBy('RuleConfigurationName', 'rule configuration name')],
  TagList: [uniqueBy('Key', 'tag key')],
  CreateHyperParameterTuningJobRequest: [tuningDefinitions],
  HyperParameterTuningJobConfig: [tuningStrategy],
  ResourceLimits: [parallelJobs],
  ParameterRanges: [parameterRanges],
  CreateTransformJobRequest: [transformPayload],
  CreateModelInput: [modelContainers],
  ImageConfig: [imageConfig],
  CreateEndpointConfigInput: [endpointConfigVariants],
  ProductionVariant: [productionVariant],
  ProductionVariantServerlessConfig: [serverlessConcurrency],
  ProcessingInput: [processingInput],
};
