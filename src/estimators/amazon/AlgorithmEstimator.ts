/**
 * What the ten built-in algorithm estimators share (Python's `AmazonAlgorithmEstimatorBase`):
 * the image from the algorithm's registry, typed hyperparameters checked as Python's descriptors
 * check them, the default record-set location, and the hooks of `_prepare_for_training`.
 */
import { OptionTypeError, ValidationError, isSageMakerWorkflowError } from '../../errors.js';
import { retrieveVersionIn } from '../../imageUris/retrieveFor.js';
import { optionalStringOf } from '../../internal/check.js';
import { checkOptionsObject } from '../../internal/checkInput.js';
import { Stamp } from '../../internal/Stamp.js';
import { s3PathJoin } from '../../pythonCompat/s3.js';
import type { Session } from '../../session.js';
import type { Templated } from '../../templates.js';
import {
  resolveEstimatorBase,
  type EstimatorBaseProps,
  type ResolvedEstimatorBase,
} from '../EstimatorBase.js';
import { Model, type ModelProps } from '../Model.js';
import type { PyValue, VpcConfig } from '../types.js';
import type { AlgorithmDefinition } from './algorithmDefinition.js';
import {
  coerceHyperparameter,
  serializeHyperparameters,
  type HyperparameterSpec,
  type HyperparameterValue,
} from './hyperparameters.js';
import type {
  HyperparameterChanges,
  HyperparameterProps,
  HyperparameterTable,
  HyperparameterValueOf,
  WithShared,
} from './hyperparameterTable.js';

export { FEATURE_DIM, MINI_BATCH_SIZE } from './hyperparameterTable.js';
export {
  defineAlgorithm,
  type AlgorithmDeclaration,
  type AlgorithmDefinition,
  type PrepareTraining,
  type TrainingEstimator,
  type TrainingRecords,
} from './algorithmDefinition.js';
export {
  checkMiniBatchSizeRange,
  defaultMiniBatchSize,
  miniBatchSizeOrDefault,
} from './miniBatchSize.js';
export { coerceHyperparameter };

/**
 * Each estimator's hyperparameter values and resolved image. A field added by a class of its own
 * (see Stamp), not one of `AlgorithmEstimator`: `with` copies an estimator without running the
 * subclass constructors again.
 */
interface EstimatorState {
  // Wire name to converted value, in Python's assignment order (`null` stored as `undefined`,
  // keeping its place). Replaced, never changed, once the constructor returns.
  readonly values: ReadonlyMap<string, HyperparameterValue | undefined>;
  // The image in the session's region: fixed inputs, asked for several times per pipeline.
  imageUri: string | undefined;
  // The record-set location; `undefined` until the session's default bucket could be read.
  dataLocation: string | undefined;
}
class WithState extends Stamp {
  readonly #state: EstimatorState;

  private constructor(estimator: object, state: EstimatorState) {
    super(estimator);
    this.#state = state;
  }

  static stamp(estimator: object, state: EstimatorState): void {
    new WithState(estimator, state);
  }

  static of(estimator: object): EstimatorState {
    if (!(#state in estimator)) throw new TypeError('not an estimator built by its constructor');
    return estimator.#state;
  }
}
const stateOf = (estimator: object): EstimatorState => WithState.of(estimator);

/** An algorithm's image in `region`: its registry at its repository version. */
const algorithmImageUri = (definition: AlgorithmDefinition, region: unknown): string =>
  retrieveVersionIn(definition.registry, definition.repoVersion ?? '1', region);

/** Python's default `data_location`: `s3://<default bucket>/<prefix>/sagemaker-record-sets/`. */
function defaultDataLocation(session: Session): string {
  return s3PathJoin(
    ['s3://', session.defaultBucket(), session.defaultBucketPrefix, 'sagemaker-record-sets'],
    { withEndSlash: true },
  );
}

/** Options every built-in algorithm estimator takes, besides its hyperparameters. */
export interface AlgorithmEstimatorProps extends Omit<
  EstimatorBaseProps,
  'hyperparameters' | 'sourceDir' | 'entryPoint' | 'dependencies' | 'codeLocation'
> {
  /** S3 prefix where `uploadRecordSet` writes data. @default - `s3://<default bucket>/<prefix>/sagemaker-record-sets/` */
  readonly dataLocation?: string;
}

/**
 * A built-in algorithm estimator of the hyperparameter table `T`: {@link AlgorithmEstimator.get}
 * reads one (`knn.get('k')`, typed by its row), {@link AlgorithmEstimator.with} returns a copy
 * with some changed.
 */
export class AlgorithmEstimator<T extends HyperparameterTable = HyperparameterTable> {
  readonly kind = 'algorithm' as const;
  readonly definition: AlgorithmDefinition<T>;
  /** The Python class (name and module) this estimator stands for. */
  readonly pythonClass: { readonly name: string; readonly module: string };
  readonly session: Session;
  readonly options: ResolvedEstimatorBase;

  /**
   * @throws {@link OptionTypeError} when the options are not an object or a hyperparameter has a
   * type Python cannot convert; {@link ValidationError} for a value outside its checks; and the
   * errors of `resolveEstimatorBase`.
   */
  constructor(
    definition: AlgorithmDefinition<T>,
    props: AlgorithmEstimatorProps & HyperparameterProps<T>,
  ) {
    this.definition = definition;
    this.pythonClass = { name: definition.className, module: definition.pythonModule };
    this.options = resolveEstimatorBase(props, definition.className);
    this.session = props.session;
    let dataLocation = optionalStringOf(definition.className, 'dataLocation', props.dataLocation);
    try {
      dataLocation ??= defaultDataLocation(props.session);
    } catch (error) {
      // Python parity A7: a direct session whose default bucket is not resolved yet (its AWS
      // calls are async) leaves the default for the first read, inside `DirectSession.build`.
      if (!(isSageMakerWorkflowError(error) && error.code === 'DEFAULT_BUCKET_PENDING'))
        throw error;
    }
    const values = new Map<string, HyperparameterValue | undefined>();
    const given = props as Readonly<Record<string, unknown>>;
    for (const { option, spec } of definition.entries) {
      const value = given[option];
      if (value !== undefined) values.set(spec.name, coerceHyperparameter(spec, value));
    }
    WithState.stamp(this, { values, imageUri: undefined, dataLocation });
  }

  /**
   * S3 prefix where record sets are written: `dataLocation` as given, else
   * `s3://<default bucket>/<prefix>/sagemaker-record-sets/` (read when constructed, or on a direct
   * session whose default bucket was not resolved yet, at the first read: Python parity A7).
   * @throws DefaultBucketPendingError on such a session before its bucket is resolved (the direct
   *   calls read it inside `DirectSession.build`, which resolves it).
   */
  get dataLocation(): string {
    const state = stateOf(this);
    state.dataLocation ??= defaultDataLocation(this.session);
    return state.dataLocation;
  }

  /** The spec of a hyperparameter by its API name. */
  spec(name: string): HyperparameterSpec {
    const spec = this.definition.byName.get(name);
    if (!spec) {
      throw new ValidationError(
        `${this.definition.className}.hyperparameters`,
        name,
        [...this.definition.byName.keys()].join(', '),
      );
    }
    return spec;
  }

  /**
   * A copy with the given hyperparameters converted, checked and set, as Python's descriptor
   * assignment (`knn.k = 5`) does; `null` clears one (not sent). This estimator is unchanged.
   * @throws {@link ValidationError} or {@link OptionTypeError} naming the hyperparameter.
   */
  with(changes: HyperparameterChanges<WithShared<T>>): this {
    checkOptionsObject(`${this.definition.className}.with`, changes);
    const state = stateOf(this);
    const values = new Map(state.values);
    for (const [option, value] of Object.entries(changes as Readonly<Record<string, unknown>>)) {
      if (value === undefined) continue;
      const spec = this.definition.byOption.get(option);
      if (!spec) {
        throw new ValidationError(
          `${this.definition.className}.with`,
          option,
          [...this.definition.byOption.keys()].join(', '),
        );
      }
      values.set(spec.name, coerceHyperparameter(spec, value));
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(this) as object) as this, this);
    WithState.stamp(copy, { values, imageUri: state.imageUri, dataLocation: state.dataLocation });
    return copy;
  }

  /** A hyperparameter's value by option name (converted, as Python stores it), or `undefined`. */
  get<K extends keyof WithShared<T> & string>(
    option: K,
  ): HyperparameterValueOf<WithShared<T>[K]> | undefined {
    const spec = this.definition.byOption.get(option);
    return (spec && stateOf(this).values.get(spec.name)) as
      HyperparameterValueOf<WithShared<T>[K]> | undefined;
  }

  /** The stored value of a hyperparameter by its API name (converted), or `undefined`. */
  getHyperparameter(name: string): HyperparameterValue | undefined {
    return stateOf(this).values.get(name);
  }

  /** The stored values by API name, in assignment order (a read-only view, not a copy). */
  hyperparameterValues(): ReadonlyMap<string, HyperparameterValue | undefined> {
    return stateOf(this).values;
  }

  /** The algorithm's image in the session's region (resolved once per algorithm and region). */
  trainingImageUri(): string {
    const state = stateOf(this);
    state.imageUri ??= algorithmImageUri(this.definition, this.session.region);
    return state.imageUri;
  }

  /** The hyperparameters as Python's `hyperparameters()` returns them (strings). */
  hyperparameters(
    values: ReadonlyMap<string, HyperparameterValue | undefined> = stateOf(this).values,
  ): Record<string, PyValue> {
    const serialized = serializeHyperparameters(values);
    const fixed = this.definition.fixedHyperparameters;
    return fixed ? { ...fixed, ...serialized } : serialized;
  }

  /** The algorithm's model for artifacts at `modelData` (Python's `create_model`). */
  createModel(options: {
    readonly modelData: string;
    readonly vpcConfig: VpcConfig | undefined;
    readonly role?: Templated<string>;
  }): Model {
    if (options.role !== undefined) {
      // Python passes its own role positionally and the keyword again: "multiple values for 'role'".
      throw new OptionTypeError(
        `${this.definition.className}.createModel role`,
        options.role,
        'no role: the estimator role is used',
      );
    }
    return new AlgorithmModel(
      this.definition,
      {
        session: this.session,
        modelData: options.modelData,
        role: this.options.role,
        vpcConfig: options.vpcConfig ?? null,
      },
      this.trainingImageUri(),
    );
  }
}

/** Options of an algorithm's model. */
export interface AlgorithmModelProps {
  readonly session: Session;
  readonly modelData: Templated<string>;
  readonly role: Templated<string>;
  readonly name?: string;
  readonly vpcConfig?: VpcConfig | null;
}

/** A built-in algorithm's model: a {@link Model} on the algorithm's image (e.g. `KNNModel`). */
export class AlgorithmModel extends Model {
  /**
   * @param imageUri the image its estimator resolved (the same lookup, done once); looked up
   * here when the model is built on its own.
   */
  constructor(definition: AlgorithmDefinition, props: AlgorithmModelProps, imageUri?: string) {
    checkOptionsObject(`${definition.className}Model`, props);
    // The members `Model` reads, one by one (V8 copies a spread slowly).
    super(
      {
        session: props.session,
        modelData: props.modelData,
        role: props.role,
        name: props.name,
        vpcConfig: props.vpcConfig,
        env: (props as ModelProps).env,
        enableNetworkIsolation: (props as ModelProps).enableNetworkIsolation,
        imageUri: imageUri ?? algorithmImageUri(definition, props.session.region),
      } as ModelProps,
      `${definition.className}Model`,
    );
  }
}
