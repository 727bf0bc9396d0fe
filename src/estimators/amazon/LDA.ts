/** Latent Dirichlet allocation, on a single instance (Python's `sagemaker.amazon.lda.LDA` and `LDAModel`). */
import { ldaRegistry } from '../../imageUris/generated/registries/lda.js';
import {
  AlgorithmEstimator,
  AlgorithmModel,
  defineHyperparameterProperties,
  type AlgorithmDefinition,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { MissingOptionError } from '../../errors.js';
import type { Templated } from '../../templates.js';
import { hp } from './hyperparameters.js';
import type { PyNumber } from '../../pythonCompat/pyFloat.js';

const HYPERPARAMETERS = [
  hp('num_topics', 'int', 'An integer greater than zero', { gt: 0 }),
  hp('alpha0', 'float', 'A positive float', { gt: 0 }),
  hp('max_restarts', 'int', 'An integer greater than zero', { gt: 0 }),
  hp('max_iterations', 'int', 'An integer greater than zero', { gt: 0 }),
  hp('tol', 'float', 'A positive float', { gt: 0 }),
] as const;

/** The LDA algorithm. */
export const LDA_ALGORITHM: AlgorithmDefinition = {
  className: 'LDA',
  pythonModule: 'sagemaker.amazon.lda',
  registry: ldaRegistry,
  hyperparameters: HYPERPARAMETERS,
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
};

/** Options of {@link LDA}. */
export interface LDAProps extends AlgorithmEstimatorProps {
  /** Ignored: LDA trains on a single instance (Python logs a warning for another count). @default 1 */
  readonly instanceCount?: Templated<number>;
  /** Topics to find. */
  readonly numTopics: number;
  /** Initial guess of the concentration parameter. @default - not sent (the algorithm's default) */
  readonly alpha0?: number;
  /** Restarts of the ALS spectral decomposition. @default - not sent (the algorithm's default) */
  readonly maxRestarts?: number;
  /** Most iterations of the ALS phase. @default - not sent (the algorithm's default) */
  readonly maxIterations?: number;
  /** Target error tolerance of the ALS phase. @default - not sent (the algorithm's default) */
  readonly tol?: number;
}

/**
 * Latent Dirichlet allocation, on a single instance.
 * @example
 * const est = new LDA({ session, role, instanceType: 'ml.c4.xlarge', numTopics: 20 });
 * @throws {@link ValidationError} for a hyperparameter outside its range; training configs throw
 * {@link MissingOptionError} without a mini-batch size.
 */
export class LDA extends AlgorithmEstimator {
  declare numTopics: number | undefined;
  declare alpha0: PyNumber | undefined;
  declare maxRestarts: number | undefined;
  declare maxIterations: number | undefined;
  declare tol: PyNumber | undefined;

  constructor(props: LDAProps) {
    // Python pops `instance_count` and always passes 1.
    super(LDA_ALGORITHM, { ...props, instanceCount: 1 });
  }
}
defineHyperparameterProperties(LDA, HYPERPARAMETERS);

/** A trained LDA model on the LDA image. */
export class LDAModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(LDA_ALGORITHM, props);
  }
}
