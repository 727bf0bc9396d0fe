/** Factorization machines for classification and regression on sparse data (Python's `sagemaker.amazon.factorization_machines.FactorizationMachines` and `FactorizationMachinesModel`). */
import { factorizationMachinesRegistry } from '../../imageUris/generated/registries/factorization-machines.js';
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

const HYPERPARAMETERS = [
  hp('num_factors', 'int', 'An integer greater than zero', { gt: 0 }),
  hp('predictor_type', 'str', 'Value "binary_classifier" or "regressor"', {
    isin: ['binary_classifier', 'regressor'],
  }),
  hp('epochs', 'int', 'An integer greater than 0', { gt: 0 }),
  hp('clip_gradient', 'float', 'A float value'),
  hp('eps', 'float', 'A float value'),
  hp('rescale_grad', 'float', 'A float value'),
  hp('bias_lr', 'float', 'A non-negative float', { ge: 0 }),
  hp('linear_lr', 'float', 'A non-negative float', { ge: 0 }),
  hp('factors_lr', 'float', 'A non-negative float', { ge: 0 }),
  hp('bias_wd', 'float', 'A non-negative float', { ge: 0 }),
  hp('linear_wd', 'float', 'A non-negative float', { ge: 0 }),
  hp('factors_wd', 'float', 'A non-negative float', { ge: 0 }),
  hp('bias_init_method', 'str', 'Value "normal", "uniform" or "constant"', {
    isin: ['normal', 'uniform', 'constant'],
  }),
  hp('bias_init_scale', 'float', 'A non-negative float', { ge: 0 }),
  hp('bias_init_sigma', 'float', 'A non-negative float', { ge: 0 }),
  hp('bias_init_value', 'float', 'A float value'),
  hp('linear_init_method', 'str', 'Value "normal", "uniform" or "constant"', {
    isin: ['normal', 'uniform', 'constant'],
  }),
  hp('linear_init_scale', 'float', 'A non-negative float', { ge: 0 }),
  hp('linear_init_sigma', 'float', 'A non-negative float', { ge: 0 }),
  hp('linear_init_value', 'float', 'A float value'),
  hp('factors_init_method', 'str', 'Value "normal", "uniform" or "constant"', {
    isin: ['normal', 'uniform', 'constant'],
  }),
  hp('factors_init_scale', 'float', 'A non-negative float', { ge: 0 }),
  hp('factors_init_sigma', 'float', 'A non-negative float', { ge: 0 }),
  hp('factors_init_value', 'float', 'A float value'),
] as const;

/** The FactorizationMachines algorithm. */
export const FACTORIZATION_MACHINES_ALGORITHM: AlgorithmDefinition = {
  className: 'FactorizationMachines',
  pythonModule: 'sagemaker.amazon.factorization_machines',
  registry: factorizationMachinesRegistry,
  hyperparameters: HYPERPARAMETERS,
};

/** Options of {@link FactorizationMachines}. */
export interface FactorizationMachinesProps extends AlgorithmEstimatorProps {
  /** Dimension of the factorization. */
  readonly numFactors: number;
  /** `binary_classifier` or `regressor`. */
  readonly predictorType: 'binary_classifier' | 'regressor';
  /** Training epochs. @default - not sent (the algorithm's default) */
  readonly epochs?: number;
  /** Optimizer: clips each gradient component to [-clipGradient, clipGradient]. @default - not sent (the algorithm's default) */
  readonly clipGradient?: number;
  /** Optimizer: small constant that avoids division by zero. @default - not sent (the algorithm's default) */
  readonly eps?: number;
  /** Optimizer: factor the gradient is multiplied by before the update. @default - not sent (the algorithm's default) */
  readonly rescaleGrad?: number;
  /** Learning rate of the bias term (non-negative). @default - not sent (the algorithm's default) */
  readonly biasLr?: number;
  /** Learning rate of the linear terms (non-negative). @default - not sent (the algorithm's default) */
  readonly linearLr?: number;
  /** Learning rate of the factorization terms (non-negative). @default - not sent (the algorithm's default) */
  readonly factorsLr?: number;
  /** Weight decay of the bias term (non-negative). @default - not sent (the algorithm's default) */
  readonly biasWd?: number;
  /** Weight decay of the linear terms (non-negative). @default - not sent (the algorithm's default) */
  readonly linearWd?: number;
  /** Weight decay of the factorization terms (non-negative). @default - not sent (the algorithm's default) */
  readonly factorsWd?: number;
  /** How the bias term starts: `normal`, `uniform` or `constant`. @default - not sent (the algorithm's default) */
  readonly biasInitMethod?: 'normal' | 'uniform' | 'constant';
  /** Range of the `uniform` bias initialization (non-negative). @default - not sent (the algorithm's default) */
  readonly biasInitScale?: number;
  /** Standard deviation of the `normal` bias initialization (non-negative). @default - not sent (the algorithm's default) */
  readonly biasInitSigma?: number;
  /** Start value of the `constant` bias initialization. @default - not sent (the algorithm's default) */
  readonly biasInitValue?: number;
  /** How the linear terms start: `normal`, `uniform` or `constant`. @default - not sent (the algorithm's default) */
  readonly linearInitMethod?: 'normal' | 'uniform' | 'constant';
  /** Range of the `uniform` linear initialization (non-negative). @default - not sent (the algorithm's default) */
  readonly linearInitScale?: number;
  /** Standard deviation of the `normal` linear initialization (non-negative). @default - not sent (the algorithm's default) */
  readonly linearInitSigma?: number;
  /** Start value of the `constant` linear initialization. @default - not sent (the algorithm's default) */
  readonly linearInitValue?: number;
  /** How the factorization terms start: `normal`, `uniform` or `constant`. @default - not sent (the algorithm's default) */
  readonly factorsInitMethod?: 'normal' | 'uniform' | 'constant';
  /** Range of the `uniform` factorization initialization (non-negative). @default - not sent (the algorithm's default) */
  readonly factorsInitScale?: number;
  /** Standard deviation of the `normal` factorization initialization (non-negative). @default - not sent (the algorithm's default) */
  readonly factorsInitSigma?: number;
  /** Start value of the `constant` factorization initialization. @default - not sent (the algorithm's default) */
  readonly factorsInitValue?: number;
}

/**
 * Factorization machines for classification and regression on sparse data.
 * @example
 * const est = new FactorizationMachines({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', numFactors: 10, predictorType: 'binary_classifier' });
 * @throws {@link ValidationError} for a hyperparameter outside its range.
 */
export class FactorizationMachines extends AlgorithmEstimator {
  declare numFactors: number | undefined;
  declare predictorType: string | undefined;
  declare epochs: number | undefined;
  declare clipGradient: PyNumber | undefined;
  declare eps: PyNumber | undefined;
  declare rescaleGrad: PyNumber | undefined;
  declare biasLr: PyNumber | undefined;
  declare linearLr: PyNumber | undefined;
  declare factorsLr: PyNumber | undefined;
  declare biasWd: PyNumber | undefined;
  declare linearWd: PyNumber | undefined;
  declare factorsWd: PyNumber | undefined;
  declare biasInitMethod: string | undefined;
  declare biasInitScale: PyNumber | undefined;
  declare biasInitSigma: PyNumber | undefined;
  declare biasInitValue: PyNumber | undefined;
  declare linearInitMethod: string | undefined;
  declare linearInitScale: PyNumber | undefined;
  declare linearInitSigma: PyNumber | undefined;
  declare linearInitValue: PyNumber | undefined;
  declare factorsInitMethod: string | undefined;
  declare factorsInitScale: PyNumber | undefined;
  declare factorsInitSigma: PyNumber | undefined;
  declare factorsInitValue: PyNumber | undefined;

  constructor(props: FactorizationMachinesProps) {
    super(
      FACTORIZATION_MACHINES_ALGORITHM,
      props as FactorizationMachinesProps & Record<string, unknown>,
    );
  }
}
defineHyperparameterProperties(FactorizationMachines, HYPERPARAMETERS);

/** A trained FactorizationMachines model on the FactorizationMachines image. */
export class FactorizationMachinesModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(FACTORIZATION_MACHINES_ALGORITHM, props);
  }
}
