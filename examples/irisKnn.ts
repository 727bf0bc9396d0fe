/**
 * The Iris KNN pipeline of the Python SDK's Airflow tutorial, run end to end and offline against
 * the local SageMaker and S3 endpoints of `sagemaker-workflow/testing`, with the real AWS SDK
 * clients over HTTP on 127.0.0.1:
 *
 * 1. prepare the data: the 150 Iris rows (examples/data/iris.csv), uploaded as a RecordIO-protobuf
 *    record set for training and as headerless CSV for the batch transform;
 * 2. train KNN (k 3, feature_dim 4 from the record set, sample_size 150, classifier, ml.m5.large
 *    in us-east-2);
 * 3. create the model of the trained job;
 * 4. batch-transform the CSV line by line with that model;
 * 5. read the predictions back from S3 and print the accuracy on Iris.
 *
 * Each step prints its config. The local SageMaker endpoint's clock moves on by itself at each
 * status check, so the one-minute simulated jobs end in a few real seconds. It reads and writes
 * the local S3 server as SageMaker does S3: the training job downloads the record set and writes
 * `model.tar.gz`, and the transform writes `iris.csv.out` with the KNN's real predictions.
 *
 * Run: npm run example
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  createSession,
  KNN,
  modelConfigFromEstimator,
  trainingJob,
  transformConfigFromEstimator,
  type ModelConfig,
  type RecordSet,
  type TrainingConfig,
  type ModelTransformConfig,
} from 'sagemaker-workflow';
import {
  runModel,
  runTrainingJob,
  runTransformJob,
  uploadRecordSet,
  type ModelResult,
  type TrainingJobResult,
  type TransformJobResult,
} from 'sagemaker-workflow/operators';
import type { LocalS3, LocalSageMaker } from 'sagemaker-workflow/testing';
import { exampleOutput } from './exampleOutput.js';
import { startLocalEndpoints, type LocalEndpoints } from './localEndpoints.js';

/** Region, account, bucket and role of the tutorial (the account is a placeholder). */
export const REGION = 'us-east-2';
export const BUCKET = 'sagemaker-us-east-2-123456789012';
export const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
/** The species in label order: the label of a row is its species' index here. */
export const SPECIES = ['setosa', 'versicolor', 'virginica'] as const;

const IRIS_CSV = fileURLToPath(new URL('./data/iris.csv', import.meta.url));
/** Where the batch transform reads its input (one row of 4 features per line). */
const BATCH_KEY = 'iris-knn/batch/iris.csv';

/** Options of {@link main}. */
export interface IrisKnnOptions {
  /**
   * A local SageMaker endpoint to run against; it is left running.
   * @default - one is started for the run and stopped after it
   */
  readonly sagemaker?: LocalSageMaker;
  /**
   * A local S3 server to run against; it is left running.
   * @default - one is started for the run and stopped after it
   */
  readonly s3?: LocalS3;
  /** Seconds since the epoch, read for the generated names. @default - the system clock */
  readonly now?: () => number;
  /** Receives every line the example prints. @default console.log */
  readonly print?: (line: string) => void;
}

/** What a run did: the configs it built and the final Describe outputs of the operators. */
export interface IrisKnnRun {
  readonly recordSet: RecordSet;
  /** `s3://.../iris.csv`, the batch transform's input. */
  readonly batchData: string;
  readonly trainingConfig: TrainingConfig;
  readonly modelConfig: ModelConfig;
  readonly transformConfig: ModelTransformConfig;
  readonly training: TrainingJobResult;
  readonly model: ModelResult;
  readonly transform: TransformJobResult;
  /** The predicted label of each row, read back from the transform's output in S3. */
  readonly predictions: readonly number[];
  /** Share of the rows whose predicted label is their species. */
  readonly accuracy: number;
}

/** The Iris data set: 150 rows of 4 float32 features, and labels 0..2 in {@link SPECIES} order. */
export async function loadIris(): Promise<{ features: Float32Array; labels: Float32Array }> {
  const [, ...rows] = (await readFile(IRIS_CSV, 'utf8')).trim().split('\n');
  const features = new Float32Array(rows.length * 4);
  const labels = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    const cells = row.split(',');
    const label = SPECIES.indexOf(cells[4] as (typeof SPECIES)[number]);
    if (cells.length !== 5 || label < 0) throw new Error(`iris.csv line ${i + 2}: ${row}`);
    cells.slice(0, 4).forEach((cell, j) => {
      features[i * 4 + j] = Number(cell);
    });
    labels[i] = label;
  });
  return { features, labels };
}

/** Headerless CSV of the features only: what a batch transform with `text/csv` reads. */
function batchCsv(features: Float32Array): string {
  const lines: string[] = [];
  for (let i = 0; i < features.length; i += 4) {
    // Float32 values printed through float64 would read 5.099999904632568: round them back.
    lines.push(Array.from(features.subarray(i, i + 4), (v) => Number(v.toPrecision(7))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the pipeline: data, training, model, batch transform.
 * @throws whatever an operator throws (JobFailedError, ConfigValidationError, ...).
 */
export async function main(options: IrisKnnOptions = {}): Promise<IrisKnnRun> {
  const { print, section: step, logger } = exampleOutput(options.print);

  // Endpoints given by the caller stay up; the ones started here are stopped in `finally`.
  let endpoints: LocalEndpoints | undefined;
  let sagemakerClient: SageMakerClient | undefined;
  let s3Client: S3Client | undefined;
  try {
    const now = options.now ?? (() => Date.now() / 1000);
    // Each status check moves the simulated clock on by 20 s: a 60 s job ends in a few checks.
    // It starts at the session's time, so the job timestamps in the log follow the job names.
    endpoints = await startLocalEndpoints(options, {
      region: REGION,
      autoAdvanceSeconds: 20,
      startTimeMs: Math.floor(now() * 1000),
    });
    const { sagemaker: local, s3: localS3 } = endpoints;
    step(`0. local endpoints: SageMaker ${local.url}, S3 ${localS3.endpoint}`);

    // Real clients; the endpoints check no signature, so any static credentials do.
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    sagemakerClient = new SageMakerClient({ endpoint: local.url, region: REGION, credentials });
    s3Client = new S3Client({ ...localS3.clientConfig, region: REGION, credentials });
    const clients = { sagemaker: sagemakerClient, s3: s3Client };
    const run = { logger, checkIntervalSeconds: 0.05 } as const;

    const session = createSession({ region: REGION, defaultBucket: BUCKET, now });
    const knn = new KNN({
      session,
      role: ROLE,
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      k: 3,
      sampleSize: 150,
      predictorType: 'classifier',
    });

    // 1. Data. Like Python's `knn.record_set(features, labels)`, uploadRecordSet writes under
    // `<data_location><class name>-<timestamp>/` in the default bucket. Python's session creates
    // that bucket on first use; builders make no AWS call, so the example creates it itself.
    const { features, labels } = await loadIris();
    await s3Client.send(new CreateBucketCommand({ Bucket: BUCKET }));
    const recordSet = await uploadRecordSet(
      s3Client,
      { shape: [labels.length, 4], data: features, dtype: 'float32' },
      { estimator: knn, labels: { data: labels, dtype: 'float32' } },
    );
    await s3Client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: BATCH_KEY,
        Body: batchCsv(features),
        ContentType: 'text/csv',
      }),
    );
    const batchData = `s3://${BUCKET}/${BATCH_KEY}`;
    step('1. data: the record set (RecordIO-protobuf) and the batch input (CSV)', {
      recordSet,
      batchData,
    });

    // 2. Training. The job's run carries the job name and output path to the model and
    // transform builders, where Python keeps them on the estimator.
    const training = trainingJob(knn, { inputs: recordSet });
    const trainingConfig = training.config;
    step('2. train: runTrainingJob(trainingConfig)', trainingConfig);
    const trained = await runTrainingJob(trainingConfig, clients, run);
    print(
      `  => ${trained.Training.TrainingJobStatus}: ${trained.Training.ModelArtifacts?.S3ModelArtifacts}`,
    );

    // 3. Model, from the training run (no Airflow task ran the training here).
    const modelConfig = modelConfigFromEstimator(knn, {
      from: training.run,
      instanceType: 'ml.m5.large',
    });
    step('3. model: runModel(modelConfig)', modelConfig);
    const model = await runModel(modelConfig, clients, run);
    print(`  => ${model.Model.ModelArn}`);

    // 4. Batch transform, with the model of step 3: its Model part is the same config, so the
    // operator attaches to that model instead of creating another.
    const transformConfig = transformConfigFromEstimator(knn, {
      from: training.run,
      modelName: modelConfig.ModelName,
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      data: batchData,
      contentType: 'text/csv',
      splitType: 'Line',
    });
    step('4. batch transform: runTransformJob(transformConfig)', transformConfig);
    const transform = await runTransformJob(transformConfig, clients, run);
    print(
      `  => ${transform.Transform.TransformJobStatus}: ${transform.Transform.TransformOutput?.S3OutputPath}`,
    );

    // 5. Predictions. The transform wrote `<S3OutputPath>/iris.csv.out`: KNN's answers to the
    // text/csv lines, in its application/json format, one `{"predictions": [...]}` per batch.
    const outputPath = transform.Transform.TransformOutput?.S3OutputPath ?? '';
    const [, outBucket = '', outPrefix = ''] = /^s3:\/\/([^/]+)\/?(.*)$/.exec(outputPath) ?? [];
    const outKey = `${outPrefix.replace(/\/?$/, '/')}iris.csv.out`;
    const object = await s3Client.send(new GetObjectCommand({ Bucket: outBucket, Key: outKey }));
    const predictions = (await object.Body?.transformToString())
      ?.split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap(
        (line) => (JSON.parse(line) as { predictions: { predicted_label: number }[] }).predictions,
      )
      .map((p) => p.predicted_label);
    if (predictions?.length !== labels.length) {
      throw new Error(`s3://${outBucket}/${outKey}: ${predictions?.length ?? 0} predictions`);
    }
    const right = predictions.filter((p, i) => p === labels[i]).length;
    const accuracy = right / labels.length;
    step(`5. predictions: s3://${outBucket}/${outKey}`);
    print(`  => accuracy on Iris: ${accuracy.toFixed(3)} (${right} of ${labels.length} rows)`);

    step('done');
    return {
      predictions,
      accuracy,
      recordSet,
      batchData,
      trainingConfig,
      modelConfig,
      transformConfig,
      training: trained,
      model,
      transform,
    };
  } finally {
    sagemakerClient?.destroy();
    s3Client?.destroy();
    await endpoints?.close();
  }
}

// Run only as a script (`tsx examples/irisKnn.ts`), not when a test imports it.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
