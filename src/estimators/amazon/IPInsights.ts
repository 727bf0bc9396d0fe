/** IP Insights: embeddings of entities and IPv4 addresses for anomaly detection (Python's `sagemaker.amazon.ipinsights.IPInsights` and `IPInsightsModel`). */
import { ipinsightsRegistry } from '../../imageUris/generated/registries/ipinsights.js';
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

const HYPERPARAMETERS = [
  hp('num_entity_vectors', 'int', 'An integer in [1, 250000000]', { ge: 1 }, { le: 250000000 }),
  hp('vector_dim', 'int', 'An integer in [4, 4096]', { ge: 4 }, { le: 4096 }),
  hp('batch_metrics_publish_interval', 'int', 'An integer greater than 0', { ge: 1 }),
  hp('epochs', 'int', 'An integer greater than 0', { ge: 1 }),
  hp('learning_rate', 'float', 'A float in [1e-6, 10.0]', { ge: 1e-6 }, { le: 10.0 }),
  hp('num_ip_encoder_layers', 'int', 'An integer in [0, 100]', { ge: 0 }, { le: 100 }),
  hp('random_negative_sampling_rate', 'int', 'An integer in [0, 500]', { ge: 0 }, { le: 500 }),
  hp('shuffled_negative_sampling_rate', 'int', 'An integer in [0, 500]', { ge: 0 }, { le: 500 }),
  hp('weight_decay', 'float', 'A float in [0.0, 10.0]', { ge: 0.0 }, { le: 10.0 }),
] as const;

/** The IPInsights algorithm. */
export const IP_INSIGHTS_ALGORITHM: AlgorithmDefinition = {
  className: 'IPInsights',
  pythonModule: 'sagemaker.amazon.ipinsights',
  registry: ipinsightsRegistry,
  hyperparameters: HYPERPARAMETERS,
  prepareTraining: (_estimator, _records, miniBatchSize) => {
    checkMiniBatchSizeRange('IPInsights', miniBatchSize, 1, 500000);
    return miniBatchSize;
  },
};

/** Options of {@link IPInsights}. */
export interface IPInsightsProps extends AlgorithmEstimatorProps {
  /** Entity embeddings to train, in [1, 250000000] (about twice the distinct entities). */
  readonly numEntityVectors: number;
  /** Size of the entity and IP embeddings, in [4, 4096]. */
  readonly vectorDim: number;
  /** Batches between two metric reports. @default - not sent (the algorithm's default) */
  readonly batchMetricsPublishInterval?: number;
  /** Most passes over the training data. @default - not sent (the algorithm's default) */
  readonly epochs?: number;
  /** Learning rate, in [1e-6, 10.0]. @default - not sent (the algorithm's default) */
  readonly learningRate?: number;
  /** Fully connected layers that encode the IP embedding, in [0, 100]. @default - not sent (the algorithm's default) */
  readonly numIpEncoderLayers?: number;
  /** Random negative samples per positive one, in [0, 500]. @default - not sent (the algorithm's default) */
  readonly randomNegativeSamplingRate?: number;
  /** Shuffled negative samples per positive one, in [0, 500]. @default - not sent (the algorithm's default) */
  readonly shuffledNegativeSamplingRate?: number;
  /** L2 regularization, in [0.0, 10.0]. @default - not sent (the algorithm's default) */
  readonly weightDecay?: number;
}

/**
 * IP Insights: embeddings of entities and IPv4 addresses for anomaly detection.
 * @example
 * const est = new IPInsights({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', numEntityVectors: 10000, vectorDim: 128 });
 * @throws {@link ValidationError} for a hyperparameter outside its range; training configs throw it
 * for a mini-batch size outside [1, 500000] ({@link OptionTypeError} when it is not a number).
 */
export class IPInsights extends AlgorithmEstimator {
  declare numEntityVectors: number | undefined;
  declare vectorDim: number | undefined;
  declare batchMetricsPublishInterval: number | undefined;
  declare epochs: number | undefined;
  declare learningRate: PyNumber | undefined;
  declare numIpEncoderLayers: number | undefined;
  declare randomNegativeSamplingRate: number | undefined;
  declare shuffledNegativeSamplingRate: number | undefined;
  declare weightDecay: PyNumber | undefined;

  constructor(props: IPInsightsProps) {
    super(IP_INSIGHTS_ALGORITHM, props as IPInsightsProps & Record<string, unknown>);
  }
}
defineHyperparameterProperties(IPInsights, HYPERPARAMETERS);

/** A trained IPInsights model on the IPInsights image. */
export class IPInsightsModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(IP_INSIGHTS_ALGORITHM, props);
  }
}
