/**
 * `modelTransformer` / `trainedModelTransformer`: what Python's `model.transformer(...)` and
 * `estimator.transformer(...)` do on the direct path — the CreateModel request they send (with
 * its code staging) and the `Transformer` they return.
 */
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import type { AnyModel, ModelData } from '../estimators/Model.js';
import { formatTags } from '../estimators/tags.js';
import {
  Transformer,
  type TransformerArguments,
  type TransformerProps,
} from '../estimators/Transformer.js';
import type { TrainingRun } from '../estimators/trainingRun.js';
import type { Tags } from '../estimators/types.js';
import { resolveBaseJobName } from '../config/trainingConfig.js';
import { MissingOptionError } from '../errors.js';
import { nameFromBase } from '../pythonCompat/names.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { ModelCodeSettings } from './modelContainer.js';
import { baseFromName } from '../pythonCompat/names.js';
import { modelRequest, type DirectModel } from './modelRequest.js';
import { trainedModel, type TrainedModelOptions } from './trainedModel.js';

/** The arguments of Python's `transformer(...)`. */
export interface TransformerRequestOptions extends TransformerArguments {
  /** Tags of the model and the job. @default - the estimator's (estimators), none (models) */
  readonly tags?: Tags | null;
}

/** The keywords `estimator.transformer(...)` adds. */
export interface TrainedTransformerOptions extends TransformerRequestOptions, TrainedModelOptions {
  /** @default - `<base job name>-<timestamp>` */
  readonly modelName?: string | null;
}

/** The model to create, then the transformer that runs it. */
export interface DirectTransformer {
  readonly model: DirectModel;
  readonly transformer: Transformer;
}

/**
 * Python's `base_job_name` when the transformer is made: set by the estimator's options, or by
 * any call that generated a name from it (`fit` without a job name, `transformer` without a
 * model name); otherwise still `None`, and the transformer has no base name.
 */
function estimatorBaseName(
  estimator: AnyEstimator,
  run: TrainingRun | undefined,
  modelNameGiven: boolean,
): string | undefined {
  if (estimator.options.baseJobName !== undefined) return estimator.options.baseJobName;
  const fitGenerated =
    run !== undefined &&
    run.jobName !== run.baseJobName &&
    baseFromName(run.jobName) === run.baseJobName;
  if (fitGenerated || !modelNameGiven) return run?.baseJobName ?? resolveBaseJobName(estimator);
  return undefined;
}

/** Python's `transformer(instance_count, instance_type, ...)`: both are required arguments. */
function checkInstances(options: TransformerRequestOptions): void {
  for (const key of ['instanceCount', 'instanceType'] as const) {
    if ((options[key] as unknown) === undefined || (options[key] as unknown) === null)
      throw new MissingOptionError(key, 'transformer() takes the instance count and type');
  }
}

/**
 * Python's `estimator.transformer(...)` for an estimator with no training job: no model is
 * created (Python warns that the transformer is for building a workflow config only).
 */
export function untrainedTransformer(
  estimator: AnyEstimator,
  options: TrainedTransformerOptions,
): Transformer {
  checkInstances(options);
  const baseName = estimatorBaseName(estimator, undefined, Boolean(options.modelName));
  const modelName =
    options.modelName || nameFromBase(resolveBaseJobName(estimator), estimator.session);
  const given = formatTags(options.tags, 'tags');
  const tensorflow = estimator.kind === 'framework' && estimator.pythonClass.name === 'TensorFlow';
  const tags = given && given.length > 0 ? given : tensorflow ? given : estimator.options.tags;
  const env = estimator.kind === 'framework' ? (options.env ?? {}) : options.env;
  return transformerOf(estimator.session, modelName, options, { env, tags, baseName });
}

function transformerOf(
  session: AnyModel['session'],
  modelName: string,
  o: TransformerRequestOptions,
  rest: { env: unknown; tags: Record<string, string>[] | undefined; baseName: string | undefined },
): Transformer {
  const props: Record<string, unknown> = {
    session,
    modelName,
    instanceCount: o.instanceCount,
    instanceType: o.instanceType,
    strategy: o.strategy,
    assembleWith: o.assembleWith,
    outputPath: o.outputPath,
    outputKmsKey: o.outputKmsKey,
    accept: o.accept,
    maxConcurrentTransforms: o.maxConcurrentTransforms,
    maxPayload: o.maxPayload,
    volumeKmsKey: o.volumeKmsKey,
    env: rest.env,
    tags: rest.tags,
    baseTransformJobName: rest.baseName,
  };
  const given = Object.fromEntries(
    Object.entries(props).filter(([, v]) => v !== undefined && v !== null),
  );
  return new Transformer(given as unknown as TransformerProps);
}

/**
 * Python's `Model.transformer(...)`: the model is created at once, and a network-isolated model's
 * transformer gets no environment.
 * @throws the errors of the model's container.
 */
export function modelTransformer(
  model: AnyModel,
  options: TransformerRequestOptions,
  settings: ModelCodeSettings = {},
): DirectTransformer {
  checkInstances(options);
  const tags = formatTags(options.tags, 'tags');
  const created = modelRequest(model, { instanceType: options.instanceType }, settings, tags);
  const isolated = pyTruthy(settings.enableNetworkIsolation ?? model.enableNetworkIsolation);
  return {
    model: created,
    transformer: transformerOf(model.session, created.plan.name, options, {
      env: isolated ? undefined : options.env,
      tags,
      baseName: created.plan.baseName || created.plan.name,
    }),
  };
}

/**
 * Python's `estimator.transformer(...)` after `fit`: the model of the job `run` (artifacts at
 * `modelData`, from DescribeTrainingJob) named `modelName`, and its transformer.
 * @throws the errors of the estimator's model.
 */
export function trainedModelTransformer(
  estimator: AnyEstimator,
  run: TrainingRun,
  modelData: ModelData,
  options: TrainedTransformerOptions,
): DirectTransformer {
  checkInstances(options);
  const given = formatTags(options.tags, 'tags');
  const tags = given && given.length > 0 ? given : estimator.options.tags;
  const modelName = options.modelName || nameFromBase(run.baseJobName, estimator.session);
  const framework = estimator.kind === 'framework';
  const isolation = options.enableNetworkIsolation ?? estimator.options.enableNetworkIsolation;
  if (framework && estimator.pythonClass.name === 'TensorFlow') {
    // Python parity: TensorFlow's `transformer` hands over to `model.transformer(...)`, so its
    // tags do not fall back to the estimator's, no output KMS key reaches the repack, and the
    // job is named after the model.
    const { model, settings } = trainedModel(estimator, run, modelData, {
      ...options,
      enableNetworkIsolation: isolation,
    });
    const { modelKmsKey: _none, ...rest } = settings;
    return modelTransformer(model.withName(modelName), { ...options, tags: given ?? null }, rest);
  }
  const { model, settings } = trainedModel(estimator, run, modelData, {
    ...options,
    role: framework ? (options.role ?? null) : null,
    enableNetworkIsolation: isolation,
  });
  const named = model.withName(modelName);
  const created = modelRequest(
    named,
    { instanceType: options.instanceType },
    { ...settings, ...(!framework && options.role != null && { role: options.role }) },
    tags,
  );
  // Framework estimators start the job's environment from the model's own.
  const env = framework ? { ...named.env, ...(options.env ?? {}) } : options.env;
  return {
    model: created,
    transformer: transformerOf(estimator.session, modelName, options, {
      env,
      tags,
      baseName: estimatorBaseName(estimator, run, Boolean(options.modelName)),
    }),
  };
}
