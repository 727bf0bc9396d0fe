/**
 * The mini-batch size rules of the built-in algorithms' training hooks: Python's default
 * (`_get_default_mini_batch_size`) and the range checks some algorithms make.
 */
import { OptionTypeError, ValidationError } from '../../errors.js';
import { isPyFloat } from '../../pythonCompat/pyFloat.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import { isRecordSetChannel } from '../inputs.js';
import type { PrepareTraining, TrainingEstimator, TrainingRecords } from './algorithmDefinition.js';

/** The number of records of the train channel (the first half of Python's default mini-batch size). */
function trainNumRecords(className: string, records: TrainingRecords): unknown {
  if (Array.isArray(records)) {
    const train = (records as unknown[]).find(
      (r) => isRecordSetChannel(r) && r.channel === 'train',
    );
    if (!train)
      throw new ValidationError('inputs', records, 'a list of record sets with a "train" channel');
    return (train as { numRecords?: unknown }).numRecords;
  }
  if (isRecordSetChannel(records)) return (records as { numRecords?: unknown }).numRecords;
  throw new OptionTypeError(
    'inputs',
    records,
    `a RecordSet or a list of record sets (${className} reads num_records)`,
  );
}

const plainNumber = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? value
    : typeof value === 'boolean'
      ? Number(value)
      : isPyFloat(value)
        ? value.value
        : undefined;

/**
 * The `prepareTraining` hook of LinearLearner and PCA: Python's `mini_batch_size or
 * _get_default_mini_batch_size(num_records)`, capped at `maximum`.
 */
export const miniBatchSizeOrDefault =
  (maximum: number): PrepareTraining =>
  (estimator, records, miniBatchSize) =>
    pyTruthy(miniBatchSize) ? miniBatchSize : defaultMiniBatchSize(estimator, records, maximum);

/**
 * Python's `_get_default_mini_batch_size`: the train channel's records per instance, at least 1
 * and at most `maximum`. Python divides `num_records` by `instance_count`, so a template in
 * either is a `TypeError` there and an {@link OptionTypeError} here.
 */
export function defaultMiniBatchSize(
  estimator: TrainingEstimator,
  records: TrainingRecords,
  maximum: number,
): number {
  const numRecords = trainNumRecords(estimator.definition.className, records);
  const instanceCount = estimator.options.instanceCount;
  const n = plainNumber(numRecords);
  if (n === undefined)
    throw new OptionTypeError(
      'RecordSet.numRecords',
      numRecords,
      'a number to compute the default mini_batch_size from',
    );
  const count = plainNumber(instanceCount);
  if (count === undefined) {
    throw new OptionTypeError(
      `${estimator.definition.className}.instanceCount`,
      instanceCount,
      'a number to compute the default mini_batch_size from',
    );
  }
  if (count === 0)
    throw new ValidationError(
      `${estimator.definition.className}.instanceCount`,
      instanceCount,
      'a non-zero count',
    );
  const perInstance = Math.trunc(n / count);
  if (!Number.isFinite(perInstance))
    throw new ValidationError('RecordSet.numRecords', numRecords, 'a finite number');
  return Math.min(maximum, Math.max(1, perInstance));
}

/**
 * A mini-batch size as Python's range checks `mini_batch_size < low or mini_batch_size > high`
 * see it: `None` passes, numbers are compared, and anything else (a text, a template) cannot be
 * compared in Python 3 (`TypeError`).
 * @throws {@link OptionTypeError} for a value that is not a number; {@link ValidationError} out of range.
 */
export function checkMiniBatchSizeRange(
  className: string,
  miniBatchSize: unknown,
  low: number,
  high: number,
): void {
  if (miniBatchSize === undefined || miniBatchSize === null) return;
  const n = plainNumber(miniBatchSize);
  if (n === undefined)
    throw new OptionTypeError(
      `${className} mini_batch_size`,
      miniBatchSize,
      `a number in [${low}, ${high}]`,
    );
  if (n < low || n > high) {
    throw new ValidationError(
      `${className} mini_batch_size`,
      miniBatchSize,
      `a number in [${low}, ${high}]`,
    );
  }
}
