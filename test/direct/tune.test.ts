/**
 * `tune` against the local SageMaker and S3 endpoints: a tuner over several estimators stages
 * each one's code as Python's tuner `fit` does, and the started tuning job carries one
 * definition per estimator.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DescribeHyperParameterTuningJobCommand } from '@aws-sdk/client-sagemaker';
import { CreateBucketCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { DirectSession } from '../../src/operators/direct/DirectSession.js';
import { instantClock, useLocalDirectEndpoints } from './localDirectSession.js';
import { tune } from '../../src/operators/direct/tune.js';
import { PyTorch } from '../../src/estimators/frameworks/PyTorch.js';
import { KMeans } from '../../src/estimators/amazon/KMeans.js';
import { LDA } from '../../src/estimators/amazon/LDA.js';
import { RecordSet } from '../../src/estimators/amazon/RecordSet.js';
import { HyperparameterTuner } from '../../src/estimators/tuner/HyperparameterTuner.js';
import {
  ContinuousParameter,
  IntegerParameter,
} from '../../src/estimators/tuner/parameterRanges.js';
import { isMissingOptionError } from '../../src/errors.js';
import { silentLogger } from '../../src/operators/logger.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

let code: string;

const local = useLocalDirectEndpoints();
const session = (): DirectSession => local.session();

const pytorch = (direct: DirectSession, outputPath?: string): PyTorch =>
  new PyTorch({
    session: direct.session,
    role: ROLE,
    entryPoint: 'train.py',
    sourceDir: code,
    frameworkVersion: '2.1',
    pyVersion: 'py310',
    instanceCount: 1,
    instanceType: 'ml.m5.large',
    ...(outputPath !== undefined && { outputPath }),
  });

beforeAll(async () => {
  const setup = session();
  await setup.clients.s3.send(new CreateBucketCommand({ Bucket: 'other' }));
  code = mkdtempSync(join(tmpdir(), 'tune-code-'));
  writeFileSync(join(code, 'train.py'), 'print("train")\n');
});

describe('tune', () => {
  it('stages every estimator of a multi-estimator tuner under the tuning job name', async () => {
    // GIVEN a tuner over two PyTorch estimators (one writing to the default bucket) and KMeans
    const direct = session();
    const kmeans = await direct.build(
      () =>
        new KMeans({
          session: direct.session,
          role: ROLE,
          instanceCount: 1,
          instanceType: 'ml.m5.large',
          k: 3,
        }),
    );
    const tuner = HyperparameterTuner.create({
      estimatorDict: {
        a: pytorch(direct, 's3://other/out'),
        b: pytorch(direct),
        km: kmeans,
      },
      objectiveMetricNameDict: { a: 'loss', b: 'loss', km: 'test:msd' },
      hyperparameterRangesDict: {
        a: { lr: new ContinuousParameter(0.01, 0.1) },
        b: { lr: new ContinuousParameter(0.01, 0.1) },
        km: { extra_center_factor: new IntegerParameter(4, 10) },
      },
      metricDefinitionsDict: { a: [{ Name: 'loss', Regex: 'loss=(\\S+)' }] },
    });
    // WHEN it is fitted with a job name, KMeans on records, and waited for
    const records = new RecordSet({
      s3Data: 's3://bucket/records/',
      numRecords: 10,
      featureDim: 4,
    });
    const { jobName, description } = await tune(direct, tuner, {
      jobName: 'multi-tune',
      inputs: { a: 's3://bucket/train', b: 's3://bucket/train', km: records },
      includeClsMetadata: {},
      waitOptions: { clock: instantClock(), logger: silentLogger },
    });
    // THEN the call returns once the job completed, with its final description
    expect(description?.HyperParameterTuningJobStatus).toBe('Completed');
    expect(local.sagemaker.count('DescribeHyperParameterTuningJob')).toBeGreaterThan(0);
    // AND each framework's code is in its output bucket under the tuning job name
    for (const bucket of ['other', 'bucket']) {
      const head = await direct.clients.s3.send(
        new HeadObjectCommand({ Bucket: bucket, Key: 'multi-tune/source/sourcedir.tar.gz' }),
      );
      expect(head.ContentLength).toBeGreaterThan(0);
    }
    // AND the tuning job has one definition per estimator, as Python sends them
    const described = await direct.clients.sagemaker.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: jobName }),
    );
    const definitions = described.TrainingJobDefinitions ?? [];
    expect(definitions.map((d) => d.DefinitionName)).toEqual(['a', 'b', 'km']);
    const [a, b, km] = definitions;
    expect(a?.StaticHyperParameters?.sagemaker_job_name).toBe('"multi-tune"');
    expect(b?.StaticHyperParameters?.sagemaker_submit_directory).toBe(
      '"s3://bucket/multi-tune/source/sourcedir.tar.gz"',
    );
    expect(a?.AlgorithmSpecification?.MetricDefinitions).toEqual([
      { Name: 'loss', Regex: 'loss=(\\S+)' },
    ]);
    expect(b?.AlgorithmSpecification?.MetricDefinitions).toBeUndefined();
    // KMeans's own mini-batch default applies when the tuner is given none
    expect(km?.StaticHyperParameters?.mini_batch_size).toBe('5000');
  });

  it('refuses LDA on records without a mini-batch size, before any request', async () => {
    // GIVEN a tuner over LDA
    const direct = session();
    const lda = await direct.build(
      () =>
        new LDA({
          session: direct.session,
          role: ROLE,
          instanceType: 'ml.m5.large',
          numTopics: 3,
        }),
    );
    const tuner = HyperparameterTuner.create({
      estimatorDict: { lda },
      objectiveMetricNameDict: { lda: 'test:pwll' },
      hyperparameterRangesDict: { lda: { alpha0: new ContinuousParameter(0.1, 10) } },
    });
    const records = new RecordSet({
      s3Data: 's3://bucket/records/',
      numRecords: 10,
      featureDim: 4,
    });
    // WHEN it is fitted without estimator keywords THEN it fails as Python does (parity A3)
    const error = await tune(direct, tuner, { inputs: { lda: records }, includeClsMetadata: {} })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(isMissingOptionError(error)).toBe(true);
  });
});
