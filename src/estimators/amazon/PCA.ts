/** Principal component analysis (Python's `sagemaker.amazon.pca.PCA` and `PCAModel`). */
import { pcaRegistry } from '../../imageUris/generated/registries/pca.js';
import {
  AlgorithmEstimator,
  AlgorithmModel,
  miniBatchSizeOrDefault,
  defineHyperparameterProperties,
  type AlgorithmDefinition,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp } from './hyperparameters.js';

/** The largest default mini-batch size (Python's `DEFAULT_MINI_BATCH_SIZE`). */
const DEFAULT_MINI_BATCH_SIZE = 500;

const HYPERPARAMETERS = [
  hp('num_components', 'int', 'Value must be an integer greater than zero', { gt: 0 }),
  hp('algorithm_mode', 'str', 'Value must be one of "regular" and "randomized"', {
    isin: ['regular', 'randomized'],
  }),
  hp('subtract_mean', 'bool', 'Value must be a boolean'),
  hp('extra_components', 'int', 'Value must be an integer greater than or equal to 0, or -1.'),
] as const;

/** The PCA algorithm. */
export const PCA_ALGORITHM: AlgorithmDefinition = {
  className: 'PCA',
  pythonModule: 'sagemaker.amazon.pca',
  registry: pcaRegistry,
  hyperparameters: HYPERPARAMETERS,
  prepareTraining: miniBatchSizeOrDefault(DEFAULT_MINI_BATCH_SIZE),
};

/** Options of {@link PCA}. */
export interface PCAProps extends AlgorithmEstimatorProps {
  /** Principal components to compute. */
  readonly numComponents: number;
  /** `regular` or `randomized`. @default - not sent (the algorithm's default) */
  readonly algorithmMode?: 'regular' | 'randomized';
  /** Whether the data is centered for training and inference. @default - not sent (the algorithm's default) */
  readonly subtractMean?: boolean;
  /** `randomized` mode: extra components for accuracy (-1: max(10, numComponents)). @default - not sent (the algorithm's default) */
  readonly extraComponents?: number;
}

/**
 * Principal component analysis.
 * @example
 * const est = new PCA({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', numComponents: 5 });
 * @throws {@link ValidationError} for a hyperparameter outside its range; training configs without a
 * mini-batch size throw {@link OptionTypeError} when `instanceCount` or `numRecords` is a template
 * (the default is computed from them).
 */
export class PCA extends AlgorithmEstimator {
  declare numComponents: number | undefined;
  declare algorithmMode: string | undefined;
  declare subtractMean: boolean | undefined;
  declare extraComponents: number | undefined;

  constructor(props: PCAProps) {
    super(PCA_ALGORITHM, props as PCAProps & Record<string, unknown>);
  }
}
defineHyperparameterProperties(PCA, HYPERPARAMETERS);

/** A trained PCA model on the PCA image. */
export class PCAModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(PCA_ALGORITHM, props);
  }
}
