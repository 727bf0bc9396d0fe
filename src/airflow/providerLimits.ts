/**
 * What the provider's operators cannot run although the API could: refused or warned about when
 * the DAG is written, not when the task runs.
 * @internal
 */
import { ValidationError } from '../errors.js';
import { isPlainObject } from '../operators/validation/configPath.js';
import type { AirflowOperatorKind } from './operatorSpecs.js';

/** Attempts of the provider's `SageMakerTrigger` when the operator passes none (tuning). */
export const TRIGGER_DEFAULT_ATTEMPTS = 480;

/**
 * The hook's `check_tuning_config` reads `TrainingJobDefinition.InputDataConfig` before it submits:
 * a multi-algorithm tuning config (`TrainingJobDefinitions`) or one without inputs is a KeyError.
 * @throws `ValidationError` for such a tuning config.
 * @internal
 */
export function checkProviderLimits(
  taskId: string,
  kind: AirflowOperatorKind,
  config: Readonly<Record<string, unknown>>,
): void {
  if (kind !== 'tuning') return;
  const definition = config.TrainingJobDefinition;
  if (!isPlainObject(definition) || !Array.isArray(definition.InputDataConfig)) {
    throw new ValidationError(
      `${taskId}.config`,
      Object.keys(config),
      "a tuning config with one TrainingJobDefinition that has InputDataConfig: the provider's SageMakerTuningOperator reads it before submitting (multi-algorithm tuning fails there)",
    );
  }
}

/**
 * A warning when a deferred tuning task may outlive its trigger: the tuning operator passes no
 * `max_attempts`, so the trigger gives up after 480 checks while the job runs on.
 * @internal
 */
export function deferredTuningWarning(
  taskId: string,
  config: Readonly<Record<string, unknown>>,
  checkIntervalSeconds: number,
): string | undefined {
  const bound = TRIGGER_DEFAULT_ATTEMPTS * checkIntervalSeconds;
  const jobConfig = config.HyperParameterTuningJobConfig;
  const limits = isPlainObject(jobConfig) ? jobConfig.ResourceLimits : undefined;
  const limit = isPlainObject(limits) ? limits.MaxRuntimeInSeconds : undefined;
  if (typeof limit === 'number' && limit <= bound) return undefined;
  return (
    `${taskId}: deferred, the provider's trigger stops waiting after ${TRIGGER_DEFAULT_ATTEMPTS} checks ` +
    `(${bound} s at check_interval ${checkIntervalSeconds}) and the tuning job has ` +
    (typeof limit === 'number' ? `a limit of ${limit} s` : 'no MaxRuntimeInSeconds under that') +
    '; raise checkIntervalSeconds or set that limit'
  );
}
