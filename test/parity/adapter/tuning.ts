/** The tuner, its ranges and configs, and `tuning_config`, for the parity runner. */
import { mergeS3Operations } from '../../../src/config/s3Operations.js';
import { pythonTuningJob } from '../../../src/config/tuningConfig.js';
import { rememberRun } from './airflow.js';
import { HyperparameterTuner } from '../../../src/estimators/tuner/HyperparameterTuner.js';
import {
  CategoricalParameter,
  ContinuousParameter,
  IntegerParameter,
} from '../../../src/estimators/tuner/parameterRanges.js';
import {
  HyperbandStrategyConfig,
  StrategyConfig,
  TuningJobCompletionCriteriaConfig,
  WarmStartConfig,
} from '../../../src/estimators/tuner/WarmStartConfig.js';
import type { BuildHandlers, CallHandlers } from './types.js';
import { toProps, withPositional, type ValueFactory } from '../values.js';

const range =
  (Cls: typeof ContinuousParameter | typeof IntegerParameter): ValueFactory =>
  (args, kwargs) => {
    const all = withPositional(args, kwargs, ['min_value', 'max_value', 'scaling_type'], Cls.name);
    return new Cls(
      all.min_value as never,
      all.max_value as never,
      (all.scaling_type ?? undefined) as never,
    );
  };

export const tuningValueClasses: Record<string, ValueFactory> = {
  ContinuousParameter: range(ContinuousParameter),
  IntegerParameter: range(IntegerParameter),
  CategoricalParameter: (args, kwargs) =>
    new CategoricalParameter(
      withPositional(args, kwargs, ['values'], 'CategoricalParameter').values as never,
    ),
  WarmStartConfig: (args, kwargs) =>
    new WarmStartConfig(
      toProps(
        withPositional(args, kwargs, ['warm_start_type', 'parents'], 'WarmStartConfig'),
      ) as never,
    ),
  StrategyConfig: (args, kwargs) =>
    new StrategyConfig(
      toProps(withPositional(args, kwargs, ['hyperband_strategy_config'], 'StrategyConfig')),
    ),
  HyperbandStrategyConfig: (args, kwargs) =>
    new HyperbandStrategyConfig(
      toProps(
        withPositional(args, kwargs, ['min_resource', 'max_resource'], 'HyperbandStrategyConfig'),
      ),
    ),
  TuningJobCompletionCriteriaConfig: (args, kwargs) =>
    new TuningJobCompletionCriteriaConfig(
      toProps(
        withPositional(
          args,
          kwargs,
          [
            'max_number_of_training_jobs_not_improving',
            'complete_on_convergence',
            'target_objective_metric_value',
          ],
          'TuningJobCompletionCriteriaConfig',
        ),
      ),
    ),
};

const TUNER_POSITIONAL = [
  'estimator',
  'objective_metric_name',
  'hyperparameter_ranges',
  'metric_definitions',
  'strategy',
  'objective_type',
  'max_jobs',
  'max_parallel_jobs',
];

export const tuningBuilds: BuildHandlers = {
  HyperparameterTuner: (args, kwargs) =>
    new HyperparameterTuner(
      toProps(withPositional(args, kwargs, TUNER_POSITIONAL, 'HyperparameterTuner')) as never,
    ),
  'HyperparameterTuner.create': (args, kwargs) =>
    HyperparameterTuner.create(
      toProps(
        withPositional(
          args,
          kwargs,
          [
            'estimator_dict',
            'objective_metric_name_dict',
            'hyperparameter_ranges_dict',
            'metric_definitions_dict',
          ],
          'create',
        ),
      ) as never,
    ),
};

export const tuningCalls: CallHandlers = {
  tuning_config: (rawArgs, rawKwargs, ctx) => {
    const args = rawArgs.map(ctx.decode);
    const kwargs = Object.fromEntries(
      Object.entries(rawKwargs).map(([k, v]) => [k, ctx.decode(v)]),
    );
    const all = withPositional(
      args,
      kwargs,
      ['tuner', 'inputs', 'job_name', 'include_cls_metadata', 'mini_batch_size'],
      'tuning_config',
    );
    const { tuner, ...rest } = all;
    const prepared = pythonTuningJob(tuner as HyperparameterTuner, toProps(rest));
    // Python keeps each estimator's last job on the estimator; later calls get it explicitly.
    for (const [estimator, run] of prepared.runs) rememberRun(ctx, estimator, run);
    return prepared.config;
  },
  _merge_s3_operations: (rawArgs, _kwargs, ctx) =>
    mergeS3Operations(ctx.decode(rawArgs[0]) as never),
};
