/**
 * Two pipelines written as Airflow DAG files for the Amazon provider's SageMaker operators, then
 * checked without Airflow by `test/airflow/checker/check_dag.py` (Python syntax, the provider's
 * operator signatures, and every template rendered with Jinja2 as Airflow renders it):
 *
 * - `iris_knn`: the Python SDK tutorial's Iris KNN pipeline (train → model → batch transform);
 * - `fm_recommender`: a Factorization Machines recommender tuned per day
 *   (`fm-{{ ds_nodash }}`, parallelism from `{{ params.parallel }}`), then the model of the best
 *   job and a batch transform, waiting deferred in the triggerer.
 *
 * Run: npm run example:airflow [-- <folder>]   (default folder: ./airflow-dags)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toAirflowDag, type AirflowDag } from 'sagemaker-workflow/airflow';
import {
  createSession,
  FactorizationMachines,
  KNN,
  modelConfigFromEstimator,
  RecordSet,
  trainingJob,
  transformConfigFromEstimator,
  tuningJob,
} from 'sagemaker-workflow';
import {
  ContinuousParameter,
  HyperparameterTuner,
  IntegerParameter,
} from 'sagemaker-workflow/tuner';
import {
  checkDagFile,
  type CheckContext,
  type CheckReport,
} from '../test/airflow/checker/runChecker.js';

/** Region, bucket and role of both pipelines (the account is a placeholder). */
export const REGION = 'us-east-2';
export const BUCKET = 'sagemaker-us-east-2-123456789012';
export const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
/** A fixed clock, so that the job names in the files are the same on every run. */
export const NOW = (): number => 1_704_067_200; // 2024-01-01T00:00:00Z

const session = () => createSession({ region: REGION, defaultBucket: BUCKET, now: NOW });

/** The Iris KNN pipeline: train, create the model of the trained job, batch-transform the CSV. */
export function irisKnnDag(): AirflowDag {
  const knn = new KNN({
    session: session(),
    role: ROLE,
    instanceCount: 1,
    instanceType: 'ml.m5.large',
    k: 3,
    sampleSize: 150,
    predictorType: 'classifier',
  });
  const inputs = new RecordSet({
    s3Data: `s3://${BUCKET}/iris-knn/train/.amazon.manifest`,
    numRecords: 150,
    featureDim: 4,
  });
  const training = trainingJob(knn, { inputs });
  // The model and the transform read the job's name from the train task's XCom.
  const from = { airflowTask: 'train', taskType: 'training', run: training.run } as const;
  const model = modelConfigFromEstimator(knn, { from, instanceType: 'ml.m5.large' });
  const transform = transformConfigFromEstimator(knn, {
    from,
    modelName: model.ModelName,
    instanceCount: 1,
    instanceType: 'ml.m5.large',
    data: `s3://${BUCKET}/iris-knn/batch/iris.csv`,
    contentType: 'text/csv',
    splitType: 'Line',
  });
  return toAirflowDag(
    [
      { taskId: 'train', config: training.config },
      { taskId: 'model', config: model },
      { taskId: 'transform', config: transform },
    ],
    { dagId: 'iris_knn', startDate: '2024-01-01', tags: ['sagemaker', 'iris'] },
  );
}

/** The recommender: tune Factorization Machines daily, then the best model and a batch transform. */
export function recommenderDag(): AirflowDag {
  const fm = new FactorizationMachines({
    session: session(),
    role: ROLE,
    instanceCount: 1,
    instanceType: 'ml.c5.xlarge',
    numFactors: 64,
    predictorType: 'binary_classifier',
    epochs: 25,
  });
  const tuner = new HyperparameterTuner({
    estimator: fm,
    objectiveMetricName: 'test:binary_classification_accuracy',
    objectiveType: 'Maximize',
    hyperparameterRanges: {
      factors_lr: new ContinuousParameter(0.0001, 0.1),
      factors_init_sigma: new ContinuousParameter(0.0001, 1),
      num_factors: new IntegerParameter(32, 128),
    },
    maxJobs: 20,
    // The provider casts MaxParallelTrainingJobs back to int, so it may be a template.
    maxParallelJobs: '{{ params.parallel }}',
  });
  const data = `s3://${BUCKET}/fm-recommender`;
  const tuning = tuningJob(tuner, {
    inputs: [
      new RecordSet({
        s3Data: `${data}/train/`,
        numRecords: 90_570,
        featureDim: 2_625,
        s3DataType: 'S3Prefix',
      }),
      new RecordSet({
        s3Data: `${data}/test/`,
        numRecords: 9_430,
        featureDim: 2_625,
        s3DataType: 'S3Prefix',
        channel: 'test',
      }),
    ],
    jobName: 'fm-{{ ds_nodash }}',
  });
  const run = tuning.runs.get(fm);
  // The model of the tuning task's best training job.
  const from = { airflowTask: 'tune', taskType: 'tuning', ...(run && { run }) } as const;
  const model = modelConfigFromEstimator(fm, { from, name: 'fm-recommender-{{ ds_nodash }}' });
  const transform = transformConfigFromEstimator(fm, {
    from,
    modelName: 'fm-recommender-{{ ds_nodash }}',
    instanceCount: 1,
    instanceType: 'ml.m5.large',
    data: `${data}/batch/`,
    contentType: 'application/x-recordio-protobuf',
    splitType: 'RecordIO',
    strategy: 'MultiRecord',
    outputPath: `${data}/predictions/{{ ds }}/`,
  });
  return toAirflowDag(
    [
      // The tuning trigger checks 480 times: every 10 minutes, that waits up to 80 hours.
      { taskId: 'tune', config: tuning.config, checkIntervalSeconds: 600 },
      { taskId: 'model', config: model },
      // A transform job has no stopping condition: the deferred wait is sized by this limit.
      { taskId: 'transform', config: transform, maxIngestionTimeSeconds: 4 * 3600 },
    ],
    {
      dagId: 'fm_recommender',
      startDate: '2024-01-01',
      schedule: '@daily',
      deferrable: true,
      tags: ['sagemaker', 'recommender'],
    },
  );
}

/** A context like the one Airflow gives each DAG's templates, with the XComs of finished tasks. */
export const CONTEXTS: Readonly<Record<string, CheckContext>> = {
  iris_knn: {
    vars: { ds: '2024-01-01', ds_nodash: '20240101' },
    xcom: { train: { Training: { TrainingJobName: 'knn-2024-01-01-00-00-00-000' } } },
  },
  fm_recommender: {
    vars: { ds: '2024-01-02', ds_nodash: '20240102', params: { parallel: '4' } },
    xcom: {
      tune: {
        Tuning: {
          BestTrainingJob: { TrainingJobName: 'fm-20240102-017-4a5b6c7d' },
          TrainingJobDefinition: { StaticHyperParameters: { sagemaker_job_name: '"fm-20240102"' } },
        },
      },
    },
  },
};

/** Writes both DAG files to `folder` and checks each; returns the files and the reports. */
export function main(
  folder = 'airflow-dags',
  print: (line: string) => void = (line) => {
    console.log(line);
  },
): { dag: AirflowDag; file: string; report: CheckReport }[] {
  mkdirSync(folder, { recursive: true });
  return [irisKnnDag(), recommenderDag()].map((dag) => {
    const file = resolve(join(folder, dag.fileName));
    writeFileSync(file, dag.source);
    const report = checkDagFile(file, CONTEXTS[dag.dagId]);
    print(`# ${file}: ${report.tasks.length} tasks checked`);
    for (const task of report.tasks) {
      const after = task.upstream.length > 0 ? ` after ${task.upstream.join(', ')}` : '';
      print(`  ${task.task_id}: ${task.operator}${after}`);
    }
    for (const warning of dag.warnings) print(`  warning: ${warning}`);
    return { dag, file, report };
  });
}

// Run only as a script (`tsx examples/airflowDags.ts`), not when a test imports it.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main(process.argv[2]);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
