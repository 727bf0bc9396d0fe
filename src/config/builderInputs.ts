/**
 * The checks every config builder makes on its arguments before reading them: the instance it
 * builds from (an estimator, model, transformer, processor or tuner made by this library, with a
 * session made by `createSession`), and its options object. JavaScript callers and parsed JSON can
 * pass anything; each check throws a typed error naming the argument and what is accepted.
 * @internal
 */
import { Transformer } from '../estimators/Transformer.js';
import { HyperparameterTuner } from '../estimators/tuner/HyperparameterTuner.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import type { AnyModel } from '../estimators/Model.js';
import type { Processor } from '../estimators/Processor.js';
import {
  checkInputLimits,
  checkInstance,
  checkOptionTypes,
  checkOptionsObject,
  type OptionKind,
} from '../internal/checkInput.js';

function hasKind(value: object, kinds: readonly string[]): boolean {
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' && kinds.includes(kind);
}

/** A session as `createSession` makes it (a region and the two functions builders call). */
export function checkSession(option: string, value: unknown): void {
  checkInstance(
    option,
    value,
    (s) => {
      const o = s as Record<string, unknown>;
      return (
        typeof o.region === 'string' &&
        typeof o.defaultBucket === 'function' &&
        typeof o.now === 'function'
      );
    },
    'a session made by createSession({ region, defaultBucket })',
  );
}

/** An estimator of this library (`new Estimator`, `new KNN`, `new PyTorch`, ...). */
export function checkEstimator(option: string, value: unknown): asserts value is AnyEstimator {
  checkInstance(
    option,
    value,
    (v) =>
      hasKind(v, ['byo', 'algorithm', 'framework']) &&
      typeof (v as { options?: unknown }).options === 'object' &&
      (v as { options?: unknown }).options !== null,
    'an estimator (new Estimator(...), an algorithm or a framework estimator)',
  );
  checkSession(`${option}.session`, (value as { session?: unknown }).session);
  const options = (value as { options: object }).options;
  checkInputLimits(`${option}.options`, options);
  checkOptionTypes(`${option}.options`, options, ESTIMATOR_OPTION_TYPES);
}

/**
 * The types of the options every estimator takes, as the training builders read them (each may
 * also be absent). Types only: the values Python refuses are the estimator's own checks.
 */
const ESTIMATOR_OPTION_TYPES: Readonly<Record<string, OptionKind>> = Object.freeze({
  role: 'string',
  instanceCount: 'number',
  instanceType: 'string',
  keepAlivePeriodInSeconds: 'number',
  volumeSize: 'number',
  volumeKmsKey: 'string',
  maxRun: 'number',
  inputMode: 'string',
  outputPath: 'string',
  outputKmsKey: 'string',
  baseJobName: 'string',
  subnets: 'stringList',
  securityGroupIds: 'stringList',
  modelUri: 'string',
  modelChannelName: 'string',
  useSpotInstances: 'boolean',
  maxWait: 'number',
  checkpointS3Uri: 'string',
  checkpointLocalPath: 'string',
  enableNetworkIsolation: 'boolean',
  sourceDir: 'string',
  entryPoint: 'string',
  dependencies: 'stringList',
  codeLocation: 'string',
  containerLogLevel: 'number',
  hyperparameters: 'record',
  disableOutputCompression: 'boolean',
  trainingPlan: 'string',
  instancePlacementConfig: 'record',
});

/** A model of this library (`new Model`, `new PyTorchModel`, ...). */
export function checkModel(option: string, value: unknown): asserts value is AnyModel {
  checkInstance(
    option,
    value,
    (v) => hasKind(v, ['model', 'frameworkModel']),
    'a model (new Model(...) or a framework model)',
  );
  checkSession(`${option}.session`, (value as { session?: unknown }).session);
}

/** A `Transformer`. */
export function checkTransformer(option: string, value: unknown): asserts value is Transformer {
  checkInstance(option, value, (v) => v instanceof Transformer, 'a Transformer');
  checkSession(`${option}.session`, (value as { session?: unknown }).session);
}

/** A `Processor` or `ScriptProcessor`. */
export function checkProcessor(option: string, value: unknown): asserts value is Processor {
  checkInstance(
    option,
    value,
    (v) => hasKind(v, ['processor', 'scriptProcessor']),
    'a Processor or ScriptProcessor',
  );
  checkSession(`${option}.session`, (value as { session?: unknown }).session);
}

/** A `HyperparameterTuner`. */
export function checkTuner(option: string, value: unknown): asserts value is HyperparameterTuner {
  checkInstance(option, value, (v) => v instanceof HyperparameterTuner, 'a HyperparameterTuner');
}

/**
 * The options argument of a builder: an object within the input limits, or absent. Absent means
 * `undefined` (the parameter's default); `null` is refused, since the builders read its members.
 */
export function checkBuilderOptions(option: string, value: unknown, optional = true): void {
  if (value === undefined && optional) return;
  checkOptionsObject(option, value);
}
