/**
 * The Airflow config calls and the classes they build, mapped from Python names to our API.
 * Python keeps state on the objects between calls (the last training run of an estimator); this
 * adapter keeps it in `ctx.memory` and hands it to our builders explicitly.
 */
import { Estimator } from '../../../src/estimators/Estimator.js';
import { FileSystemInput, InstanceGroup, ShuffleConfig, TrainingInput } from '../../../src/estimators/inputs.js';
import {
  completeTrainingConfig,
  prepareTrainingJob,
  type TrainingJobOptions,
  type TrainingRun,
} from '../../../src/config/trainingConfig.js';
import type { BuildHandlers, CallHandlers, CaseContext, ThenHandler } from './types.js';
import { camel, toProps, UnsupportedCaseError, withPositional, type ValueFactory } from '../values.js';

const session = (ctx: CaseContext) => {
  if (!ctx.sagemakerSession) throw new UnsupportedCaseError('a build class needs a session');
  return ctx.sagemakerSession;
};

/** Remembers the training run of an estimator, as Python keeps it on the object. */
export function rememberRun(ctx: CaseContext, estimator: object, run: TrainingRun): void {
  ctx.memory.set(estimator, { ...(ctx.memory.get(estimator) ?? {}), trainingRun: run });
}

export function recallRun(ctx: CaseContext, estimator: unknown): TrainingRun | undefined {
  if (typeof estimator !== 'object' || estimator === null) return undefined;
  return ctx.memory.get(estimator)?.trainingRun as TrainingRun | undefined;
}

export const valueClasses: Record<string, ValueFactory> = {
  TrainingInput: (args, kwargs) =>
    new TrainingInput(toProps(withPositional(args, kwargs, ['s3_data'], 'TrainingInput')) as never),
  FileSystemInput: (args, kwargs) =>
    new FileSystemInput(
      toProps(
        withPositional(args, kwargs, ['file_system_id', 'file_system_type', 'directory_path'], 'FileSystemInput'),
      ) as never,
    ),
  ShuffleConfig: (args, kwargs) => new ShuffleConfig(withPositional(args, kwargs, ['seed'], 'ShuffleConfig').seed as never),
  InstanceGroup: (args, kwargs) =>
    new InstanceGroup(
      toProps(withPositional(args, kwargs, ['instance_group_name', 'instance_type', 'instance_count'], 'InstanceGroup')),
    ),
};

export const airflowBuilds: BuildHandlers = {
  Estimator: (args, kwargs, ctx) =>
    new Estimator({
      ...toProps(withPositional(args, kwargs, ['image_uri', 'role', 'instance_count', 'instance_type'], 'Estimator')),
      session: session(ctx),
    } as never),
};

export const airflowThen: ThenHandler = (target, step) => {
  if (step.method === 'set_hyperparameters') {
    const t = target as { setHyperparameters?: (v: unknown) => void };
    if (typeof t.setHyperparameters !== 'function') throw new UnsupportedCaseError('set_hyperparameters on this class');
    t.setHyperparameters(step.kwargs);
    return;
  }
  if (typeof step.set === 'string') {
    (target as Record<string, unknown>)[camel(step.set)] = step.value;
    return;
  }
  throw new UnsupportedCaseError(`then step ${JSON.stringify(step)}`);
};

function trainingOptions(args: readonly unknown[], kwargs: Record<string, unknown>, what: string): {
  estimator: unknown;
  options: TrainingJobOptions;
} {
  const all = withPositional(args, kwargs, ['estimator', 'inputs', 'job_name', 'mini_batch_size'], what);
  const options: Record<string, unknown> = {};
  if (all.inputs !== undefined && all.inputs !== null) options.inputs = all.inputs;
  if (all.job_name !== undefined && all.job_name !== null) options.jobName = all.job_name;
  if (all.mini_batch_size !== undefined && all.mini_batch_size !== null) options.miniBatchSize = all.mini_batch_size;
  return { estimator: all.estimator, options: options as TrainingJobOptions };
}

const decodeAll = (ctx: CaseContext, args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>) => ({
  args: args.map(ctx.decode),
  kwargs: Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k, ctx.decode(v)])),
});

export const airflowCalls: CallHandlers = {
  training_base_config: (rawArgs, rawKwargs, ctx) => {
    const { args, kwargs } = decodeAll(ctx, rawArgs, rawKwargs);
    const { estimator, options } = trainingOptions(args, kwargs, 'training_base_config');
    const prepared = prepareTrainingJob(estimator as Estimator, options);
    rememberRun(ctx, estimator as object, prepared.run);
    return prepared.config;
  },
  training_config: (rawArgs, rawKwargs, ctx) => {
    const { args, kwargs } = decodeAll(ctx, rawArgs, rawKwargs);
    const { estimator, options } = trainingOptions(args, kwargs, 'training_config');
    const prepared = prepareTrainingJob(estimator as Estimator, options);
    rememberRun(ctx, estimator as object, prepared.run);
    return completeTrainingConfig(estimator as Estimator, prepared);
  },
};
