/** Factorization machines for classification and regression on sparse data (Python's `sagemaker.amazon.factorization_machines.FactorizationMachines` and `FactorizationMachinesModel`). */
import { factorizationMachinesRegistry } from '../../imageUris/generated/registries/factorization-machines.js';
import {
  AlgorithmEstimator,
  defineAlgorithm,
  AlgorithmModel,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp, required, type HyperparameterProps } from './hyperparameterTable.js';

/**
 * Builds the FactorizationMachines hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const factorizationMachinesHyperparameters = () => ({
  /** Dimension of the factorization. */
  numFactors: required(hp('num_factors', 'int', 'An integer greater than zero', { gt: 0 })),
  /** `binary_classifier` or `regressor`. */
  predictorType: required(
    hp('predictor_type', 'str', 'Value "binary_classifier" or "regressor"', {
      isin: ['binary_classifier', 'regressor'],
    }),
  ),
  /** Training epochs. @default - not sent (the algorithm's default) */
  epochs: hp('epochs', 'int', 'An integer greater than 0', { gt: 0 }),
  /** Optimizer: clips each gradient component to [-clipGradient, clipGradient]. @default - not sent (the algorithm's default) */
  clipGradient: hp('clip_gradient', 'float', 'A float value'),
  /** Optimizer: small constant that avoids division by zero. @default - not sent (the algorithm's default) */
  eps: hp('eps', 'float', 'A float value'),
  /** Optimizer: factor the gradient is multiplied by before the update. @default - not sent (the algorithm's default) */
  rescaleGrad: hp('rescale_grad', 'float', 'A float value'),
  /** Learning rate of the bias term (non-negative). @default - not sent (the algorithm's default) */
  biasLr: hp('bias_lr', 'float', 'A non-negative float', { ge: 0 }),
  /** Learning rate of the linear terms (non-negative). @default - not sent (the algorithm's default) */
  linearLr: hp('linear_lr', 'float', 'A non-negative float', { ge: 0 }),
  /** Learning rate of the factorization terms (non-negative). @default - not sent (the algorithm's default) */
  factorsLr: hp('factors_lr', 'float', 'A non-negative float', { ge: 0 }),
  /** Weight decay of the bias term (non-negative). @default - not sent (the algorithm's default) */
  biasWd: hp('bias_wd', 'float', 'A non-negative float', { ge: 0 }),
  /** Weight decay of the linear terms (non-negative). @default - not sent (the algorithm's default) */
  linearWd: hp('linear_wd', 'float', 'A non-negative float', { ge: 0 }),
  /** Weight decay of the factorization terms (non-negative). @default - not sent (the algorithm's default) */
  factorsWd: hp('factors_wd', 'float', 'A non-negative float', { ge: 0 }),
  /** How the bias term starts: `normal`, `uniform` or `constant`. @default - not sent (the algorithm's default) */
  biasInitMethod: hp('bias_init_method', 'str', 'Value "normal", "uniform" or "constant"', {
    isin: ['normal', 'uniform', 'constant'],
  }),
  /** Range of the `uniform` bias initialization (non-negative). @default - not sent (the algorithm's default) */
  biasInitScale: hp('bias_init_scale', 'float', 'A non-negative float', { ge: 0 }),
  /** Standard deviation of the `normal` bias initialization (non-negative). @default - not sent (the algorithm's default) */
  biasInitSigma: hp('bias_init_sigma', 'float', 'A non-negative float', { ge: 0 }),
  /** Start value of the `constant` bias initialization. @default - not sent (the algorithm's default) */
  biasInitValue: hp('bias_init_value', 'float', 'A float value'),
  /** How the linear terms start: `normal`, `uniform` or `constant`. @default - not sent (the algorithm's default) */
  linearInitMethod: hp('linear_init_method', 'str', 'Value "normal", "uniform" or "constant"', {
    isin: ['normal', 'uniform', 'constant'],
  }),
  /** Range of the `uniform` linear initialization (non-negative). @default - not sent (the algorithm's default) */
  linearInitScale: hp('linear_init_scale', 'float', 'A non-negative float', { ge: 0 }),
  /** Standard deviation of the `normal` linear initialization (non-negative). @default - not sent (the algorithm's default) */
  linearInitSigma: hp('linear_init_sigma', 'float', 'A non-negative float', { ge: 0 }),
  /** Start value of the `constant` linear initialization. @default - not sent (the algorithm's default) */
  linearInitValue: hp('linear_init_value', 'float', 'A float value'),
  /** How the factorization terms start: `normal`, `uniform` or `constant`. @default - not sent (the algorithm's default) */
  factorsInitMethod: hp('factors_init_method', 'str', 'Value "normal", "uniform" or "constant"', {
    isin: ['normal', 'uniform', 'constant'],
  }),
  /** Range of the `uniform` factorization initialization (non-negative). @default - not sent (the algorithm's default) */
  factorsInitScale: hp('factors_init_scale', 'float', 'A non-negative float', { ge: 0 }),
  /** Standard deviation of the `normal` factorization initialization (non-negative). @default - not sent (the algorithm's default) */
  factorsInitSigma: hp('factors_init_sigma', 'float', 'A non-negative float', { ge: 0 }),
  /** Start value of the `constant` factorization initialization. @default - not sent (the algorithm's default) */
  factorsInitValue: hp('factors_init_value', 'float', 'A float value'),
});
type FactorizationMachinesHyperparameters = ReturnType<typeof factorizationMachinesHyperparameters>;

/** The FactorizationMachines algorithm. */
export const FACTORIZATION_MACHINES_ALGORITHM = defineAlgorithm({
  className: 'FactorizationMachines',
  pythonModule: 'sagemaker.amazon.factorization_machines',
  registry: factorizationMachinesRegistry,
  table: factorizationMachinesHyperparameters,
});

/** Options of {@link FactorizationMachines}. */
export interface FactorizationMachinesProps
  extends AlgorithmEstimatorProps, HyperparameterProps<FactorizationMachinesHyperparameters> {}

/**
 * Factorization machines for classification and regression on sparse data.
 * @example
 * const est = new FactorizationMachines({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', numFactors: 10, predictorType: 'binary_classifier' });
 * @throws {@link ValidationError} for a hyperparameter outside its range.
 */
export class FactorizationMachines extends AlgorithmEstimator<FactorizationMachinesHyperparameters> {
  constructor(props: FactorizationMachinesProps) {
    super(FACTORIZATION_MACHINES_ALGORITHM, props);
  }
}

/** A trained FactorizationMachines model on the FactorizationMachines image. */
export class FactorizationMachinesModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(FACTORIZATION_MACHINES_ALGORITHM, props);
  }
}
