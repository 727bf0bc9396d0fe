/** Linear models for binary or multiclass classification and regression (Python's `sagemaker.amazon.linear_learner.LinearLearner` and `LinearLearnerModel`). */
import { linearLearnerRegistry } from '../../imageUris/generated/registries/linear-learner.js';
import {
  AlgorithmEstimator,
  AlgorithmModel,
  miniBatchSizeOrDefault,
  defineHyperparameterProperties,
  type AlgorithmDefinition,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { ValidationError } from '../../errors.js';
import { hp } from './hyperparameters.js';
import type { PyNumber } from '../../pythonCompat/pyFloat.js';

/** The largest default mini-batch size (Python's `DEFAULT_MINI_BATCH_SIZE`). */
const DEFAULT_MINI_BATCH_SIZE = 1000;

const HYPERPARAMETERS = [
  hp(
    'predictor_type',
    'str',
    'One of "binary_classifier" or "multiclass_classifier" or "regressor"',
    { isin: ['binary_classifier', 'regressor', 'multiclass_classifier'] },
  ),
  hp('binary_classifier_model_selection_criteria', 'str', '', {
    isin: [
      'accuracy',
      'f1',
      'f_beta',
      'precision_at_target_recall',
      'recall_at_target_precision',
      'cross_entropy_loss',
      'loss_function',
    ],
  }),
  hp('target_recall', 'float', 'A float in (0,1)', { gt: 0 }, { lt: 1 }),
  hp('target_precision', 'float', 'A float in (0,1)', { gt: 0 }, { lt: 1 }),
  hp('positive_example_weight_mult', 'str', "A float greater than 0 or 'auto' or 'balanced'"),
  hp('epochs', 'int', 'An integer greater-than 0', { gt: 0 }),
  hp('use_bias', 'bool', 'Either True or False'),
  hp('num_models', 'int', 'An integer greater-than 0', { gt: 0 }),
  hp('num_calibration_samples', 'int', 'An integer greater-than 0', { gt: 0 }),
  hp('init_method', 'str', 'One of "uniform" or "normal"', { isin: ['uniform', 'normal'] }),
  hp('init_scale', 'float', 'A float greater-than 0', { gt: 0 }),
  hp('init_sigma', 'float', 'A float greater-than 0', { gt: 0 }),
  hp('init_bias', 'float', 'A number'),
  hp('optimizer', 'str', 'One of "sgd", "adam", "rmsprop" or "auto', {
    isin: ['sgd', 'adam', 'rmsprop', 'auto'],
  }),
  hp(
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
  hp('wd', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  hp('l1', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  hp('momentum', 'float', 'A float in [0,1)', { ge: 0 }, { lt: 1 }),
  hp('learning_rate', 'float', 'A float greater-than 0', { gt: 0 }),
  hp('beta_1', 'float', 'A float in [0,1)', { ge: 0 }, { lt: 1 }),
  hp('beta_2', 'float', 'A float in [0,1)', { ge: 0 }, { lt: 1 }),
  hp('bias_lr_mult', 'float', 'A float greater-than 0', { gt: 0 }),
  hp('bias_wd_mult', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  hp('use_lr_scheduler', 'bool', 'A boolean'),
  hp('lr_scheduler_step', 'int', 'An integer greater-than 0', { gt: 0 }),
  hp('lr_scheduler_factor', 'float', 'A float in (0,1)', { gt: 0 }, { lt: 1 }),
  hp('lr_scheduler_minimum_lr', 'float', 'A float greater-than 0', { gt: 0 }),
  hp('normalize_data', 'bool', 'A boolean'),
  hp('normalize_label', 'bool', 'A boolean'),
  hp('unbias_data', 'bool', 'A boolean'),
  hp('unbias_label', 'bool', 'A boolean'),
  hp('num_point_for_scaler', 'int', 'An integer greater-than 0', { gt: 0 }),
  hp('margin', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  hp('quantile', 'float', 'A float in (0,1)', { gt: 0 }, { lt: 1 }),
  hp('loss_insensitivity', 'float', 'A float greater-than 0', { gt: 0 }),
  hp('huber_delta', 'float', 'A float greater-than or equal to 0', { ge: 0 }),
  hp('early_stopping_patience', 'int', 'An integer greater-than 0', { gt: 0 }),
  hp('early_stopping_tolerance', 'float', 'A float greater-than 0', { gt: 0 }),
  hp('num_classes', 'int', 'An integer in [1,1000000]', { gt: 0 }, { le: 1000000 }),
  hp('accuracy_top_k', 'int', 'An integer in [1,1000000]', { gt: 0 }, { le: 1000000 }),
  hp('f_beta', 'float', 'A float greater-than 0', { gt: 0 }),
  hp('balance_multiclass_weights', 'bool', 'A boolean'),
] as const;

/** The LinearLearner algorithm. */
export const LINEAR_LEARNER_ALGORITHM: AlgorithmDefinition = {
  className: 'LinearLearner',
  pythonModule: 'sagemaker.amazon.linear_learner',
  registry: linearLearnerRegistry,
  hyperparameters: HYPERPARAMETERS,
  prepareTraining: miniBatchSizeOrDefault(DEFAULT_MINI_BATCH_SIZE),
};

/** Options of {@link LinearLearner}. */
export interface LinearLearnerProps extends AlgorithmEstimatorProps {
  /** `binary_classifier`, `multiclass_classifier` or `regressor`. */
  readonly predictorType: 'binary_classifier' | 'regressor' | 'multiclass_classifier';
  /** How the binary classifier is chosen among the trained models. @default - not sent (the algorithm's default) */
  readonly binaryClassifierModelSelectionCriteria?:
    | 'accuracy'
    | 'f1'
    | 'f_beta'
    | 'precision_at_target_recall'
    | 'recall_at_target_precision'
    | 'cross_entropy_loss'
    | 'loss_function';
  /** Recall to reach with `precision_at_target_recall`, in (0, 1). @default - not sent (the algorithm's default) */
  readonly targetRecall?: number;
  /** Precision to reach with `recall_at_target_precision`, in (0, 1). @default - not sent (the algorithm's default) */
  readonly targetPrecision?: number;
  /** Weight of positive examples: a number, `auto` or `balanced` (classification only). @default - not sent (the algorithm's default) */
  readonly positiveExampleWeightMult?: string;
  /** Most passes over the training data. @default - not sent (the algorithm's default) */
  readonly epochs?: number;
  /** Whether the model has a bias term. @default - not sent (the algorithm's default) */
  readonly useBias?: boolean;
  /** Models trained in parallel. @default - not sent (the algorithm's default) */
  readonly numModels?: number;
  /** Validation observations used to calibrate the threshold. @default - not sent (the algorithm's default) */
  readonly numCalibrationSamples?: number;
  /** Weight initialization: `uniform` or `normal`. @default - not sent (the algorithm's default) */
  readonly initMethod?: 'uniform' | 'normal';
  /** Range of the `uniform` initialization. @default - not sent (the algorithm's default) */
  readonly initScale?: number;
  /** Standard deviation of the `normal` initialization. @default - not sent (the algorithm's default) */
  readonly initSigma?: number;
  /** Start weight of the bias term. @default - not sent (the algorithm's default) */
  readonly initBias?: number;
  /** `sgd`, `adam`, `rmsprop` or `auto`. @default - not sent (the algorithm's default) */
  readonly optimizer?: 'sgd' | 'adam' | 'rmsprop' | 'auto';
  /** Loss function, or `auto`. @default - not sent (the algorithm's default) */
  readonly loss?:
    | 'logistic'
    | 'squared_loss'
    | 'absolute_loss'
    | 'hinge_loss'
    | 'eps_insensitive_squared_loss'
    | 'eps_insensitive_absolute_loss'
    | 'quantile_loss'
    | 'huber_loss'
    | 'softmax_loss'
    | 'auto';
  /** L2 regularization (0 for none). @default - not sent (the algorithm's default) */
  readonly wd?: number;
  /** L1 regularization (0 for none). @default - not sent (the algorithm's default) */
  readonly l1?: number;
  /** Momentum of the `sgd` optimizer, in [0, 1). @default - not sent (the algorithm's default) */
  readonly momentum?: number;
  /** Learning rate. @default - not sent (the algorithm's default) */
  readonly learningRate?: number;
  /** `adam`: decay rate of the first moment estimates, in [0, 1). @default - not sent (the algorithm's default) */
  readonly beta1?: number;
  /** `adam`: decay rate of the second moment estimates, in [0, 1). @default - not sent (the algorithm's default) */
  readonly beta2?: number;
  /** Factor on the learning rate of the bias term. @default - not sent (the algorithm's default) */
  readonly biasLrMult?: number;
  /** Factor on the L2 regularization of the bias term. @default - not sent (the algorithm's default) */
  readonly biasWdMult?: number;
  /** Whether the learning rate follows a scheduler. @default - not sent (the algorithm's default) */
  readonly useLrScheduler?: boolean;
  /** Steps between two decreases of the learning rate. @default - not sent (the algorithm's default) */
  readonly lrSchedulerStep?: number;
  /** Factor the learning rate decreases by, in (0, 1). @default - not sent (the algorithm's default) */
  readonly lrSchedulerFactor?: number;
  /** Lowest learning rate the scheduler reaches. @default - not sent (the algorithm's default) */
  readonly lrSchedulerMinimumLr?: number;
  /** Whether features are scaled to a standard deviation of 1. @default - not sent (the algorithm's default) */
  readonly normalizeData?: boolean;
  /** Whether regression labels are scaled to a standard deviation of 1. @default - not sent (the algorithm's default) */
  readonly normalizeLabel?: boolean;
  /** Whether features are shifted to a mean of 0. @default - not sent (the algorithm's default) */
  readonly unbiasData?: boolean;
  /** Whether labels are shifted to a mean of 0. @default - not sent (the algorithm's default) */
  readonly unbiasLabel?: boolean;
  /** Data points used to compute the scaling and shifting terms. @default - not sent (the algorithm's default) */
  readonly numPointForScaler?: number;
  /** Margin of `hinge_loss`. @default - not sent (the algorithm's default) */
  readonly margin?: number;
  /** Quantile of `quantile_loss`, in (0, 1). @default - not sent (the algorithm's default) */
  readonly quantile?: number;
  /** Errors below this count as zero in the epsilon-insensitive losses. @default - not sent (the algorithm's default) */
  readonly lossInsensitivity?: number;
  /** Where `huber_loss` switches from L2 to L1. @default - not sent (the algorithm's default) */
  readonly huberDelta?: number;
  /** Epochs without improvement before training stops. @default - not sent (the algorithm's default) */
  readonly earlyStoppingPatience?: number;
  /** Relative improvement below which an epoch counts as no improvement. @default - not sent (the algorithm's default) */
  readonly earlyStoppingTolerance?: number;
  /** Classes of the label; required (at least 3) with `multiclass_classifier`. @default - not sent (the algorithm's default) */
  readonly numClasses?: number;
  /** k of the top-k accuracy metric (multiclass). @default - not sent (the algorithm's default) */
  readonly accuracyTopK?: number;
  /** Beta of the F score metrics. @default - not sent (the algorithm's default) */
  readonly fBeta?: number;
  /** Whether classes are weighted to count equally in the loss. @default - not sent (the algorithm's default) */
  readonly balanceMulticlassWeights?: boolean;
}

/**
 * Linear models for binary or multiclass classification and regression.
 * @example
 * const est = new LinearLearner({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', predictorType: 'binary_classifier' });
 * @throws {@link ValidationError} for a hyperparameter outside its range, or `multiclass_classifier`
 * without `numClasses` of at least 3; training configs without a
 * mini-batch size throw {@link OptionTypeError} when `instanceCount` or `numRecords` is a template
 * (the default is computed from them).
 */
export class LinearLearner extends AlgorithmEstimator {
  declare predictorType: string | undefined;
  declare binaryClassifierModelSelectionCriteria: string | undefined;
  declare targetRecall: PyNumber | undefined;
  declare targetPrecision: PyNumber | undefined;
  declare positiveExampleWeightMult: string | undefined;
  declare epochs: number | undefined;
  declare useBias: boolean | undefined;
  declare numModels: number | undefined;
  declare numCalibrationSamples: number | undefined;
  declare initMethod: string | undefined;
  declare initScale: PyNumber | undefined;
  declare initSigma: PyNumber | undefined;
  declare initBias: PyNumber | undefined;
  declare optimizer: string | undefined;
  declare loss: string | undefined;
  declare wd: PyNumber | undefined;
  declare l1: PyNumber | undefined;
  declare momentum: PyNumber | undefined;
  declare learningRate: PyNumber | undefined;
  declare beta1: PyNumber | undefined;
  declare beta2: PyNumber | undefined;
  declare biasLrMult: PyNumber | undefined;
  declare biasWdMult: PyNumber | undefined;
  declare useLrScheduler: boolean | undefined;
  declare lrSchedulerStep: number | undefined;
  declare lrSchedulerFactor: PyNumber | undefined;
  declare lrSchedulerMinimumLr: PyNumber | undefined;
  declare normalizeData: boolean | undefined;
  declare normalizeLabel: boolean | undefined;
  declare unbiasData: boolean | undefined;
  declare unbiasLabel: boolean | undefined;
  declare numPointForScaler: number | undefined;
  declare margin: PyNumber | undefined;
  declare quantile: PyNumber | undefined;
  declare lossInsensitivity: PyNumber | undefined;
  declare huberDelta: PyNumber | undefined;
  declare earlyStoppingPatience: number | undefined;
  declare earlyStoppingTolerance: PyNumber | undefined;
  declare numClasses: number | undefined;
  declare accuracyTopK: number | undefined;
  declare fBeta: PyNumber | undefined;
  declare balanceMulticlassWeights: boolean | undefined;

  constructor(props: LinearLearnerProps) {
    super(LINEAR_LEARNER_ALGORITHM, props as LinearLearnerProps & Record<string, unknown>);
    const numClasses = this.numClasses;
    if (
      this.predictorType === 'multiclass_classifier' &&
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
defineHyperparameterProperties(LinearLearner, HYPERPARAMETERS);

/** A trained LinearLearner model on the LinearLearner image. */
export class LinearLearnerModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(LINEAR_LEARNER_ALGORITHM, props);
  }
}
