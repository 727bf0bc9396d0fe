/** Principal component analysis (Python's `sagemaker.amazon.pca.PCA` and `PCAModel`). */
import { pcaRegistry } from '../../imageUris/generated/registries/pca.js';
import {
  AlgorithmEstimator,
  defineAlgorithm,
  AlgorithmModel,
  miniBatchSizeOrDefault,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp, required, type HyperparameterProps } from './hyperparameterTable.js';

/** The largest default mini-batch size (Python's `DEFAULT_MINI_BATCH_SIZE`). */
const DEFAULT_MINI_BATCH_SIZE = 500;

/**
 * Builds the PCA hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const pcaHyperparameters = () => ({
  /** Principal components to compute. */
  numComponents: required(
    hp('num_components', 'int', 'Value must be an integer greater than zero', { gt: 0 }),
  ),
  /** `regular` or `randomized`. @default - not sent (the algorithm's default) */
  algorithmMode: hp('algorithm_mode', 'str', 'Value must be one of "regular" and "randomized"', {
    isin: ['regular', 'randomized'],
  }),
  /** Whether the data is centered for training and inference. @default - not sent (the algorithm's default) */
  subtractMean: hp('subtract_mean', 'bool', 'Value must be a boolean'),
  /** `randomized` mode: extra components for accuracy (-1: max(10, numComponents)). @default - not sent (the algorithm's default) */
  extraComponents: hp(
    'extra_components',
    'int',
    'Value must be an integer greater than or equal to 0, or -1.',
  ),
});
type PCAHyperparameters = ReturnType<typeof pcaHyperparameters>;

/** The PCA algorithm. */
export const PCA_ALGORITHM = defineAlgorithm({
  className: 'PCA',
  pythonModule: 'sagemaker.amazon.pca',
  registry: pcaRegistry,
  table: pcaHyperparameters,
  prepareTraining: miniBatchSizeOrDefault(DEFAULT_MINI_BATCH_SIZE),
});

/** Options of {@link PCA}. */
export interface PCAProps
  extends AlgorithmEstimatorProps, HyperparameterProps<PCAHyperparameters> {}

/**
 * Principal component analysis.
 * @example
 * const est = new PCA({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', numComponents: 5 });
 * @throws {@link ValidationError} for a hyperparameter outside its range; training configs without a
 * mini-batch size throw {@link OptionTypeError} when `instanceCount` or `numRecords` is a template
 * (the default is computed from them).
 */
export class PCA extends AlgorithmEstimator<PCAHyperparameters> {
  constructor(props: PCAProps) {
    super(PCA_ALGORITHM, props);
  }
}

/** A trained PCA model on the PCA image. */
export class PCAModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(PCA_ALGORITHM, props);
  }
}
