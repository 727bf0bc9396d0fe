/** k-means clustering (Python's `sagemaker.amazon.kmeans.KMeans` and `KMeansModel`). */
import { kmeansRegistry } from '../../imageUris/generated/registries/kmeans.js';
import {
  AlgorithmEstimator,
  defineAlgorithm,
  AlgorithmModel,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp, required, type HyperparameterProps } from './hyperparameterTable.js';

/**
 * Builds the KMeans hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const kMeansHyperparameters = () => ({
  /** Clusters to produce. */
  k: required(hp('k', 'int', 'An integer greater-than 1', { gt: 1 })),
  /** How cluster centers start: `random` or `kmeans++`. @default - not sent (the algorithm's default) */
  initMethod: hp('init_method', 'str', 'One of "random", "kmeans++"', {
    isin: ['random', 'kmeans++'],
  }),
  /** Most Lloyd iterations of the local k-means run at the end (sent as `local_lloyd_max_iter`). @default - not sent (the algorithm's default) */
  maxIterations: hp('local_lloyd_max_iter', 'int', 'An integer greater-than 0', { gt: 0 }),
  /** Tolerance on the change in SSD that stops the local k-means early, in [0, 1] (sent as `local_lloyd_tol`). @default - not sent (the algorithm's default) */
  tol: hp('local_lloyd_tol', 'float', 'An float in [0, 1]', { ge: 0 }, { le: 1 }),
  /** Runs of the local k-means, the best of which is kept (sent as `local_lloyd_num_trials`). @default - not sent (the algorithm's default) */
  numTrials: hp('local_lloyd_num_trials', 'int', 'An integer greater-than 0', { gt: 0 }),
  /** Initialization of the local k-means: `random` or `kmeans++` (sent as `local_lloyd_init_method`). @default - not sent (the algorithm's default) */
  localInitMethod: hp('local_lloyd_init_method', 'str', 'One of "random", "kmeans++"', {
    isin: ['random', 'kmeans++'],
  }),
  /** Points after which an observed point weighs half as much (0: no decay). @default - not sent (the algorithm's default) */
  halfLifeTimeSize: hp('half_life_time_size', 'int', 'An integer greater-than-or-equal-to 0', {
    ge: 0,
  }),
  /** Passes over the training data. @default - not sent (the algorithm's default) */
  epochs: hp('epochs', 'int', 'An integer greater-than 0', { gt: 0 }),
  /** Factor on `k` for the centers kept while training (sent as `extra_center_factor`). @default - not sent (the algorithm's default) */
  centerFactor: hp('extra_center_factor', 'int', 'An integer greater-than 0', { gt: 0 }),
  /** Metrics reported on test data: `msd` and/or `ssd`. @default - not sent (the algorithm's default) */
  evalMetrics: hp('eval_metrics', 'list', 'A comma separated list of "msd" or "ssd"'),
});
type KMeansHyperparameters = ReturnType<typeof kMeansHyperparameters>;

/** The KMeans algorithm. */
export const KMEANS_ALGORITHM = defineAlgorithm({
  className: 'KMeans',
  pythonModule: 'sagemaker.amazon.kmeans',
  registry: kmeansRegistry,
  table: kMeansHyperparameters,
  // Python's `KMeans.hyperparameters()` puts this first, before the typed ones.
  fixedHyperparameters: { force_dense: 'True' },
});

/** Options of {@link KMeans}. */
export interface KMeansProps
  extends AlgorithmEstimatorProps, HyperparameterProps<KMeansHyperparameters> {}

/**
 * k-means clustering.
 * @example
 * const est = new KMeans({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', k: 10 });
 * @throws {@link ValidationError} for a hyperparameter outside its range.
 */
export class KMeans extends AlgorithmEstimator<KMeansHyperparameters> {
  constructor(props: KMeansProps) {
    super(KMEANS_ALGORITHM, props);
  }
}

/** A trained KMeans model on the KMeans image. */
export class KMeansModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(KMEANS_ALGORITHM, props);
  }
}
