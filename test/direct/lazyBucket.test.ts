/**
 * An algorithm constructed on a fresh direct session, without `build`: its default data location
 * waits for the first direct call, which checks the default bucket once (Python parity A7), as a
 * port of `knn = KNN(...); knn.fit(knn.record_set(arr))` does it.
 */
import { describe, expect, it } from 'vitest';
import { useLocalDirectEndpoints } from './localDirectSession.js';
import { fit } from '../../src/operators/direct/fit.js';
import { recordSet } from '../../src/operators/direct/recordSet.js';
import { KNN } from '../../src/estimators/amazon/KNN.js';
import { createSession } from '../../src/session.js';
import { isDefaultBucketPendingError } from '../../src/operators/direct/errors.js';

const local = useLocalDirectEndpoints({ defaultBucket: false });
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const props = {
  role: ROLE,
  instanceCount: 1,
  instanceType: 'ml.m5.large',
  k: 3,
  sampleSize: 10,
  predictorType: 'classifier',
} as const;

describe('an algorithm on a direct session whose bucket is not resolved', () => {
  it('constructs, then recordSet and fit check the bucket once and use it', async () => {
    // GIVEN a fresh direct session (bucket `bucket`, not created yet) and KNN constructed on it
    const direct = local.session();
    const knn = new KNN({ session: direct.session, ...props });
    // THEN construction made no request, and reading the location before any call is refused
    expect(local.s3.requests).toEqual([]);
    expect(() => knn.dataLocation).toThrow(expect.toSatisfy(isDefaultBucketPendingError));
    // WHEN a record set is written from it and it is fitted on it
    const records = await recordSet(direct, knn, {
      shape: [4, 2],
      data: new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]),
    });
    await fit(direct, knn, { inputs: records, miniBatchSize: 2, wait: false });
    // THEN the bucket was checked (and created) once, first, and the records went to it
    const ops = local.s3.requests.map((r) => r.operation);
    expect(ops.slice(0, 3)).toEqual(['ListBuckets', 'HeadBucket', 'CreateBucket']);
    expect(ops.filter((op) => op === 'ListBuckets')).toHaveLength(1);
    expect(knn.dataLocation).toBe('s3://bucket/sagemaker-record-sets/');
    expect(records.s3Data).toMatch(
      /^s3:\/\/bucket\/sagemaker-record-sets\/KNN-.*\/\.amazon\.manifest$/,
    );
    expect(local.sagemaker.count('CreateTrainingJob')).toBe(1);
  });

  it('still reads the bucket in the constructor on a session that has one', () => {
    // GIVEN a plain session with a default bucket (the Airflow path)
    const session = createSession({ region: 'us-west-2', defaultBucket: 'airflow-bucket' });
    // WHEN KNN is constructed, THEN its location is set from that bucket
    expect(new KNN({ session, ...props }).dataLocation).toBe(
      's3://airflow-bucket/sagemaker-record-sets/',
    );
  });
});
