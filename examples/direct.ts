/**
 * The direct path (`direct` of `sagemaker-workflow/operators`): the Python SDK's own calls, made
 * with the requests Python sends, for tasks that run the SDK themselves (an Airflow
 * PythonOperator) rather than an operator fed a config. Run offline against the local SageMaker
 * and S3 endpoints of `sagemaker-workflow/testing`, with the real AWS SDK clients over HTTP on
 * 127.0.0.1:
 *
 * 1. The PythonOperator DAG of the SageMaker Python SDK's Airflow page
 *    (doc/workflows/airflow/using_workflow.rst): the `training` task fits a TensorFlow estimator
 *    on local code (`examples/direct/tf_train.py`, staged as `sourcedir.tar.gz`); the `transform`
 *    task, as another process would, attaches to the job by name (a fresh estimator rebuilt from
 *    DescribeTrainingJob and ListTags) and runs `transformer(...).transform(...)` from it.
 * 2. A recommender seed: `record_set` of a sparse one-hot matrix (customers × videos, 4,000
 *    ratings), factorization machines fitted on that record set, then a batch transform of
 *    held-out rows.
 *
 * Each job is waited for; the local endpoint completes jobs on its simulated clock, which the
 * waits here sleep on, so a minute of job time takes milliseconds. Its jobs are placeholders
 * (they read their inputs and write a `model.tar.gz`; a transform echoes its records), so the
 * checks are on what was sent and where it landed, not on model quality.
 *
 * Run: npm run example:direct
 */
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { IAMClient } from '@aws-sdk/client-iam';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { FactorizationMachines, type RecordSet } from 'sagemaker-workflow';
import { TensorFlow } from 'sagemaker-workflow/frameworks';
import { direct, type OperatorClock } from 'sagemaker-workflow/operators';
import { encodeSparseTensor, readRecords, type CsrMatrix } from 'sagemaker-workflow/recordio';
import type { LocalS3, LocalSageMaker } from 'sagemaker-workflow/testing';
import { exampleOutput } from './exampleOutput.js';
import { startLocalEndpoints, type LocalEndpoints } from './localEndpoints.js';

/** Region and account of the run (the account is the local endpoint's placeholder). */
export const REGION = 'us-west-2';
export const ACCOUNT = '123456789012';
/** The bucket Python's session names and creates: `sagemaker-<region>-<account>`. */
export const BUCKET = `sagemaker-${REGION}-${ACCOUNT}`;
/** A role *name*: the session expands it to its ARN with IAM GetRole, as Python does. */
export const ROLE = 'SageMakerRole';
const TF_SCRIPT = fileURLToPath(new URL('./direct/tf_train.py', import.meta.url));

/** The recommender seed's size: customers × videos, and how many ratings train and score. */
export const CUSTOMERS = 1500;
export const VIDEOS = 500;
export const TRAIN_ROWS = 4000;
export const TEST_ROWS = 500;

/** Options of {@link main}. */
export interface DirectExampleOptions {
  /** A local SageMaker endpoint to run against; left running. @default - one started and stopped here */
  readonly sagemaker?: LocalSageMaker;
  /** A local S3 server to run against; left running. @default - one started and stopped here */
  readonly s3?: LocalS3;
  /** Receives every line the example prints. @default console.log */
  readonly print?: (line: string) => void;
}

/** What a run did: the job names, and the results the direct calls returned. */
export interface DirectExampleRun {
  readonly tensorflow: {
    readonly trainingJob: string;
    readonly attached: TensorFlow;
    readonly modelName: string;
    readonly transformJob: string;
  };
  readonly recommender: {
    readonly recordSet: RecordSet;
    readonly trainingJob: string;
    readonly transformJob: string;
  };
}

/** A check of the example; failing one ends the run with exit code 1. */
function check(ok: boolean, what: string): asserts ok {
  if (!ok) throw new Error(`check failed: ${what}`);
}

/** A small deterministic generator (mulberry32), so every run rates the same videos. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `rows` ratings as the factorization machines' input: each row one-hot encodes a customer
 * (columns `0..CUSTOMERS-1`) and a video (the next `VIDEOS` columns), so two non-zeros per row;
 * the label is 1 when the customer liked the video (4 or 5 stars).
 */
export function ratings(rows: number, seed: number): { matrix: CsrMatrix; labels: Float32Array } {
  const next = random(seed);
  const data = new Float32Array(rows * 2).fill(1);
  const indices = new Int32Array(rows * 2);
  const indptr = new Int32Array(rows + 1);
  const labels = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    const customer = Math.floor(next() * CUSTOMERS);
    const video = Math.floor(next() * VIDEOS);
    indices[2 * i] = customer;
    indices[2 * i + 1] = CUSTOMERS + video;
    indptr[i + 1] = 2 * (i + 1);
    // Taste: customers like videos of their own "genre" (index mod 5) more often.
    const liked = next() < (customer % 5 === video % 5 ? 0.8 : 0.3);
    labels[i] = liked ? 1 : 0;
  }
  return { matrix: { shape: [rows, CUSTOMERS + VIDEOS], data, indices, indptr }, labels };
}

/** The member names of a `.tar.gz` (ustar headers: the name is the first 100 bytes). */
function tarNames(gz: Uint8Array): string[] {
  const tar = gunzipSync(gz);
  const names: string[] = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const name = tar
      .subarray(at, at + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (name === '') break;
    names.push(name);
    const size = parseInt(
      tar
        .subarray(at + 124, at + 136)
        .toString('utf8')
        .trim() || '0',
      8,
    );
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

/**
 * Runs both parts and checks what reached the endpoints.
 * @throws the direct calls' errors, or an Error naming the check that failed.
 */
export async function main(options: DirectExampleOptions = {}): Promise<DirectExampleRun> {
  const { print, section: show, logger } = exampleOutput(options.print);
  let endpoints: LocalEndpoints | undefined;
  const clients: { destroy(): void }[] = [];
  try {
    endpoints = await startLocalEndpoints(options, { region: REGION });
    const { sagemaker: local, s3: localS3 } = endpoints;
    show(`0. local endpoints: SageMaker (with IAM, STS) ${local.url}, S3 ${localS3.endpoint}`);

    // The waits sleep on the endpoint's simulated clock: sleeping moves the jobs on.
    const clock: OperatorClock = {
      now: () => local.now(),
      sleep: async (ms) => {
        local.advance(ms / 1000);
        await new Promise((resolve) => setImmediate(resolve));
      },
    };
    const waitOptions = { clock, logger };
    /** A session as one task's process makes it: its own clients, the bucket resolved anew. */
    const newSession = (): direct.DirectSession => {
      // The endpoints check no signature, so any static credentials do.
      const common = { region: REGION, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } };
      const sagemaker = new SageMakerClient({ ...common, endpoint: local.url });
      const s3 = new S3Client({ ...localS3.clientConfig, ...common });
      const iam = new IAMClient({ ...common, endpoint: local.url });
      const sts = new STSClient({ ...common, endpoint: local.url });
      clients.push(sagemaker, s3, iam, sts);
      return new direct.DirectSession({ region: REGION, clients: { sagemaker, s3, iam, sts } });
    };
    const sent = (kind: 'training' | 'model' | 'transform', name: string) =>
      local.createRequest(kind, name);

    // ---- Part 1: the PythonOperator DAG (training -> transform) ----
    // `training` task: Python's session names the default bucket after the account (STS) and
    // creates it; the task's data goes there.
    const training = newSession();
    const bucket = await training.defaultBucket();
    check(bucket === BUCKET, `the default bucket is ${BUCKET} (got ${bucket})`);
    const s3 = training.clients.s3;
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'tensorflow/train/train.csv',
        Body: 'a,b,label\n1,2,3\n4,5,9\n',
      }),
    );
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'tensorflow/transform/data.csv',
        Body: '1,2\n4,5\n7,8\n',
      }),
    );
    const tf = new TensorFlow({
      session: training.session,
      role: ROLE,
      entryPoint: TF_SCRIPT,
      frameworkVersion: '2.11',
      pyVersion: 'py39',
      instanceCount: 2,
      instanceType: 'ml.p3.2xlarge',
      hyperparameters: { epochs: 3 },
    });
    // As Python's `estimator.fit(data)`, `direct.fit` waits for the job (`wait: false` to not).
    const fitted = await direct.fit(training, tf, {
      inputs: { training: `s3://${bucket}/tensorflow/train` },
      waitOptions,
    });
    check(fitted.description?.TrainingJobStatus === 'Completed', 'the training job completed');
    show(
      `1a. training task: direct.fit -> training job ${fitted.jobName}`,
      sent('training', fitted.jobName),
    );
    const code = `${fitted.jobName}/source/sourcedir.tar.gz`;
    const staged = localS3.getObject(bucket, code);
    check(staged !== undefined, `the code was staged at s3://${bucket}/${code}`);
    check(tarNames(staged.body).includes('tf_train.py'), 'sourcedir.tar.gz holds tf_train.py');
    print(`  code staged: s3://${bucket}/${code} (${tarNames(staged.body).join(', ')})`);

    // `transform` task, as another process: only the job name crosses (Airflow's XCom).
    const transforming = newSession();
    const { estimator, run } = await direct.attach(transforming, TensorFlow, fitted.jobName, {
      ...waitOptions,
    });
    show(`1b. transform task: direct.attach(TensorFlow, '${fitted.jobName}')`, {
      frameworkVersion: estimator.frameworkVersion,
      pyVersion: estimator.pyVersion,
      entryPoint: estimator.entryPoint,
      instanceCount: estimator.options.instanceCount,
      instanceType: estimator.options.instanceType,
      hyperparameters: estimator.hyperparameters(),
      uploadedCode: run.uploadedCode,
    });
    check(estimator.frameworkVersion === '2.11', 'attach rebuilt the framework version');
    check(estimator.options.instanceCount === 2, 'attach rebuilt the instance count');
    check(run.jobName === fitted.jobName, 'the attached run is the fitted job');
    check(run.uploadedCode?.s3Prefix === `s3://${bucket}/${code}`, 'attach found the staged code');

    const transformer = await direct.trainedTransformer(transforming, estimator, run, {
      instanceCount: 1,
      instanceType: 'ml.c4.xlarge',
    });
    const data = `s3://${bucket}/tensorflow/transform/`;
    const { jobName: tfTransform } = await direct.transform(transforming, transformer, {
      data,
      contentType: 'text/csv',
      waitOptions,
    });
    show(
      `1c. estimator.transformer(...): model ${transformer.modelName}`,
      sent('model', transformer.modelName),
    );
    show(
      `1d. transformer.transform(...): transform job ${tfTransform}`,
      sent('transform', tfTransform),
    );
    const tfModel = sent('model', transformer.modelName);
    const container = (tfModel?.['PrimaryContainer'] ?? {}) as Record<string, unknown>;
    check(
      container['ModelDataUrl'] === `s3://${bucket}/${fitted.jobName}/output/model.tar.gz`,
      'the model serves the attached job’s artifacts',
    );
    check(
      localS3.getObject(bucket, `${tfTransform}/data.csv.out`) !== undefined,
      'the transform wrote data.csv.out',
    );

    // ---- Part 2: the recommender seed (record_set -> fit -> batch transform) ----
    const seed = newSession();
    // Python's algorithm constructor checks the default bucket (`default_bucket()`); on a new
    // direct session that check waits for the first call that uses the estimator (`recordSet`).
    const fm = new FactorizationMachines({
      session: seed.session,
      role: ROLE,
      instanceCount: 2,
      instanceType: 'ml.c5.xlarge',
      numFactors: 64,
      predictorType: 'binary_classifier',
      epochs: 10,
    });
    const train = ratings(TRAIN_ROWS, 1);
    const records = await direct.recordSet(seed, fm, train.matrix, { labels: train.labels });
    show(`2a. fm.record_set(...): ${TRAIN_ROWS} × ${CUSTOMERS + VIDEOS} one-hot rows`, records);
    const manifestUrl = new URL(records.s3Data.replace(/^s3:/, 'http:'));
    const manifest = localS3.getObject(manifestUrl.host, manifestUrl.pathname.slice(1));
    check(manifest !== undefined, `the manifest is at ${records.s3Data}`);
    const shards = (JSON.parse(Buffer.from(manifest.body).toString()) as unknown[]).slice(1);
    check(shards.length === 2, 'one shard per training instance');
    print(`  manifest lists ${shards.join(', ')}`);

    const fmFit = await direct.fit(seed, fm, { inputs: records, miniBatchSize: 200, waitOptions });
    const fmSent = sent('training', fmFit.jobName);
    show(`2b. fm.fit(record_set): training job ${fmFit.jobName}`, fmSent);
    const hp = (fmSent?.['HyperParameters'] ?? {}) as Record<string, string>;
    check(
      hp['feature_dim'] === String(CUSTOMERS + VIDEOS),
      'feature_dim comes from the record set',
    );
    check(hp['mini_batch_size'] === '200', 'fit sent mini_batch_size');

    // Held-out ratings, RecordIO-protobuf as the algorithm reads them, scored in one batch job.
    const test = encodeSparseTensor(ratings(TEST_ROWS, 2).matrix);
    check(readRecords(test).length === TEST_ROWS, `${TEST_ROWS} held-out records`);
    await seed.clients.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'recommender/test/ratings.pbr', Body: test }),
    );
    const fmTransformer = await direct.trainedTransformer(seed, fm, fmFit.run, {
      instanceCount: 1,
      instanceType: 'ml.c5.xlarge',
    });
    const { jobName: fmTransform } = await direct.transform(seed, fmTransformer, {
      data: `s3://${bucket}/recommender/test/`,
      contentType: 'application/x-recordio-protobuf',
      splitType: 'RecordIO',
      waitOptions,
    });
    show(
      `2c. transformer.transform(...): transform job ${fmTransform}`,
      sent('transform', fmTransform),
    );
    const fmInput = (sent('transform', fmTransform)?.['TransformInput'] ?? {}) as Record<
      string,
      unknown
    >;
    check(fmInput['SplitType'] === 'RecordIO', 'the transform splits the input by record');
    // The local model echoes its input, record by record: the output reads back as the input.
    const out = localS3.getObject(bucket, `${fmTransform}/ratings.pbr.out`);
    check(out !== undefined, 'the transform wrote ratings.pbr.out');
    check(
      readRecords(out.body).length === TEST_ROWS,
      `ratings.pbr.out holds the ${TEST_ROWS} records`,
    );

    show('summary');
    print(`  TensorFlow DAG: fit ${fitted.jobName}`);
    print(`    attach, model ${transformer.modelName}, transform ${tfTransform}`);
    print(`  recommender: record set of ${TRAIN_ROWS} rows in ${shards.length} shards`);
    print(`    fit ${fmFit.jobName}, transform ${fmTransform} (${TEST_ROWS} rows)`);
    return {
      tensorflow: {
        trainingJob: fitted.jobName,
        attached: estimator,
        modelName: transformer.modelName,
        transformJob: tfTransform,
      },
      recommender: {
        recordSet: records,
        trainingJob: fmFit.jobName,
        transformJob: fmTransform,
      },
    };
  } finally {
    for (const client of clients) client.destroy();
    await endpoints?.close();
  }
}

// Run only as a script (`tsx examples/direct.ts`), not when a test imports it.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
