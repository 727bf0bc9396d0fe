/**
 * `transformer` and `transform` in the request cases: `model.transformer(...)`,
 * `estimator.transformer(...)` (after `fit`) and `Transformer.transform(...)`, mapped to the
 * direct calls.
 */
import { Model } from '../../../../src/estimators/Model.js';
import { Transformer } from '../../../../src/estimators/Transformer.js';
import { transform } from '../../../../src/operators/direct/transform.js';
import {
  modelTransformerFor,
  trainedTransformer,
} from '../../../../src/operators/direct/transformer.js';
import { untrainedTransformer } from '../../../../src/direct/transformerRequests.js';
import { recallRun } from '../airflow.js';
import type { RequestEnv } from '../requests.js';
import { toProps, UnsupportedCaseError, withPositional } from '../../values.js';
import { transformerResult } from './deployValues.js';
import { isEstimator, modelSettingsOf } from './models.js';

const TRANSFORMER = [
  'instance_count',
  'instance_type',
  'strategy',
  'assemble_with',
  'output_path',
  'output_kms_key',
  'accept',
  'env',
  'max_concurrent_transforms',
  'max_payload',
  'tags',
];

const TRANSFORM = [
  'data',
  'data_type',
  'content_type',
  'compression_type',
  'split_type',
  'job_name',
  'input_filter',
  'output_filter',
  'join_source',
  'experiment_config',
  'model_client_config',
  'batch_data_capture_config',
  'wait',
  'logs',
];

/** Runs a case's `transformer` step, registering the `Transformer` under the step's `as`. */
export async function transformerCall(
  step: { readonly as?: string },
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  env: RequestEnv,
): Promise<unknown> {
  const value = await makeTransformer(target, args, kwargs, env);
  if (step.as !== undefined) env.ctx.refs.set(step.as, value);
  return transformerResult(value);
}

async function makeTransformer(
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  env: RequestEnv,
): Promise<Transformer> {
  if (isEstimator(target)) {
    const all = withPositional(args, kwargs, TRANSFORMER, 'transformer');
    const est = target;
    const run = recallRun(env.ctx, est);
    if (!run) return untrainedTransformer(est, toProps(all, {}, ['vpc_config_override']) as never);
    return trainedTransformer(
      env.direct,
      est,
      run,
      toProps(all, {}, ['vpc_config_override']) as never,
    );
  }
  if (!(target instanceof Model)) throw new UnsupportedCaseError('transformer on this class');
  const all = withPositional(args, kwargs, [...TRANSFORMER, 'volume_kms_key'], 'transformer');
  return modelTransformerFor(env.direct, target, toProps(all) as never, modelSettingsOf(target));
}

/** Runs a case's `transform` step. */
export async function transformCall(
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  env: RequestEnv,
): Promise<unknown> {
  if (!(target instanceof Transformer)) throw new UnsupportedCaseError('transform on this class');
  const all = withPositional(args, kwargs, TRANSFORM, 'transform');
  if (all.batch_data_capture_config != null)
    throw new UnsupportedCaseError('transform batch_data_capture_config');
  const { logs: _logs, ...rest } = all;
  await transform(env.direct, target, { ...toProps(rest), wait: all.wait ?? true } as never);
  return null;
}
