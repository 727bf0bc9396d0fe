/** `AnyEstimator`: the union of the estimator kinds the training builders accept. */
import type { AlgorithmEstimator } from './amazon/AlgorithmEstimator.js';
import type { Estimator } from './Estimator.js';
import type { Framework } from './frameworks/Framework.js';

/** Any estimator the training builders accept; `kind` tells them apart. */
export type AnyEstimator = Estimator | AlgorithmEstimator | Framework;
