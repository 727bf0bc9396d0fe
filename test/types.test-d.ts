/** Checks on the public types: templates where Airflow users put them, SDK request types out. */
import type { CreateTrainingJobRequest } from '@aws-sdk/client-sagemaker';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createSession,
  Estimator,
  KNN,
  trainingConfig,
  type EstimatorProps,
  type KNNProps,
  type Placeholder,
  type Templatable,
  type Templated,
  type TrainingConfig,
} from '../src/index.js';

describe('public types', () => {
  it('accepts templates for numbers and strings', () => {
    expectTypeOf<'{{ n }}'>().toExtend<Templated<number>>();
    expectTypeOf<'{{ role }}'>().toExtend<EstimatorProps['role']>();
    expectTypeOf<'{{ n }}'>().toExtend<NonNullable<EstimatorProps['instanceCount']>>();
    expectTypeOf<'no braces'>().not.toExtend<Placeholder>();
  });

  it('types configs as the AWS SDK request widened by templates', () => {
    expectTypeOf(trainingConfig).returns.toEqualTypeOf<TrainingConfig>();
    expectTypeOf<TrainingConfig>().toExtend<Templatable<CreateTrainingJobRequest>>();
    expectTypeOf<NonNullable<TrainingConfig['ResourceConfig']>['InstanceCount']>().toExtend<
      number | Placeholder | undefined
    >();
  });

  it('narrows algorithm options to what the algorithm accepts', () => {
    expectTypeOf<KNNProps['predictorType']>().toEqualTypeOf<'classifier' | 'regressor'>();
    const session = createSession({ region: 'us-east-1', defaultBucket: 'b' });
    expectTypeOf(
      new KNN({
        session,
        role: 'r',
        instanceCount: 1,
        instanceType: 'ml.m5.large',
        k: 3,
        sampleSize: 10,
        predictorType: 'regressor',
      }).get('k'),
    ).toEqualTypeOf<number | undefined>();
    const props = {
      session,
      role: 'r',
      imageUri: 'i',
      instanceCount: 1,
      instanceType: 't',
      inputMode: 'Stream',
    } as const;
    // @ts-expect-error an unknown input mode is refused by the types too
    new Estimator(props);
  });
});
