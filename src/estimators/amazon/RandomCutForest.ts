/** Random cut forest anomaly detection (Python's `sagemaker.amazon.randomcutforest.RandomCutForest` and `RandomCutForestModel`). */
import { randomcutforestRegistry } from '../../imageUris/generated/registries/randomcutforest.js';
import {
  AlgorithmEstimator,
  defineAlgorithm,
  AlgorithmModel,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { ValidationError } from '../../errors.js';
import { numberOf, isPyFloat } from '../../pythonCompat/pyFloat.js';
import { hp, type HyperparameterProps } from './hyperparameterTable.js';

/**
 * Builds the RandomCutForest hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const randomCutForestHyperparameters = () => ({
  /** Samples per tree, in [1, 2048]. @default - not sent (the algorithm's default) */
  numSamplesPerTree: hp(
    'num_samples_per_tree',
    'int',
    'An integer in [1, 2048]',
    { ge: 1 },
    { le: 2048 },
  ),
  /** Trees in the forest, in [50, 1000]. @default - not sent (the algorithm's default) */
  numTrees: hp('num_trees', 'int', 'An integer in [50, 1000]', { ge: 50 }, { le: 1000 }),
  /** Metrics reported on test data: `accuracy` and/or `precision_recall_fscore`. @default - not sent (the algorithm's default) */
  evalMetrics: hp(
    'eval_metrics',
    'list',
    'A comma separated list of "accuracy" or "precision_recall_fscore"',
  ),
});
type RandomCutForestHyperparameters = ReturnType<typeof randomCutForestHyperparameters>;

/** The only mini-batch size Random Cut Forest trains with. */
const MINI_BATCH_SIZE = 1000;

/** The RandomCutForest algorithm. */
export const RANDOM_CUT_FOREST_ALGORITHM = defineAlgorithm({
  className: 'RandomCutForest',
  pythonModule: 'sagemaker.amazon.randomcutforest',
  registry: randomcutforestRegistry,
  table: randomCutForestHyperparameters,
  featureDimSpec: hp('feature_dim', 'int', 'An integer in [1, 10000]', { ge: 1 }, { le: 10000 }),
  prepareTraining: (_estimator, _records, miniBatchSize) => {
    if (miniBatchSize === undefined || miniBatchSize === null) return MINI_BATCH_SIZE;
    // Python compares with `!=`: 1000.0 is accepted, the text "1000" is not.
    const n =
      typeof miniBatchSize === 'number' || isPyFloat(miniBatchSize)
        ? numberOf(miniBatchSize)
        : undefined;
    if (n !== MINI_BATCH_SIZE) {
      throw new ValidationError(
        'RandomCutForest mini_batch_size',
        miniBatchSize,
        `${MINI_BATCH_SIZE} (Random Cut Forest uses a fixed mini-batch size)`,
      );
    }
    return miniBatchSize;
  },
});

/** Options of {@link RandomCutForest}. */
export interface RandomCutForestProps
  extends AlgorithmEstimatorProps, HyperparameterProps<RandomCutForestHyperparameters> {}

/**
 * Random cut forest anomaly detection.
 * @example
 * const est = new RandomCutForest({ session, role, instanceCount: 1, instanceType: 'ml.m5.large' });
 * @throws {@link ValidationError} for a hyperparameter outside its range; training configs throw it
 * for a mini-batch size other than 1000 or a feature dimension outside [1, 10000].
 */
export class RandomCutForest extends AlgorithmEstimator<RandomCutForestHyperparameters> {
  constructor(props: RandomCutForestProps) {
    super(RANDOM_CUT_FOREST_ALGORITHM, props);
  }
}

/** A trained RandomCutForest model on the RandomCutForest image. */
export class RandomCutForestModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(RANDOM_CUT_FOREST_ALGORITHM, props);
  }
}
