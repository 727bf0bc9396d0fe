/**
 * `attach` against the local SageMaker endpoint: a job started by `fit` (`wait: false`) in one
 * session is attached to by name from another, which waits for it, and the estimator comes back
 * as it was configured.
 */
import { describe, expect, it } from 'vitest';
import type { DirectSession } from '../../src/operators/direct/DirectSession.js';
import { useLocalDirectEndpoints } from './localDirectSession.js';
import { attach } from '../../src/operators/direct/attach.js';
import { fit } from '../../src/operators/direct/fit.js';
import { Estimator } from '../../src/estimators/Estimator.js';
import { KNN } from '../../src/estimators/amazon/KNN.js';
import { RecordSet } from '../../src/estimators/amazon/RecordSet.js';
import { TensorFlow } from '../../src/estimators/frameworks/TensorFlow.js';
import { PyTorch } from '../../src/estimators/frameworks/PyTorch.js';
import { silentLogger } from '../../src/operators/logger.js';
import { isJobFailedError } from '../../src/operators/errors.js';
import { isValidationError } from '../../src/errors.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const quickClock = { now: () => Date.now(), sleep: () => Promise.resolve() };

const local = useLocalDirectEndpoints();
const session = (now?: () => number): DirectSession => local.session(now);

/** A clock whose `repr` has three digits after the point, as most readings do. */
let tick = 0;
const threeDigitClock = (): number => 1_764_700_000.123 + tick++;

describe('attach', () => {
  it('rebuilds a generic estimator from the job another session started', async () => {
    // GIVEN a job started by fit with VPC, spot and hyperparameters
    const first = session(threeDigitClock);
    const est = new Estimator({
      session: first.session,
      role: ROLE,
      imageUri: '123456789012.dkr.ecr.us-west-2.amazonaws.com/team/algo:1.0',
      instanceCount: 2,
      instanceType: 'ml.m5.large',
      outputPath: 's3://bucket/out',
      subnets: ['subnet-1'],
      securityGroupIds: ['sg-1'],
      hyperparameters: { epochs: 3 },
      baseJobName: 'team-algo',
    });
    const { jobName } = await fit(first, est, { inputs: 's3://bucket/train', wait: false });
    // WHEN another session attaches to it by name
    const attached = await attach(session(), Estimator, jobName, {
      clock: quickClock,
      logger: silentLogger,
    });
    // THEN the estimator has the job's settings, and the run points at the job
    expect(attached.estimator.options).toMatchObject({
      role: ROLE,
      instanceCount: 2,
      instanceType: 'ml.m5.large',
      outputPath: 's3://bucket/out',
      subnets: ['subnet-1'],
      securityGroupIds: ['sg-1'],
      baseJobName: 'team-algo',
    });
    expect(attached.estimator.imageUri).toBe(est.imageUri);
    expect(attached.estimator.hyperparameters()).toEqual({ epochs: '3' });
    expect(attached.run.jobName).toBe(jobName);
    expect(attached.description.TrainingJobStatus).toBe('Completed');
  });

  it('keeps the whole job name as base when its timestamp has fewer than 3 decimals', async () => {
    // GIVEN a job named at a moment whose repr has two decimals (Python parity A6)
    const first = session(() => 1_764_700_000.11);
    const est = new Estimator({
      session: first.session,
      role: ROLE,
      imageUri: '123456789012.dkr.ecr.us-west-2.amazonaws.com/team/algo:1.0',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      outputPath: 's3://bucket/out',
      baseJobName: 'short-stamp',
    });
    const { jobName } = await fit(first, est, { inputs: 's3://bucket/train', wait: false });
    expect(jobName).toMatch(/^short-stamp-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-11$/);
    // WHEN another session attaches to it
    const attached = await attach(session(), Estimator, jobName, {
      clock: quickClock,
      logger: silentLogger,
    });
    // THEN, as in Python, the base is the whole name
    expect(attached.estimator.options.baseJobName).toBe(jobName);
  });

  it('reads an algorithm hyperparameters back into its typed properties', async () => {
    // GIVEN a KNN job
    const first = session();
    const knn = await first.build(
      () =>
        new KNN({
          session: first.session,
          role: ROLE,
          instanceCount: 1,
          instanceType: 'ml.m5.large',
          k: 5,
          sampleSize: 100,
          predictorType: 'classifier',
        }),
    );
    const { jobName } = await fit(first, knn, {
      inputs: new RecordSet({
        s3Data: 's3://bucket/records/.amazon.manifest',
        numRecords: 10,
        featureDim: 4,
        s3DataType: 'ManifestFile',
        channel: 'train',
      }),
      miniBatchSize: 10,
      wait: false,
    });
    // WHEN attached
    const { estimator } = await attach(session(), KNN, jobName, {
      clock: quickClock,
      logger: silentLogger,
    });
    // THEN the typed hyperparameters are the job's
    expect(estimator.get('k')).toBe(5);
    expect(estimator.get('sampleSize')).toBe(100);
    expect(estimator.get('predictorType')).toBe('classifier');
  });

  it('refuses a job of another framework', async () => {
    // GIVEN a TensorFlow job
    const first = session();
    const tf = new TensorFlow({
      session: first.session,
      role: ROLE,
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      entryPoint: 'test/parity/requests/fixtures/scripts/train.py',
      frameworkVersion: '2.11',
      pyVersion: 'py39',
      codeLocation: 's3://bucket/code',
    });
    const { jobName } = await fit(first, tf, { inputs: 's3://bucket/train', wait: false });
    // WHEN attached as TensorFlow it works, as PyTorch it is refused
    const { estimator, run } = await attach(session(), TensorFlow, jobName, {
      clock: quickClock,
      logger: silentLogger,
    });
    expect(estimator.frameworkVersion).toBe('2.11');
    expect(run.uploadedCode?.s3Prefix).toBe(`s3://bucket/code/${jobName}/source/sourcedir.tar.gz`);
    await expect(
      attach(session(), PyTorch, jobName, { clock: quickClock, logger: silentLogger }),
    ).rejects.toSatisfy(isValidationError);
  });

  it('fails when the job failed', async () => {
    // GIVEN a job the endpoint fails
    const first = session();
    local.sagemaker.failJob(/^failing-/, 'AlgorithmError: boom');
    const est = new Estimator({
      session: first.session,
      role: ROLE,
      imageUri: '123456789012.dkr.ecr.us-west-2.amazonaws.com/team/algo:1.0',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      baseJobName: 'failing',
    });
    const { jobName } = await fit(first, est, { inputs: 's3://bucket/train', wait: false });
    // WHEN attached, THEN the wait reports the failure
    await expect(
      attach(session(), Estimator, jobName, { clock: quickClock, logger: silentLogger }),
    ).rejects.toSatisfy(isJobFailedError);
  });
});
