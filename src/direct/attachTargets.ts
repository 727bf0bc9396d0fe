/**
 * The classes `attach` rebuilds and which of Python's `_prepare_init_params_from_job_description`
 * each one uses: the generic `Estimator`, the ten algorithms (with the hyperparameters their
 * class declares) and the seven frameworks.
 */
import { Estimator } from '../estimators/Estimator.js';
import {
  FACTORIZATION_MACHINES_ALGORITHM,
  FactorizationMachines,
} from '../estimators/amazon/FactorizationMachines.js';
import { IP_INSIGHTS_ALGORITHM, IPInsights } from '../estimators/amazon/IPInsights.js';
import { KMEANS_ALGORITHM, KMeans } from '../estimators/amazon/KMeans.js';
import { KNN_ALGORITHM, KNN } from '../estimators/amazon/KNN.js';
import { LDA_ALGORITHM, LDA } from '../estimators/amazon/LDA.js';
import { LINEAR_LEARNER_ALGORITHM, LinearLearner } from '../estimators/amazon/LinearLearner.js';
import { NTM_ALGORITHM, NTM } from '../estimators/amazon/NTM.js';
import { OBJECT2VEC_ALGORITHM, Object2Vec } from '../estimators/amazon/Object2Vec.js';
import { PCA_ALGORITHM, PCA } from '../estimators/amazon/PCA.js';
import {
  RANDOM_CUT_FOREST_ALGORITHM,
  RandomCutForest,
} from '../estimators/amazon/RandomCutForest.js';
import type { AlgorithmDefinition } from '../estimators/amazon/AlgorithmEstimator.js';
import { Chainer } from '../estimators/frameworks/Chainer.js';
import { HuggingFace } from '../estimators/frameworks/HuggingFace.js';
import { MXNet } from '../estimators/frameworks/MXNet.js';
import { PyTorch } from '../estimators/frameworks/PyTorch.js';
import { SKLearn } from '../estimators/frameworks/SKLearn.js';
import { TensorFlow } from '../estimators/frameworks/TensorFlow.js';
import { XGBoost } from '../estimators/frameworks/XGBoost.js';
import { UnsupportedOptionError } from '../errors.js';
import type { AttachFlavor } from './attachParams.js';

/** A class `attach` can rebuild. */
export type AttachableClass =
  | typeof Estimator
  | typeof FactorizationMachines
  | typeof IPInsights
  | typeof KMeans
  | typeof KNN
  | typeof LDA
  | typeof LinearLearner
  | typeof NTM
  | typeof Object2Vec
  | typeof PCA
  | typeof RandomCutForest
  | typeof Chainer
  | typeof HuggingFace
  | typeof MXNet
  | typeof PyTorch
  | typeof SKLearn
  | typeof TensorFlow
  | typeof XGBoost;

// Python maps each hyperparameter to the class attribute holding it (KMeans' `max_iterations`
// holds `local_lloyd_max_iter`): the table's option names are those attributes.
const algorithm = (definition: AlgorithmDefinition): AttachFlavor => ({
  kind: 'algorithm',
  hyperparameters: definition.entries.map((e) => ({ ...e.spec, attribute: e.option })),
});

const FLAVORS = new Map<AttachableClass, AttachFlavor>([
  [Estimator, { kind: 'byo' }],
  [FactorizationMachines, algorithm(FACTORIZATION_MACHINES_ALGORITHM)],
  [IPInsights, algorithm(IP_INSIGHTS_ALGORITHM)],
  [KMeans, algorithm(KMEANS_ALGORITHM)],
  [KNN, algorithm(KNN_ALGORITHM)],
  [LDA, algorithm(LDA_ALGORITHM)],
  [LinearLearner, algorithm(LINEAR_LEARNER_ALGORITHM)],
  [NTM, algorithm(NTM_ALGORITHM)],
  [Object2Vec, algorithm(OBJECT2VEC_ALGORITHM)],
  [PCA, algorithm(PCA_ALGORITHM)],
  [RandomCutForest, algorithm(RANDOM_CUT_FOREST_ALGORITHM)],
  [Chainer, { kind: 'framework', framework: 'chainer' }],
  [HuggingFace, { kind: 'framework', framework: 'huggingface' }],
  [MXNet, { kind: 'framework', framework: 'mxnet' }],
  [PyTorch, { kind: 'framework', framework: 'pytorch' }],
  [SKLearn, { kind: 'framework', framework: 'sklearn' }],
  [TensorFlow, { kind: 'framework', framework: 'tensorflow' }],
  [XGBoost, { kind: 'framework', framework: 'xgboost' }],
]);

/**
 * How `attach` reads a job for `target`.
 * @throws {@link UnsupportedOptionError} for a class `attach` does not know.
 */
export function attachFlavor(target: AttachableClass): AttachFlavor {
  const flavor = FLAVORS.get(target);
  if (!flavor) {
    throw new UnsupportedOptionError(
      'attach target',
      (target as { name?: string }).name ?? String(target),
      ['Estimator', 'the ten built-in algorithms', 'the seven framework estimators'],
    );
  }
  return flavor;
}
