/**
 * What defines a built-in algorithm: its Python class, image registry, hyperparameter table and
 * training hooks. {@link defineAlgorithm} derives, once per algorithm, what every estimator of it
 * reads on each construction (the table's rows in order, the specs by wire name).
 */
import type { ImageRegistry } from '../../imageUris/registryData.js';
import type { ResolvedEstimatorBase } from '../EstimatorBase.js';
import type { HyperparameterSpec } from './hyperparameters.js';
import {
  FEATURE_DIM,
  MINI_BATCH_SIZE,
  tableEntries,
  type HyperparameterTable,
  type TableEntry,
} from './hyperparameterTable.js';

/** The records a training call received, as `_prepare_for_training` sees them. */
export type TrainingRecords = unknown;

/** What a training hook reads of the estimator. */
export interface TrainingEstimator {
  readonly definition: { readonly className: string };
  readonly options: Pick<ResolvedEstimatorBase, 'instanceCount'>;
}

/**
 * The algorithm's `_prepare_for_training` before the shared part: checks, and the mini-batch size
 * to store (a default it computes). Throws where Python raises.
 */
export type PrepareTraining = (
  estimator: TrainingEstimator,
  records: TrainingRecords,
  miniBatchSize: unknown,
) => unknown;

/** What an algorithm module declares ({@link defineAlgorithm} derives the rest). */
export interface AlgorithmDeclaration<T extends HyperparameterTable> {
  /** Python class name, used in messages and record-set keys (e.g. `KNN`). */
  readonly className: string;
  /** Python module of the class, written by the tuner's `include_cls_metadata` (e.g. `sagemaker.amazon.knn`). */
  readonly pythonModule: string;
  /** The algorithm's image registry. */
  readonly registry: ImageRegistry;
  /** @default '1' */
  readonly repoVersion?: string;
  /**
   * Builds the algorithm's own hyperparameters, keyed by option name (`feature_dim` and
   * `mini_batch_size` are added unless the table has its own `mini_batch_size` row). Called once,
   * when the first estimator of the algorithm is built: every program that imports the root loads
   * all ten algorithms, and building their tables at import took ~1.5 ms of CPU and ~150 KB of
   * young heap, enough to set off a scavenge before a one-config program ends (issue 18).
   */
  readonly table: () => T;
  /** Replaces the shared `feature_dim` spec (RandomCutForest narrows it). @default - {@link FEATURE_DIM} */
  readonly featureDimSpec?: HyperparameterSpec;
  /** The algorithm's training hook. @default - none: the call's mini-batch size as given */
  readonly prepareTraining?: PrepareTraining;
  /** Hyperparameters written before the others (KMeans' `force_dense`). @default - none */
  readonly fixedHyperparameters?: Readonly<Record<string, string>>;
}

/**
 * An algorithm, with what its estimators read on each construction computed once (on first
 * read: see the `table` of the declaration `defineAlgorithm` takes).
 */
export interface AlgorithmDefinition<
  T extends HyperparameterTable = HyperparameterTable,
> extends Omit<AlgorithmDeclaration<T>, 'table'> {
  /** The algorithm's own hyperparameters, keyed by option name. */
  readonly table: T;
  /** The table's specs in the order written (what Python's class declares). */
  readonly hyperparameters: readonly HyperparameterSpec[];
  /** The table's rows with their option names, in the order written. */
  readonly entries: readonly TableEntry[];
  /** Every row an estimator of it has (its own, `feature_dim`, `mini_batch_size`) by option name. */
  readonly byOption: ReadonlyMap<string, HyperparameterSpec>;
  /** The same specs by wire name. */
  readonly byName: ReadonlyMap<string, HyperparameterSpec>;
  /** The `feature_dim` spec. */
  readonly featureDimSpec: HyperparameterSpec;
  /** The `mini_batch_size` spec (Object2Vec narrows it in its table). */
  readonly miniBatchSizeSpec: HyperparameterSpec;
}

/** What {@link defineAlgorithm} derives from a table. */
type Derived<T extends HyperparameterTable> = Pick<
  AlgorithmDefinition<T>,
  | 'table'
  | 'hyperparameters'
  | 'entries'
  | 'byOption'
  | 'byName'
  | 'featureDimSpec'
  | 'miniBatchSizeSpec'
>;

function derive<T extends HyperparameterTable>(declaration: AlgorithmDeclaration<T>): Derived<T> {
  const table = declaration.table();
  const entries = tableEntries(table);
  const own = entries.find((e) => e.spec.name === MINI_BATCH_SIZE.name);
  const featureDimSpec = declaration.featureDimSpec ?? FEATURE_DIM;
  const miniBatchSizeSpec = own?.spec ?? MINI_BATCH_SIZE;
  const all: TableEntry[] = [
    ...entries,
    { option: 'featureDim', spec: featureDimSpec },
    ...(own ? [] : [{ option: 'miniBatchSize', spec: miniBatchSizeSpec }]),
  ];
  return {
    table,
    hyperparameters: entries.map((e) => e.spec),
    entries,
    byOption: new Map(all.map((e) => [e.option, e.spec])),
    byName: new Map(all.map((e) => [e.spec.name, e.spec])),
    featureDimSpec,
    miniBatchSizeSpec,
  };
}

/**
 * Derives an algorithm's definition from its declaration: when its module loads, only the
 * declaration is kept; the table and what comes from it are built on the first read of any.
 */
export function defineAlgorithm<T extends HyperparameterTable>(
  declaration: AlgorithmDeclaration<T>,
): AlgorithmDefinition<T> {
  let derived: Derived<T> | undefined;
  const get = (): Derived<T> => (derived ??= derive(declaration));
  return {
    ...declaration,
    get table() {
      return get().table;
    },
    get hyperparameters() {
      return get().hyperparameters;
    },
    get entries() {
      return get().entries;
    },
    get byOption() {
      return get().byOption;
    },
    get byName() {
      return get().byName;
    },
    get featureDimSpec() {
      return get().featureDimSpec;
    },
    get miniBatchSizeSpec() {
      return get().miniBatchSizeSpec;
    },
  };
}
