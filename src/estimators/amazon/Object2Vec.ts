/** Object2Vec: embeddings of pairs of objects (Python's `sagemaker.amazon.object2vec.Object2Vec` and `Object2VecModel`). */
import { object2vecRegistry } from '../../imageUris/generated/registries/object2vec.js';
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

// Object2Vec narrows `mini_batch_size` and takes it as an option too.
const MINI_BATCH_SIZE_SPEC = hp(
  'mini_batch_size',
  'int',
  'An integer in [1, 10000]',
  { ge: 1 },
  { le: 10000 },
);

/** The mini-batch size Python's Object2Vec trains with when the call gives none. */
const DEFAULT_MINI_BATCH_SIZE = 32;

const HYPERPARAMETERS = [
  hp('enc_dim', 'int', 'An integer in [4, 10000]', { ge: 4 }, { le: 10000 }),
  MINI_BATCH_SIZE_SPEC,
  hp('epochs', 'int', 'An integer in [1, 100]', { ge: 1 }, { le: 100 }),
  hp('early_stopping_patience', 'int', 'An integer in [1, 5]', { ge: 1 }, { le: 5 }),
  hp('early_stopping_tolerance', 'float', 'A float in [1e-06, 0.1]', { ge: 1e-6 }, { le: 0.1 }),
  hp('dropout', 'float', 'A float in [0.0, 1.0]', { ge: 0.0 }, { le: 1.0 }),
  hp('weight_decay', 'float', 'A float in [0.0, 10000.0]', { ge: 0.0 }, { le: 10000.0 }),
  hp('bucket_width', 'int', 'An integer in [0, 100]', { ge: 0 }, { le: 100 }),
  hp('num_classes', 'int', 'An integer in [2, 30]', { ge: 2 }, { le: 30 }),
  hp('mlp_layers', 'int', 'An integer in [1, 10]', { ge: 1 }, { le: 10 }),
  hp('mlp_dim', 'int', 'An integer in [2, 10000]', { ge: 2 }, { le: 10000 }),
  hp('mlp_activation', 'str', 'One of "tanh", "relu", "linear"', {
    isin: ['tanh', 'relu', 'linear'],
  }),
  hp('output_layer', 'str', 'One of "softmax", "mean_squared_error"', {
    isin: ['softmax', 'mean_squared_error'],
  }),
  hp('optimizer', 'str', 'One of "adagrad", "adam", "rmsprop", "sgd", "adadelta"', {
    isin: ['adagrad', 'adam', 'rmsprop', 'sgd', 'adadelta'],
  }),
  hp('learning_rate', 'float', 'A float in [1e-06, 1.0]', { ge: 1e-6 }, { le: 1.0 }),
  hp('negative_sampling_rate', 'int', 'An integer in [0, 100]', { ge: 0 }, { le: 100 }),
  hp(
    'comparator_list',
    'str',
    'Comma-separated of hadamard, concat, abs_diff. E.g. "hadamard,abs_diff"',
    { subsetOf: ['hadamard', 'concat', 'abs_diff'] },
  ),
  hp('tied_token_embedding_weight', 'bool', 'Either True or False'),
  hp('token_embedding_storage_type', 'str', 'One of "dense", "row_sparse"', {
    isin: ['dense', 'row_sparse'],
  }),
  hp('enc0_network', 'str', 'One of "hcnn", "bilstm", "pooled_embedding"', {
    isin: ['hcnn', 'bilstm', 'pooled_embedding'],
  }),
  hp('enc1_network', 'str', 'One of "hcnn", "bilstm", "pooled_embedding", "enc0"', {
    isin: ['hcnn', 'bilstm', 'pooled_embedding', 'enc0'],
  }),
  hp('enc0_cnn_filter_width', 'int', 'An integer in [1, 9]', { ge: 1 }, { le: 9 }),
  hp('enc1_cnn_filter_width', 'int', 'An integer in [1, 9]', { ge: 1 }, { le: 9 }),
  hp('enc0_max_seq_len', 'int', 'An integer in [1, 5000]', { ge: 1 }, { le: 5000 }),
  hp('enc1_max_seq_len', 'int', 'An integer in [1, 5000]', { ge: 1 }, { le: 5000 }),
  hp('enc0_token_embedding_dim', 'int', 'An integer in [2, 1000]', { ge: 2 }, { le: 1000 }),
  hp('enc1_token_embedding_dim', 'int', 'An integer in [2, 1000]', { ge: 2 }, { le: 1000 }),
  hp('enc0_vocab_size', 'int', 'An integer in [2, 3000000]', { ge: 2 }, { le: 3000000 }),
  hp('enc1_vocab_size', 'int', 'An integer in [2, 3000000]', { ge: 2 }, { le: 3000000 }),
  hp('enc0_layers', 'int', 'An integer in [1, 4]', { ge: 1 }, { le: 4 }),
  hp('enc1_layers', 'int', 'An integer in [1, 4]', { ge: 1 }, { le: 4 }),
  hp('enc0_freeze_pretrained_embedding', 'bool', 'Either True or False'),
  hp('enc1_freeze_pretrained_embedding', 'bool', 'Either True or False'),
] as const;

/** The Object2Vec algorithm. */
export const OBJECT2VEC_ALGORITHM: AlgorithmDefinition = {
  className: 'Object2Vec',
  pythonModule: 'sagemaker.amazon.object2vec',
  registry: object2vecRegistry,
  hyperparameters: HYPERPARAMETERS,
  miniBatchSizeSpec: MINI_BATCH_SIZE_SPEC,
  prepareTraining: (_estimator, _records, miniBatchSize) =>
    miniBatchSize ?? DEFAULT_MINI_BATCH_SIZE,
};

/** Options of {@link Object2Vec}. */
export interface Object2VecProps extends AlgorithmEstimatorProps {
  /** Output dimension of the embedding layer, in [4, 10000]. @default - not sent (the algorithm's default) */
  readonly encDim?: number;
  /** Mini-batch size, in [1, 10000]; the training call's size replaces it. @default - not sent (the algorithm's default) */
  readonly miniBatchSize?: number;
  /** Training epochs, in [1, 100]. */
  readonly epochs: number;
  /** Epochs without improvement before training stops, in [1, 5]. @default - not sent (the algorithm's default) */
  readonly earlyStoppingPatience?: number;
  /** Improvement below which an epoch counts as no improvement, in [1e-6, 0.1]. @default - not sent (the algorithm's default) */
  readonly earlyStoppingTolerance?: number;
  /** Dropout probability, in [0.0, 1.0]. @default - not sent (the algorithm's default) */
  readonly dropout?: number;
  /** Weight decay, in [0.0, 10000.0]. @default - not sent (the algorithm's default) */
  readonly weightDecay?: number;
  /** Largest difference of sequence lengths within a bucket, in [0, 100]. @default - not sent (the algorithm's default) */
  readonly bucketWidth?: number;
  /** Classes of a classification task, in [2, 30]. @default - not sent (the algorithm's default) */
  readonly numClasses?: number;
  /** MLP layers, in [1, 10]. @default - not sent (the algorithm's default) */
  readonly mlpLayers?: number;
  /** Output dimension of the MLP layers, in [2, 10000]. @default - not sent (the algorithm's default) */
  readonly mlpDim?: number;
  /** `tanh`, `relu` or `linear`. @default - not sent (the algorithm's default) */
  readonly mlpActivation?: 'tanh' | 'relu' | 'linear';
  /** `softmax` or `mean_squared_error`. @default - not sent (the algorithm's default) */
  readonly outputLayer?: 'softmax' | 'mean_squared_error';
  /** `adagrad`, `adam`, `rmsprop`, `sgd` or `adadelta`. @default - not sent (the algorithm's default) */
  readonly optimizer?: 'adagrad' | 'adam' | 'rmsprop' | 'sgd' | 'adadelta';
  /** Learning rate, in [1e-6, 1.0]. @default - not sent (the algorithm's default) */
  readonly learningRate?: number;
  /** Negative samples per positive one, in [0, 100]. @default - not sent (the algorithm's default) */
  readonly negativeSamplingRate?: number;
  /** Comma-separated comparators among `hadamard`, `concat`, `abs_diff`. @default - not sent (the algorithm's default) */
  readonly comparatorList?: string;
  /** Whether both encoders share the token embedding weights. @default - not sent (the algorithm's default) */
  readonly tiedTokenEmbeddingWeight?: boolean;
  /** `dense` or `row_sparse`. @default - not sent (the algorithm's default) */
  readonly tokenEmbeddingStorageType?: 'dense' | 'row_sparse';
  /** Network of encoder 0: `hcnn`, `bilstm` or `pooled_embedding`. @default - not sent (the algorithm's default) */
  readonly enc0Network?: 'hcnn' | 'bilstm' | 'pooled_embedding';
  /** Network of encoder 1: `hcnn`, `bilstm`, `pooled_embedding` or `enc0`. @default - not sent (the algorithm's default) */
  readonly enc1Network?: 'hcnn' | 'bilstm' | 'pooled_embedding' | 'enc0';
  /** CNN filter width of encoder 0, in [1, 9]. @default - not sent (the algorithm's default) */
  readonly enc0CnnFilterWidth?: number;
  /** CNN filter width of encoder 1, in [1, 9]. @default - not sent (the algorithm's default) */
  readonly enc1CnnFilterWidth?: number;
  /** Longest sequence of encoder 0, in [1, 5000]. */
  readonly enc0MaxSeqLen: number;
  /** Longest sequence of encoder 1, in [1, 5000]. @default - not sent (the algorithm's default) */
  readonly enc1MaxSeqLen?: number;
  /** Token embedding dimension of encoder 0, in [2, 1000]. @default - not sent (the algorithm's default) */
  readonly enc0TokenEmbeddingDim?: number;
  /** Token embedding dimension of encoder 1, in [2, 1000]. @default - not sent (the algorithm's default) */
  readonly enc1TokenEmbeddingDim?: number;
  /** Vocabulary size of encoder 0, in [2, 3000000]. */
  readonly enc0VocabSize: number;
  /** Vocabulary size of encoder 1, in [2, 3000000]. @default - not sent (the algorithm's default) */
  readonly enc1VocabSize?: number;
  /** Layers of encoder 0, in [1, 4]. @default - not sent (the algorithm's default) */
  readonly enc0Layers?: number;
  /** Layers of encoder 1, in [1, 4]. @default - not sent (the algorithm's default) */
  readonly enc1Layers?: number;
  /** Whether encoder 0 keeps its pretrained embedding weights fixed. @default - not sent (the algorithm's default) */
  readonly enc0FreezePretrainedEmbedding?: boolean;
  /** Whether encoder 1 keeps its pretrained embedding weights fixed. @default - not sent (the algorithm's default) */
  readonly enc1FreezePretrainedEmbedding?: boolean;
}

/**
 * Object2Vec: embeddings of pairs of objects.
 * @example
 * const est = new Object2Vec({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', epochs: 10, enc0MaxSeqLen: 100, enc0VocabSize: 10000 });
 * @throws {@link ValidationError} for a hyperparameter outside its range.
 */
export class Object2Vec extends AlgorithmEstimator {
  declare encDim: number | undefined;
  declare miniBatchSize: number | undefined;
  declare epochs: number | undefined;
  declare earlyStoppingPatience: number | undefined;
  declare earlyStoppingTolerance: PyNumber | undefined;
  declare dropout: PyNumber | undefined;
  declare weightDecay: PyNumber | undefined;
  declare bucketWidth: number | undefined;
  declare numClasses: number | undefined;
  declare mlpLayers: number | undefined;
  declare mlpDim: number | undefined;
  declare mlpActivation: string | undefined;
  declare outputLayer: string | undefined;
  declare optimizer: string | undefined;
  declare learningRate: PyNumber | undefined;
  declare negativeSamplingRate: number | undefined;
  declare comparatorList: string | undefined;
  declare tiedTokenEmbeddingWeight: boolean | undefined;
  declare tokenEmbeddingStorageType: string | undefined;
  declare enc0Network: string | undefined;
  declare enc1Network: string | undefined;
  declare enc0CnnFilterWidth: number | undefined;
  declare enc1CnnFilterWidth: number | undefined;
  declare enc0MaxSeqLen: number | undefined;
  declare enc1MaxSeqLen: number | undefined;
  declare enc0TokenEmbeddingDim: number | undefined;
  declare enc1TokenEmbeddingDim: number | undefined;
  declare enc0VocabSize: number | undefined;
  declare enc1VocabSize: number | undefined;
  declare enc0Layers: number | undefined;
  declare enc1Layers: number | undefined;
  declare enc0FreezePretrainedEmbedding: boolean | undefined;
  declare enc1FreezePretrainedEmbedding: boolean | undefined;

  constructor(props: Object2VecProps) {
    super(OBJECT2VEC_ALGORITHM, props as Object2VecProps & Record<string, unknown>);
  }
}
defineHyperparameterProperties(Object2Vec, HYPERPARAMETERS);

/** A trained Object2Vec model on the Object2Vec image. */
export class Object2VecModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(OBJECT2VEC_ALGORITHM, props);
  }
}
