/** The ten built-in algorithm estimators, their models, record sets and typed hyperparameters. */
export {
  AlgorithmEstimator,
  AlgorithmModel,
  FEATURE_DIM,
  MINI_BATCH_SIZE,
  checkMiniBatchSizeRange,
  defaultMiniBatchSize,
  defineAlgorithm,
  type AlgorithmDeclaration,
  type AlgorithmDefinition,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
  type PrepareTraining,
  type TrainingEstimator,
  type TrainingRecords,
} from './AlgorithmEstimator.js';
export {
  hp,
  required,
  type HyperparameterChanges,
  type HyperparameterOption,
  type HyperparameterProps,
  type HyperparameterRow,
  type HyperparameterTable,
  type HyperparameterValueOf,
  type SharedHyperparameters,
  type TableEntry,
  type WithShared,
} from './hyperparameterTable.js';
export {
  coerceHyperparameter,
  convertHyperparameter,
  serializeHyperparameters,
  validateRawHyperparameter,
  type HyperparameterCheck,
  type HyperparameterSpec,
  type HyperparameterType,
  type HyperparameterValue,
} from './hyperparameters.js';
export {
  RecordSet,
  FileSystemRecordSet,
  type RecordSetProps,
  type FileSystemRecordSetProps,
} from './RecordSet.js';
export { KNN, KNNModel, KNN_ALGORITHM, type KNNProps } from './KNN.js';
export {
  FactorizationMachines,
  FactorizationMachinesModel,
  FACTORIZATION_MACHINES_ALGORITHM,
  type FactorizationMachinesProps,
} from './FactorizationMachines.js';
export {
  LinearLearner,
  LinearLearnerModel,
  LINEAR_LEARNER_ALGORITHM,
  type LinearLearnerProps,
} from './LinearLearner.js';
export { KMeans, KMeansModel, KMEANS_ALGORITHM, type KMeansProps } from './KMeans.js';
export { PCA, PCAModel, PCA_ALGORITHM, type PCAProps } from './PCA.js';
export { NTM, NTMModel, NTM_ALGORITHM, type NTMProps } from './NTM.js';
export { LDA, LDAModel, LDA_ALGORITHM, type LDAProps } from './LDA.js';
export {
  RandomCutForest,
  RandomCutForestModel,
  RANDOM_CUT_FOREST_ALGORITHM,
  type RandomCutForestProps,
} from './RandomCutForest.js';
export {
  IPInsights,
  IPInsightsModel,
  IP_INSIGHTS_ALGORITHM,
  type IPInsightsProps,
} from './IPInsights.js';
export {
  Object2Vec,
  Object2VecModel,
  OBJECT2VEC_ALGORITHM,
  type Object2VecProps,
} from './Object2Vec.js';
