/**
 * The ten built-in algorithm estimators, their models and record sets. The hyperparameter
 * plumbing (`hp`, coercion, serialization) and the algorithms' definitions stay inside: the
 * estimators' typed props are the way in.
 */
export {
  AlgorithmEstimator,
  AlgorithmModel,
  type AlgorithmDefinition,
  type AlgorithmEstimatorProps,
  type AlgorithmModelProps,
} from './AlgorithmEstimator.js';
export type {
  HyperparameterCheck,
  HyperparameterSpec,
  HyperparameterType,
  HyperparameterValue,
} from './hyperparameters.js';
export {
  RecordSet,
  FileSystemRecordSet,
  type RecordSetProps,
  type FileSystemRecordSetProps,
} from './RecordSet.js';
export { KNN, KNNModel, type KNNProps } from './KNN.js';
export {
  FactorizationMachines,
  FactorizationMachinesModel,
  type FactorizationMachinesProps,
} from './FactorizationMachines.js';
export { LinearLearner, LinearLearnerModel, type LinearLearnerProps } from './LinearLearner.js';
export { KMeans, KMeansModel, type KMeansProps } from './KMeans.js';
export { PCA, PCAModel, type PCAProps } from './PCA.js';
export { NTM, NTMModel, type NTMProps } from './NTM.js';
export { LDA, LDAModel, type LDAProps } from './LDA.js';
export {
  RandomCutForest,
  RandomCutForestModel,
  type RandomCutForestProps,
} from './RandomCutForest.js';
export { IPInsights, IPInsightsModel, type IPInsightsProps } from './IPInsights.js';
export { Object2Vec, Object2VecModel, type Object2VecProps } from './Object2Vec.js';
