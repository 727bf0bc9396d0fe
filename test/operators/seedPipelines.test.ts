/**
 * The four seed pipelines users port (issue 12 item 3), builder to operator against the local
 * SageMaker and S3 endpoints over HTTP with the real SDK clients, with no manual fix-up: no
 * edited config, no change of directory. The S3 input check runs in each (an S3 client is given).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createSession,
  Estimator,
  FactorizationMachines,
  RecordSet,
  trainingJob,
  transformConfigFromEstimator,
  tuningJob,
} from '../../src/index.js';
import {
  ContinuousParameter,
  HyperparameterTuner,
  IntegerParameter,
} from '../../src/estimators/tuner/index.js';
import { TensorFlow } from '../../src/estimators/frameworks/index.js';
import { main as irisKnn } from '../../examples/irisKnn.js';
import { runTrainingJob } from '../../src/operators/runTrainingJob.js';
import { runTransformJob } from '../../src/operators/runTransformJob.js';
import { runTuningJob } from '../../src/operators/runTuningJob.js';
import {
  startLocalS3,
  startLocalSageMaker,
  type LocalS3,
  type LocalSageMaker,
} from '../../src/testing/index.js';
import { capturingLogger, credentials } from './harness.js';

const BUCKET = 'seed-bucket';
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
let s3server: LocalS3;
let local: LocalSageMaker;
let clients: { sagemaker: SageMakerClient; s3: S3Client };
const session = createSession({
  region: 'us-east-1',
  defaultBucket: BUCKET,
  now: () => 1704067200.5,
  timeZone: 'utc',
});
const fast = { checkIntervalSeconds: 0.01, maxCheckIntervalSeconds: 0.02 } as const;

beforeAll(async () => {
  s3server = await startLocalS3({ buckets: [BUCKET] });
  local = await startLocalSageMaker({ autoAdvanceSeconds: 30, s3: s3server });
  clients = {
    sagemaker: new SageMakerClient({ endpoint: local.url, region: 'us-east-1', credentials }),
    s3: new S3Client(s3server.clientConfig),
  };
});
afterAll(async () => {
  clients.sagemaker.destroy();
  clients.s3.destroy();
  await local.close();
  await s3server.close();
});

describe('seed pipelines, builder to operator', () => {
  test('Iris KNN: record set, training, model, batch transform', async () => {
    const run = await irisKnn({ sagemaker: local, s3: s3server, print: () => undefined });
    expect(run.training.Training.TrainingJobStatus).toBe('Completed');
    expect(run.transform.Transform.TransformJobStatus).toBe('Completed');
    expect(run.predictions).toHaveLength(150);
  });

  test('Factorization Machines recommender with tuning', async () => {
    // GIVEN a record set in S3 and an FM tuner, as the recommender guide builds them
    s3server.putObject(BUCKET, 'fm/train/part-0.pbr', 'records');
    const records = new RecordSet({
      s3Data: `s3://${BUCKET}/fm/train/`,
      numRecords: 1000,
      featureDim: 50,
      s3DataType: 'S3Prefix',
    });
    const fm = new FactorizationMachines({
      session,
      role: ROLE,
      instanceCount: 1,
      instanceType: 'ml.c5.xlarge',
      numFactors: 64,
      predictorType: 'regressor',
    });
    const tuner = new HyperparameterTuner({
      estimator: fm,
      objectiveMetricName: 'test:rmse',
      objectiveType: 'Minimize',
      hyperparameterRanges: {
        factors_lr: new ContinuousParameter(0.0001, 0.1),
        epochs: new IntegerParameter(1, 10),
      },
      maxJobs: 4,
      maxParallelJobs: 2,
    });
    // WHEN the tuning config runs as built
    const job = tuningJob(tuner, { inputs: records, miniBatchSize: 100 });
    const { Tuning } = await runTuningJob(job.config, clients, {
      ...fast,
      logger: capturingLogger(),
    });
    // THEN it completed with a best training job
    expect(Tuning.HyperParameterTuningJobStatus).toBe('Completed');
    expect(Tuning.BestTrainingJob?.TrainingJobName).toBeDefined();
  });

  test('bring-your-own training', async () => {
    s3server.putObject(BUCKET, 'byo/train/data.csv', '1,2,3\n');
    const byo = new Estimator({
      session,
      role: ROLE,
      imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/my-algo:1',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      hyperparameters: { depth: 3 },
    });
    const job = trainingJob(byo, { inputs: `s3://${BUCKET}/byo/train` });
    const { Training } = await runTrainingJob(job.config, clients, {
      ...fast,
      logger: capturingLogger(),
    });
    expect(Training.TrainingJobStatus).toBe('Completed');
    expect(
      s3server.getObject(BUCKET, `${Training.TrainingJobName}/output/model.tar.gz`),
    ).toBeDefined();
  });

  test('TensorFlow script mode with transformConfigFromEstimator ("tf_train.py" model upload)', async () => {
    // GIVEN a TensorFlow entry point outside the current directory
    const dir = await mkdtemp(join(tmpdir(), 'seed-tf-'));
    const cwd = process.cwd();
    try {
      await writeFile(join(dir, 'tf_train.py'), 'print("train")\n');
      s3server.putObject(BUCKET, 'tf/train/data.csv', '1,2,3\n');
      s3server.putObject(BUCKET, 'tf/batch/data.csv', '1,2\n');
      const tf = new TensorFlow({
        session,
        role: ROLE,
        entryPoint: join(dir, 'tf_train.py'),
        frameworkVersion: '2.13',
        pyVersion: 'py310',
        instanceCount: 1,
        instanceType: 'ml.c5.xlarge',
      });
      // WHEN the training job runs (its code uploaded by the operator), then the transform
      const job = trainingJob(tf, { inputs: `s3://${BUCKET}/tf/train` });
      const logger = capturingLogger();
      const { Training } = await runTrainingJob(job.config, clients, { ...fast, logger });
      const transform = transformConfigFromEstimator(tf, {
        from: job.run,
        instanceCount: 1,
        instanceType: 'ml.m5.large',
        data: `s3://${BUCKET}/tf/batch`,
        contentType: 'text/csv',
      });
      // the Python-identical quirk is kept in the config...
      expect(transform.Model.S3Operations?.S3Upload?.[0]?.Path).toBe('tf_train.py');
      // ...and resolved against the run's source folder, not the current directory
      const { Model, Transform } = await runTransformJob(transform, clients, {
        ...fast,
        logger,
        localBaseDir: job.run.sourceDir,
      });
      // THEN both ran, with the code uploaded before each Create, from the right folder
      expect(Training.TrainingJobStatus).toBe('Completed');
      expect(Transform.TransformJobStatus).toBe('Completed');
      expect(Model.ModelName).toBe(transform.Model.ModelName);
      expect(logger.lines.filter((l) => l.startsWith('info: Uploaded'))).toHaveLength(2);
      expect(process.cwd()).toBe(cwd);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
