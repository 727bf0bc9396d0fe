/** Latent Dirichlet allocation, on a single instance (Python's `sagemaker.amazon.lda.LDA` and `LDAModel`). */
import { ldaRegistry } from '../../imageUris/generated/registries/lda.js';
import {
  AlgorithmEstimator,
  defineAlgorithm,
  AlgorithmModel,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { MissingOptionError } from '../../errors.js';
import { checkOptionsObject } from '../../internal/checkInput.js';
import type { Templated } from '../../templates.js';
import { hp, required, type HyperparameterProps } from './hyperparameterTable.js';

/**
 * Builds the LDA hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const ldaHyperparameters = () => ({
  /** Topics to find. */
  numTopics: required(hp('num_topics', 'int', 'An integer greater than zero', { gt: 0 })),
  /** Initial guess of the concentration parameter. @default - not sent (the algorithm's default) */
  alpha0: hp('alpha0', 'float', 'A positive float', { gt: 0 }),
  /** Restarts of the ALS spectral decomposition. @default - not sent (the algorithm's default) */
  maxRestarts: hp('max_restarts', 'int', 'An integer greater than zero', { gt: 0 }),
  /** Most iterations of the ALS phase. @default - not sent (the algorithm's default) */
  maxIterations: hp('max_iterations', 'int', 'An integer greater than zero', { gt: 0 }),
  /** Target error tolerance of the ALS phase. @default - not sent (the algorithm's default) */
  tol: hp('tol', 'float', 'A positive float', { gt: 0 }),
});
type LDAHyperparameters = ReturnType<typeof ldaHyperparameters>;

/** The LDA algorithm. */
export const LDA_ALGORITHM = defineAlgorithm({
  className: 'LDA',
  pythonModule: 'sagemaker.amazon.lda',
  registry: ldaRegistry,
  table: ldaHyperparameters,
  // Python's LDA raises when `mini_batch_size` is None: the algorithm has no default for it.
  prepareTraining: (_estimator, _records, miniBatchSize) => {
    if (miniBatchSize === undefined || miniBatchSize === null) {
      throw new MissingOptionError(
        'LDA mini_batch_size',
        'LDA needs a mini-batch size for training',
      );
    }
    return miniBatchSize;
  },
});

/** Options of {@link LDA}. */
export interface LDAProps extends AlgorithmEstimatorProps, HyperparameterProps<LDAHyperparameters> {
  /** Ignored: LDA trains on a single instance (Python logs a warning for another count). @default 1 */
  readonly instanceCount?: Templated<number>;
}

/**
 * Latent Dirichlet allocation, on a single instance.
 * @example
 * const est = new LDA({ session, role, instanceType: 'ml.c4.xlarge', numTopics: 20 });
 * @throws {@link ValidationError} for a hyperparameter outside its range; training configs throw
 * {@link MissingOptionError} without a mini-batch size.
 */
export class LDA extends AlgorithmEstimator<LDAHyperparameters> {
  constructor(props: LDAProps) {
    // Python pops `instance_count` and always passes 1.
    checkOptionsObject('LDA', props);
    super(LDA_ALGORITHM, { ...props, instanceCount: 1 });
  }
}

/** A trained LDA model on the LDA image. */
export class LDAModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(LDA_ALGORITHM, props);
  }
}
