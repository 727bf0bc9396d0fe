/** The built-in algorithms, their models and record sets, for the parity runner. */
import {
  FactorizationMachines,
  FactorizationMachinesModel,
} from '../../../src/estimators/amazon/FactorizationMachines.js';
import { LinearLearner, LinearLearnerModel } from '../../../src/estimators/amazon/LinearLearner.js';
import { KMeans, KMeansModel } from '../../../src/estimators/amazon/KMeans.js';
import { PCA, PCAModel } from '../../../src/estimators/amazon/PCA.js';
import { NTM, NTMModel } from '../../../src/estimators/amazon/NTM.js';
import { LDA, LDAModel } from '../../../src/estimators/amazon/LDA.js';
import {
  RandomCutForest,
  RandomCutForestModel,
} from '../../../src/estimators/amazon/RandomCutForest.js';
import { IPInsights, IPInsightsModel } from '../../../src/estimators/amazon/IPInsights.js';
import { Object2Vec, Object2VecModel } from '../../../src/estimators/amazon/Object2Vec.js';
import { KNN, KNNModel } from '../../../src/estimators/amazon/KNN.js';
import { FileSystemRecordSet, RecordSet } from '../../../src/estimators/amazon/RecordSet.js';
import type { BuildHandlers, CaseContext } from './types.js';
import { toProps, UnsupportedCaseError, withPositional, type ValueFactory } from '../values.js';

type Ctor = new (props: never) => object;

/** Python class name to our estimator and model classes. */
const ALGORITHMS: Readonly<Record<string, readonly [Ctor, Ctor]>> = {
  KNN: [KNN, KNNModel],
  FactorizationMachines: [FactorizationMachines, FactorizationMachinesModel],
  LinearLearner: [LinearLearner, LinearLearnerModel],
  KMeans: [KMeans, KMeansModel],
  PCA: [PCA, PCAModel],
  NTM: [NTM, NTMModel],
  LDA: [LDA, LDAModel],
  RandomCutForest: [RandomCutForest, RandomCutForestModel],
  IPInsights: [IPInsights, IPInsightsModel],
  Object2Vec: [Object2Vec, Object2VecModel],
};

/** Python's leading positional parameters; LDA takes no `instance_count` (it always trains on one). */
const POSITIONAL: Readonly<Record<string, readonly string[]>> = { LDA: ['role', 'instance_type'] };

const session = (ctx: CaseContext) => {
  if (!ctx.sagemakerSession) throw new UnsupportedCaseError('a build class needs a session');
  return ctx.sagemakerSession;
};

export const amazonBuilds: BuildHandlers = Object.fromEntries(
  Object.entries(ALGORITHMS).flatMap(([name, [Estimator, Model]]) => [
    [
      name,
      (args, kwargs, ctx) =>
        new Estimator({
          ...toProps(
            withPositional(
              args,
              kwargs,
              POSITIONAL[name] ?? ['role', 'instance_count', 'instance_type'],
              name,
            ),
          ),
          session: session(ctx),
        } as never),
    ],
    [
      `${name}Model`,
      (args, kwargs, ctx) =>
        new Model({
          ...toProps(withPositional(args, kwargs, ['model_data', 'role'], `${name}Model`)),
          session: session(ctx),
        } as never),
    ],
  ]),
);

export const amazonValueClasses: Record<string, ValueFactory> = {
  RecordSet: (args, kwargs) =>
    new RecordSet(
      toProps(
        withPositional(
          args,
          kwargs,
          ['s3_data', 'num_records', 'feature_dim', 's3_data_type', 'channel', 'distribution'],
          'RecordSet',
        ),
      ) as never,
    ),
  FileSystemRecordSet: (args, kwargs) =>
    new FileSystemRecordSet(
      toProps(
        withPositional(
          args,
          kwargs,
          [
            'file_system_id',
            'file_system_type',
            'directory_path',
            'num_records',
            'feature_dim',
            'file_system_access_mode',
            'channel',
          ],
          'FileSystemRecordSet',
        ),
      ) as never,
    ),
};
