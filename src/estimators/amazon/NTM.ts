/** Neural topic model (Python's `sagemaker.amazon.ntm.NTM` and `NTMModel`). */
import { ntmRegistry } from '../../imageUris/generated/registries/ntm.js';
import {
  AlgorithmEstimator,
  defineAlgorithm,
  AlgorithmModel,
  checkMiniBatchSizeRange,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp, required, type HyperparameterProps } from './hyperparameterTable.js';

/**
 * Builds the NTM hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const ntmHyperparameters = () => ({
  /** Topics to find, in [2, 1000]. */
  numTopics: required(hp('num_topics', 'int', 'An integer in [2, 1000]', { ge: 2 }, { le: 1000 })),
  /** Output size of each encoder layer. @default - not sent (the algorithm's default) */
  encoderLayers: hp('encoder_layers', 'list', 'A comma separated list of positive integers'),
  /** Most passes over the training data, in [1, 100]. @default - not sent (the algorithm's default) */
  epochs: hp('epochs', 'int', 'An integer in [1, 100]', { ge: 1 }, { le: 100 }),
  /** `sigmoid`, `tanh` or `relu`. @default - not sent (the algorithm's default) */
  encoderLayersActivation: hp(
    'encoder_layers_activation',
    'str',
    'One of "sigmoid", "tanh" or "relu"',
    {
      isin: ['sigmoid', 'tanh', 'relu'],
    },
  ),
  /** `adagrad`, `adam`, `rmsprop`, `sgd` or `adadelta`. @default - not sent (the algorithm's default) */
  optimizer: hp('optimizer', 'str', 'One of "adagrad", "adam", "rmsprop", "sgd" and "adadelta"', {
    isin: ['adagrad', 'adam', 'rmsprop', 'sgd', 'adadelta'],
  }),
  /** Relative change in loss below which training stops early, in [1e-6, 0.1]. @default - not sent (the algorithm's default) */
  tolerance: hp('tolerance', 'float', 'A float in [1e-6, 0.1]', { ge: 1e-6 }, { le: 0.1 }),
  /** Epochs over which the early-stopping test runs, in [1, 10]. @default - not sent (the algorithm's default) */
  numPatienceEpochs: hp(
    'num_patience_epochs',
    'int',
    'An integer in [1, 10]',
    { ge: 1 },
    { le: 10 },
  ),
  /** Whether layers use batch normalization. @default - not sent (the algorithm's default) */
  batchNorm: hp('batch_norm', 'bool', 'Value must be a boolean'),
  /** Factor on the gradient, in [1e-3, 1.0]. @default - not sent (the algorithm's default) */
  rescaleGradient: hp(
    'rescale_gradient',
    'float',
    'A float in [1e-3, 1.0]',
    { ge: 0.001 },
    { le: 1.0 },
  ),
  /** Largest magnitude of a gradient component (at least 1e-3). @default - not sent (the algorithm's default) */
  clipGradient: hp('clip_gradient', 'float', 'A float greater equal to 1e-3', { ge: 0.001 }),
  /** L2 regularization, in [0.0, 1.0]. @default - not sent (the algorithm's default) */
  weightDecay: hp('weight_decay', 'float', 'A float in [0.0, 1.0]', { ge: 0.0 }, { le: 1.0 }),
  /** Learning rate, in [1e-6, 1.0]. @default - not sent (the algorithm's default) */
  learningRate: hp('learning_rate', 'float', 'A float in [1e-6, 1.0]', { ge: 1e-6 }, { le: 1.0 }),
});
type NTMHyperparameters = ReturnType<typeof ntmHyperparameters>;

/** The NTM algorithm. */
export const NTM_ALGORITHM = defineAlgorithm({
  className: 'NTM',
  pythonModule: 'sagemaker.amazon.ntm',
  registry: ntmRegistry,
  table: ntmHyperparameters,
  prepareTraining: (_estimator, _records, miniBatchSize) => {
    checkMiniBatchSizeRange('NTM', miniBatchSize, 1, 10000);
    return miniBatchSize;
  },
});

/** Options of {@link NTM}. */
export interface NTMProps
  extends AlgorithmEstimatorProps, HyperparameterProps<NTMHyperparameters> {}

/**
 * Neural topic model.
 * @example
 * const est = new NTM({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', numTopics: 20 });
 * @throws {@link ValidationError} for a hyperparameter outside its range; training configs throw it
 * for a mini-batch size outside [1, 10000] ({@link OptionTypeError} when it is not a number).
 */
export class NTM extends AlgorithmEstimator<NTMHyperparameters> {
  constructor(props: NTMProps) {
    super(NTM_ALGORITHM, props);
  }
}

/** A trained NTM model on the NTM image. */
export class NTMModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(NTM_ALGORITHM, props);
  }
}
