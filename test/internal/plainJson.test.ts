/**
 * The JSON check reads the members of the objects a builder noted as its own without
 * descriptors, for that one check only: an object handed back to the caller, then given a getter
 * and built into another config, is refused as any other object with a getter is.
 */
import { describe, expect, it } from 'vitest';
import { isOptionTypeError } from '../../src/errors.js';
import {
  createSession,
  KNN,
  RecordSet,
  trainingJob,
  transformConfigFromEstimator,
} from '../../src/index.js';
import { checkPlainJson, NewObjects } from '../../src/internal/plainJson.js';

const errorOf = (run: () => unknown): unknown => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
};

describe('checkPlainJson with the builder objects noted', () => {
  it('finds the same problems as without them', () => {
    // GIVEN a config with a NaN and an undefined member in objects the builder noted
    const made = new NewObjects();
    const config = made.add({ A: made.add({ B: 1, C: Number.NaN }), D: undefined });
    // WHEN it is checked with and without the set
    const noted = errorOf(() => checkPlainJson('config', config, made));
    const plain = errorOf(() => checkPlainJson('config', config));
    // THEN both name the same member, with the same message
    expect(isOptionTypeError(noted)).toBe(true);
    expect(noted).toStrictEqual(plain);
    expect((noted as Error).message).toContain('config.A.C');
  });

  it('trusts a set for one check only', () => {
    // GIVEN an object noted and checked once, then given a getter
    const made = new NewObjects();
    const inner: Record<string, unknown> = made.add({ B: 1 });
    checkPlainJson('config', { A: inner }, made);
    let reads = 0;
    Object.defineProperty(inner, 'G', {
      enumerable: true,
      get: () => {
        reads++;
        return 1;
      },
    });
    // WHEN it is checked again with the same set
    const error = errorOf(() => checkPlainJson('config', { A: inner }, made));
    // THEN the getter is a problem, and it was never called
    expect(isOptionTypeError(error)).toBe(true);
    expect((error as Error).message).toContain('config.A.G');
    expect(reads).toBe(0);
  });

  it('refuses a getter put on a returned config fed back to a builder', () => {
    // GIVEN the training config of a pipeline, whose ResourceConfig is given a getter
    const session = createSession({ region: 'us-east-2', defaultBucket: 'bucket', now: () => 1 });
    const knn = new KNN({
      session,
      role: 'arn:aws:iam::123456789012:role/R',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      k: 3,
      sampleSize: 150,
      predictorType: 'classifier',
    });
    const inputs = new RecordSet({ s3Data: 's3://bucket/m', numRecords: 1, featureDim: 4 });
    const job = trainingJob(knn, { inputs });
    const resources = job.config.ResourceConfig as Record<string, unknown>;
    Object.defineProperty(resources, 'X', { enumerable: true, get: () => 'x' });
    // WHEN it goes into a transform config as the environment
    const error = errorOf(() =>
      transformConfigFromEstimator(knn, {
        from: job.run,
        instanceCount: 1,
        instanceType: 'ml.m5.large',
        data: 's3://bucket/batch',
        env: resources as never,
      }),
    );
    // THEN the getter is refused where it stands
    expect(isOptionTypeError(error)).toBe(true);
    expect((error as Error).message).toContain('transformConfig.Environment.X');
  });
});
