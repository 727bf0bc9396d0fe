/**
 * A tuning job's training definition as Python's tuner `fit` sends it
 * (`_TuningJob._prepare_training_config` and `Session._map_training_config`): the Airflow
 * definition with `HyperParameterTuningResourceConfig` instead of `ResourceConfig`, plus what
 * only the direct path sends (network isolation, encryption, retry strategy, environment).
 */
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import { defined } from '../internal/defined.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { DirectTrainingSettings } from './settings.js';

/** The definition `fit` sends for `estimator`, from the Airflow one. */
export function directTrainingDefinition(
  definition: Record<string, unknown>,
  estimator: AnyEstimator,
  settings: DirectTrainingSettings,
): Record<string, unknown> {
  const o = estimator.options;
  const { ResourceConfig: _resource, CheckpointConfig: _checkpoint, ...rest } = definition;
  return defined({
    ...rest,
    HyperParameterTuningResourceConfig: defined({
      VolumeKmsKeyId: o.volumeKmsKey,
      InstanceCount: o.instanceCount ?? null,
      InstanceType: o.instanceType ?? null,
      VolumeSizeInGB: o.volumeSize,
    }),
    EnableNetworkIsolation: pyTruthy(o.enableNetworkIsolation)
      ? o.enableNetworkIsolation
      : undefined,
    EnableInterContainerTrafficEncryption: pyTruthy(settings.encryptInterContainerTraffic)
      ? settings.encryptInterContainerTraffic
      : undefined,
    CheckpointConfig: pyTruthy(o.checkpointS3Uri)
      ? defined({
          S3Uri: o.checkpointS3Uri,
          LocalPath: pyTruthy(o.checkpointLocalPath) ? o.checkpointLocalPath : undefined,
        })
      : undefined,
    RetryStrategy:
      settings.maxRetryAttempts !== undefined && settings.maxRetryAttempts !== null
        ? { MaximumRetryAttempts: settings.maxRetryAttempts }
        : undefined,
    Environment: settings.environment ?? undefined,
  });
}

/**
 * A multi-estimator definition's `MetricDefinitions` as `Session._map_training_config` sends it:
 * only when the estimator has some (the Airflow definition carries `null`).
 */
export function withMetricDefinitions(
  definition: Record<string, unknown>,
  metricDefinitions: unknown,
): Record<string, unknown> {
  const { MetricDefinitions: _airflow, ...spec } = definition.AlgorithmSpecification as Record<
    string,
    unknown
  >;
  return {
    ...definition,
    AlgorithmSpecification:
      metricDefinitions === null || metricDefinitions === undefined
        ? spec
        : { ...spec, MetricDefinitions: metricDefinitions },
  };
}

/** Tuner keywords the Airflow tuning config drops and the tuner's `fit` sends. */
export interface DirectTunerSettings {
  /** @default - none */
  readonly maxRuntimeInSeconds?: unknown;
  /** @default - none */
  readonly randomSeed?: unknown;
  /** Python's `StrategyConfig` or `HyperbandStrategyConfig`. @default - none */
  readonly strategyConfig?: { readonly props: Record<string, unknown> } | null;
  /** Python's `TuningJobCompletionCriteriaConfig`. @default - none */
  readonly completionCriteriaConfig?: { readonly props: Record<string, unknown> } | null;
  /** @default - none */
  readonly tags?: readonly Record<string, unknown>[] | null;
}

function hyperband(config: { readonly props: Record<string, unknown> }): Record<string, unknown> {
  const inner = (config.props.hyperbandStrategyConfig ?? config) as {
    props: Record<string, unknown>;
  };
  return {
    HyperbandStrategyConfig: defined({
      MinResource: inner.props.minResource ?? undefined,
      MaxResource: inner.props.maxResource ?? undefined,
    }),
  };
}

function completion(config: { readonly props: Record<string, unknown> }): Record<string, unknown> {
  const p = config.props;
  return defined({
    BestObjectiveNotImproving:
      p.maxNumberOfTrainingJobsNotImproving != null
        ? { MaxNumberOfTrainingJobsNotImproving: p.maxNumberOfTrainingJobsNotImproving }
        : undefined,
    TargetObjectiveMetricValue: p.targetObjectiveMetricValue ?? undefined,
    ConvergenceDetected:
      p.completeOnConvergence != null
        ? { CompleteOnConvergence: p.completeOnConvergence ? 'Enabled' : 'Disabled' }
        : undefined,
  });
}

/** The tuning request with the tuner settings `fit` sends. */
export function directTuningRequest(
  request: Record<string, unknown>,
  settings: DirectTunerSettings,
): Record<string, unknown> {
  const config = request.HyperParameterTuningJobConfig as Record<string, unknown>;
  const limits = config.ResourceLimits as Record<string, unknown>;
  return defined({
    ...request,
    HyperParameterTuningJobConfig: defined({
      ...config,
      ResourceLimits: defined({
        ...limits,
        MaxRuntimeInSeconds: settings.maxRuntimeInSeconds ?? undefined,
      }),
      RandomSeed: settings.randomSeed ?? undefined,
      StrategyConfig: settings.strategyConfig ? hyperband(settings.strategyConfig) : undefined,
      TuningJobCompletionCriteria: settings.completionCriteriaConfig
        ? completion(settings.completionCriteriaConfig)
        : undefined,
    }),
    Tags: settings.tags ?? undefined,
  });
}
