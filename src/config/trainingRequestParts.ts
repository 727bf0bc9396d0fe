/**
 * Members of the training request built from an estimator's resolved options (its output and
 * resources) and its hyperparameters as the request carries them.
 */
import { ValidationError } from '../errors.js';
import type { AlgorithmEstimator } from '../estimators/amazon/AlgorithmEstimator.js';
import type { ResolvedEstimatorBase } from '../estimators/EstimatorBase.js';
import type { PyValue } from '../estimators/types.js';
import { defined } from '../internal/defined.js';
import { forInListsOwnKeys } from '../internal/prototypeKeys.js';
import { pyStr } from '../pythonCompat/pyStr.js';

/** Whether an algorithm estimator holds a list hyperparameter (whose rendering can fail). */
export function holdsList(estimator: AlgorithmEstimator): boolean {
  for (const value of estimator.hyperparameterValues().values()) {
    if (Array.isArray(value)) return true;
  }
  return false;
}

/** Each hyperparameter as Python's `str()` of it, in order. */
export function renderHyperparameters(values: Record<string, PyValue>): Record<string, string> {
  // An own `__proto__` key would set the prototype by assignment: the general path keeps it.
  if (Object.hasOwn(values, '__proto__')) {
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, pyStr(v)]));
  }
  // A copy whose members are then replaced: V8 keeps it a fast object, where members added one
  // by one past a dozen or so turn it into a hash table (and every later copy and read slower).
  // The spread would also copy symbol keys, which the rendering leaves out; for-in (twice as fast
  // here as a key list) lists the copy's own keys while the prototype lists nothing.
  if (forInListsOwnKeys() && Object.getOwnPropertySymbols(values).length === 0) {
    const out = { ...values } as Record<string, PyValue>;
    // A string is its own `str()`: only the others are written (a store into a member of a big
    // object costs more than the read).
    for (const key in out) {
      const value = out[key];
      if (typeof value !== 'string') out[key] = pyStr(value);
    }
    return out as Record<string, string>;
  }
  const out: Record<string, string> = {};
  for (const key of Object.keys(values)) out[key] = pyStr(values[key]);
  return out;
}

export function outputDataConfig(
  o: ResolvedEstimatorBase,
  outputPath: string,
): Record<string, unknown> {
  return defined({
    S3OutputPath: outputPath,
    KmsKeyId: o.outputKmsKey,
    CompressionType: o.disableOutputCompression ? 'NONE' : undefined,
  });
}

export function resourceConfig(o: ResolvedEstimatorBase): Record<string, unknown> {
  if (o.instanceGroups !== undefined) {
    if (o.instanceCount !== undefined || o.instanceType !== undefined) {
      throw new ValidationError(
        'Estimator.instanceGroups',
        'instanceGroups',
        'instanceGroups alone, without instanceCount and instanceType',
      );
    }
  } else if (o.instanceCount === undefined || o.instanceType === undefined) {
    throw new ValidationError(
      o.instanceCount === undefined ? 'Estimator.instanceCount' : 'Estimator.instanceType',
      undefined,
      'instanceCount and instanceType, unless instanceGroups is set',
    );
  }
  // Members appended in order rather than spread in the middle of a literal, which V8 builds
  // several times slower.
  const config: Record<string, unknown> = defined({
    VolumeSizeInGB: o.volumeSize,
    VolumeKmsKeyId: o.volumeKmsKey,
    KeepAlivePeriodInSeconds: o.keepAlivePeriodInSeconds,
  });
  if (o.instanceGroups !== undefined) {
    config.InstanceGroups = o.instanceGroups.map((g) => g.toRequest());
  } else {
    config.InstanceCount = o.instanceCount;
    config.InstanceType = o.instanceType;
  }
  if (o.trainingPlan !== undefined) config.TrainingPlanArn = o.trainingPlan;
  if (o.instancePlacementConfig !== undefined) {
    config.InstancePlacementConfig = o.instancePlacementConfig;
  }
  return config;
}
