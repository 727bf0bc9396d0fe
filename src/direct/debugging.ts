/**
 * The debugger hook, profiler and metrics defaults Python's `fit` applies
 * (`_prepare_debugger_for_training`, `_prepare_profiler_for_training`, the frameworks'
 * `enable_sagemaker_metrics` defaults).
 */
import type { AnyEstimator } from '../config/trainingConfig.js';
import { ValidationError } from '../errors.js';
import { defined } from '../internal/defined.js';
import type { DirectTrainingSettings } from './settings.js';

/** Regions without SageMaker Debugger (Python's `DEBUGGER_UNSUPPORTED_REGIONS`, also profiler's). */
const UNSUPPORTED_REGIONS = new Set([
  'us-iso-east-1',
  'us-isob-east-1',
  'ap-southeast-3',
  'ap-southeast-4',
  'eu-south-2',
  'me-central-1',
  'ap-south-2',
  'eu-central-2',
  'us-gov-east-1',
]);

/** The `DebugHookConfig` member, or undefined when the hook is off. */
export function debuggerHookConfig(
  settings: DirectTrainingSettings,
  region: string,
  outputPath: string,
): Record<string, unknown> | undefined {
  const hook = settings.debuggerHookConfig;
  if (hook === false || UNSUPPORTED_REGIONS.has(region)) return undefined;
  return defined({
    S3OutputPath: hook?.s3OutputPath || outputPath,
    LocalPath: hook?.containerLocalOutputPath ?? undefined,
    HookParameters: hook?.hookParameters ?? undefined,
    CollectionConfigurations: [],
  });
}

/** The `ProfilerConfig` member Python always sends. */
export function profilerConfig(
  settings: DirectTrainingSettings,
  region: string,
  outputPath: string,
): Record<string, unknown> {
  let config = settings.profilerConfig ?? undefined;
  if (settings.disableProfiler && config && !config.disableProfiler) {
    throw new ValidationError(
      'profilerConfig.disableProfiler',
      config.disableProfiler ?? false,
      'true when disableProfiler is true',
    );
  }
  if (!settings.disableProfiler && !UNSUPPORTED_REGIONS.has(region)) config ??= {};
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
