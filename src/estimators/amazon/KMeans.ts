/** k-means clustering (Python's `sagemaker.amazon.kmeans.KMeans` and `KMeansModel`). */
import { kmeansRegistry } from '../../imageUris/generated/registries/kmeans.js';
import {
  AlgorithmEstimator,
  AlgorithmModel,
  defineHyperparameterProperties,
  type AlgorithmDefinition,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp } from './hyperparameters.js';
import type { PyNumber } from '../../pythonCompat/pyFloat.js';
import type { PyValue } from '../types.js';

const HYPERPARAMETERS = [
  hp('k', 'int', 'An integer greater-than 1', { gt: 1 }),
  hp('init_method', 'str', 'One of "random", "kmeans++"', { isin: ['random', 'kmeans++'] }),
  {
    ...hp('local_lloyd_max_iter', 'int', 'An integer greater-than 0', { gt: 0 }),
    attribute: 'max_iterations',
  },
  {
    ...hp('local_lloyd_tol', 'float', 'An float in [0, 1]', { ge: 0 }, { le: 1 }),
    attribute: 'tol',
  },
  {
    ...hp('local_lloyd_num_trials', 'int', 'An integer greater-than 0', { gt: 0 }),
    attribute: 'num_trials',
  },
  {
    ...hp('local_lloyd_init_method', 'str', 'One of "random", "kmeans++"', {
      isin: ['random', 'kmeans++'],
    }),
    attribute: 'local_init_method',
  },
  hp('half_life_time_size', 'int', 'An integer greater-than-or-equal-to 0', { ge: 0 }),
  hp('epochs', 'int', 'An integer greater-than 0', { gt: 0 }),
  {
    ...hp('extra_center_factor', 'int', 'An integer greater-than 0', { gt: 0 }),
    attribute: 'center_factor',
  },
  hp('eval_metrics', 'list', 'A comma separated list of "msd" or "ssd"'),
] as const;

/** The KMeans algorithm. */
export const KMEANS_ALGORITHM: AlgorithmDefinition = {
  className: 'KMeans',
  pythonModule: 'sagemaker.amazon.kmeans',
  registry: kmeansRegistry,
  hyperparameters: HYPERPARAMETERS,
  // Python's `KMeans.hyperparameters()` puts this first, before the typed ones.
  fixedHyperparameters: { force_dense: 'True' },
};

/** Options of {@link KMeans}. */
export interface KMeansProps extends AlgorithmEstimatorProps {
  /** Clusters to produce. */
  readonly k: number;
  /** How cluster centers start: `random` or `kmeans++`. @default - not sent (the algorithm's default) */
  readonly initMethod?: 'random' | 'kmeans++';
  /** Most Lloyd iterations of the local k-means run at the end (sent as `local_lloyd_max_iter`). @default - not sent (the algorithm's default) */
  readonly maxIterations?: number;
  /** Tolerance on the change in SSD that stops the local k-means early, in [0, 1] (sent as `local_lloyd_tol`). @default - not sent (the algorithm's default) */
  readonly tol?: number;
  /** Runs of the local k-means, the best of which is kept (sent as `local_lloyd_num_trials`). @default - not sent (the algorithm's default) */
  readonly numTrials?: number;
  /** Initialization of the local k-means: `random` or `kmeans++` (sent as `local_lloyd_init_method`). @default - not sent (the algorithm's default) */
  readonly localInitMethod?: 'random' | 'kmeans++';
  /** Points after which an observed point weighs half as much (0: no decay). @default - not sent (the algorithm's default) */
  readonly halfLifeTimeSize?: number;
  /** Passes over the training data. @default - not sent (the algorithm's default) */
  readonly epochs?: number;
  /** Factor on `k` for the centers kept while training (sent as `extra_center_factor`). @default - not sent (the algorithm's default) */
  readonly centerFactor?: number;
  /** Metrics reported on test data: `msd` and/or `ssd`. @default - not sent (the algorithm's default) */
  readonly evalMetrics?: readonly (string | number)[];
}

/**
 * k-means clustering.
 * @example
 * const est = new KMeans({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', k: 10 });
 * @throws {@link ValidationError} for a hyperparameter outside its range.
 */
export class KMeans extends AlgorithmEstimator {
  declare k: number | undefined;
  declare initMethod: string | undefined;
  declare maxIterations: number | undefined;
  declare tol: PyNumber | undefined;
  declare numTrials: number | undefined;
  declare localInitMethod: string | undefined;
  declare halfLifeTimeSize: number | undefined;
  declare epochs: number | undefined;
  declare centerFactor: number | undefined;
  declare evalMetrics: PyValue[] | undefined;

  constructor(props: KMeansProps) {
    super(KMEANS_ALGORITHM, props as KMeansProps & Record<string, unknown>);
  }
}
defineHyperparameterProperties(KMeans, HYPERPARAMETERS);

/** A trained KMeans model on the KMeans image. */
export class KMeansModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(KMEANS_ALGORITHM, props);
  }
}
