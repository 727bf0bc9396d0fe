/**
 * What the built-in algorithms' `fit` sends where their Airflow config differs: file-system
 * record sets are accepted, and `mini_batch_size` is the algorithm's computed value (RCF's 1000,
 * Linear Learner's default, ...) rather than the call's.
 */
import { formatInputs } from '../config/channels.js';
import { isRecordSetChannel, type TrainingInputs } from '../estimators/inputs.js';
import { algorithmTrainingValues } from '../config/algorithmTraining.js';
import {
  MINI_BATCH_SIZE,
  type AlgorithmEstimator,
} from '../estimators/amazon/AlgorithmEstimator.js';
import { RecordSet } from '../estimators/amazon/RecordSet.js';
import { coerceHyperparameter } from '../estimators/amazon/hyperparameters.js';
import { pyStr } from '../pythonCompat/pyStr.js';

const asS3 = (r: unknown): unknown =>
  isRecordSetChannel(r) && r.recordSetKind !== 'S3'
    ? new RecordSet({
        s3Data: 's3://file-system-record-set/',
        numRecords: (r as unknown as { numRecords: number }).numRecords,
        featureDim: r.featureDim as number,
        channel: r.channel,
      })
    : r;

/** The inputs as the Airflow builders accept them (file-system record sets stand in as S3 ones). */
export function airflowCompatibleRecords(inputs: unknown): unknown {
  return Array.isArray(inputs) ? inputs.map(asS3) : asS3(inputs);
}

/** The request's channels and hyperparameters as `fit` sends them for an algorithm. */
export function algorithmFitOverrides(
  estimator: AlgorithmEstimator,
  inputs: unknown,
  miniBatchSize: unknown,
  request: Record<string, unknown>,
): Record<string, unknown> {
  const records = airflowCompatibleRecords(inputs);
  const values = algorithmTrainingValues(estimator, records, miniBatchSize);
  const spec = estimator.spec(MINI_BATCH_SIZE.name);
  const computed = estimator.definition.prepareTraining
    ? estimator.definition.prepareTraining(estimator, records, miniBatchSize)
    : miniBatchSize;
  values.set(spec.name, coerceHyperparameter(spec, computed));
  const hyperparameters = Object.fromEntries(
    Object.entries(estimator.hyperparameters(values)).map(([k, v]) => [k, pyStr(v)]),
  );
  const channels = formatInputs(inputs as TrainingInputs) ?? [];
  const byName = new Map(channels.map((c) => [c.ChannelName, c]));
  const current = request.InputDataConfig as { ChannelName?: string }[] | undefined;
  return {
    ...request,
    HyperParameters: Object.keys(hyperparameters).length > 0 ? hyperparameters : undefined,
    InputDataConfig: current?.map((c) => byName.get(c.ChannelName) ?? c),
  };
}
