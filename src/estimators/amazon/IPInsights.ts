/** IP Insights: embeddings of entities and IPv4 addresses for anomaly detection (Python's `sagemaker.amazon.ipinsights.IPInsights` and `IPInsightsModel`). */
import { ipinsightsRegistry } from '../../imageUris/generated/registries/ipinsights.js';
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
 * Builds the IPInsights hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const ipInsightsHyperparameters = () => ({
  /** Entity embeddings to train, in [1, 250000000] (about twice the distinct entities). */
  numEntityVectors: required(
    hp('num_entity_vectors', 'int', 'An integer in [1, 250000000]', { ge: 1 }, { le: 250000000 }),
  ),
  /** Size of the entity and IP embeddings, in [4, 4096]. */
  vectorDim: required(hp('vector_dim', 'int', 'An integer in [4, 4096]', { ge: 4 }, { le: 4096 })),
  /** Batches between two metric reports. @default - not sent (the algorithm's default) */
  batchMetricsPublishInterval: hp(
    'batch_metrics_publish_interval',
    'int',
    'An integer greater than 0',
    { ge: 1 },
  ),
  /** Most passes over the training data. @default - not sent (the algorithm's default) */
  epochs: hp('epochs', 'int', 'An integer greater than 0', { ge: 1 }),
  /** Learning rate, in [1e-6, 10.0]. @default - not sent (the algorithm's default) */
  learningRate: hp('learning_rate', 'float', 'A float in [1e-6, 10.0]', { ge: 1e-6 }, { le: 10.0 }),
  /** Fully connected layers that encode the IP embedding, in [0, 100]. @default - not sent (the algorithm's default) */
  numIpEncoderLayers: hp(
    'num_ip_encoder_layers',
    'int',
    'An integer in [0, 100]',
    { ge: 0 },
    { le: 100 },
  ),
  /** Random negative samples per positive one, in [0, 500]. @default - not sent (the algorithm's default) */
  randomNegativeSamplingRate: hp(
    'random_negative_sampling_rate',
    'int',
    'An integer in [0, 500]',
    { ge: 0 },
    { le: 500 },
  ),
  /** Shuffled negative samples per positive one, in [0, 500]. @default - not sent (the algorithm's default) */
  shuffledNegativeSamplingRate: hp(
    'shuffled_negative_sampling_rate',
    'int',
    'An integer in [0, 500]',
    { ge: 0 },
    { le: 500 },
  ),
  /** L2 regularization, in [0.0, 10.0]. @default - not sent (the algorithm's default) */
  weightDecay: hp('weight_decay', 'float', 'A float in [0.0, 10.0]', { ge: 0.0 }, { le: 10.0 }),
});
type IPInsightsHyperparameters = ReturnType<typeof ipInsightsHyperparameters>;

/** The IPInsights algorithm. */
export const IP_INSIGHTS_ALGORITHM = defineAlgorithm({
  className: 'IPInsights',
  pythonModule: 'sagemaker.amazon.ipinsights',
  registry: ipinsightsRegistry,
  table: ipInsightsHyperparameters,
  prepareTraining: (_estimator, _records, miniBatchSize) => {
    checkMiniBatchSizeRange('IPInsights', miniBatchSize, 1, 500000);
    return miniBatchSize;
  },
});

/** Options of {@link IPInsights}. */
export interface IPInsightsProps
  extends AlgorithmEstimatorProps, HyperparameterProps<IPInsightsHyperparameters> {}

/**
 * IP Insights: embeddings of entities and IPv4 addresses for anomaly detection.
 * @example
 * const est = new IPInsights({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', numEntityVectors: 10000, vectorDim: 128 });
 * @throws {@link ValidationError} for a hyperparameter outside its range; training configs throw it
 * for a mini-batch size outside [1, 500000] ({@link OptionTypeError} when it is not a number).
 */
export class IPInsights extends AlgorithmEstimator<IPInsightsHyperparameters> {
  constructor(props: IPInsightsProps) {
    super(IP_INSIGHTS_ALGORITHM, props);
  }
}

/** A trained IPInsights model on the IPInsights image. */
export class IPInsightsModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(IP_INSIGHTS_ALGORITHM, props);
  }
}
