/**
 * Invariants of the ten built-in algorithms' hyperparameters: whatever a caller assigns, the
 * estimator either keeps it (and sends it as a string) or throws one of our typed errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trainingConfig } from '../../src/config/trainingConfig.js';
import { isSageMakerWorkflowError } from '../../src/errors.js';
import type { AlgorithmEstimator } from '../../src/estimators/amazon/index.js';
import {
  FactorizationMachines,
  IPInsights,
  KMeans,
  KNN,
  LDA,
  LinearLearner,
  NTM,
  Object2Vec,
  PCA,
  RandomCutForest,
  RecordSet,
} from '../../src/estimators/amazon/index.js';
import { pyFloat } from '../../src/pythonCompat/pyFloat.js';
import { createSession } from '../../src/session.js';

const session = createSession({ region: 'us-west-2', defaultBucket: 'bucket' });
const base = { session, role: 'SageMakerRole', instanceCount: 1, instanceType: 'ml.m5.large' };

type AlgorithmClass = new (props: never) => AlgorithmEstimator;
const ALGORITHMS: Readonly<Record<string, AlgorithmClass>> = {
  KNN,
  FactorizationMachines,
  LinearLearner,
  KMeans,
  PCA,
  NTM,
  LDA,
  RandomCutForest,
  IPInsights,
  Object2Vec,
};

/** Values a caller might assign: numbers of every kind, numeric and other texts, templates, junk. */
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -5, max: 20_000 }),
  fc.double(),
  fc.double().map(pyFloat),
  fc.boolean(),
  fc.constantFrom(
    null,
    undefined,
    '',
    ' 12 ',
    '1_000',
    '1e3',
    'nan',
    '-inf',
    'auto',
    '{{ ds }}',
    '0.5',
  ),
  fc.stringMatching(/^[a-z_+., -]{0,12}$/),
  fc.constantFrom(
    'classifier',
    'regressor',
    'binary_classifier',
    'kmeans++',
    'hadamard, concat',
    'L2',
    'adam',
  ),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 3 }),
  fc.anything({
    maxDepth: 2,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withTypedArray: true,
  }),
);

/** Runs `action`; a thrown error must be ours. Returns whether it succeeded. */
function acceptedOrTyped(action: () => void): boolean {
  try {
    action();
    return true;
  } catch (error) {
    if (!isSageMakerWorkflowError(error)) throw error;
    return false;
  }
}

function specNames(Algorithm: AlgorithmClass): { name: string; attribute: string }[] {
  const est = new Algorithm(base as never);
  return [...est.definition.byOption].map(([attribute, s]) => ({ name: s.name, attribute }));
}

describe.each(Object.entries(ALGORITHMS))('%s hyperparameters', (_, Algorithm) => {
  const specs = specNames(Algorithm);

  it('accept a value (sent as a string) or throw a typed error when changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...specs), valueArb, ({ name, attribute }, value) => {
        let est = new Algorithm(base as never);
        const ok = acceptedOrTyped(() => {
          est = est.with({ [attribute]: value } as never);
        });
        const sent = est.hyperparameters()[name];
        if (ok && value !== null && value !== undefined) expect(typeof sent).toBe('string');
        else expect(sent).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('accept a value or throw a typed error when given to the constructor', () => {
    fc.assert(
      fc.property(fc.constantFrom(...specs), valueArb, ({ name, attribute }, value) => {
        let est: AlgorithmEstimator | undefined;
        acceptedOrTyped(() => {
          est = new Algorithm({ ...base, [attribute]: value } as never);
        });
        if (est)
          for (const v of Object.values(est.hyperparameters())) expect(typeof v).toBe('string');
        // feature_dim and mini_batch_size come from the training call, not the options.
        if (
          est &&
          value != null &&
          name !== 'feature_dim' &&
          (name !== 'mini_batch_size' || Algorithm === Object2Vec)
        ) {
          expect(typeof est.hyperparameters()[name]).toBe('string');
        }
      }),
      { numRuns: 100 },
    );
  });

  it('build a training config with string hyperparameters, or throw a typed error, for any mini-batch size', () => {
    const inputs = new RecordSet({
      s3Data: 's3://bucket/manifest',
      numRecords: 1000,
      featureDim: 10,
    });
    fc.assert(
      fc.property(valueArb, (miniBatchSize) => {
        const est = new Algorithm(base as never);
        acceptedOrTyped(() => {
          const config = trainingConfig(est, { inputs, miniBatchSize, jobName: 'job' });
          for (const v of Object.values(config.HyperParameters ?? {}))
            expect(typeof v).toBe('string');
          expect(config.HyperParameters?.feature_dim).toBe('10');
        });
      }),
      { numRuns: 100 },
    );
  });
});
