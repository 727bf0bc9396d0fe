/** Linear models for binary or multiclass classification and regression (Python's `sagemaker.amazon.linear_learner.LinearLearner` and `LinearLearnerModel`). */
import { linearLearnerRegistry } from '../../imageUris/generated/registries/linear-learner.js';
import {
  AlgorithmEstimator,
  defineAlgorithm,
  AlgorithmModel,
  miniBatchSizeOrDefault,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { ValidationError } from '../../errors.js';
import { hp, required, type HyperparameterProps } from './hyperparameterTable.js';

/** The largest default mini-batch size (Python's `DEFAULT_MINI_BATCH_SIZE`). */
const DEFAULT_MINI_BATCH_SIZE = 1000;

/**
 * Builds the LinearLearner hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const linearLearnerHyperparameters = () => ({
  /** `binary_classifier`, `multiclass_classifier` or `regressor`. */
  predictorType: required(
    hp(
      'predictor_type',
      'str',
      'One of "binary_classifier" or "multiclass_classifier" or "regressor"',
      { isin: ['binary_classifier', 'regressor', 'multiclass_classifier'] },
    ),
  ),
  /** How the binary classifier is chosen among the trained models. @default - not sent (the algorithm's default) */
  binaryClassifierModelSelectionCriteria: hp(
    'binary_classifier_model_selection_criteria',
    'str',
    '',
    {
      isin: [
        'accuracy',
        'f1',
        'f_beta',
        'precision_at_target_recall',
        'recall_at_target_precision',
        'cross_entropy_loss',
        'loss_function',
      ],
    },
  ),
  /** Recall to reach with `precision_at_target_recall`, in (0, 1). @default - not sent (the algorithm's default) */
  targetRecall: hp('target_recall', 'float', 'A float in (0,1)', { gt: 0 }, { lt: 1 }),
  /** Precision to reach with `recall_at_target_precision`, in (0, 1). @default - not sent (the algorithm's default) */
  targetPrecision: hp('target_precision', 'float', 'A float in (0,1)', { gt: 0 }, { lt: 1 }),
  /** Weight of positive examples: a number, `auto` or `balanced` (classification only). @default - not sent (the algorithm's default) */
  positiveExampleWeightMult: hp(
    'positive_example_weight_mult',
    'str',
    "A float greater than 0 or 'auto' or 'balanced'",
  ),
  /** Most passes over the training data. @default - not sent (the algorithm's default) */
  epochs: hp('epochs', 'int', 'An integer greater-than 0', { gt: 0 }),
  /** Whether the model has a bias term. @default - not sent (the algorithm's default) */
  useBias: hp('use_bias', 'bool', 'Either True or False'),
  /** Models trained in parallel. @default - not sent (the algorithm's default) */
  numModels: hp('num_models', 'int', 'An integer greater-than 0', { gt: 0 }),
  /** Validation observations used to calibrate the threshold. @default - not sent (the algorithm's default) */
  numCalibrationSamples: hp('num_calibration_samples', 'int', 'An integer greater-than 0', {
    gt: 0,
  }),
  /** Weight initialization: `uniform` or `normal`. @default - not sent (the algorithm's default) */
  initMethod: hp('init_method', 'str', 'One of "uniform" or "normal"', {
    isin: ['uniform', 'normal'],
  }),
  /** Range of the `uniform` initialization. @default - not sent (the algorithm's default) */
  initScale: hp('init_scale', 'float', 'A float greater-than 0', { gt: 0 }),
  /** Standard deviation of the `normal` initialization. @default - not sent (the algorithm's default) */
  initSigma: hp('init_sigma', 'float', 'A float greater-than 0', { gt: 0 }),
  /** Start weight of the bias term. @default - not sent (the algorithm's default) */
  initBias: hp('init_bias', 'float', 'A number'),
  /** `sgd`, `adam`, `rmsprop` or `auto`. @default - not sent (the algorithm's default) */
  optimizer: hp('optimizer', 'str', 'One of "sgd", "adam", "rmsprop" or "auto', {
    isin: ['sgd', 'adam', 'rmsprop', 'auto'],
  }),
  /** Loss function, or `auto`. @default - not sent (the algorithm's default) */
  loss: hp(
    'loss',
    'str',
    '"logistic", "squared_loss", "absolute_loss", "hinge_loss", "eps_insensitive_squared_loss", "eps_insensitive_absolute_loss", "quantile_loss", "huber_loss", "softmax_loss" or "auto"',
    {
      isin: [
        'logistic',
        'squared_loss',
        'absolute_loss',
        'hinge_loss',
        'eps_insensitive_squared_loss',
        'eps_insensitive_absolute_loss',
        'quantile_loss',
        'huber_loss',
        'softmax_loss',
        'auto',
      ],
    },
  ),
  /** L2 regularization (0 for none). @default - not sent (the algorithm's default) */
  wd: hp('wd', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  /** L1 regularization (0 for none). @default - not sent (the algorithm's default) */
  l1: hp('l1', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  /** Momentum of the `sgd` optimizer, in [0, 1). @default - not sent (the algorithm's default) */
  momentum: hp('momentum', 'float', 'A float in [0,1)', { ge: 0 }, { lt: 1 }),
  /** Learning rate. @default - not sent (the algorithm's default) */
  learningRate: hp('learning_rate', 'float', 'A float greater-than 0', { gt: 0 }),
  /** `adam`: decay rate of the first moment estimates, in [0, 1). @default - not sent (the algorithm's default) */
  beta1: hp('beta_1', 'float', 'A float in [0,1)', { ge: 0 }, { lt: 1 }),
  /** `adam`: decay rate of the second moment estimates, in [0, 1). @default - not sent (the algorithm's default) */
  beta2: hp('beta_2', 'float', 'A float in [0,1)', { ge: 0 }, { lt: 1 }),
  /** Factor on the learning rate of the bias term. @default - not sent (the algorithm's default) */
  biasLrMult: hp('bias_lr_mult', 'float', 'A float greater-than 0', { gt: 0 }),
  /** Factor on the L2 regularization of the bias term. @default - not sent (the algorithm's default) */
  biasWdMult: hp('bias_wd_mult', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  /** Whether the learning rate follows a scheduler. @default - not sent (the algorithm's default) */
  useLrScheduler: hp('use_lr_scheduler', 'bool', 'A boolean'),
  /** Steps between two decreases of the learning rate. @default - not sent (the algorithm's default) */
  lrSchedulerStep: hp('lr_scheduler_step', 'int', 'An integer greater-than 0', { gt: 0 }),
  /** Factor the learning rate decreases by, in (0, 1). @default - not sent (the algorithm's default) */
  lrSchedulerFactor: hp('lr_scheduler_factor', 'float', 'A float in (0,1)', { gt: 0 }, { lt: 1 }),
  /** Lowest learning rate the scheduler reaches. @default - not sent (the algorithm's default) */
  lrSchedulerMinimumLr: hp('lr_scheduler_minimum_lr', 'float', 'A float greater-than 0', { gt: 0 }),
  /** Whether features are scaled to a standard deviation of 1. @default - not sent (the algorithm's default) */
  normalizeData: hp('normalize_data', 'bool', 'A boolean'),
  /** Whether regression labels are scaled to a standard deviation of 1. @default - not sent (the algorithm's default) */
  normalizeLabel: hp('normalize_label', 'bool', 'A boolean'),
  /** Whether features are shifted to a mean of 0. @default - not sent (the algorithm's default) */
  unbiasData: hp('unbias_data', 'bool', 'A boolean'),
  /** Whether labels are shifted to a mean of 0. @default - not sent (the algorithm's default) */
  unbiasLabel: hp('unbias_label', 'bool', 'A boolean'),
  /** Data points used to compute the scaling and shifting terms. @default - not sent (the algorithm's default) */
  numPointForScaler: hp('num_point_for_scaler', 'int', 'An integer greater-than 0', { gt: 0 }),
  /** Margin of `hinge_loss`. @default - not sent (the algorithm's default) */
  margin: hp('margin', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  /** Quantile of `quantile_loss`, in (0, 1). @default - not sent (the algorithm's default) */
  quantile: hp('quantile', 'float', 'A float in (0,1)', { gt: 0 }, { lt: 1 }),
  /** Errors below this count as zero in the epsilon-insensitive losses. @default - not sent (the algorithm's default) */
  lossInsensitivity: hp('loss_insensitivity', 'float', 'A float greater-than 0', { gt: 0 }),
  /** Where `huber_loss` switches from L2 to L1. @default - not sent (the algorithm's default) */
  huberDelta: hp('huber_delta', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  /** Epochs without improvement before training stops. @default - not sent (the algorithm's default) */
  earlyStoppingPatience: hp('early_stopping_patience', 'int', 'An integer greater-than 0', {
    gt: 0,
  }),
  /** Relative improvement below which an epoch counts as no improvement. @default - not sent (the algorithm's default) */
  earlyStoppingTolerance: hp('early_stopping_tolerance', 'float', 'A float greater-than 0', {
    gt: 0,
  }),
  /** Classes of the label; required (at least 3) with `multiclass_classifier`. @default - not sent (the algorithm's default) */
  numClasses: hp('num_classes', 'int', 'An integer in [1,1000000]', { gt: 0 }, { le: 1000000 }),
  /** k of the top-k accuracy metric (multiclass). @default - not sent (the algorithm's default) */
  accuracyTopK: hp(
    'accuracy_top_k',
    'int',
    'An integer in [1,1000000]',
    { gt: 0 },
    { le: 1000000 },
  ),
  /** Beta of the F score metrics. @default - not sent (the algorithm's default) */
  fBeta: hp('f_beta', 'float', 'A float greater-than 0', { gt: 0 }),
  /** Whether classes are weighted to count equally in the loss. @default - not sent (the algorithm's default) */
  balanceMulticlassWeights: hp('balance_multiclass_weights', 'bool', 'A boolean'),
});
type LinearLearnerHyperparameters = ReturnType<typeof linearLearnerHyperparameters>;

/** The LinearLearner algorithm. */
export const LINEAR_LEARNER_ALGORITHM = defineAlgorithm({
  className: 'LinearLearner',
  pythonModule: 'sagemaker.amazon.linear_learner',
  registry: linearLearnerRegistry,
  table: linearLearnerHyperparameters,
  prepareTraining: miniBatchSizeOrDefault(DEFAULT_MINI_BATCH_SIZE),
});

/** Options of {@link LinearLearner}. */
export interface LinearLearnerProps
  extends AlgorithmEstimatorProps, HyperparameterProps<LinearLearnerHyperparameters> {}

/**
 * Linear models for binary or multiclass classification and regression.
 * @example
 * const est = new LinearLearner({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', predictorType: 'binary_classifier' });
 * @throws {@link ValidationError} for a hyperparameter outside its range, or `multiclass_classifier`
 * without `numClasses` of at least 3; training configs without a
 * mini-batch size throw {@link OptionTypeError} when `instanceCount` or `numRecords` is a template
 * (the default is computed from them).
 */
export class LinearLearner extends AlgorithmEstimator<LinearLearnerHyperparameters> {
  constructor(props: LinearLearnerProps) {
    super(LINEAR_LEARNER_ALGORITHM, props);
    const numClasses = this.get('numClasses');
    if (
      this.get('predictorType') === 'multiclass_classifier' &&
      (numClasses === undefined || numClasses < 3)
    ) {
      throw new ValidationError(
        'LinearLearner.numClasses',
        props.numClasses,
        "a value greater than 2 with predictorType 'multiclass_classifier'",
      );
    }
  }
}

/** A trained LinearLearner model on the LinearLearner image. */
export class LinearLearnerModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(LINEAR_LEARNER_ALGORITHM, props);
  }
}
