/** Representative checks of the built-in algorithms, each matching the Python SDK's behaviour. */
import { describe, expect, it } from 'vitest';
import { trainingConfig } from '../../src/config/trainingConfig.js';
import { isMissingOptionError, isOptionTypeError, isValidationError } from '../../src/errors.js';
import {
  FactorizationMachines,
  IPInsights,
  KMeans,
  LDA,
  LinearLearner,
  NTM,
  Object2Vec,
  PCA,
  RandomCutForest,
  RecordSet,
} from '../../src/estimators/amazon/index.js';
import { createSession } from '../../src/session.js';

const session = createSession({ region: 'us-west-2', defaultBucket: 'bucket' });
const base = {
  session,
  role: 'SageMakerRole',
  instanceCount: 1,
  instanceType: 'ml.m5.large',
} as const;
const records = new RecordSet({ s3Data: 's3://bucket/manifest', numRecords: 1000, featureDim: 10 });

/** The error `action` throws (the test fails when it returns). */
function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('KMeans', () => {
  it('sends renamed hyperparameters under their API names, after force_dense', () => {
    // GIVEN KMeans options named as in Python (maxIterations, tol, centerFactor)
    const kmeans = new KMeans({
      ...base,
      k: 4,
      maxIterations: 30,
      tol: 0,
      centerFactor: 2,
      evalMetrics: ['msd'],
    });
    // WHEN a training config is built
    const config = trainingConfig(kmeans, { inputs: records, miniBatchSize: 100, jobName: 'job' });
    // THEN the API names are sent, floats as Python writes them, and force_dense comes first
    expect(config.HyperParameters).toStrictEqual({
      force_dense: 'True',
      k: '4',
      local_lloyd_max_iter: '30',
      local_lloyd_tol: '0.0',
      extra_center_factor: '2',
      eval_metrics: '["msd"]',
      feature_dim: '10',
      mini_batch_size: '100',
    });
    expect(Object.keys(config.HyperParameters ?? {})[0]).toBe('force_dense');
  });

  it('converts a change under the Python attribute name, in a copy', () => {
    // GIVEN a KMeans estimator
    const kmeans = new KMeans({ ...base, k: 4 });
    // WHEN maxIterations is changed to a numeric text
    const changed = kmeans.with({ maxIterations: '12' as unknown as number });
    // THEN the copy stores the integer Python's int() gives, and the original is unchanged
    expect(changed.get('maxIterations')).toBe(12);
    expect(changed).toBeInstanceOf(KMeans);
    expect(changed.hyperparameters()).toStrictEqual({
      force_dense: 'True',
      k: '4',
      local_lloyd_max_iter: '12',
    });
    expect(kmeans.get('maxIterations')).toBeUndefined();
    expect(kmeans.hyperparameters()).toStrictEqual({ force_dense: 'True', k: '4' });
  });
});

describe('LinearLearner', () => {
  it('requires num_classes above 2 for a multiclass classifier', () => {
    // GIVEN a multiclass LinearLearner with two classes
    // WHEN it is constructed
    const error = thrown(
      () => new LinearLearner({ ...base, predictorType: 'multiclass_classifier', numClasses: 2 }),
    );
    // THEN the options are rejected, naming numClasses
    expect(isValidationError(error) && error.option).toBe('LinearLearner.numClasses');
  });

  it('cannot compute its default mini-batch size from a templated instance count', () => {
    // GIVEN a LinearLearner whose instance count is an Airflow template
    const ll = new LinearLearner({
      ...base,
      instanceCount: '{{ count }}',
      predictorType: 'regressor',
    });
    // WHEN a training config is built without a mini-batch size
    const error = thrown(() => trainingConfig(ll, { inputs: records, jobName: 'job' }));
    // THEN it is a type error, as Python's num_records / instance_count is
    expect(isOptionTypeError(error)).toBe(true);
    // AND with a mini-batch size no default is needed
    expect(
      trainingConfig(ll, { inputs: records, miniBatchSize: 50, jobName: 'job' }).HyperParameters
        ?.mini_batch_size,
    ).toBe('50');
  });
});

describe('RandomCutForest', () => {
  it('trains with a mini-batch size of 1000 only', () => {
    // GIVEN a RandomCutForest estimator
    const rcf = new RandomCutForest({ ...base, numTrees: 50 });
    // WHEN training configs ask for 1000 and for 500
    const ok = trainingConfig(rcf, { inputs: records, miniBatchSize: 1000, jobName: 'job' });
    const error = thrown(() =>
      trainingConfig(rcf, { inputs: records, miniBatchSize: 500, jobName: 'job' }),
    );
    // THEN only 1000 is accepted
    expect(ok.HyperParameters).toStrictEqual({
      num_trees: '50',
      feature_dim: '10',
      mini_batch_size: '1000',
    });
    expect(isValidationError(error)).toBe(true);
  });

  it('narrows feature_dim to [1, 10000]', () => {
    // GIVEN records with 10001 features
    const wide = new RecordSet({
      s3Data: 's3://bucket/manifest',
      numRecords: 10,
      featureDim: 10001,
    });
    // WHEN a RandomCutForest training config is built
    const error = thrown(() =>
      trainingConfig(new RandomCutForest(base), { inputs: wide, jobName: 'job' }),
    );
    // THEN feature_dim is out of its range
    expect(isValidationError(error) && error.option).toBe('feature_dim');
  });
});

describe('NTM and IPInsights', () => {
  it('range-check the mini-batch size, and reject a template as Python cannot compare it', () => {
    // GIVEN NTM and IPInsights estimators
    const ntm = new NTM({ ...base, numTopics: 5 });
    const ip = new IPInsights({ ...base, numEntityVectors: 10, vectorDim: 16 });
    // WHEN the mini-batch size is out of range, or a template
    // THEN the first is a validation error and the second a type error
    expect(
      isValidationError(
        thrown(() => trainingConfig(ntm, { inputs: records, miniBatchSize: 10001, jobName: 'j' })),
      ),
    ).toBe(true);
    expect(
      isOptionTypeError(
        thrown(() =>
          trainingConfig(ntm, { inputs: records, miniBatchSize: '{{ m }}', jobName: 'j' }),
        ),
      ),
    ).toBe(true);
    expect(
      isValidationError(
        thrown(() => trainingConfig(ip, { inputs: records, miniBatchSize: 500001, jobName: 'j' })),
      ),
    ).toBe(true);
    expect(
      trainingConfig(ip, { inputs: records, miniBatchSize: 500000, jobName: 'j' }).HyperParameters
        ?.mini_batch_size,
    ).toBe('500000');
  });
});

describe('LDA', () => {
  it('needs a mini-batch size and always trains on one instance', () => {
    // GIVEN an LDA estimator asked for three instances
    const lda = new LDA({ ...base, instanceCount: 3, numTopics: 4 });
    // WHEN training configs are built without and with a mini-batch size
    const error = thrown(() => trainingConfig(lda, { inputs: records, jobName: 'job' }));
    const config = trainingConfig(lda, { inputs: records, miniBatchSize: 10, jobName: 'job' });
    // THEN the first is missing an option and the second runs on a single instance
    expect(isMissingOptionError(error)).toBe(true);
    expect(config.ResourceConfig?.InstanceCount).toBe(1);
  });
});

describe('Object2Vec', () => {
  it('checks comparator_list item by item', () => {
    // GIVEN comparator lists with spaces, and one with an unknown comparator
    // WHEN they are given
    const o2v = new Object2Vec({
      ...base,
      epochs: 2,
      enc0MaxSeqLen: 10,
      enc0VocabSize: 100,
      comparatorList: 'hadamard, abs_diff',
    });
    const error = thrown(() => o2v.with({ comparatorList: 'hadamard,dot' }));
    // THEN the known ones are kept as given and the unknown one is rejected
    expect(o2v.get('comparatorList')).toBe('hadamard, abs_diff');
    expect(isValidationError(error)).toBe(true);
  });

  it('takes a narrower mini_batch_size option, which the training call then replaces', () => {
    // GIVEN Object2Vec options with a mini-batch size of 64, and one above its 10000 limit
    const o2v = new Object2Vec({
      ...base,
      epochs: 2,
      enc0MaxSeqLen: 10,
      enc0VocabSize: 100,
      miniBatchSize: 64,
    });
    const error = thrown(
      () =>
        new Object2Vec({
          ...base,
          epochs: 2,
          enc0MaxSeqLen: 10,
          enc0VocabSize: 100,
          miniBatchSize: 10001,
        }),
    );
    // WHEN a training config is built without a mini-batch size
    const config = trainingConfig(o2v, { inputs: records, jobName: 'job' });
    // THEN the option was accepted, the oversized one rejected, and (as in Python) the call's
    // absent size removes it from the job
    expect(o2v.hyperparameters().mini_batch_size).toBe('64');
    expect(isValidationError(error)).toBe(true);
    expect(config.HyperParameters?.mini_batch_size).toBeUndefined();
  });
});

describe('type conversion', () => {
  it('converts as Python does: float(1), int("3"), bool("False")', () => {
    // GIVEN a FactorizationMachines float and PCA int and bool options given loosely
    const fm = new FactorizationMachines({
      ...base,
      numFactors: 2,
      predictorType: 'regressor',
      biasLr: 1,
    });
    const pca = new PCA({
      ...base,
      numComponents: '3' as unknown as number,
      subtractMean: 'False' as unknown as boolean,
    });
    // WHEN their hyperparameters are serialized
    // THEN each carries Python's str() of the converted value
    expect(fm.hyperparameters()).toStrictEqual({
      num_factors: '2',
      predictor_type: 'regressor',
      bias_lr: '1.0',
    });
    expect(pca.hyperparameters()).toStrictEqual({ num_components: '3', subtract_mean: 'True' });
  });
});
