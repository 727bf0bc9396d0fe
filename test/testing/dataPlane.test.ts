/**
 * Jobs touch S3 the way SageMaker does: missing inputs fail the job with SageMaker's reason,
 * completed jobs write their outputs, CreateModel checks the model data.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  CreateModelCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import { describe, expect, test } from 'vitest';
import { readTarGz } from '../../src/testing/internal/tarGz.js';
import {
  KNN_IMAGE,
  knnTraining,
  ROLE,
  withLocalEndpointsEachTest,
  TWO_CLUSTERS,
  type LocalEndpoints,
} from './localEndpoints.js';

let e: LocalEndpoints;
withLocalEndpointsEachTest((started) => (e = started));

/** Creates a training job and describes it after 120 simulated seconds. */
async function trainToEnd(request: any) {
  await e.sagemaker.send(new CreateTrainingJobCommand(request));
  e.local.advance(120);
  return e.sagemaker.send(
    new DescribeTrainingJobCommand({ TrainingJobName: request.TrainingJobName }),
  );
}

const manifestChannel = (uri: string) => [
  {
    ChannelName: 'train',
    DataSource: { S3DataSource: { S3DataType: 'ManifestFile', S3Uri: uri } },
  },
];

describe('training', () => {
  test('an empty channel prefix fails the job while downloading, in SageMaker words', async () => {
    // GIVEN nothing under s3://bucket/train/
    // WHEN the job runs to its end
    const job = await trainToEnd(knnTraining('no-data'));
    // THEN it failed with the data-download reason, after Starting and Downloading
    expect(job.TrainingJobStatus).toBe('Failed');
    expect(job.FailureReason).toBe(
      `ClientError: Data download failed:No S3 objects found under S3 URL "s3://bucket/train/" given in input data source. Please ensure that the bucket exists in the selected region (us-east-1), that objects exist under that S3 prefix, and that the role "${ROLE}" has "s3:ListBucket" permissions on bucket "bucket".`,
    );
    expect(job.SecondaryStatusTransitions?.map((t) => t.Status)).toStrictEqual([
      'Starting',
      'Downloading',
      'Failed',
    ]);
    expect(job.ModelArtifacts?.S3ModelArtifacts).toBe('');
    expect(e.s3.objects('bucket').size).toBe(0);
  });

  test('a missing manifest, and a manifest naming a missing object, fail the job', async () => {
    const missing = await trainToEnd(
      knnTraining('no-manifest', { InputDataConfig: manifestChannel('s3://bucket/m/.manifest') }),
    );
    expect(missing.FailureReason).toBe(
      'ClientError: Data download failed:Could not download manifest file "s3://bucket/m/.manifest": the object does not exist.',
    );
    e.s3.putObject('bucket', 'm/.manifest', '[{"prefix": "s3://bucket/m/"}, "a.csv", "b.csv"]');
    e.s3.putObject('bucket', 'm/a.csv', TWO_CLUSTERS);
    const partial = await trainToEnd(
      knnTraining('half-manifest', { InputDataConfig: manifestChannel('s3://bucket/m/.manifest') }),
    );
    expect(partial.TrainingJobStatus).toBe('Failed');
    expect(partial.FailureReason).toBe(
      'ClientError: Data download failed:S3 object "s3://bucket/m/b.csv" listed in manifest file "s3://bucket/m/.manifest" does not exist.',
    );
  });

  test("a script-mode job whose code archive is missing fails with the toolkit's 404", async () => {
    e.s3.putObject('bucket', 'train/data.csv', TWO_CLUSTERS);
    const job = await trainToEnd(
      knnTraining('no-code', {
        AlgorithmSpecification: { TrainingImage: 'img/pytorch:2', TrainingInputMode: 'File' },
        HyperParameters: {
          sagemaker_program: '"train.py"',
          sagemaker_submit_directory: '"s3://bucket/code/sourcedir.tar.gz"',
        },
      }),
    );
    expect(job.TrainingJobStatus).toBe('Failed');
    expect(job.FailureReason).toBe(
      'AlgorithmError: framework error: botocore.exceptions.ClientError: An error occurred (404) when calling the HeadObject operation: Not Found (downloading sagemaker_submit_directory s3://bucket/code/sourcedir.tar.gz)',
    );
  });

  test('a completed job writes a real gzip tar at <S3OutputPath>/<job>/output/model.tar.gz', async () => {
    e.s3.putObject('bucket', 'train/data.csv', TWO_CLUSTERS);
    const job = await trainToEnd(knnTraining('trained'));
    expect(job.TrainingJobStatus).toBe('Completed');
    expect(job.ModelArtifacts?.S3ModelArtifacts).toBe(
      's3://bucket/output/trained/output/model.tar.gz',
    );
    // read back through the S3 client
    const object = await e.s3Client.send(
      new GetObjectCommand({ Bucket: 'bucket', Key: 'output/trained/output/model.tar.gz' }),
    );
    const bytes = await object.Body!.transformToByteArray();
    expect([bytes[0], bytes[1]]).toStrictEqual([0x1f, 0x8b]);
    const files = readTarGz(bytes);
    const model = JSON.parse(Buffer.from(files.get('knn-model.json')!).toString()) as {
      k: number;
      labels: number[];
    };
    expect(model.k).toBe(3);
    expect(model.labels).toStrictEqual([0, 0, 0, 1, 1, 1]);
  });

  test('the placeholder of other images is a tar holding the image and hyperparameters', async () => {
    e.s3.putObject('bucket', 'train/data.csv', TWO_CLUSTERS);
    await trainToEnd(
      knnTraining('other', {
        AlgorithmSpecification: { TrainingImage: 'img/xgboost:1', TrainingInputMode: 'File' },
        HyperParameters: { num_round: '10' },
      }),
    );
    const tar = e.s3.getObject('bucket', 'output/other/output/model.tar.gz')!.body;
    const file = readTarGz(tar).get('placeholder-model.json')!;
    expect(JSON.parse(Buffer.from(file).toString())).toMatchObject({
      image: 'img/xgboost:1',
      hyperParameters: { num_round: '10' },
    });
  });
});

describe('models and transforms', () => {
  test('CreateModel refuses a ModelDataUrl that does not exist', async () => {
    const error = await e.sagemaker
      .send(
        new CreateModelCommand({
          ModelName: 'm',
          ExecutionRoleArn: ROLE,
          PrimaryContainer: { Image: KNN_IMAGE, ModelDataUrl: 's3://bucket/none/model.tar.gz' },
        }),
      )
      .catch((err: unknown) => err as Error);
    expect(error).toBeInstanceOf(Error);
    expect([(error as Error).name, (error as Error).message]).toStrictEqual([
      'ValidationException',
      'Could not find model data at s3://bucket/none/model.tar.gz.',
    ]);
    expect(e.local.names('model')).toStrictEqual([]);
  });

  async function trainedModel(): Promise<void> {
    e.s3.putObject('bucket', 'train/data.csv', TWO_CLUSTERS);
    await trainToEnd(knnTraining('knn'));
    await e.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'knn',
        ExecutionRoleArn: ROLE,
        PrimaryContainer: {
          Image: KNN_IMAGE,
          ModelDataUrl: 's3://bucket/output/knn/output/model.tar.gz',
        },
      }),
    );
  }

  const transform = (name: string, extra: { input?: object; output?: object; top?: object }) => ({
    TransformJobName: name,
    ModelName: 'knn',
    TransformInput: {
      DataSource: {
        S3DataSource: { S3DataType: 'S3Prefix' as const, S3Uri: 's3://bucket/batch/' },
      },
      ContentType: 'text/csv',
      SplitType: 'Line' as const,
      ...extra.input,
    },
    TransformOutput: { S3OutputPath: 's3://bucket/predictions', ...extra.output },
    TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' as const },
    ...extra.top,
  });

  async function transformToEnd(request: any) {
    await e.sagemaker.send(new CreateTransformJobCommand(request));
    e.local.advance(120);
    return e.sagemaker.send(
      new DescribeTransformJobCommand({ TransformJobName: request.TransformJobName }),
    );
  }

  test('each input object gets <output>/<file>.out, one answer line per input line', async () => {
    await trainedModel();
    e.s3.putObject('bucket', 'batch/a.csv', '0,0\n9,9\n0,1\n');
    e.s3.putObject('bucket', 'batch/sub/b.csv', '8,8\n1,0\n');
    const job = await transformToEnd(
      transform('per-line', {
        output: { Accept: 'text/csv', AssembleWith: 'Line' },
        top: { BatchStrategy: 'SingleRecord' },
      }),
    );
    expect(job.TransformJobStatus).toBe('Completed');
    const out = (key: string) => Buffer.from(e.s3.getObject('bucket', key)!.body).toString();
    expect(out('predictions/a.csv.out')).toBe('0.0\n1.0\n0.0\n');
    expect(out('predictions/sub/b.csv.out')).toBe('1.0\n0.0\n');
  });

  test('MultiRecord with application/json: one predictions document per batch', async () => {
    await trainedModel();
    e.s3.putObject('bucket', 'batch/a.csv', '0,0\n9,9\n');
    await transformToEnd(transform('json', { top: { BatchStrategy: 'MultiRecord' } }));
    expect(Buffer.from(e.s3.getObject('bucket', 'predictions/a.csv.out')!.body).toString()).toBe(
      '{"predictions": [{"predicted_label": 0.0}, {"predicted_label": 1.0}]}',
    );
  });

  test('a transform whose input prefix is empty fails with the no-objects reason', async () => {
    await trainedModel();
    const job = await transformToEnd(transform('no-input', {}));
    expect(job.TransformJobStatus).toBe('Failed');
    expect(job.FailureReason).toMatch(
      /^ClientError: Data download failed:No S3 objects found under S3 URL "s3:\/\/bucket\/batch\/"/,
    );
  });
});

describe('processing', () => {
  const processing = (name: string) => ({
    ProcessingJobName: name,
    RoleArn: ROLE,
    AppSpecification: { ImageUri: 'img/sklearn:1' },
    ProcessingResources: {
      ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large' as const, VolumeSizeInGB: 30 },
    },
    ProcessingInputs: [
      {
        InputName: 'code',
        S3Input: {
          S3Uri: 's3://bucket/code/prep.py',
          LocalPath: '/opt/ml/processing/input/code',
          S3DataType: 'S3Prefix' as const,
          S3InputMode: 'File' as const,
        },
      },
    ],
    ProcessingOutputConfig: {
      Outputs: [
        {
          OutputName: 'train',
          S3Output: {
            S3Uri: 's3://bucket/prep/train',
            LocalPath: '/opt/ml/processing/train',
            S3UploadMode: 'EndOfJob' as const,
          },
        },
      ],
    },
  });

  async function processToEnd(name: string) {
    await e.sagemaker.send(new CreateProcessingJobCommand(processing(name)));
    e.local.advance(120);
    return e.sagemaker.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }));
  }

  test('a missing input fails the job', async () => {
    const job = await processToEnd('no-code');
    expect(job.ProcessingJobStatus).toBe('Failed');
    expect(job.FailureReason).toMatch(
      /^ClientError: Data download failed:No S3 objects found under S3 URL "s3:\/\/bucket\/code\/prep.py"/,
    );
  });

  test('outputs are written from the files the local path holds (empty files too)', async () => {
    e.s3.putObject('bucket', 'code/prep.py', 'print(1)');
    e.local.setBehaviour('prep', {
      outputFiles: { '/opt/ml/processing/train': { 'train.csv': '1,2\n', 'empty/_SUCCESS': '' } },
    });
    const job = await processToEnd('prep');
    expect(job.ProcessingJobStatus).toBe('Completed');
    expect(
      [...e.s3.objects('bucket').keys()].filter((k) => k.startsWith('prep/')).sort(),
    ).toStrictEqual(['prep/train/empty/_SUCCESS', 'prep/train/train.csv']);
    expect(e.s3.getObject('bucket', 'prep/train/empty/_SUCCESS')!.body.length).toBe(0);
  });
});
