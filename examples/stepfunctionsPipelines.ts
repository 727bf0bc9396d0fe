/**
 * The two pipelines of the Step Functions example, as workflow steps built with our builders:
 *
 * - Iris KNN: train, create the model, batch-transform, deploy an endpoint;
 * - the Factorization Machines recommender's train-or-tune branch: a Choice on the execution
 *   input's `tune`, then either a training job or a tuning job, and the model of its result;
 * - a scikit-learn script trained and its model (code to upload: the CDK part of the example).
 *
 * Builders only: no network, no upload. Used by `examples/stepfunctions.ts` and its tests.
 */
import {
  FactorizationMachines,
  KNN,
  RecordSet,
  createSession,
  deployConfigFromEstimator,
  modelConfigFromEstimator,
  trainingJob,
  tuningJob,
  transformConfigFromEstimator,
} from 'sagemaker-workflow';
import {
  ContinuousParameter,
  HyperparameterTuner,
  IntegerParameter,
} from 'sagemaker-workflow/tuner';
import { SKLearn } from 'sagemaker-workflow/frameworks';
import type { WorkflowStep } from 'sagemaker-workflow/stepfunctions';

/** Region, bucket and role of the pipelines (the account is a placeholder). */
export const REGION = 'us-east-2';
export const BUCKET = 'sagemaker-us-east-2-123456789012';
export const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** Options of the pipeline builders. */
export interface PipelineOptions {
  /** Seconds since the epoch, for the builders' names. @default - the system clock */
  readonly now?: () => number;
}

function session(options: PipelineOptions) {
  return createSession({
    region: REGION,
    defaultBucket: BUCKET,
    now: options.now ?? (() => Date.now() / 1000),
  });
}

/** The Iris KNN pipeline: train → model → batch transform → endpoint. */
export function irisKnnSteps(options: PipelineOptions = {}): WorkflowStep[] {
  const knn = new KNN({
    session: session(options),
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
  const prepared = trainingJob(knn, { inputs });
  // The later steps read the training job through Airflow's XCom templates of task 'train'.
  const from = {
    from: { airflowTask: 'train', taskType: 'training', run: prepared.run },
  } as const;
  const model = modelConfigFromEstimator(knn, { ...from, instanceType: 'ml.m5.large' });
  return [
    { id: 'train', type: 'training', config: prepared.config },
    { id: 'model', type: 'model', config: model },
    {
      id: 'transform',
      type: 'transform',
      config: transformConfigFromEstimator(knn, {
        ...from,
        modelName: model.ModelName,
        instanceCount: 1,
        instanceType: 'ml.m5.large',
        data: `s3://${BUCKET}/iris-knn/batch/iris.csv`,
        contentType: 'text/csv',
        splitType: 'Line',
      }),
    },
    {
      id: 'deploy',
      type: 'endpoint',
      config: deployConfigFromEstimator(knn, {
        ...from,
        initialInstanceCount: 1,
        instanceType: 'ml.m5.large',
        modelName: 'iris-knn-endpoint-model',
        endpointName: 'iris-knn',
      }),
    },
  ];
}

/**
 * The recommender's train-or-tune branch: with `{ "tune": true }` as the execution input a
 * tuning job searches the factors, else one training job runs; each branch creates its model.
 */
export function recommenderSteps(options: PipelineOptions = {}): WorkflowStep[] {
  const fm = new FactorizationMachines({
    session: session(options),
    role: ROLE,
    instanceCount: 1,
    instanceType: 'ml.c5.xlarge',
    numFactors: 64,
    predictorType: 'regressor',
    epochs: 10,
  });
  const inputs = new RecordSet({
    s3Data: `s3://${BUCKET}/recommender/train/.amazon.manifest`,
    numRecords: 100_000,
    featureDim: 2_625,
  });
  const training = trainingJob(fm, { inputs });
  const tuner = new HyperparameterTuner({
    estimator: fm,
    objectiveMetricName: 'test:rmse',
    objectiveType: 'Minimize',
    hyperparameterRanges: {
      factors_lr: new ContinuousParameter(1e-4, 0.1),
      factors_init_sigma: new ContinuousParameter(1e-3, 0.5),
      epochs: new IntegerParameter(5, 20),
    },
    maxJobs: 4,
    maxParallelJobs: 2,
  });
  const tuning = tuningJob(tuner, { inputs });
  const tunedRun = tuning.runs.get(fm);
  return [
    {
      id: 'trainOrTune',
      type: 'choice',
      branches: [
        {
          when: { Variable: '$.tune', BooleanEquals: true },
          steps: [
            { id: 'tune', type: 'tuning', config: tuning.config },
            {
              id: 'tunedModel',
              type: 'model',
              config: modelConfigFromEstimator(fm, {
                from: {
                  airflowTask: 'tune',
                  taskType: 'tuning',
                  ...(tunedRun ? { run: tunedRun } : {}),
                },
                instanceType: 'ml.c5.xlarge',
              }),
            },
          ],
        },
      ],
      otherwise: [
        { id: 'train', type: 'training', config: training.config },
        {
          id: 'trainedModel',
          type: 'model',
          config: modelConfigFromEstimator(fm, {
            from: { airflowTask: 'train', taskType: 'training', run: training.run },
            instanceType: 'ml.c5.xlarge',
          }),
        },
      ],
    },
  ];
}

/**
 * A scikit-learn script trained, then its model: the export uploads the script's tarball, which
 * the CDK construct turns into an S3 asset.
 */
export function sklearnSteps(entryPoint: string, options: PipelineOptions = {}): WorkflowStep[] {
  const sk = new SKLearn({
    session: session(options),
    role: ROLE,
    entryPoint,
    frameworkVersion: '1.2-1',
    instanceType: 'ml.m5.large',
  });
  const training = trainingJob(sk, { inputs: `s3://${BUCKET}/sklearn/train` });
  return [
    { id: 'train', type: 'training', config: training.config },
    {
      id: 'model',
      type: 'model',
      config: modelConfigFromEstimator(sk, {
        from: { airflowTask: 'train', taskType: 'training', run: training.run },
      }),
    },
  ];
}
