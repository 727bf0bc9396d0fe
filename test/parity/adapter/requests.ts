/**
 * The request cases' builds and calls, mapped from Python names to the direct API. Builds reuse
 * the Airflow adapter's classes; the settings only `fit` sends are split off the keywords and
 * kept beside the estimator, since our estimators take them at `fit`.
 */
import type { DirectTrainingSettings } from '../../../src/direct/settings.js';
import type { DirectSession } from '../../../src/operators/direct/DirectSession.js';
import { fit } from '../../../src/operators/direct/fit.js';
import { run } from '../../../src/operators/direct/run.js';
import { deployCall } from './requests/deploy.js';
import { transformCall, transformerCall } from './requests/transform.js';
import { tune } from '../../../src/operators/direct/tune.js';
import { HyperparameterTuner } from '../../../src/estimators/tuner/HyperparameterTuner.js';
import { Processor } from '../../../src/estimators/Processor.js';
import type { AnyEstimator } from '../../../src/estimators/AnyEstimator.js';
import { adapter } from './index.js';
import { deployValueClasses } from './requests/deployValues.js';
import { amazonBuilds } from './amazon.js';
import type { Replay } from './requestsReplay.js';
import type { CaseContext } from './types.js';
import {
  camel,
  toProps,
  UnsupportedCaseError,
  withPositional,
  type ValueFactory,
} from '../values.js';
import { rememberRun } from './airflow.js';
import { attachCall } from './requests/attach.js';
import { recordSetCall } from './requests/recordSet.js';

/** What the request handlers share in one case. */
export interface RequestEnv {
  readonly replay: Replay;
  readonly direct: DirectSession;
  readonly ctx: CaseContext;
}

const SETTINGS = [
  'environment',
  'encrypt_inter_container_traffic',
  'max_retry_attempts',
  'training_repository_access_mode',
  'training_repository_credentials_provider_arn',
  'enable_infra_check',
  'container_entry_point',
  'container_arguments',
  'enable_sagemaker_metrics',
  'enable_remote_debug',
  'enable_session_tag_chaining',
  'disable_profiler',
  'profiler_config',
  'debugger_hook_config',
  'tensorboard_output_config',
];

/** Keywords our estimator constructors do not take (they go to `fit` as settings only). */
const SETTINGS_ONLY = new Set([
  'training_repository_access_mode',
  'training_repository_credentials_provider_arn',
  'enable_infra_check',
  'container_entry_point',
  'container_arguments',
  'enable_remote_debug',
  'enable_session_tag_chaining',
  'profiler_config',
  'debugger_hook_config',
  'tensorboard_output_config',
]);

const settingsOf = new WeakMap<object, DirectTrainingSettings>();
/** Every decoded constructor keyword of a built object, camelCased. */
export const kwargsOf = new WeakMap<object, Record<string, unknown>>();

const plain =
  (): ValueFactory =>
  (_args, kwargs): Record<string, unknown> =>
    toProps(kwargs, {}, Object.keys(kwargs));

/** `$new` classes: the Airflow adapter's, plus the debugging configs as plain settings. */
export const requestValues: Readonly<Record<string, ValueFactory>> = {
  ...adapter.values,
  ...deployValueClasses,
  ProfilerConfig: plain(),
  DebuggerHookConfig: plain(),
  TensorBoardOutputConfig: plain(),
};

/** Constructs one build entry (and, for the algorithms, Python's constructor bucket check). */
export async function requestBuild(
  entry: {
    name: string;
    class: string;
    args?: unknown[];
    kwargs?: Record<string, unknown>;
    then?: Record<string, unknown>[];
    factory?: string;
  },
  env: RequestEnv,
): Promise<void> {
  const { ctx } = env;
  // FORMAT.md: `factory` names a static factory of the class (`HyperparameterTuner.create`).
  const key = entry.factory ? `${entry.class}.${entry.factory}` : entry.class;
  const handler = adapter.builds[key];
  if (!handler) throw new UnsupportedCaseError(`class ${key} is not supported yet`);
  const args = (entry.args ?? []).map(ctx.decode);
  const rawKwargs = entry.kwargs ?? {};
  const kwargs: Record<string, unknown> = {};
  const settings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rawKwargs)) {
    const value = ctx.decode(v);
    if (SETTINGS.includes(k)) settings[camel(k)] = value;
    if (!SETTINGS_ONLY.has(k)) kwargs[k] = value;
  }
  // Python's algorithm constructors read the default bucket for the data location.
  if (
    entry.class in amazonBuilds &&
    !entry.class.endsWith('Model') &&
    (rawKwargs.data_location ?? null) === null
  )
    await env.direct.defaultBucket();
  let obj = await env.direct.build(() => handler(args, kwargs, ctx));
  // A `then` step may return a changed copy (an algorithm's hyperparameters change by `with`).
  for (const step of entry.then ?? [])
    obj = adapter.then(obj, ctx.decode(step) as Record<string, unknown>, ctx) ?? obj;
  settingsOf.set(obj, settings);
  kwargsOf.set(
    obj,
    Object.fromEntries(Object.entries(rawKwargs).map(([k, v]) => [camel(k), ctx.decode(v)])),
  );
  ctx.refs.set(entry.name, obj);
}

const isEstimator = (v: unknown): v is AnyEstimator =>
  typeof v === 'object' && v !== null && 'kind' in v && 'options' in v;

async function fitCall(
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  env: RequestEnv,
): Promise<unknown> {
  if (target instanceof HyperparameterTuner) {
    const all = withPositional(
      args,
      kwargs,
      ['inputs', 'job_name', 'include_cls_metadata', 'estimator_kwargs', 'wait'],
      'tuner.fit',
    );
    const { wait, logs: _logs, estimator_kwargs: estimatorKwargs, ...rest } = all;
    // Python's `estimator_kwargs` reach each estimator's `_prepare_for_training`; the direct API
    // takes their `mini_batch_size` keyed by estimator name (an absent key: not passed).
    if (estimatorKwargs !== undefined && estimatorKwargs !== null) {
      const byName = estimatorKwargs as Record<string, Record<string, unknown>>;
      const extra = Object.values(byName).flatMap((k) =>
        Object.keys(k).filter((key) => key !== 'mini_batch_size'),
      );
      if (extra.length > 0) throw new UnsupportedCaseError(`estimator_kwargs ${extra.join(', ')}`);
      rest.mini_batch_size = Object.fromEntries(
        Object.entries(byName)
          .filter(([, k]) => 'mini_batch_size' in k)
          .map(([name, k]) => [name, k.mini_batch_size]),
      );
    }
    const settings = new Map(
      target.tuned.map((t) => [t.estimator, settingsOf.get(t.estimator) ?? {}] as const),
    );
    const k = kwargsOf.get(target) ?? {};
    await tune(env.direct, target, {
      // An explicit `mini_batch_size=None` is passed (LDA and NTM require the argument).
      ...toProps(rest, {}, ['mini_batch_size']),
      // Python's `wait` (the cases pass `wait=False`: no Describe was recorded).
      wait: (wait ?? true) as boolean,
      settings,
      tunerSettings: {
        maxRuntimeInSeconds: k.maxRuntimeInSeconds,
        randomSeed: k.randomSeed,
        strategyConfig: k.strategyConfig as never,
        completionCriteriaConfig: k.completionCriteriaConfig as never,
      },
    });
    return null;
  }
  if (!isEstimator(target)) throw new UnsupportedCaseError('fit on this class');
  const signature =
    target.kind === 'algorithm'
      ? ['inputs', 'mini_batch_size', 'wait', 'logs', 'job_name']
      : ['inputs', 'wait', 'logs', 'job_name'];
  const all = withPositional(args, kwargs, signature, 'fit');
  const result = await fit(env.direct, target, {
    ...(all.inputs !== undefined && all.inputs !== null ? { inputs: all.inputs as never } : {}),
    ...(all.job_name !== undefined && all.job_name !== null
      ? { jobName: all.job_name as string }
      : {}),
    ...(all.mini_batch_size !== undefined && all.mini_batch_size !== null
      ? { miniBatchSize: all.mini_batch_size }
      : {}),
    ...(all.experiment_config ? { experimentConfig: all.experiment_config as never } : {}),
    // Python's `wait` (the cases pass `wait=False`: no Describe was recorded).
    wait: (all.wait ?? true) as boolean,
    settings: settingsOf.get(target) ?? {},
  });
  rememberRun(env.ctx, target, result.run);
  return null;
}

async function runCall(
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  env: RequestEnv,
): Promise<unknown> {
  if (!(target instanceof Processor)) throw new UnsupportedCaseError('run on this class');
  const base = [
    'inputs',
    'outputs',
    'arguments',
    'wait',
    'logs',
    'job_name',
    'experiment_config',
    'kms_key',
  ];
  const all = withPositional(
    args,
    kwargs,
    target.kind === 'scriptProcessor' ? ['code', ...base] : base,
    'run',
  );
  const ctorKwargs = kwargsOf.get(target) ?? {};
  await run(env.direct, target, {
    ...(toProps(all) as Record<string, never>),
    settings: {
      entrypoint: (ctorKwargs.entrypoint as string[] | undefined) ?? null,
      outputKmsKey: (ctorKwargs.outputKmsKey as string | undefined) ?? null,
    },
  });
  return null;
}

/** Runs a step's call on its target (or a class method) and returns its JSON result. */
export async function requestCall(
  step: {
    call: string;
    on?: string;
    as?: string;
    args?: readonly unknown[];
    kwargs?: Readonly<Record<string, unknown>>;
  },
  env: RequestEnv,
): Promise<unknown> {
  const { ctx } = env;
  const target = step.on === undefined ? undefined : ctx.refs.get(step.on);
  if (step.on !== undefined && target === undefined)
    throw new UnsupportedCaseError(`unknown target ${step.on}`);
  const args = (step.args ?? []).map(ctx.decode);
  const kwargs = Object.fromEntries(
    Object.entries(step.kwargs ?? {}).map(([k, v]) => [k, ctx.decode(v)]),
  );
  switch (step.call) {
    case 'fit':
      return fitCall(target, args, kwargs, env);
    case 'run':
      return runCall(target, args, kwargs, env);
    case 'deploy':
      return deployCall(target, args, kwargs, env);
    case 'record_set':
      return recordSetCall(step, target, args, kwargs, env);
    case 'transformer':
      return transformerCall(step, target, args, kwargs, env);
    case 'transform':
      return transformCall(target, args, kwargs, env);
    default:
      if (step.call.endsWith('.attach')) return attachCall(step, args, kwargs, env);
      throw new UnsupportedCaseError(`call ${step.call} is not supported yet`);
  }
}
