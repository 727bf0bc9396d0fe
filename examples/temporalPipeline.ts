/**
 * The Iris KNN pipeline run as Temporal activities (`sagemaker-workflow/temporal`), in
 * `@temporalio/testing`'s MockActivityEnvironment (in process, no Temporal server), against the
 * local SageMaker and S3 endpoints with the real AWS SDK clients:
 *
 * 1. upload the Iris record set and the batch CSV;
 * 2. train with `runSageMakerJob`: the first attempt's worker "shuts down" at its first status
 *    check (the job keeps running), the second attempt resumes from the heartbeated handle;
 * 3. create the model with `createSageMakerModel`;
 * 4. batch-transform with `runSageMakerJob`.
 *
 * Prints each attempt's heartbeats and outcome as a table.
 *
 * Run: npm run example:temporal
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { MockActivityEnvironment } from '@temporalio/testing';
import {
  createSession,
  KNN,
  modelConfigFromEstimator,
  trainingJob,
  transformConfigFromEstimator,
} from 'sagemaker-workflow';
import { uploadRecordSet } from 'sagemaker-workflow/operators';
import {
  createSageMakerActivities,
  type SageMakerHeartbeat,
  type SageMakerJobInput,
} from 'sagemaker-workflow/temporal';
import { startLocalS3, startLocalSageMaker } from 'sagemaker-workflow/testing';
import { BUCKET, REGION, ROLE, loadIris } from './irisKnn.js';

/** One activity attempt, as the outcome table shows it. */
export interface AttemptOutcome {
  readonly activity: string;
  readonly attempt: number;
  /** Heartbeats sent, with the statuses they carried. */
  readonly heartbeats: number;
  readonly statuses: readonly string[];
  readonly outcome: string;
  /** The job waited on. */
  readonly job: string;
}

/** What a run did: the attempts and the request counts of the local SageMaker. */
export interface TemporalPipelineRun {
  readonly attempts: readonly AttemptOutcome[];
  readonly creates: Readonly<Record<string, number>>;
  readonly stops: number;
  readonly transformOutput: string | undefined;
}

const nothing = (): void => undefined;
const quiet = {
  log: nothing,
  trace: nothing,
  debug: nothing,
  info: nothing,
  warn: nothing,
  error: nothing,
};

/** Runs the pipeline; `print` receives every line. */
export async function main(
  print: (line: string) => void = (line) => {
    console.log(line);
  },
): Promise<TemporalPipelineRun> {
  const now = (): number => 1_704_067_200; // 2024-01-01T00:00:00Z, the local clock's start too
  const s3Server = await startLocalS3({ region: REGION });
  const local = await startLocalSageMaker({
    region: REGION,
    s3: s3Server,
    autoAdvanceSeconds: 20,
    startTimeMs: now() * 1000,
  });
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const sagemaker = new SageMakerClient({ endpoint: local.url, region: REGION, credentials });
  const s3 = new S3Client({ ...s3Server.clientConfig, region: REGION, credentials });
  try {
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

    // 1. Data: the record set for training, the features as CSV for the batch transform.
    const { features, labels } = await loadIris();
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    const recordSet = await uploadRecordSet(
      s3,
      { shape: [labels.length, 4], data: features, dtype: 'float32' },
      { estimator: knn, labels: { data: labels, dtype: 'float32' } },
    );
    const csv = (await readFile(new URL('./data/iris.csv', import.meta.url), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split(',').slice(0, 4).join(','))
      .join('\n');
    await s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'iris-knn/batch/iris.csv', Body: `${csv}\n` }),
    );
    print(`# 1. data: ${recordSet.s3Data} and s3://${BUCKET}/iris-knn/batch/iris.csv`);

    const activities = createSageMakerActivities({
      clients: { sagemaker, s3 },
      checkIntervalSeconds: 0.05,
      logger: {
        info: (m) => {
          print(`  ${m}`);
        },
        warn: (m) => {
          print(`  warning: ${m}`);
        },
        error: nothing,
      },
    });
    const attempts: AttemptOutcome[] = [];
    const attempt = async <R>(
      activity: string,
      fn: () => Promise<R>,
      info: { attempt?: number; heartbeatDetails?: unknown } = {},
      shutdownAtCheck?: number,
    ): Promise<{ result?: R; last?: SageMakerHeartbeat }> => {
      const env = new MockActivityEnvironment(info, { logger: quiet });
      const beats: SageMakerHeartbeat[] = [];
      env.on('heartbeat', (beat: SageMakerHeartbeat) => {
        beats.push(beat);
        if (beat.checks === shutdownAtCheck) env.cancel('WORKER_SHUTDOWN');
      });
      const record = (outcome: string): void => {
        attempts.push({
          activity,
          attempt: info.attempt ?? 1,
          heartbeats: beats.length,
          statuses: beats.flatMap((b) => (b.status === undefined ? [] : [b.status])),
          outcome,
          job: beats[0]?.handle.name ?? '-',
        });
      };
      try {
        const result = await env.run<[], R, () => Promise<R>>(fn);
        record('completed');
        return { result, ...(beats.length > 0 && { last: beats.at(-1)! }) };
      } catch (error) {
        record(`${(error as Error).name}: ${(error as Error).message}`);
        return beats.length > 0 ? { last: beats.at(-1)! } : {};
      }
    };

    // 2. Training: a worker shutdown in the first attempt, a resume in the second.
    const training = trainingJob(knn, { inputs: recordSet });
    const trainInput: SageMakerJobInput<'training'> = { kind: 'training', config: training.config };
    print('# 2. train: runSageMakerJob, attempt 1 (the worker shuts down at check 1)');
    const first = await attempt(
      'runSageMakerJob (training)',
      () => activities.runSageMakerJob(trainInput),
      {},
      1,
    );
    print('# 2. train: runSageMakerJob, attempt 2 (from the last heartbeat)');
    const trained = await attempt(
      'runSageMakerJob (training)',
      () => activities.runSageMakerJob(trainInput),
      { attempt: 2, heartbeatDetails: first.last },
    );
    print(`  => ${trained.result?.description.ModelArtifacts?.S3ModelArtifacts}`);

    // 3. Model, from the training run.
    const modelConfig = modelConfigFromEstimator(knn, {
      from: training.run,
      instanceType: 'ml.m5.large',
    });
    print('# 3. model: createSageMakerModel');
    const model = await attempt('createSageMakerModel', () =>
      activities.createSageMakerModel({ config: modelConfig }),
    );
    print(`  => ${model.result?.Model.ModelArn}`);

    // 4. Batch transform with that model (its Model part is the same config: attached, not made).
    const transformConfig = transformConfigFromEstimator(knn, {
      from: training.run,
      modelName: modelConfig.ModelName,
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      data: `s3://${BUCKET}/iris-knn/batch/iris.csv`,
      contentType: 'text/csv',
      splitType: 'Line',
    });
    print('# 4. batch transform: runSageMakerJob');
    const transformInput: SageMakerJobInput<'transform'> = {
      kind: 'transform',
      config: transformConfig,
    };
    const transformed = await attempt('runSageMakerJob (transform)', () =>
      activities.runSageMakerJob(transformInput),
    );
    const transformOutput = transformed.result?.description.TransformOutput?.S3OutputPath;
    print(`  => ${transformOutput}`);

    print('\n| activity | attempt | heartbeats | statuses seen | outcome | job |');
    print('| --- | --- | --- | --- | --- | --- |');
    for (const a of attempts) {
      print(
        `| ${a.activity} | ${a.attempt} | ${a.heartbeats} | ${a.statuses.join(' → ') || '-'} | ${a.outcome} | ${a.job} |`,
      );
    }
    const creates = {
      CreateTrainingJob: local.count('CreateTrainingJob'),
      CreateModel: local.count('CreateModel'),
      CreateTransformJob: local.count('CreateTransformJob'),
    };
    const stops = local.count('StopTrainingJob') + local.count('StopTransformJob');
    print(`\nCreate calls: ${JSON.stringify(creates)}; Stop calls: ${stops}`);
    return { attempts, creates, stops, transformOutput };
  } finally {
    sagemaker.destroy();
    s3.destroy();
    await local.close();
    await s3Server.close();
  }
}

// Run only as a script (`tsx examples/temporalPipeline.ts`), not when a test imports it.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
