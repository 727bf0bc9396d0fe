/**
 * The local KNN really trains and predicts: on Iris (RecordIO-protobuf training, CSV transform)
 * it scores well above chance; a regressor answers the mean of the k nearest labels.
 */
import { readFile } from 'node:fs/promises';
import {
  CreateModelCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import { expect, test } from 'vitest';
import { encodeDenseTensor } from '../../src/recordio/index.js';
import { predictKnn, trainKnn } from '../../src/testing/localSageMaker/algorithms/knn.js';
import {
  KNN_IMAGE,
  knnTraining,
  ROLE,
  withLocalEndpointsEachTest,
  type LocalEndpoints,
} from './localEndpoints.js';

let e: LocalEndpoints;
withLocalEndpointsEachTest((started) => (e = started));

const SPECIES = ['setosa', 'versicolor', 'virginica'];

async function iris(): Promise<{ rows: number[][]; labels: number[] }> {
  const [, ...lines] = (await readFile('examples/data/iris.csv', 'utf8')).trim().split('\n');
  const rows = lines.map((l) => l.split(',').slice(0, 4).map(Number));
  const labels = lines.map((l) => SPECIES.indexOf(l.split(',')[4] ?? ''));
  return { rows, labels };
}

async function runToEnd(kind: 'training' | 'transform', name: string): Promise<string | undefined> {
  e.local.advance(120);
  if (kind === 'training') {
    const d = await e.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    return d.TrainingJobStatus;
  }
  const d = await e.sagemaker.send(new DescribeTransformJobCommand({ TransformJobName: name }));
  return d.TransformJobStatus;
}

test('Iris, k 3: trained on RecordIO-protobuf, the transform of the training rows scores >= 0.9', async () => {
  // GIVEN the 150 Iris rows as a RecordIO-protobuf shard and as label-less CSV
  const { rows, labels } = await iris();
  const shard = encodeDenseTensor(
    { shape: [rows.length, 4], data: new Float32Array(rows.flat()), dtype: 'float32' },
    { labels: { data: new Float32Array(labels), dtype: 'float32' } },
  );
  e.s3.putObject('bucket', 'iris/train/shard.pbr', shard);
  e.s3.putObject('bucket', 'iris/batch/iris.csv', rows.map((r) => r.join(',')).join('\n'));
  // WHEN KNN trains on the shard and a transform answers each CSV line
  await e.sagemaker.send(
    new CreateTrainingJobCommand(
      knnTraining('iris', {
        InputDataConfig: [
          {
            ChannelName: 'train',
            DataSource: {
              S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/iris/train/' },
            },
          },
        ],
        HyperParameters: {
          k: '3',
          feature_dim: '4',
          sample_size: '150',
          predictor_type: 'classifier',
        },
      }),
    ),
  );
  expect(await runToEnd('training', 'iris')).toBe('Completed');
  await e.sagemaker.send(
    new CreateModelCommand({
      ModelName: 'iris',
      ExecutionRoleArn: ROLE,
      PrimaryContainer: {
        Image: KNN_IMAGE,
        ModelDataUrl: 's3://bucket/output/iris/output/model.tar.gz',
      },
    }),
  );
  await e.sagemaker.send(
    new CreateTransformJobCommand({
      TransformJobName: 'iris',
      ModelName: 'iris',
      BatchStrategy: 'SingleRecord',
      TransformInput: {
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/iris/batch/' } },
        ContentType: 'text/csv',
        SplitType: 'Line',
      },
      TransformOutput: {
        S3OutputPath: 's3://bucket/iris/out',
        Accept: 'application/jsonlines',
        AssembleWith: 'Line',
      },
      TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
    }),
  );
  expect(await runToEnd('transform', 'iris')).toBe('Completed');
  // THEN there is one prediction per row, in the jsonlines format, and >= 90 % are right
  const lines = Buffer.from(e.s3.getObject('bucket', 'iris/out/iris.csv.out')!.body)
    .toString()
    .trimEnd()
    .split('\n');
  expect(lines).toHaveLength(150);
  expect(lines[0]).toBe('{"predicted_label": 0.0}');
  const predicted = lines.map(
    (l) => (JSON.parse(l) as { predicted_label: number }).predicted_label,
  );
  const accuracy = predicted.filter((p, i) => p === labels[i]).length / labels.length;
  expect(accuracy).toBeGreaterThanOrEqual(0.9);
  expect(accuracy).toBeLessThan(1); // k 3 on the training rows misses a few overlapping ones
});

test('a regressor answers the mean of the k nearest labels; a classifier ties to the nearest', () => {
  const rows = [
    { features: [0], label: 1 },
    { features: [1], label: 2 },
    { features: [2], label: 6 },
    { features: [10], label: 100 },
  ];
  const regressor = trainKnn(
    { k: '3', feature_dim: '1', sample_size: '4', predictor_type: 'regressor' },
    rows,
  );
  expect(predictKnn(regressor, [0.9])).toBe(3);
  const classifier = trainKnn(
    { k: '2', feature_dim: '1', sample_size: '4', predictor_type: 'classifier' },
    rows,
  );
  expect(predictKnn(classifier, [1.2])).toBe(2);
});

test('bad hyperparameters or data fail the training job with the reason', async () => {
  e.s3.putObject('bucket', 'train/data.csv', '0,1,2\n1,5\n');
  await e.sagemaker.send(new CreateTrainingJobCommand(knnTraining('dims')));
  e.local.advance(120);
  const d = await e.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: 'dims' }));
  expect(d.TrainingJobStatus).toBe('Failed');
  expect(d.FailureReason).toBe(
    'ClientError: feature_dim is 2 but row 2 of channel train has 1 features',
  );
  await e.sagemaker.send(
    new CreateTrainingJobCommand(
      knnTraining('no-k', {
        HyperParameters: { feature_dim: '2', sample_size: '2', predictor_type: 'classifier' },
      }),
    ),
  );
  e.local.advance(120);
  const noK = await e.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: 'no-k' }));
  expect(noK.FailureReason).toBe('ClientError: Missing required hyperparameter: k');
});
