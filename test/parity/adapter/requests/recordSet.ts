/**
 * `est.record_set(train, labels, channel, encrypt, distribution)` steps of the request cases: our
 * `recordSet` over the replayed S3 client; the returned record set is registered under `as` for
 * the `fit` that follows and rendered as Python's `RecordSet` attributes.
 */
import { AlgorithmEstimator } from '../../../../src/estimators/amazon/AlgorithmEstimator.js';
import { recordSet, type RecordSetInput } from '../../../../src/operators/direct/recordSet.js';
import type { VectorInput } from '../../../../src/recordio/index.js';
import { UnsupportedCaseError, withPositional } from '../../values.js';
import { decodeValue } from '../recordio.js';
import type { RequestEnv } from '../requests.js';

/** Runs `record_set` on an algorithm estimator. */
export async function recordSetCall(
  step: { as?: string },
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown>,
  env: RequestEnv,
): Promise<unknown> {
  if (!(target instanceof AlgorithmEstimator)) throw new UnsupportedCaseError('record_set target');
  const all = withPositional(
    args,
    kwargs,
    ['train', 'labels', 'channel', 'encrypt', 'distribution'],
    'record_set',
  );
  const labels =
    all.labels === undefined || all.labels === null ? undefined : decodeValue(all.labels);
  const records = await recordSet(env.direct, target, decodeValue(all.train) as RecordSetInput, {
    ...(labels === undefined ? {} : { labels: labels as VectorInput }),
    ...(typeof all.channel === 'string' ? { channel: all.channel } : {}),
    ...(all.encrypt !== undefined ? { encrypt: Boolean(all.encrypt) } : {}),
    ...(typeof all.distribution === 'string' ? { distribution: all.distribution } : {}),
  });
  if (step.as !== undefined) env.ctx.refs.set(step.as, records);
  return {
    $object: 'RecordSet',
    attrs: {
      s3_data: records.s3Data,
      feature_dim: records.featureDim,
      num_records: records.numRecords,
      s3_data_type: records.s3DataType,
      channel: records.channel,
      distribution: records.distribution,
    },
  };
}
