/** The built-in algorithms, their models and record sets, for the parity runner. */
import { KNN, KNNModel } from '../../../src/estimators/amazon/KNN.js';
import { FileSystemRecordSet, RecordSet } from '../../../src/estimators/amazon/RecordSet.js';
import type { BuildHandlers, CaseContext } from './types.js';
import { toProps, UnsupportedCaseError, withPositional, type ValueFactory } from '../values.js';

type Ctor = new (props: never) => object;

/** Python class name to our estimator and model classes. */
const ALGORITHMS: Readonly<Record<string, readonly [Ctor, Ctor]>> = {
  KNN: [KNN, KNNModel],
};

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
          ...toProps(withPositional(args, kwargs, ['role', 'instance_count', 'instance_type'], name)),
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
      toProps(withPositional(args, kwargs, ['s3_data', 'num_records', 'feature_dim', 's3_data_type', 'channel', 'distribution'], 'RecordSet')) as never,
    ),
  FileSystemRecordSet: (args, kwargs) =>
    new FileSystemRecordSet(
      toProps(
        withPositional(
          args,
          kwargs,
          ['file_system_id', 'file_system_type', 'directory_path', 'num_records', 'feature_dim', 'file_system_access_mode', 'channel'],
          'FileSystemRecordSet',
        ),
      ) as never,
    ),
};
