/** k-nearest neighbors (Python's `sagemaker.amazon.knn.KNN` and `KNNModel`). */
import { ValidationError } from '../../errors.js';
import { knnRegistry } from '../../imageUris/generated/registries/knn.js';
import {
  AlgorithmEstimator,
  defineAlgorithm,
  AlgorithmModel,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp, required, type HyperparameterProps } from './hyperparameterTable.js';

/**
 * Builds the KNN hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const knnHyperparameters = () => ({
  /** Number of neighbors. */
  k: required(hp('k', 'int', 'An integer greater than 0', { ge: 1 })),
  /** Data points sampled for the index. */
  sampleSize: required(hp('sample_size', 'int', 'An integer greater than 0', { ge: 1 })),
  /** `classifier` or `regressor`. */
  predictorType: required(
    hp('predictor_type', 'str', 'One of "classifier" or "regressor"', {
      isin: ['classifier', 'regressor'],
    }),
  ),
  /** Required with `dimensionReductionType`. @default - none */
  dimensionReductionTarget: hp(
    'dimension_reduction_target',
    'int',
    'An integer greater than 0 and less than feature_dim',
    {
      ge: 1,
    },
  ),
  /** `sign` or `fjlt`. @default - none */
  dimensionReductionType: hp('dimension_reduction_type', 'str', 'One of "sign" or "fjlt"', {
    isin: ['sign', 'fjlt'],
  }),
  /** `COSINE`, `INNER_PRODUCT` or `L2`. @default - the algorithm's (L2) */
  indexMetric: hp('index_metric', 'str', 'One of "COSINE", "INNER_PRODUCT", "L2"', {
    isin: ['COSINE', 'INNER_PRODUCT', 'L2'],
  }),
  /** `faiss.Flat`, `faiss.IVFFlat` or `faiss.IVFPQ`. @default - the algorithm's (faiss.Flat) */
  indexType: hp('index_type', 'str', 'One of "faiss.Flat", "faiss.IVFFlat", "faiss.IVFPQ"', {
    isin: ['faiss.Flat', 'faiss.IVFFlat', 'faiss.IVFPQ'],
  }),
  /** `auto` or a positive integer. @default - the algorithm's (auto) */
  faissIndexIvfNlists: hp('faiss_index_ivf_nlists', 'str', '"auto" or an integer greater than 0'),
  /** Sub-vectors of the PQ index. @default - the algorithm's */
  faissIndexPqM: hp('faiss_index_pq_m', 'int', 'An integer greater than 0', { ge: 1 }),
});
type KNNHyperparameters = ReturnType<typeof knnHyperparameters>;

/** The KNN algorithm. */
export const KNN_ALGORITHM = defineAlgorithm({
  className: 'KNN',
  pythonModule: 'sagemaker.amazon.knn',
  registry: knnRegistry,
  table: knnHyperparameters,
});

/** Options of {@link KNN}. */
export interface KNNProps
  extends AlgorithmEstimatorProps, HyperparameterProps<KNNHyperparameters> {}

/**
 * k-nearest neighbors classification or regression.
 * @example
 * const knn = new KNN({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', k: 3, sampleSize: 150, predictorType: 'classifier' });
 * @throws {@link ValidationError} for a hyperparameter outside its range, or a reduction type without a target.
 */
export class KNN extends AlgorithmEstimator<KNNHyperparameters> {
  constructor(props: KNNProps) {
    super(KNN_ALGORITHM, props);
    if (props.dimensionReductionType && !props.dimensionReductionTarget) {
      throw new ValidationError(
        'KNN.dimensionReductionTarget',
        props.dimensionReductionTarget,
        'a target dimension when dimensionReductionType is set',
      );
    }
  }
}

/** A trained KNN model on the KNN image. */
export class KNNModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(KNN_ALGORITHM, props);
  }
}
