/**
 * The main example, run against local endpoints the test owns, then as a script: what it leaves on
 * the endpoints is what the Iris KNN pipeline should have made.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RecordSet } from '../../src/index.js';
import { CONFIG_HASH_TAG } from '../../src/operators/index.js';
import { readRecords } from '../../src/recordio/index.js';
import {
  startLocalS3,
  startLocalSageMaker,
  type LocalS3,
  type LocalSageMaker,
} from '../../src/testing/index.js';
import { BUCKET, REGION, ROLE, main, type IrisKnnRun } from '../../examples/irisKnn.js';

// 2024-01-01T00:00:00.123Z: every generated name carries this timestamp.
const NOW = 1704067200.123;
const STAMP = '2024-01-01-00-00-00-123';
const JOB = `knn-${STAMP}`;
const IMAGE = '404615174143.dkr.ecr.us-east-2.amazonaws.com/knn:1';
const PREFIX = `sagemaker-record-sets/KNN-${STAMP}/`;
const MANIFEST = `s3://${BUCKET}/${PREFIX}.amazon.manifest`;
const BATCH = `s3://${BUCKET}/iris-knn/batch/iris.csv`;

/** A create request as sent, without the tag the operators add to recognise their own resources. */
const sent = (request: Record<string, unknown> | undefined) => {
  const tags = (request?.['Tags'] ?? []) as { Key: string }[];
  const rest = tags.filter((t) => t.Key !== CONFIG_HASH_TAG);
  const withoutTags = Object.fromEntries(
    Object.entries(request ?? {}).filter(([k]) => k !== 'Tags'),
  );
  return rest.length > 0 ? { ...withoutTags, Tags: rest } : withoutTags;
};

describe('examples/irisKnn main() against local endpoints', () => {
  let sagemaker: LocalSageMaker;
  let s3: LocalS3;
  let run: IrisKnnRun;
  const lines: string[] = [];

  beforeAll(async () => {
    // GIVEN local endpoints and a clock the test owns; SageMaker's jobs use that S3 server
    s3 = await startLocalS3({ region: REGION });
    sagemaker = await startLocalSageMaker({
      region: REGION,
      autoAdvanceSeconds: 20,
      startTimeMs: Math.floor(NOW * 1000),
      s3,
    });
    // WHEN the example runs against them
    run = await main({ sagemaker, s3, now: () => NOW, print: (line) => void lines.push(line) });
  });
  afterAll(async () => {
    await sagemaker.close();
    await s3.close();
  });

  test('the record set: one shard of the 150 labelled rows and the manifest that lists it', () => {
    // THEN the record set points at the manifest of the Python-style prefix
    expect(run.recordSet).toStrictEqual(
      new RecordSet({
        s3Data: MANIFEST,
        numRecords: 150,
        featureDim: 4,
        s3DataType: 'ManifestFile',
        channel: 'train',
        distribution: 'ShardedByS3Key',
      }),
    );
    // (beside the outputs the jobs wrote: the model and the predictions)
    expect([...s3.objects(BUCKET).keys()].sort()).toStrictEqual([
      'iris-knn/batch/iris.csv',
      `${JOB}/iris.csv.out`,
      `${JOB}/output/model.tar.gz`,
      `${PREFIX}.amazon.manifest`,
      `${PREFIX}matrix_0.pbr`,
    ]);
    const manifest = Buffer.from(s3.getObject(BUCKET, `${PREFIX}.amazon.manifest`)!.body);
    expect(manifest.toString()).toBe(`[{"prefix": "s3://${BUCKET}/${PREFIX}"}, "matrix_0.pbr"]`);
    // AND the shard decodes to the Iris rows, float32 features and labels 0..2, 50 of each
    const records = readRecords(s3.getObject(BUCKET, `${PREFIX}matrix_0.pbr`)!.body);
    expect(records).toHaveLength(150);
    const valuesOf = (map: (typeof records)[number]['features']) => {
      const value = map['values']?.value;
      expect(value?.case).toBe('float32Tensor');
      return [...((value?.value as { values: number[] } | undefined)?.values ?? [])];
    };
    expect(valuesOf(records[0]!.features)).toStrictEqual(
      [5.1, 3.5, 1.4, 0.2].map((v) => Math.fround(v)),
    );
    expect(valuesOf(records[149]!.features)).toStrictEqual(
      [5.9, 3.0, 5.1, 1.8].map((v) => Math.fround(v)),
    );
    const labels = records.map((r) => valuesOf(r.label)[0]);
    expect([0, 1, 2].map((l) => labels.filter((x) => x === l).length)).toStrictEqual([50, 50, 50]);
  });

  test('the batch input: 150 CSV lines of 4 features, no header, no label', () => {
    const csv = Buffer.from(s3.getObject(BUCKET, 'iris-knn/batch/iris.csv')!.body).toString();
    const rows = csv.trimEnd().split('\n');
    expect(rows).toHaveLength(150);
    expect(rows[0]).toBe('5.1,3.5,1.4,0.2');
    expect(rows[149]).toBe('5.9,3,5.1,1.8');
    expect(rows.every((r) => /^[\d.]+(,[\d.]+){3}$/.test(r))).toBe(true);
  });

  test('the training job: KNN k 3 on the record set, ml.m5.large in us-east-2, Completed', () => {
    // THEN exactly one training job exists, created with the example's config
    expect(sagemaker.names('training')).toStrictEqual([JOB]);
    expect(sent(sagemaker.createRequest('training', JOB))).toStrictEqual({
      AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
      OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/` },
      StoppingCondition: { MaxRuntimeInSeconds: 86400 },
      ResourceConfig: { VolumeSizeInGB: 30, InstanceCount: 1, InstanceType: 'ml.m5.large' },
      RoleArn: ROLE,
      InputDataConfig: [
        {
          DataSource: {
            S3DataSource: {
              S3DataType: 'ManifestFile',
              S3Uri: MANIFEST,
              S3DataDistributionType: 'ShardedByS3Key',
            },
          },
          ChannelName: 'train',
        },
      ],
      HyperParameters: {
        k: '3',
        sample_size: '150',
        predictor_type: 'classifier',
        feature_dim: '4',
      },
      TrainingJobName: JOB,
    });
    expect(run.trainingConfig).toStrictEqual(sent(sagemaker.createRequest('training', JOB)));
    expect(run.training.Training.TrainingJobStatus).toBe('Completed');
    expect(run.training.Training.ModelArtifacts?.S3ModelArtifacts).toBe(
      `s3://${BUCKET}/${JOB}/output/model.tar.gz`,
    );
  });

  test('the model: the artifacts of that job on the KNN image, created once', () => {
    expect(sagemaker.names('model')).toStrictEqual([JOB]);
    expect(sagemaker.count('CreateModel')).toBe(1);
    expect(sent(sagemaker.createRequest('model', JOB))).toStrictEqual({
      ModelName: JOB,
      PrimaryContainer: {
        Image: IMAGE,
        Environment: {},
        ModelDataUrl: `s3://${BUCKET}/${JOB}/output/model.tar.gz`,
      },
      ExecutionRoleArn: ROLE,
    });
    expect(run.modelConfig).toStrictEqual(sent(sagemaker.createRequest('model', JOB)));
    // The transform config's Model part is that same model: the operator attached to it.
    expect(run.transformConfig.Model).toStrictEqual(run.modelConfig);
    expect(run.transform.Model.ModelName).toBe(JOB);
  });

  test('the transform job: the CSV split by line, with that model, Completed', () => {
    expect(sagemaker.names('transform')).toStrictEqual([JOB]);
    expect(sent(sagemaker.createRequest('transform', JOB))).toStrictEqual({
      TransformJobName: JOB,
      ModelName: JOB,
      TransformInput: {
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: BATCH } },
        ContentType: 'text/csv',
        SplitType: 'Line',
      },
      TransformOutput: { S3OutputPath: `s3://${BUCKET}/${JOB}` },
      TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
    });
    expect(run.transformConfig.Transform).toStrictEqual(
      sent(sagemaker.createRequest('transform', JOB)),
    );
    expect(run.transform.Transform.TransformJobStatus).toBe('Completed');
  });

  test('it prints each step, its config and the outcomes', () => {
    const headings = lines.filter((l) => l.startsWith('\n# ')).map((l) => l.slice(3, 5));
    expect(headings).toStrictEqual(['0.', '1.', '2.', '3.', '4.', '5.', 'do']);
    const training = lines.indexOf('\n# 2. train: runTrainingJob(trainingConfig)');
    expect(JSON.parse(lines[training + 1]!)).toStrictEqual(run.trainingConfig);
    expect(lines).toContain(`  Created SageMaker training job ${JOB}`);
    expect(lines).toContain(`  => Completed: s3://${BUCKET}/${JOB}/output/model.tar.gz`);
    expect(lines).toContain(`  => Completed: s3://${BUCKET}/${JOB}`);
    expect(lines).toContain(`\n# 5. predictions: s3://${BUCKET}/${JOB}/iris.csv.out`);
    expect(lines).toContain(
      `  => accuracy on Iris: ${run.accuracy.toFixed(3)} (${Math.round(run.accuracy * 150)} of 150 rows)`,
    );
  });

  test('the predictions read back from S3: KNN k 3 on the training rows scores at least 0.9', () => {
    // THEN the transform answered every row, in KNN's application/json format
    expect(run.predictions).toHaveLength(150);
    const out = Buffer.from(s3.getObject(BUCKET, `${JOB}/iris.csv.out`)!.body).toString();
    expect(out.startsWith('{"predictions": [{"predicted_label": 0.0}, ')).toBe(true);
    // AND well above chance (1/3): the nearest neighbours of a row are mostly its species
    expect(run.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(new Set(run.predictions)).toStrictEqual(new Set([0, 1, 2]));
  });
});

test('npm run example: the script runs offline, exits 0 and stops its servers', async () => {
  // GIVEN the example file run as `npm run example` runs it (through tsx). A server or client
  // left open would keep the process alive, so the child would not end before the test timeout.
  const script = fileURLToPath(new URL('../../examples/irisKnn.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  // THEN it went through every step and ended
  expect(stdout).toMatch(/# 4\. batch transform/);
  expect(stdout).toMatch(/SageMaker transform job knn-[\d-]+: Completed/);
  expect(stdout).toMatch(/=> accuracy on Iris: 0\.9\d\d \(\d+ of 150 rows\)/);
  expect(stdout.trimEnd().endsWith('# done')).toBe(true);
});
