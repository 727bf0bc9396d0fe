/**
 * The debugger hook, profiler and metrics defaults Python's `fit` applies
 * (`_prepare_debugger_for_training`, `_prepare_profiler_for_training`, the frameworks'
 * `enable_sagemaker_metrics` defaults).
 */
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import { DEBUGGER_UNSUPPORTED_REGIONS } from '../estimators/debuggerRegions.js';
import { ValidationError } from '../errors.js';
import { defined } from '../internal/defined.js';
import type { DirectTrainingSettings } from './settings.js';

/** The `DebugHookConfig` member, or undefined when the hook is off. */
export function debuggerHookConfig(
  estimator: AnyEstimator,
  settings: DirectTrainingSettings,
  outputPath: string,
): Record<string, unknown> | undefined {
  const hook = settings.debuggerHookConfig;
  if (hook === false || DEBUGGER_UNSUPPORTED_REGIONS.has(estimator.session.region))
    return undefined;
  if (frameworkDisablesHook(estimator)) return undefined;
  return defined({
    S3OutputPath: hook?.s3OutputPath || outputPath,
    LocalPath: hook?.containerLocalOutputPath ?? undefined,
    HookParameters: hook?.hookParameters ?? undefined,
    CollectionConfigurations: [],
  });
}

/**
 * Python's `Framework._validate_and_set_debugger_configs`: SMDebug does not support distributed
 * jobs with checkpoints (PyTorch and TensorFlow always carry a distribution dict, so any
 * checkpointed job of theirs), nor TensorFlow's parameter server.
 */
function frameworkDisablesHook(estimator: AnyEstimator): boolean {
  if (estimator.kind !== 'framework') return false;
  const name = estimator.pythonClass.name;
  const distribution = (estimator as { distribution?: Record<string, unknown> }).distribution;
  if (name === 'TensorFlow') {
    const ps = distribution?.parameter_server as { enabled?: unknown } | undefined;
    if (ps?.enabled) return true;
  }
  const o = estimator.options;
  if (!o.checkpointS3Uri || !o.checkpointLocalPath) return false;
  if (name === 'PyTorch' || name === 'TensorFlow') return true;
  return name === 'MXNet' && typeof o.instanceCount === 'number' && o.instanceCount > 1;
}

/** The `ProfilerConfig` member Python always sends. */
export function profilerConfig(
  estimator: AnyEstimator,
  settings: DirectTrainingSettings,
  outputPath: string,
): Record<string, unknown> {
  const region = estimator.session.region;
  let config = settings.profilerConfig ?? undefined;
  const instanceType = estimator.options.instanceType;
  // Python's constructor turns the profiler off where it is unsupported (region, Trainium).
  const disableProfiler =
    Boolean(settings.disableProfiler) ||
    DEBUGGER_UNSUPPORTED_REGIONS.has(region) ||
    (typeof instanceType === 'string' &&
      (/^ml[._]([a-z\d-]+)\.?\w*$/.exec(instanceType)?.[1] ?? '').startsWith('trn'));
  if (disableProfiler && config && !config.disableProfiler) {
    throw new ValidationError(
      'profilerConfig.disableProfiler',
      config.disableProfiler ?? false,
      'true when disableProfiler is true',
    );
  }
  if (!disableProfiler) config ??= {};
  if (config === undefined) return { DisableProfiler: true };
  const s3 = config.s3OutputPath || outputPath;
  const disabled = config.disableProfiler ?? false;
  return defined({
    S3OutputPath: !disabled ? s3 : undefined,
    DisableProfiler: disabled,
    ProfilingIntervalInMilliseconds: config.systemMonitorIntervalMillis ?? undefined,
  });
}

const versionAtLeast = (version: unknown, minimum: readonly number[]): boolean => {
  if (typeof version !== 'string') return false;
  const parts = version.split('.').map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < minimum.length; i++) {
    const a = parts[i] ?? 0;
    const b = minimum[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
};

/** Frameworks' default `EnableSageMakerMetricsTimeSeries` (true from the versions that have it). */
export function metricsTimeSeriesDefault(estimator: AnyEstimator): boolean | undefined {
  if (estimator.kind !== 'framework') return undefined;
  const name = estimator.pythonClass.name;
  const version = (estimator as { frameworkVersion?: unknown }).frameworkVersion;
  if (name === 'HuggingFace') return true;
  const minimum: Readonly<Record<string, readonly number[]>> = {
    PyTorch: [1, 3],
    TensorFlow: [1, 15],
    MXNet: [1, 6],
  };
  const min = minimum[name];
  return min && versionAtLeast(version, min) ? true : undefined;
}
