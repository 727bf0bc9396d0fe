/**
 * `npm run example:direct` (examples/direct.ts): run against local endpoints the test owns, what
 * it leaves there is what the two direct-path workflows should have made; a job that fails makes
 * it fail; and as a script it exits 0 and stops its servers.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isJobFailedError } from '../../src/operators/errors.js';
import {
  startLocalS3,
  startLocalSageMaker,
  type LocalS3,
  type LocalSageMaker,
} from '../../src/testing/index.js';
import {
  BUCKET,
  CUSTOMERS,
  REGION,
  TRAIN_ROWS,
  VIDEOS,
  main,
  type DirectExampleRun,
} from '../../examples/direct.js';

const endpoints = async (): Promise<{ sagemaker: LocalSageMaker; s3: LocalS3 }> => {
  const s3 = await startLocalS3({ region: REGION });
  return { s3, sagemaker: await startLocalSageMaker({ region: REGION, s3 }) };
};

describe('examples/direct main() against local endpoints', () => {
  let sagemaker: LocalSageMaker;
  let s3: LocalS3;
  let run: DirectExampleRun;
  const lines: string[] = [];

  beforeAll(async () => {
    // GIVEN local endpoints the test owns WHEN the example runs against them
    ({ sagemaker, s3 } = await endpoints());
    run = await main({ sagemaker, s3, print: (line) => void lines.push(line) });
  });
  afterAll(async () => {
    await sagemaker.close();
    await s3.close();
  });

  test('the default bucket was named after the STS account and created, as Python does', () => {
    expect(sagemaker.count('GetCallerIdentity')).toBeGreaterThan(0);
    expect(s3.objects(BUCKET).size).toBeGreaterThan(0);
  });

  test('two training jobs, one per fit: attach created none', () => {
    expect(sagemaker.names('training')).toStrictEqual([
      run.tensorflow.trainingJob,
      run.recommender.trainingJob,
    ]);
    expect(sagemaker.count('DescribeTrainingJob')).toBeGreaterThan(0);
    expect(sagemaker.count('ListTags')).toBe(1);
  });

  test('the attached estimator is the fitted TensorFlow one', () => {
    const tf = run.tensorflow.attached;
    expect(tf.frameworkVersion).toBe('2.11');
    expect(tf.entryPoint).toBe('tf_train.py');
    expect(tf.options.instanceCount).toBe(2);
    expect(tf.hyperparameters()['epochs']).toBe('3');
  });

  test('each transform ran on the model of its training job, Completed', () => {
    expect(sagemaker.names('transform')).toStrictEqual([
      run.tensorflow.transformJob,
      run.recommender.transformJob,
    ]);
    const model = sagemaker.createRequest('model', run.tensorflow.modelName);
    expect(model?.['PrimaryContainer']).toMatchObject({
      ModelDataUrl: `s3://${BUCKET}/${run.tensorflow.trainingJob}/output/model.tar.gz`,
    });
    expect(lines.filter((l) => / transform job .*: Completed$/.test(l))).toHaveLength(2);
  });

  test('the record set: a manifest of two shards, fed to factorization machines', () => {
    expect(run.recommender.recordSet).toMatchObject({
      numRecords: TRAIN_ROWS,
      featureDim: CUSTOMERS + VIDEOS,
      s3DataType: 'ManifestFile',
    });
    const request = sagemaker.createRequest('training', run.recommender.trainingJob);
    expect(request?.['InputDataConfig']).toStrictEqual([
      {
        ChannelName: 'train',
        DataSource: {
          S3DataSource: {
            S3DataType: 'ManifestFile',
            S3Uri: run.recommender.recordSet.s3Data,
            S3DataDistributionType: 'ShardedByS3Key',
          },
        },
      },
    ]);
  });

  test('it prints each step and a summary', () => {
    const headings = lines.filter((l) => l.startsWith('\n# ')).map((l) => l.slice(3, 5));
    expect(headings).toStrictEqual(['0.', '1a', '1b', '1c', '1d', '2a', '2b', '2c', 'su']);
  });
});

test('a job that fails makes the example fail', async () => {
  // GIVEN endpoints where the recommender's training fails
  const { sagemaker, s3 } = await endpoints();
  sagemaker.failJob(/^factorization-machines-/, 'AlgorithmError: out of memory');
  try {
    // WHEN the example runs THEN it rejects with the job's failure
    await expect(main({ sagemaker, s3, print: () => undefined })).rejects.toSatisfy(
      isJobFailedError,
    );
  } finally {
    await sagemaker.close();
    await s3.close();
  }
});

test('npm run example:direct: the script runs offline, exits 0 and stops its servers', async () => {
  // GIVEN the example run as the script runs it (through tsx). A server or client left open would
  // keep the process alive, so the child would not end before the test timeout.
  const script = fileURLToPath(new URL('../../examples/direct.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  // THEN it went through both parts and ended with the summary
  expect(stdout).toMatch(
    /# 1b\. transform task: direct\.attach\(TensorFlow, 'tensorflow-training-/,
  );
  expect(stdout).toMatch(/# 2c\. transformer\.transform/);
  expect(stdout).toMatch(/# summary\n {2}TensorFlow DAG: fit tensorflow-training-[\d-]+\n/);
});
