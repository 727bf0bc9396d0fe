/**
 * The built-in algorithms' part of the training config: `feature_dim` from the train record set
 * and `mini_batch_size` from the call (Python's `_prepare_for_training` of the algorithm, then the
 * Airflow module's `prepare_amazon_algorithm_estimator`).
 */
import { OptionTypeError, ValidationError } from '../errors.js';
import {
  FEATURE_DIM,
  MINI_BATCH_SIZE,
  type AlgorithmEstimator,
} from '../estimators/amazon/AlgorithmEstimator.js';
import {
  coerceHyperparameter,
  type HyperparameterValue,
} from '../estimators/amazon/hyperparameters.js';
import { isRecordSetChannel, type RecordSetChannel } from '../estimators/inputs.js';

const isS3RecordSet = (v: unknown): v is RecordSetChannel =>
  isRecordSetChannel(v) && v.recordSetKind === 'S3';

/**
 * The algorithm's hyperparameter values for a training job on `records`.
 * @throws {@link ValidationError} without a train channel, or where the algorithm's checks fail;
 * {@link OptionTypeError} when the inputs are not record sets.
 */
export function algorithmTrainingValues(
  estimator: AlgorithmEstimator,
  records: unknown,
  miniBatchSize: unknown,
): Map<string, HyperparameterValue | undefined> {
  const values = new Map(estimator.hyperparameterValues());
  const mbsSpec = estimator.spec(MINI_BATCH_SIZE.name);
  const featureDimSpec = estimator.spec(FEATURE_DIM.name);
  const computed = estimator.definition.prepareTraining
    ? estimator.definition.prepareTraining(estimator, records, miniBatchSize)
    : miniBatchSize;

  let featureDim: unknown;
  if (Array.isArray(records)) {
    const train = records.find((r) => isRecordSetChannel(r) && r.channel === 'train') as
      RecordSetChannel | undefined;
    if (!train)
      throw new ValidationError('inputs', records, 'a list of record sets with a "train" channel');
    featureDim = train.featureDim;
  } else if (isRecordSetChannel(records)) {
    featureDim = records.featureDim;
  } else {
    throw new OptionTypeError(
      'inputs',
      records,
      'a RecordSet or a list of record sets (built-in algorithms train on record sets)',
    );
  }
  values.set(featureDimSpec.name, coerceHyperparameter(featureDimSpec, featureDim));
  values.set(mbsSpec.name, coerceHyperparameter(mbsSpec, computed));

  // The Airflow module then accepts S3 record sets only, and sets the call's mini-batch size.
  if (Array.isArray(records)) {
    const train = (records as unknown[]).find(
      (r): r is RecordSetChannel => isS3RecordSet(r) && r.channel === 'train',
    );
    if (train)
      values.set(featureDimSpec.name, coerceHyperparameter(featureDimSpec, train.featureDim));
  } else if (isS3RecordSet(records)) {
    values.set(featureDimSpec.name, coerceHyperparameter(featureDimSpec, records.featureDim));
  } else {
    throw new OptionTypeError(
      'inputs',
      records,
      'a RecordSet or a list of RecordSets (Airflow configs need S3 record sets)',
    );
  }
  values.set(mbsSpec.name, coerceHyperparameter(mbsSpec, miniBatchSize));
  return values;
}
