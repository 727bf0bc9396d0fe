/** Object2Vec: embeddings of pairs of objects (Python's `sagemaker.amazon.object2vec.Object2Vec` and `Object2VecModel`). */
import { object2vecRegistry } from '../../imageUris/generated/registries/object2vec.js';
import {
  AlgorithmEstimator,
  defineAlgorithm,
  AlgorithmModel,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
import { hp, required, type HyperparameterProps } from './hyperparameterTable.js';

/** The mini-batch size Python's Object2Vec trains with when the call gives none. */
const DEFAULT_MINI_BATCH_SIZE = 32;

/**
 * Builds the Object2Vec hyperparameters, keyed by option name (what its props, accessors and checks
 * derive from), when the first estimator of it is built (see `AlgorithmDeclaration.table`).
 */
const object2VecHyperparameters = () => ({
  /** Output dimension of the embedding layer, in [4, 10000]. @default - not sent (the algorithm's default) */
  encDim: hp('enc_dim', 'int', 'An integer in [4, 10000]', { ge: 4 }, { le: 10000 }),
  /** Mini-batch size, in [1, 10000]; the training call's size replaces it. @default - not sent (the algorithm's default) */
  miniBatchSize: hp('mini_batch_size', 'int', 'An integer in [1, 10000]', { ge: 1 }, { le: 10000 }),
  /** Training epochs, in [1, 100]. */
  epochs: required(hp('epochs', 'int', 'An integer in [1, 100]', { ge: 1 }, { le: 100 })),
  /** Epochs without improvement before training stops, in [1, 5]. @default - not sent (the algorithm's default) */
  earlyStoppingPatience: hp(
    'early_stopping_patience',
    'int',
    'An integer in [1, 5]',
    { ge: 1 },
    { le: 5 },
  ),
  /** Improvement below which an epoch counts as no improvement, in [1e-6, 0.1]. @default - not sent (the algorithm's default) */
  earlyStoppingTolerance: hp(
    'early_stopping_tolerance',
    'float',
    'A float in [1e-06, 0.1]',
    { ge: 1e-6 },
    { le: 0.1 },
  ),
  /** Dropout probability, in [0.0, 1.0]. @default - not sent (the algorithm's default) */
  dropout: hp('dropout', 'float', 'A float in [0.0, 1.0]', { ge: 0.0 }, { le: 1.0 }),
  /** Weight decay, in [0.0, 10000.0]. @default - not sent (the algorithm's default) */
  weightDecay: hp(
    'weight_decay',
    'float',
    'A float in [0.0, 10000.0]',
    { ge: 0.0 },
    { le: 10000.0 },
  ),
  /** Largest difference of sequence lengths within a bucket, in [0, 100]. @default - not sent (the algorithm's default) */
  bucketWidth: hp('bucket_width', 'int', 'An integer in [0, 100]', { ge: 0 }, { le: 100 }),
  /** Classes of a classification task, in [2, 30]. @default - not sent (the algorithm's default) */
  numClasses: hp('num_classes', 'int', 'An integer in [2, 30]', { ge: 2 }, { le: 30 }),
  /** MLP layers, in [1, 10]. @default - not sent (the algorithm's default) */
  mlpLayers: hp('mlp_layers', 'int', 'An integer in [1, 10]', { ge: 1 }, { le: 10 }),
  /** Output dimension of the MLP layers, in [2, 10000]. @default - not sent (the algorithm's default) */
  mlpDim: hp('mlp_dim', 'int', 'An integer in [2, 10000]', { ge: 2 }, { le: 10000 }),
  /** `tanh`, `relu` or `linear`. @default - not sent (the algorithm's default) */
  mlpActivation: hp('mlp_activation', 'str', 'One of "tanh", "relu", "linear"', {
    isin: ['tanh', 'relu', 'linear'],
  }),
  /** `softmax` or `mean_squared_error`. @default - not sent (the algorithm's default) */
  outputLayer: hp('output_layer', 'str', 'One of "softmax", "mean_squared_error"', {
    isin: ['softmax', 'mean_squared_error'],
  }),
  /** `adagrad`, `adam`, `rmsprop`, `sgd` or `adadelta`. @default - not sent (the algorithm's default) */
  optimizer: hp('optimizer', 'str', 'One of "adagrad", "adam", "rmsprop", "sgd", "adadelta"', {
    isin: ['adagrad', 'adam', 'rmsprop', 'sgd', 'adadelta'],
  }),
  /** Learning rate, in [1e-6, 1.0]. @default - not sent (the algorithm's default) */
  learningRate: hp('learning_rate', 'float', 'A float in [1e-06, 1.0]', { ge: 1e-6 }, { le: 1.0 }),
  /** Negative samples per positive one, in [0, 100]. @default - not sent (the algorithm's default) */
  negativeSamplingRate: hp(
    'negative_sampling_rate',
    'int',
    'An integer in [0, 100]',
    { ge: 0 },
    { le: 100 },
  ),
  /** Comma-separated comparators among `hadamard`, `concat`, `abs_diff`. @default - not sent (the algorithm's default) */
  comparatorList: hp(
    'comparator_list',
    'str',
    'Comma-separated of hadamard, concat, abs_diff. E.g. "hadamard,abs_diff"',
    { subsetOf: ['hadamard', 'concat', 'abs_diff'] },
  ),
  /** Whether both encoders share the token embedding weights. @default - not sent (the algorithm's default) */
  tiedTokenEmbeddingWeight: hp('tied_token_embedding_weight', 'bool', 'Either True or False'),
  /** `dense` or `row_sparse`. @default - not sent (the algorithm's default) */
  tokenEmbeddingStorageType: hp(
    'token_embedding_storage_type',
    'str',
    'One of "dense", "row_sparse"',
    {
      isin: ['dense', 'row_sparse'],
    },
  ),
  /** Network of encoder 0: `hcnn`, `bilstm` or `pooled_embedding`. @default - not sent (the algorithm's default) */
  enc0Network: hp('enc0_network', 'str', 'One of "hcnn", "bilstm", "pooled_embedding"', {
    isin: ['hcnn', 'bilstm', 'pooled_embedding'],
  }),
  /** Network of encoder 1: `hcnn`, `bilstm`, `pooled_embedding` or `enc0`. @default - not sent (the algorithm's default) */
  enc1Network: hp('enc1_network', 'str', 'One of "hcnn", "bilstm", "pooled_embedding", "enc0"', {
    isin: ['hcnn', 'bilstm', 'pooled_embedding', 'enc0'],
  }),
  /** CNN filter width of encoder 0, in [1, 9]. @default - not sent (the algorithm's default) */
  enc0CnnFilterWidth: hp(
    'enc0_cnn_filter_width',
    'int',
    'An integer in [1, 9]',
    { ge: 1 },
    { le: 9 },
  ),
  /** CNN filter width of encoder 1, in [1, 9]. @default - not sent (the algorithm's default) */
  enc1CnnFilterWidth: hp(
    'enc1_cnn_filter_width',
    'int',
    'An integer in [1, 9]',
    { ge: 1 },
    { le: 9 },
  ),
  /** Longest sequence of encoder 0, in [1, 5000]. */
  enc0MaxSeqLen: required(
    hp('enc0_max_seq_len', 'int', 'An integer in [1, 5000]', { ge: 1 }, { le: 5000 }),
  ),
  /** Longest sequence of encoder 1, in [1, 5000]. @default - not sent (the algorithm's default) */
  enc1MaxSeqLen: hp('enc1_max_seq_len', 'int', 'An integer in [1, 5000]', { ge: 1 }, { le: 5000 }),
  /** Token embedding dimension of encoder 0, in [2, 1000]. @default - not sent (the algorithm's default) */
  enc0TokenEmbeddingDim: hp(
    'enc0_token_embedding_dim',
    'int',
    'An integer in [2, 1000]',
    { ge: 2 },
    { le: 1000 },
  ),
  /** Token embedding dimension of encoder 1, in [2, 1000]. @default - not sent (the algorithm's default) */
  enc1TokenEmbeddingDim: hp(
    'enc1_token_embedding_dim',
    'int',
    'An integer in [2, 1000]',
    { ge: 2 },
    { le: 1000 },
  ),
  /** Vocabulary size of encoder 0, in [2, 3000000]. */
  enc0VocabSize: required(
    hp('enc0_vocab_size', 'int', 'An integer in [2, 3000000]', { ge: 2 }, { le: 3000000 }),
  ),
  /** Vocabulary size of encoder 1, in [2, 3000000]. @default - not sent (the algorithm's default) */
  enc1VocabSize: hp(
    'enc1_vocab_size',
    'int',
    'An integer in [2, 3000000]',
    { ge: 2 },
    { le: 3000000 },
  ),
  /** Layers of encoder 0, in [1, 4]. @default - not sent (the algorithm's default) */
  enc0Layers: hp('enc0_layers', 'int', 'An integer in [1, 4]', { ge: 1 }, { le: 4 }),
  /** Layers of encoder 1, in [1, 4]. @default - not sent (the algorithm's default) */
  enc1Layers: hp('enc1_layers', 'int', 'An integer in [1, 4]', { ge: 1 }, { le: 4 }),
  /** Whether encoder 0 keeps its pretrained embedding weights fixed. @default - not sent (the algorithm's default) */
  enc0FreezePretrainedEmbedding: hp(
    'enc0_freeze_pretrained_embedding',
    'bool',
    'Either True or False',
  ),
  /** Whether encoder 1 keeps its pretrained embedding weights fixed. @default - not sent (the algorithm's default) */
  enc1FreezePretrainedEmbedding: hp(
    'enc1_freeze_pretrained_embedding',
    'bool',
    'Either True or False',
  ),
});
type Object2VecHyperparameters = ReturnType<typeof object2VecHyperparameters>;

/** The Object2Vec algorithm. */
export const OBJECT2VEC_ALGORITHM = defineAlgorithm({
  className: 'Object2Vec',
  pythonModule: 'sagemaker.amazon.object2vec',
  registry: object2vecRegistry,
  table: object2VecHyperparameters,
  prepareTraining: (_estimator, _records, miniBatchSize) =>
    miniBatchSize ?? DEFAULT_MINI_BATCH_SIZE,
});

/** Options of {@link Object2Vec}. */
export interface Object2VecProps
  extends AlgorithmEstimatorProps, HyperparameterProps<Object2VecHyperparameters> {}

/**
 * Object2Vec: embeddings of pairs of objects.
 * @example
 * const est = new Object2Vec({ session, role, instanceCount: 1, instanceType: 'ml.m5.large', epochs: 10, enc0MaxSeqLen: 100, enc0VocabSize: 10000 });
 * @throws {@link ValidationError} for a hyperparameter outside its range.
 */
export class Object2Vec extends AlgorithmEstimator<Object2VecHyperparameters> {
  constructor(props: Object2VecProps) {
    super(OBJECT2VEC_ALGORITHM, props);
  }
}

/** A trained Object2Vec model on the Object2Vec image. */
export class Object2VecModel extends AlgorithmModel {
  constructor(props: AlgorithmModelProps) {
    super(OBJECT2VEC_ALGORITHM, props);
  }
}
