/** k-nearest neighbors (Python's `sagemaker.amazon.knn.KNN` and `KNNModel`). */
import { ValidationError } from '../../errors.js';
import { knnRegistry } from '../../imageUris/generated/registries/knn.js';
import {
  AlgorithmEstimator,
  AlgorithmModel,
  defineHyperparameterProperties,
  type AlgorithmDefinition,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp } from './hyperparameters.js';
import type { Templated } from '../../templates.js';

const HYPERPARAMETERS = [
  hp('k', 'int', 'An integer greater than 0', { ge: 1 }),
  hp('sample_size', 'int', 'An integer greater than 0', { ge: 1 }),
  hp('predictor_type', 'str', 'One of "classifier" or "regressor"', {
    isin: ['classifier', 'regressor'],
  }),
  hp('dimension_reduction_target', 'int', 'An integer greater than 0 and less than feature_dim', {
    ge: 1,
  }),
  hp('dimension_reduction_type', 'str', 'One of "sign" or "fjlt"', { isin: ['sign', 'fjlt'] }),
  hp('index_metric', 'str', 'One of "COSINE", "INNER_PRODUCT", "L2"', {
    isin: ['COSINE', 'INNER_PRODUCT', 'L2'],
  }),
  hp('index_type', 'str', 'One of "faiss.Flat", "faiss.IVFFlat", "faiss.IVFPQ"', {
    isin: ['faiss.Flat', 'faiss.IVFFlat', 'faiss.IVFPQ'],
  }),
  hp('faiss_index_ivf_nlists', 'str', '"auto" or an integer greater than 0'),
  hp('faiss_index_pq_m', 'int', 'An integer greater than 0', { ge: 1 }),
] as const;

/** The KNN algorithm. */
export const KNN_ALGORITHM: AlgorithmDefinition = {
  className: 'KNN',
  pythonModule: 'sagemaker.amazon.knn',
  registry: knnRegistry,
  hyperparameters: HYPERPARAMETERS,
};

/** Options of {@link KNN}. */
export interface KNNProps extends AlgorithmEstimatorProps {
  /** Number of neighbors. */
  readonly k: Templated<number>;
  /** Data points sampled for the index. */
  readonly sampleSize: Templated<number>;
  /** `classifier` or `regressor`. */
  readonly predictorType: 'classifier' | 'regressor';
  /** Required with `dimensionReductionType`. @default - none */
  readonly dimensionReductionTarget?: number;
  /** `sign` or `fjlt`. @default - none */
  readonly dimensionReductionType?: 'sign' | 'fjlt';
  /** `COSINE`, `INNER_PRODUCT` or `L2`. @default - the algorithm's (L2) */
  readonly indexMetric?: 'COSINE' | 'INNER_PRODUCT' | 'L2';
  /** `faiss.Flat`, `faiss.IVFFlat` or `faiss.IVFPQ`. @default - the algorithm's (faiss.Flat) */
  readonly indexType?: 'faiss.Flat' | 'faiss.IVFFlat' | 'faiss.IVFPQ';
  /** `auto` or a positive integer. @default - the algorithm's (auto) */
  readonly faissIndexIvfNlists?: string | number;
  /** Sub-vectors of the PQ index. @default - the algorithm's */
  readonly faissIndexPqM?: number;
}

/**
 * k-nearest neighbors classification or regression.
 * @example
 * const knn = new KNN({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', k: 3, sampleSize: 150, predictorType: 'classifier' });
 * @throws {@link ValidationError} for a hyperparameter outside its range, or a reduction type without a target.
 */
export class KNN extends AlgorithmEstimator {
  declare k: number | undefined;
  declare sampleSize: number | undefined;
  declare predictorType: string | undefined;
  declare dimensionReductionTarget: number | undefined;
  declare dimensionReductionType: string | undefined;
  declare indexMetric: string | undefined;
  declare indexType: string | undefined;
  declare faissIndexIvfNlists: string | undefined;
  declare faissIndexPqM: number | undefined;

  constructor(props: KNNProps) {
    super(KNN_ALGORITHM, props as KNNProps & Record<string, unknown>);
    if (props.dimensionReductionType && !props.dimensionReductionTarget) {
      throw new ValidationError(
        'KNN.dimensionReductionTarget',
        props.dimensionReductionTarget,
        'a target dimension when dimensionReductionType is set',
      );
    }
  }
}
defineHyperparameterProperties(KNN, HYPERPARAMETERS);

/** A trained KNN model on the KNN image. */
export class KNNModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(KNN_ALGORITHM, props);
  }
}
