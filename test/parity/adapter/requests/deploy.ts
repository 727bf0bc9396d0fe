/**
 * `deploy` in the request cases: `model.deploy(...)` and `estimator.deploy(...)` (after `fit`)
 * mapped to the direct `deploy` / `deployTrained`.
 */
import { Model } from '../../../../src/estimators/Model.js';
import { deploy, deployTrained } from '../../../../src/operators/direct/deploy.js';
import { requireTrainingRun } from '../../../../src/direct/trainedModel.js';
import { recallRun } from '../airflow.js';
import type { RequestEnv } from '../requests.js';
import { toProps, UnsupportedCaseError, withPositional } from '../../values.js';
import { dataCaptureOf, predictorResult } from './deployValues.js';
import { isEstimator, modelSettingsOf, pythonClassOf } from './models.js';

const MODEL_DEPLOY = [
  'initial_instance_count',
  'instance_type',
  'serializer',
  'deserializer',
  'accelerator_type',
  'endpoint_name',
  'tags',
  'kms_key',
  'wait',
  'data_capture_config',
  'async_inference_config',
  'serverless_inference_config',
  'volume_size',
  'model_data_download_timeout',
  'container_startup_health_check_timeout',
];

const ESTIMATOR_DEPLOY = [
  'initial_instance_count',
  'instance_type',
  'serializer',
  'deserializer',
  'accelerator_type',
  'endpoint_name',
  'use_compiled_model',
  'wait',
  'model_name',
  'kms_key',
  'data_capture_config',
  'tags',
  'serverless_inference_config',
  'async_inference_config',
  'volume_size',
  'model_data_download_timeout',
  'container_startup_health_check_timeout',
];

const UNSUPPORTED = ['serializer', 'deserializer', 'async_inference_config', 'use_compiled_model'];

/** Runs a case's `deploy` step. */
export async function deployCall(
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  env: RequestEnv,
): Promise<unknown> {
  const estimator = isEstimator(target);
  if (!estimator && !(target instanceof Model))
    throw new UnsupportedCaseError('deploy on this class');
  const all = withPositional(args, kwargs, estimator ? ESTIMATOR_DEPLOY : MODEL_DEPLOY, 'deploy');
  for (const k of UNSUPPORTED)
    if (all[k] !== undefined && all[k] !== null && all[k] !== false)
      throw new UnsupportedCaseError(`deploy ${k}`);
  const { data_capture_config: capture, ...rest } = all;
  const dataCaptureConfig = await dataCaptureOf(capture, env.direct);
  const options = {
    ...toProps(rest, {}, ['initial_instance_count']),
    wait: all.wait ?? true,
    dataCaptureConfig,
  };
  if (estimator) {
    const est = target;
    const run = requireTrainingRun(recallRun(env.ctx, est));
    const out = await deployTrained(env.direct, est, run, options as never);
    return predictorResult(pythonClassOf(est), out.endpointName);
  }
  const out = await deploy(env.direct, target, {
    ...(options as Record<string, unknown>),
    settings: modelSettingsOf(target),
  });
  return predictorResult(pythonClassOf(target), out.endpointName);
}
