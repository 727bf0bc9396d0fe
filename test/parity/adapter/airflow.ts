/**
 * The Airflow config calls and the classes they build, mapped from Python names to our API.
 * Python keeps state on the objects between calls (the last training run of an estimator); this
 * adapter keeps it in `ctx.memory` and hands it to our builders explicitly.
 */
import { AlgorithmEstimator } from '../../../src/estimators/amazon/AlgorithmEstimator.js';
import { Estimator } from '../../../src/estimators/Estimator.js';
import { FrameworkModel, Model } from '../../../src/estimators/Model.js';
import { NetworkConfig } from '../../../src/estimators/NetworkConfig.js';
import { ProcessingInput, ProcessingOutput } from '../../../src/estimators/processingIO.js';
import { Processor, ScriptProcessor } from '../../../src/estimators/Processor.js';
import { Transformer } from '../../../src/estimators/Transformer.js';
import { deployConfig } from '../../../src/config/deployConfig.js';
import { deployConfigFromEstimator } from '../../../src/config/deployConfigFromEstimator.js';
import { modelConfig } from '../../../src/config/modelConfig.js';
import { modelConfigFromEstimator } from '../../../src/config/modelConfigFromEstimator.js';
import { processingConfig } from '../../../src/config/processingConfig.js';
import { transformConfig } from '../../../src/config/transformConfig.js';
import { transformConfigFromEstimator } from '../../../src/config/transformConfigFromEstimator.js';
import {
  FileSystemInput,
  InstanceGroup,
  ShuffleConfig,
  TrainingInput,
} from '../../../src/estimators/inputs.js';
import {
  completeTrainingConfig,
  prepareTraining,
  type TrainingJobOptions,
} from '../../../src/config/trainingConfig.js';
import type { ModelSource } from '../../../src/config/fromEstimator.js';
import type { TrainingRun } from '../../../src/estimators/trainingRun.js';
import type { BuildHandlers, CallHandlers, CaseContext, ThenHandler } from './types.js';
import {
  camel,
  toProps,
  UnsupportedCaseError,
  withPositional,
  type ValueFactory,
} from '../values.js';

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
        withPositional(
          args,
          kwargs,
          ['file_system_id', 'file_system_type', 'directory_path'],
          'FileSystemInput',
        ),
      ) as never,
    ),
  ShuffleConfig: (args, kwargs) =>
    new ShuffleConfig(withPositional(args, kwargs, ['seed'], 'ShuffleConfig').seed as never),
  InstanceGroup: (args, kwargs) =>
    new InstanceGroup(
      toProps(
        withPositional(
          args,
          kwargs,
          ['instance_group_name', 'instance_type', 'instance_count'],
          'InstanceGroup',
        ),
      ),
    ),
  ProcessingInput: (args, kwargs) =>
    new ProcessingInput(
      toProps(
        withPositional(args, kwargs, ['source', 'destination', 'input_name'], 'ProcessingInput'),
      ),
    ),
  ProcessingOutput: (args, kwargs) =>
    new ProcessingOutput(
      toProps(
        withPositional(args, kwargs, ['source', 'destination', 'output_name'], 'ProcessingOutput'),
      ),
    ),
  NetworkConfig: (args, kwargs) =>
    new NetworkConfig(
      toProps(
        withPositional(
          args,
          kwargs,
          [
            'enable_network_isolation',
            'security_group_ids',
            'subnets',
            'encrypt_inter_container_traffic',
          ],
          'NetworkConfig',
        ),
      ),
    ),
};

/** A build class: Python's positional parameter names, renames, and our constructor. */
function buildClass(
  positional: readonly string[],
  make: (props: Record<string, unknown>) => object,
  renames: Readonly<Record<string, string>> = {},
): BuildHandlers[string] {
  return (args, kwargs, ctx) =>
    make({
      ...toProps(withPositional(args, kwargs, positional, 'build'), renames),
      session: session(ctx),
    });
}

const PROCESSOR_RENAMES = { volume_size_in_gb: 'volumeSizeInGB' };

export const airflowBuilds: BuildHandlers = {
  Estimator: buildClass(
    ['image_uri', 'role', 'instance_count', 'instance_type'],
    (p) => new Estimator(p as never),
  ),
  Model: buildClass(['image_uri', 'model_data', 'role'], (p) => new Model(p as never)),
  FrameworkModel: buildClass(
    ['model_data', 'image_uri', 'role', 'entry_point', 'source_dir'],
    (p) => new FrameworkModel(p as never),
  ),
  Transformer: buildClass(
    ['model_name', 'instance_count', 'instance_type'],
    (p) => new Transformer(p as never),
  ),
  Processor: buildClass(
    ['role', 'image_uri', 'instance_count', 'instance_type'],
    (p) => new Processor(p as never),
    PROCESSOR_RENAMES,
  ),
  ScriptProcessor: buildClass(
    ['role', 'image_uri', 'command', 'instance_count', 'instance_type'],
    (p) => new ScriptProcessor(p as never),
    PROCESSOR_RENAMES,
  ),
};

export const airflowThen: ThenHandler = (target, step) => {
  if (step.method === 'set_hyperparameters') {
    const t = target as { setHyperparameters?: (v: unknown) => void };
    if (typeof t.setHyperparameters !== 'function')
      throw new UnsupportedCaseError('set_hyperparameters on this class');
    t.setHyperparameters(step.kwargs);
    return;
  }
  if (typeof step.set === 'string') {
    // Python's attribute assignment; an algorithm's hyperparameters change through `with` (a copy).
    const option = camel(step.set);
    if (target instanceof AlgorithmEstimator && target.definition.byOption.has(option))
      return target.with({ [option]: step.value } as never);
    (target as Record<string, unknown>)[option] = step.value;
    return;
  }
  throw new UnsupportedCaseError(`then step ${JSON.stringify(step)}`);
};

function trainingOptions(
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  what: string,
): {
  estimator: unknown;
  options: TrainingJobOptions;
} {
  const all = withPositional(
    args,
    kwargs,
    ['estimator', 'inputs', 'job_name', 'mini_batch_size'],
    what,
  );
  const options: Record<string, unknown> = {};
  if (all.inputs !== undefined && all.inputs !== null) options.inputs = all.inputs;
  if (all.job_name !== undefined && all.job_name !== null) options.jobName = all.job_name;
  if (all.mini_batch_size !== undefined && all.mini_batch_size !== null)
    options.miniBatchSize = all.mini_batch_size;
  return { estimator: all.estimator, options: options };
}

const decodeAll = (
  ctx: CaseContext,
  args: readonly unknown[],
  kwargs: Readonly<Record<string, unknown>>,
) => ({
  args: args.map(ctx.decode),
  kwargs: Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k, ctx.decode(v)])),
});

/** Call arguments by Python name, positional ones placed by the signature. */
function callArgs(
  ctx: CaseContext,
  rawArgs: readonly unknown[],
  rawKwargs: Readonly<Record<string, unknown>>,
  signature: readonly string[],
  what: string,
): Record<string, unknown> {
  const { args, kwargs } = decodeAll(ctx, rawArgs, rawKwargs);
  return withPositional(args, kwargs, signature, what);
}

/** Our options from Python arguments; `keepNull` lists those where `None` differs from absent. */
function options(
  all: Record<string, unknown>,
  skip: readonly string[],
  keepNull: readonly string[] = [],
): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(all).filter(([k]) => !skip.includes(k)));
  return toProps(rest, {}, keepNull);
}

/**
 * Python's `task_id`/`task_type` and the run Python keeps on the estimator, as our one `from`
 * option: no task type means the estimator's own run (or nothing, when it never trained); a task
 * type (any value: ours checks it as Python does) names the Airflow task, with the run for the
 * output path and code.
 */
function withSource(
  ctx: CaseContext,
  estimator: unknown,
  opts: Record<string, unknown>,
): Record<string, unknown> {
  const { taskId, taskType, ...rest } = opts;
  const run = recallRun(ctx, estimator);
  let from: ModelSource | undefined;
  if (taskType === undefined || taskType === null) from = run;
  else {
    from = {
      airflowTask: taskId as string,
      taskType: taskType as 'training',
      ...(run && { run }),
    };
  }
  return { ...rest, from };
}

export const airflowCalls: CallHandlers = {
  model_config: (a, k, ctx) => {
    const all = callArgs(
      ctx,
      a,
      k,
      ['model', 'instance_type', 'role', 'image_uri'],
      'model_config',
    );
    return modelConfig(all.model as Model, options(all, ['model']));
  },
  model_config_from_estimator: (a, k, ctx) => {
    const all = callArgs(
      ctx,
      a,
      k,
      ['estimator', 'task_id', 'task_type'],
      'model_config_from_estimator',
    );
    return modelConfigFromEstimator(
      all.estimator as Estimator,
      withSource(ctx, all.estimator, options(all, ['estimator'], ['vpc_config_override'])) as never,
    );
  },
  transform_config: (a, k, ctx) => {
    const all = callArgs(
      ctx,
      a,
      k,
      [
        'transformer',
        'data',
        'data_type',
        'content_type',
        'compression_type',
        'split_type',
        'job_name',
        'input_filter',
        'output_filter',
        'join_source',
      ],
      'transform_config',
    );
    return transformConfig(all.transformer as Transformer, options(all, ['transformer']) as never);
  },
  transform_config_from_estimator: (a, k, ctx) => {
    const all = callArgs(
      ctx,
      a,
      k,
      ['estimator', 'task_id', 'task_type', 'instance_count', 'instance_type', 'data'],
      'transform_config_from_estimator',
    );
    return transformConfigFromEstimator(
      all.estimator as Estimator,
      withSource(ctx, all.estimator, options(all, ['estimator'], ['vpc_config_override'])) as never,
    );
  },
  deploy_config: (a, k, ctx) => {
    const all = callArgs(
      ctx,
      a,
      k,
      ['model', 'initial_instance_count', 'instance_type', 'endpoint_name', 'tags'],
      'deploy_config',
    );
    return deployConfig(
      all.model as Model,
      options(all, ['model'], ['initial_instance_count']) as never,
    );
  },
  deploy_config_from_estimator: (a, k, ctx) => {
    const signature = [
      'estimator',
      'task_id',
      'task_type',
      'initial_instance_count',
      'instance_type',
      'model_name',
      'endpoint_name',
      'tags',
    ];
    const all = callArgs(ctx, a, k, signature, 'deploy_config_from_estimator');
    const modelOptions = options(all, signature);
    return deployConfigFromEstimator(
      all.estimator as Estimator,
      withSource(ctx, all.estimator, {
        ...options(
          all,
          ['estimator', ...Object.keys(all).filter((n) => !signature.includes(n))],
          ['initial_instance_count'],
        ),
        modelOptions,
      }) as never,
    );
  },
  processing_config: (a, k, ctx) => {
    const all = callArgs(
      ctx,
      a,
      k,
      ['processor', 'inputs', 'outputs', 'job_name'],
      'processing_config',
    );
    return processingConfig(all.processor as Processor, options(all, ['processor']));
  },
  training_base_config: (rawArgs, rawKwargs, ctx) => {
    const { args, kwargs } = decodeAll(ctx, rawArgs, rawKwargs);
    const { estimator, options } = trainingOptions(args, kwargs, 'training_base_config');
    const prepared = prepareTraining(estimator as Estimator, options);
    rememberRun(ctx, estimator as object, prepared.run);
    return prepared.config;
  },
  training_config: (rawArgs, rawKwargs, ctx) => {
    const { args, kwargs } = decodeAll(ctx, rawArgs, rawKwargs);
    const { estimator, options } = trainingOptions(args, kwargs, 'training_config');
    const prepared = prepareTraining(estimator as Estimator, options);
    rememberRun(ctx, estimator as object, prepared.run);
    return completeTrainingConfig(estimator as Estimator, prepared);
  },
};
