/**
 * Cross-field rules of training jobs, shared with the training definitions of tuning jobs.
 * @internal
 */
import { childPath } from '../configPath.js';
import {
  exactlyOneOf,
  apiReference,
  fieldAtMost,
  given,
  list,
  num,
  obj,
  observed,
  unknowable,
  type CrossFieldRule,
  type Obj,
  type RuleReport,
} from './ruleHelpers.js';

/** "It must be equal to or greater than MaxRuntimeInSeconds" (`MaxWaitTimeInSeconds`). */
export const spotMaxWait: CrossFieldRule = {
  id: 'crossField:spotMaxWait',
  severity: 'error',
  source: apiReference('StoppingCondition'),
  check(value, path, report) {
    const job = obj(value);
    if (job?.EnableManagedSpotTraining !== true) return;
    const stop = obj(job.StoppingCondition);
    const wait = num(stop?.MaxWaitTimeInSeconds);
    const run = num(stop?.MaxRuntimeInSeconds);
    if (wait !== undefined && run !== undefined && wait < run) {
      report(
        childPath(childPath(path, 'StoppingCondition'), 'MaxWaitTimeInSeconds'),
        `must be at least MaxRuntimeInSeconds (${run}) for managed spot training, got ${wait}`,
      );
    }
  },
};

/**
 * Managed spot training without `MaxWaitTimeInSeconds`: the service refuses it, and the Python
 * SDK asks for `max_wait`; neither the model nor the reference says so.
 */
export const spotMaxWaitRequired: CrossFieldRule = {
  id: 'crossField:spotMaxWaitRequired',
  severity: 'warning',
  source: observed(
    'CreateTrainingJob refuses EnableManagedSpotTraining without MaxWaitTimeInSeconds; the Python SDK requires max_wait with use_spot_instances',
  ),
  check(value, path, report) {
    const job = obj(value);
    if (job?.EnableManagedSpotTraining !== true) return;
    const stop = obj(job.StoppingCondition);
    if (given(job.StoppingCondition) && !stop) return;
    if (!stop || !given(stop.MaxWaitTimeInSeconds)) {
      report(
        childPath(childPath(path, 'StoppingCondition'), 'MaxWaitTimeInSeconds'),
        'is required with EnableManagedSpotTraining',
      );
    }
  },
};

// "The maximum value is 28 days" (StoppingCondition.MaxRuntimeInSeconds; the shape has no max).
const MAX_TRAINING_RUNTIME_SECONDS = 28 * 24 * 3600;

/** A training job's `MaxRuntimeInSeconds` is at most 28 days. */
export const maxRuntime: CrossFieldRule = {
  id: 'crossField:maxRuntime',
  severity: 'error',
  source: apiReference('StoppingCondition'),
  check: fieldAtMost(
    'MaxRuntimeInSeconds',
    MAX_TRAINING_RUNTIME_SECONDS,
    `${MAX_TRAINING_RUNTIME_SECONDS} (28 days)`,
  ),
};

/** "You must specify either the algorithm name ... or the image URI", never both. */
export const algorithmOrImage: CrossFieldRule = {
  id: 'crossField:algorithmOrImage',
  severity: 'error',
  source: apiReference('AlgorithmSpecification'),
  check(value, path, report) {
    const spec = obj(value);
    if (!spec) return;
    exactlyOneOf(spec, path, 'TrainingImage', 'AlgorithmName', report);
  },
};

/** Instances come either as `InstanceType` + `InstanceCount` or as `InstanceGroups`. */
function checkInstances(resources: Obj, path: string, report: RuleReport): void {
  const groups = list(resources.InstanceGroups).length > 0 || unknowable(resources.InstanceGroups);
  if (groups) return;
  for (const member of ['InstanceType', 'InstanceCount']) {
    if (!given(resources[member])) {
      report(childPath(path, member), 'is required unless InstanceGroups is given');
    }
  }
}

const RESOURCES_SEEN = observed(
  'a training job needs instances (InstanceType and InstanceCount, or InstanceGroups) unless it is serverless; the model marks none of them required',
);

/** A training job needs compute: a `ResourceConfig` with instances, unless it is serverless. */
export const trainingResources: CrossFieldRule = {
  id: 'crossField:resourceInstances',
  severity: 'warning',
  source: RESOURCES_SEEN,
  check(value, path, report) {
    const job = obj(value);
    if (!job || given(job.ServerlessJobConfig)) return;
    if (!given(job.ResourceConfig)) {
      report(childPath(path, 'ResourceConfig'), 'is required');
      return;
    }
    const resources = obj(job.ResourceConfig);
    if (resources) checkInstances(resources, childPath(path, 'ResourceConfig'), report);
  },
};

/** A tuning job's training definition has exactly one of the two resource configurations. */
export const tuningResources: CrossFieldRule = {
  id: 'crossField:resourceInstances',
  severity: 'warning',
  source: RESOURCES_SEEN,
  check(value, path, report) {
    const definition = obj(value);
    if (!definition) return;
    const which = exactlyOneOf(
      definition,
      path,
      'ResourceConfig',
      'HyperParameterTuningResourceConfig',
      report,
    );
    if (which === 'ResourceConfig') {
      const resources = obj(definition.ResourceConfig);
      if (resources) checkInstances(resources, childPath(path, 'ResourceConfig'), report);
    }
  },
};
