/** Neural topic model (Python's `sagemaker.amazon.ntm.NTM` and `NTMModel`). */
import { ntmRegistry } from '../../imageUris/generated/registries/ntm.js';
import {
  AlgorithmEstimator,
  AlgorithmModel,
  checkMiniBatchSizeRange,
  defineHyperparameterProperties,
  type AlgorithmDefinition,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp } from './hyperparameters.js';
import type { PyNumber } from '../../pythonCompat/pyFloat.js';
import type { PyValue } from '../types.js';

const HYPERPARAMETERS = [
  hp('num_topics', 'int', 'An integer in [2, 1000]', { ge: 2 }, { le: 1000 }),
  hp('encoder_layers', 'list', 'A comma separated list of positive integers'),
  hp('epochs', 'int', 'An integer in [1, 100]', { ge: 1 }, { le: 100 }),
  hp('encoder_layers_activation', 'str', 'One of "sigmoid", "tanh" or "relu"', {
    isin: ['sigmoid', 'tanh', 'relu'],
  }),
  hp('optimizer', 'str', 'One of "adagrad", "adam", "rmsprop", "sgd" and "adadelta"', {
    isin: ['adagrad', 'adam', 'rmsprop', 'sgd', 'adadelta'],
  }),
  hp('tolerance', 'float', 'A float in [1e-6, 0.1]', { ge: 1e-6 }, { le: 0.1 }),
  hp('num_patience_epochs', 'int', 'An integer in [1, 10]', { ge: 1 }, { le: 10 }),
  hp('batch_norm', 'bool', 'Value must be a boolean'),
  hp('rescale_gradient', 'float', 'A float in [1e-3, 1.0]', { ge: 0.001 }, { le: 1.0 }),
  hp('clip_gradient', 'float', 'A float greater equal to 1e-3', { ge: 0.001 }),
  hp('weight_decay', 'float', 'A float in [0.0, 1.0]', { ge: 0.0 }, { le: 1.0 }),
  hp('learning_rate', 'float', 'A float in [1e-6, 1.0]', { ge: 1e-6 }, { le: 1.0 }),
] as const;

/** The NTM algorithm. */
export const NTM_ALGORITHM: AlgorithmDefinition = {
  className: 'NTM',
  pythonModule: 'sagemaker.amazon.ntm',
  registry: ntmRegistry,
  hyperparameters: HYPERPARAMETERS,
  prepareTraining: (_estimator, _records, miniBatchSize) => {
    checkMiniBatchSizeRange('NTM', miniBatchSize, 1, 10000);
    return miniBatchSize;
  },
};

/** Options of {@link NTM}. */
export interface NTMProps extends AlgorithmEstimatorProps {
  /** Topics to find, in [2, 1000]. */
  readonly numTopics: number;
  /** Output size of each encoder layer. @default - not sent (the algorithm's default) */
  readonly encoderLayers?: readonly (string | number)[];
  /** Most passes over the training data, in [1, 100]. @default - not sent (the algorithm's default) */
  readonly epochs?: number;
  /** `sigmoid`, `tanh` or `relu`. @default - not sent (the algorithm's default) */
  readonly encoderLayersActivation?: 'sigmoid' | 'tanh' | 'relu';
  /** `adagrad`, `adam`, `rmsprop`, `sgd` or `adadelta`. @default - not sent (the algorithm's default) */
  readonly optimizer?: 'adagrad' | 'adam' | 'rmsprop' | 'sgd' | 'adadelta';
  /** Relative change in loss below which training stops early, in [1e-6, 0.1]. @default - not sent (the algorithm's default) */
  readonly tolerance?: number;
  /** Epochs over which the early-stopping test runs, in [1, 10]. @default - not sent (the algorithm's default) */
  readonly numPatienceEpochs?: number;
  /** Whether layers use batch normalization. @default - not sent (the algorithm's default) */
  readonly batchNorm?: boolean;
  /** Factor on the gradient, in [1e-3, 1.0]. @default - not sent (the algorithm's default) */
  readonly rescaleGradient?: number;
  /** Largest magnitude of a gradient component (at least 1e-3). @default - not sent (the algorithm's default) */
  readonly clipGradient?: number;
  /** L2 regularization, in [0.0, 1.0]. @default - not sent (the algorithm's default) */
  readonly weightDecay?: number;
  /** Learning rate, in [1e-6, 1.0]. @default - not sent (the algorithm's default) */
  readonly learningRate?: number;
}

/**
 * Neural topic model.
 * @example
 * const est = new NTM({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', numTopics: 20 });
 * @throws {@link ValidationError} for a hyperparameter outside its range; training configs throw it
 * for a mini-batch size outside [1, 10000] ({@link OptionTypeError} when it is not a number).
 */
export class NTM extends AlgorithmEstimator {
  declare numTopics: number | undefined;
  declare encoderLayers: PyValue[] | undefined;
  declare epochs: number | undefined;
  declare encoderLayersActivation: string | undefined;
  declare optimizer: string | undefined;
  declare tolerance: PyNumber | undefined;
  declare numPatienceEpochs: number | undefined;
  declare batchNorm: boolean | undefined;
  declare rescaleGradient: PyNumber | undefined;
  declare clipGradient: PyNumber | undefined;
  declare weightDecay: PyNumber | undefined;
  declare learningRate: PyNumber | undefined;

  constructor(props: NTMProps) {
    super(NTM_ALGORITHM, props as NTMProps & Record<string, unknown>);
  }
}
defineHyperparameterProperties(NTM, HYPERPARAMETERS);

/** A trained NTM model on the NTM image. */
export class NTMModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(NTM_ALGORITHM, props);
  }
}
