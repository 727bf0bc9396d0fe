/**
 * fast-check arbitraries for property tests of pipelines: sessions with frozen clocks, estimator
 * options (templates included), training inputs and hyperparameters. Users property-test their own
 * configs with them the way this library tests its builders.
 *
 * @module sagemaker-workflow/arbitraries
 */
import fc from 'fast-check';
import type { EstimatorProps } from '../estimators/Estimator.js';
import { TrainingInput } from '../estimators/inputs.js';
import type { Hyperparameters, PyValue } from '../estimators/types.js';
import { pyFloat } from '../pythonCompat/pyFloat.js';
import { createSession, type Session } from '../session.js';
import type { Placeholder } from '../templates.js';

/** A Jinja template such as `{{ role }}`. */
export const placeholderArb = (): fc.Arbitrary<Placeholder> =>
  fc.stringMatching(/^[a-z][a-z_]{0,11}$/).map((name) => `{{ ${name} }}` as Placeholder);

/** AWS regions of several partitions. */
export const regionArb = (): fc.Arbitrary<string> =>
  fc.constantFrom(
    'us-east-1',
    'us-east-2',
    'eu-west-1',
    'ap-southeast-2',
    'cn-north-1',
    'us-gov-west-1',
    'us-iso-east-1',
  );

/** Clock readings between 2001 and 2033, as Python's `time.time()` floats (micro-second steps). */
export const nowArb = (): fc.Arbitrary<number> =>
  fc.integer({ min: 1_000_000_000_000_000, max: 2_000_000_000_000_000 }).map((us) => us / 1e6);

/** A session with a frozen clock, in UTC, with or without a default prefix. */
export const sessionArb = (): fc.Arbitrary<Session> =>
  fc
    .record({
      region: regionArb(),
      bucket: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{2,20}[a-z0-9]$/),
      prefix: fc.option(fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9]{1,8}){0,2}$/), { nil: null }),
      now: nowArb(),
    })
    .map(({ region, bucket, prefix, now }) =>
      createSession({
        region,
        defaultBucket: bucket,
        defaultBucketPrefix: prefix,
        now: () => now,
        timeZone: 'utc',
      }),
    );

/** A hyperparameter value as a Python program could hold it. */
export const pyValueArb = (): fc.Arbitrary<PyValue> =>
  fc.letrec<{ value: PyValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: false }),
      fc.double({ min: -1e20, max: 1e20, noNaN: true }).map((d) => pyFloat(Math.trunc(d))),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 3 }),
    ),
  })).value;

/** Hyperparameters with simple names. */
export const hyperparametersArb = (): fc.Arbitrary<Hyperparameters> =>
  fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/), pyValueArb(), { maxKeys: 6 });

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/**
 * Options of a generic estimator, templates included where Airflow users put them. The session is
 * a given one or drawn from `sessionArb()`. (Build the arbitrary once and reuse it: compiling its
 * patterns is the slow part.)
 */
export const estimatorPropsArb = (
  session: Session | fc.Arbitrary<Session> = sessionArb(),
): fc.Arbitrary<EstimatorProps> =>
  fc
    .record({
      session: session instanceof fc.Arbitrary ? session : fc.constant(session),
      role: fc.oneof(fc.constant('arn:aws:iam::123456789012:role/SageMakerRole'), placeholderArb()),
      imageUri: fc.oneof(
        fc.constant('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/algo:1.0'),
        fc.stringMatching(/^[a-z][a-z0-9-]{0,30}:[0-9]$/),
        placeholderArb(),
      ),
      instanceCount: fc.oneof(fc.integer({ min: 1, max: 8 }), placeholderArb()),
      instanceType: fc.oneof(
        fc.constantFrom('ml.m5.large', 'ml.c5.xlarge', 'ml.p3.2xlarge'),
        placeholderArb(),
      ),
      volumeSize: maybe(fc.oneof(fc.integer({ min: 1, max: 500 }), placeholderArb())),
      maxRun: maybe(fc.integer({ min: 60, max: 432_000 })),
      inputMode: maybe(fc.constantFrom('File' as const, 'Pipe' as const, 'FastFile' as const)),
      outputPath: maybe(fc.oneof(fc.constant('s3://out-bucket/results'), placeholderArb())),
      baseJobName: maybe(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9-]{0,70}$/)),
      useSpotInstances: maybe(fc.boolean()),
      hyperparameters: maybe(hyperparametersArb()),
    })
    .map((r) => {
      const props: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (v !== undefined) props[k] = v;
      return props as unknown as EstimatorProps;
    });

/** Training inputs: an S3 URI, a template, a TrainingInput or a map of channels. */
export const trainingInputsArb = () =>
  fc.oneof(
    fc.constant('s3://data-bucket/train'),
    placeholderArb(),
    fc.constant(new TrainingInput({ s3Data: 's3://data-bucket/train', contentType: 'text/csv' })),
    fc.dictionary(
      fc.constantFrom('train', 'validation', 'test'),
      fc.oneof(fc.constant('s3://data-bucket/x'), placeholderArb()),
      { minKeys: 1, maxKeys: 3 },
    ),
  );
