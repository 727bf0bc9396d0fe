/**
 * What the ten built-in algorithm estimators share (Python's `AmazonAlgorithmEstimatorBase`):
 * the image from the algorithm's registry, typed hyperparameters checked on every assignment, the
 * default record-set location, and the hooks of `_prepare_for_training`.
 */
import { OptionTypeError, ValidationError } from '../../errors.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import { retrieveFor } from '../../imageUris/retrieveFor.js';
import { optionalString } from '../../internal/check.js';
import { isPyFloat } from '../../pythonCompat/pyFloat.js';
import { s3PathJoin } from '../../pythonCompat/s3.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import type { Session } from '../../session.js';
import type { Templated } from '../../templates.js';
import {
  resolveEstimatorBase,
  type EstimatorBaseProps,
  type ResolvedEstimatorBase,
} from '../EstimatorBase.js';
import { isRecordSetChannel } from '../inputs.js';
import { Model } from '../Model.js';
import type { PyValue, VpcConfig } from '../types.js';
import {
  coerceHyperparameter,
  hp,
  serializeHyperparameters,
  type HyperparameterSpec,
  type HyperparameterValue,
} from './hyperparameters.js';

/** `feature_dim`, set from the training record set. */
export const FEATURE_DIM = hp('feature_dim', 'int', 'An integer greater than 0', { gt: 0 });
/** `mini_batch_size`, set from the training call (some algorithms narrow it). */
export const MINI_BATCH_SIZE = hp('mini_batch_size', 'int', 'An integer greater than 0', { gt: 0 });

/** The records a training call received, as `_prepare_for_training` sees them. */
export type TrainingRecords = unknown;

/** An algorithm: its class name, image registry, hyperparameters and training hooks. */
export interface AlgorithmDefinition {
  /** Python class name, used in messages and record-set keys (e.g. `KNN`). */
  readonly className: string;
  /** Python module of the class, written by the tuner's `include_cls_metadata` (e.g. `sagemaker.amazon.knn`). */
  readonly pythonModule: string;
  readonly registry: ImageRegistry;
  /** @default '1' */
  readonly repoVersion?: string;
  /** The algorithm's own hyperparameters (`feature_dim` and `mini_batch_size` are added). */
  readonly hyperparameters: readonly HyperparameterSpec[];
  /** Replaces the shared `mini_batch_size` spec (Object2Vec narrows it). */
  readonly miniBatchSizeSpec?: HyperparameterSpec;
  /** Replaces the shared `feature_dim` spec (RandomCutForest narrows it). */
  readonly featureDimSpec?: HyperparameterSpec;
  /**
   * The algorithm's `_prepare_for_training` before the shared part: checks, and the mini-batch
   * size to store (a default it computes). Throws where Python raises.
   */
  readonly prepareTraining?: (
    estimator: AlgorithmEstimator,
    records: TrainingRecords,
    miniBatchSize: unknown,
  ) => unknown;
  /** Hyperparameters written before the others (KMeans' `force_dense`). */
  readonly fixedHyperparameters?: Readonly<Record<string, string>>;
}

/** Options every built-in algorithm estimator takes, besides its hyperparameters. */
export interface AlgorithmEstimatorProps extends Omit<
  EstimatorBaseProps,
  'hyperparameters' | 'sourceDir' | 'entryPoint' | 'dependencies' | 'codeLocation'
> {
  /** S3 prefix where `uploadRecordSet` writes data. @default - `s3://<default bucket>/<prefix>/sagemaker-record-sets/` */
  readonly dataLocation?: string;
}

const camel = (name: string): string =>
  name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A built-in algorithm estimator. Each hyperparameter is also a property (`est.k = 5`). */
export class AlgorithmEstimator {
  readonly kind = 'algorithm' as const;
  readonly definition: AlgorithmDefinition;
  /** The Python class (name and module) this estimator stands for. */
  readonly pythonClass: { readonly name: string; readonly module: string };
  readonly session: Session;
  readonly options: ResolvedEstimatorBase;
  readonly dataLocation: string;
  readonly #specs: ReadonlyMap<string, HyperparameterSpec>;
  readonly #values = new Map<string, HyperparameterValue | undefined>();

  constructor(
    definition: AlgorithmDefinition,
    props: AlgorithmEstimatorProps & Readonly<Record<string, unknown>>,
  ) {
    this.definition = definition;
    this.pythonClass = { name: definition.className, module: definition.pythonModule };
    this.options = resolveEstimatorBase(props, definition.className);
    this.session = props.session;
    this.#specs = new Map(
      [
        ...definition.hyperparameters,
        definition.featureDimSpec ?? FEATURE_DIM,
        definition.miniBatchSizeSpec ?? MINI_BATCH_SIZE,
      ].map((s) => [s.name, s]),
    );
    this.dataLocation =
      optionalString(`${definition.className}.dataLocation`, props.dataLocation) ??
      s3PathJoin(
        [
          's3://',
          props.session.defaultBucket(),
          props.session.defaultBucketPrefix,
          'sagemaker-record-sets',
        ],
        {
          withEndSlash: true,
        },
      );
    for (const spec of definition.hyperparameters) {
      const value = props[camel(spec.attribute ?? spec.name)];
      if (value !== undefined) this.setHyperparameter(spec.name, value);
    }
  }

  /** The spec of a hyperparameter by its API name. */
  spec(name: string): HyperparameterSpec {
    const spec = this.#specs.get(name);
    if (!spec) {
      throw new ValidationError(
        `${this.definition.className}.hyperparameters`,
        name,
        [...this.#specs.keys()].join(', '),
      );
    }
    return spec;
  }

  /**
   * Converts, checks and stores a hyperparameter, as Python's descriptor assignment does.
   * `null` clears it (not sent).
   * @throws {@link ValidationError} or {@link OptionTypeError} naming the hyperparameter.
   */
  setHyperparameter(name: string, value: unknown): void {
    this.#values.set(name, coerceHyperparameter(this.spec(name), value));
  }

  /** The stored value of a hyperparameter (converted), or `undefined`. */
  getHyperparameter(name: string): HyperparameterValue | undefined {
    return this.#values.get(name);
  }

  /** The stored values, in assignment order. */
  hyperparameterValues(): ReadonlyMap<string, HyperparameterValue | undefined> {
    return new Map(this.#values);
  }

  /** The algorithm's image in the session's region. */
  trainingImageUri(): string {
    return retrieveFor(this.definition.registry, {
      region: this.session.region,
      version: this.definition.repoVersion ?? '1',
    });
  }

  /** The hyperparameters as Python's `hyperparameters()` returns them (strings). */
  hyperparameters(
    values: ReadonlyMap<string, HyperparameterValue | undefined> = this.#values,
  ): Record<string, PyValue> {
    return { ...this.definition.fixedHyperparameters, ...serializeHyperparameters(values) };
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
    return new AlgorithmModel(this.definition, {
      session: this.session,
      modelData: options.modelData,
      role: this.options.role,
      vpcConfig: options.vpcConfig ?? null,
    });
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
  constructor(definition: AlgorithmDefinition, props: AlgorithmModelProps) {
    super(
      {
        ...props,
        imageUri: retrieveFor(definition.registry, {
          region: props.session.region,
          version: definition.repoVersion ?? '1',
        }),
      },
      `${definition.className}Model`,
    );
  }
}

/**
 * Defines a property per hyperparameter on an algorithm class, camelCased (`sample_size` becomes
 * `sampleSize`), so that assignment converts and checks as Python's descriptors do.
 */
export function defineHyperparameterProperties(
  target: { prototype: AlgorithmEstimator },
  specs: readonly HyperparameterSpec[],
): void {
  for (const spec of [...specs, FEATURE_DIM, MINI_BATCH_SIZE]) {
    Object.defineProperty(target.prototype, camel(spec.attribute ?? spec.name), {
      configurable: true,
      enumerable: false,
      get(this: AlgorithmEstimator) {
        return this.getHyperparameter(spec.name);
      },
      set(this: AlgorithmEstimator, value: unknown) {
        this.setHyperparameter(spec.name, value);
      },
    });
  }
}

/** The number of records of the train channel (the first half of Python's default mini-batch size). */
function trainNumRecords(className: string, records: TrainingRecords): unknown {
  if (Array.isArray(records)) {
    const train = (records as unknown[]).find(
      (r) => isRecordSetChannel(r) && r.channel === 'train',
    );
    if (!train)
      throw new ValidationError('inputs', records, 'a list of record sets with a "train" channel');
    return (train as { numRecords?: unknown }).numRecords;
  }
  if (isRecordSetChannel(records)) return (records as { numRecords?: unknown }).numRecords;
  throw new OptionTypeError(
    'inputs',
    records,
    `a RecordSet or a list of record sets (${className} reads num_records)`,
  );
}

const plainNumber = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? value
    : typeof value === 'boolean'
      ? Number(value)
      : isPyFloat(value)
        ? value.value
        : undefined;

/**
 * The `prepareTraining` hook of LinearLearner and PCA: Python's `mini_batch_size or
 * _get_default_mini_batch_size(num_records)`, capped at `maximum`.
 */
export const miniBatchSizeOrDefault =
  (maximum: number): NonNullable<AlgorithmDefinition['prepareTraining']> =>
  (estimator, records, miniBatchSize) =>
    pyTruthy(miniBatchSize) ? miniBatchSize : defaultMiniBatchSize(estimator, records, maximum);

/**
 * Python's `_get_default_mini_batch_size`: the train channel's records per instance, at least 1
 * and at most `maximum`. Python divides `num_records` by `instance_count`, so a template in
 * either is a `TypeError` there and an {@link OptionTypeError} here.
 */
export function defaultMiniBatchSize(
  estimator: AlgorithmEstimator,
  records: TrainingRecords,
  maximum: number,
): number {
  const numRecords = trainNumRecords(estimator.definition.className, records);
  const instanceCount = estimator.options.instanceCount;
  const n = plainNumber(numRecords);
  if (n === undefined)
    throw new OptionTypeError(
      'RecordSet.numRecords',
      numRecords,
      'a number to compute the default mini_batch_size from',
    );
  const count = plainNumber(instanceCount);
  if (count === undefined) {
    throw new OptionTypeError(
      `${estimator.definition.className}.instanceCount`,
      instanceCount,
      'a number to compute the default mini_batch_size from',
    );
  }
  if (count === 0)
    throw new ValidationError(
      `${estimator.definition.className}.instanceCount`,
      instanceCount,
      'a non-zero count',
    );
  const perInstance = Math.trunc(n / count);
  if (!Number.isFinite(perInstance))
    throw new ValidationError('RecordSet.numRecords', numRecords, 'a finite number');
  return Math.min(maximum, Math.max(1, perInstance));
}

/**
 * A mini-batch size as Python's range checks `mini_batch_size < low or mini_batch_size > high`
 * see it: `None` passes, numbers are compared, and anything else (a text, a template) cannot be
 * compared in Python 3 (`TypeError`).
 * @throws {@link OptionTypeError} for a value that is not a number; {@link ValidationError} out of range.
 */
export function checkMiniBatchSizeRange(
  className: string,
  miniBatchSize: unknown,
  low: number,
  high: number,
): void {
  if (miniBatchSize === undefined || miniBatchSize === null) return;
  const n = plainNumber(miniBatchSize);
  if (n === undefined)
    throw new OptionTypeError(
      `${className} mini_batch_size`,
      miniBatchSize,
      `a number in [${low}, ${high}]`,
    );
  if (n < low || n > high) {
    throw new ValidationError(
      `${className} mini_batch_size`,
      miniBatchSize,
      `a number in [${low}, ${high}]`,
    );
  }
}

export { coerceHyperparameter };
