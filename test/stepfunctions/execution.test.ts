/**
 * Whole executions of exported state machines on aws-local-stepfunctions, every SageMaker task
 * run by our operators against the local SageMaker and S3 endpoints (in a Node 22 child process:
 * see scenario.ts).
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUCKET,
  REGION,
  ROLE,
  irisKnnSteps,
  recommenderSteps,
} from '../../examples/stepfunctionsPipelines.js';
import { createSession, modelConfigFromEstimator, tuningJob } from '../../src/index.js';
import { HyperparameterTuner, IntegerParameter } from '../../src/estimators/tuner/index.js';
import { SKLearn } from '../../src/estimators/frameworks/index.js';
import { toStateMachine } from '../../src/stepfunctions/index.js';
import { runScenario, type ScenarioResult } from './scenario.js';

const now = (): number => 1_790_000_000;
const TRAIN_PY = fileURLToPath(
  new URL('../parity/cases/fixtures/scripts/train.py', import.meta.url),
);

/** SKLearn tuned, then the model of the best job: code staged, and the `.strip('"')` path. */
function sklearnTuneSteps() {
  const sk = new SKLearn({
    session: createSession({ region: REGION, defaultBucket: BUCKET, now }),
    role: ROLE,
    entryPoint: TRAIN_PY,
    frameworkVersion: '1.2-1',
    instanceType: 'ml.m5.large',
  });
  const tuner = new HyperparameterTuner({
    estimator: sk,
    objectiveMetricName: 'validation:rmse',
    objectiveType: 'Minimize',
    hyperparameterRanges: { depth: new IntegerParameter(2, 8) },
    metricDefinitions: [{ Name: 'validation:rmse', Regex: 'rmse=(\\S+)' }],
    maxJobs: 2,
  });
  const tuning = tuningJob(tuner, { inputs: `s3://${BUCKET}/sk/train` });
  const run = tuning.runs.get(sk);
  return toStateMachine([
    { id: 'tune', type: 'tuning', config: tuning.config },
    {
      id: 'model',
      type: 'model',
      config: modelConfigFromEstimator(sk, {
        from: { airflowTask: 'tune', taskType: 'tuning', ...(run ? { run } : {}) },
      }),
    },
  ]);
}

const iris = toStateMachine(irisKnnSteps({ now }), { endpointPollSeconds: 5 });
const recommender = toStateMachine(recommenderSteps({ now }));
const sklearn = sklearnTuneSteps();

describe('executions on the local interpreter', () => {
  let result: ScenarioResult;
  let failing: ScenarioResult;

  beforeAll(async () => {
    [result, failing] = await Promise.all([
      runScenario({
        region: REGION,
        buckets: [BUCKET],
        s3Operations: sklearn.s3Operations,
        executions: [
          { name: 'iris-1', definition: iris.definition },
          { name: 'iris-2', definition: iris.definition },
          { name: 'rec-train', definition: recommender.definition, input: { tune: false } },
          { name: 'rec-tune', definition: recommender.definition, input: { tune: true } },
          { name: 'sk-tune', definition: sklearn.definition },
          {
            name: 'lambda',
            definition: {
              StartAt: 'L',
              States: {
                L: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:f', End: true },
              },
            },
          },
        ],
      }),
      runScenario({
        region: REGION,
        buckets: [BUCKET],
        behaviours: [
          {
            pattern: '^knn',
            behaviour: { outcome: 'Failed', failureReason: 'AlgorithmError: boom' },
          },
        ],
        executions: [{ name: 'iris-fails', definition: iris.definition }],
      }),
    ]);
  }, 240_000);

  it('runs in Node 22 or newer', () => {
    expect(Number(result.node.split('.')[0])).toBeGreaterThanOrEqual(22);
  });

  it('runs the Iris KNN pipeline to Succeeded, with every result in its XCom shape', () => {
    // GIVEN two executions of the Iris definition WHEN they ran THEN both succeeded
    const [first, second] = result.executions;
    expect(first?.status).toBe('SUCCEEDED');
    expect(second?.status).toBe('SUCCEEDED');
    if (first?.status !== 'SUCCEEDED') return;
    const polls = first.tasks.filter((t) => t === 'deploy:DescribeEndpoint').length;
    expect(first.tasks).toStrictEqual([
      'train',
      'model:CreateModel',
      'model:DescribeModel',
      'transform',
      'transform:DescribeModel',
      'deploy:CreateModel',
      'deploy:CreateEndpointConfig',
      'deploy:CreateEndpoint',
      ...Array<string>(polls).fill('deploy:DescribeEndpoint'),
      'deploy:DescribeEndpointConfig',
    ]);
    // AND the endpoint went round the Wait loop while it was Creating
    expect(polls).toBeGreaterThan(1);
    const out = first.output as any;
    expect(out.train.Training.TrainingJobStatus).toBe('Completed');
    expect(out.transform.Transform.TransformJobStatus).toBe('Completed');
    expect(out.transform.Model.ModelName).toBe(out.model.Model.ModelName);
    expect(out.deploy.Endpoint.EndpointStatus).toBe('InService');
    expect(out.deploy.EndpointConfig.EndpointConfigName).toBe(
      out.deploy.Endpoint.EndpointConfigName,
    );
    // AND the model read the artifacts of the job that really ran (the XCom template's JSONPath)
    const trained = out.train.Training.TrainingJobName as string;
    expect(out.model.Model.PrimaryContainer.ModelDataUrl).toBe(
      `s3://${BUCKET}/${trained}/output/model.tar.gz`,
    );
  });

  it('names every resource per execution, so a second execution never collides', () => {
    // GIVEN the two Iris executions THEN two training jobs, each the builder's name plus a token
    const jobs = result.created.training.filter((n) => n.startsWith('knn-'));
    expect(jobs).toHaveLength(2);
    expect(new Set(jobs).size).toBe(2);
    for (const name of jobs) expect(name).toMatch(/^knn-[\w-]+-[0-9a-f]{8}$/);
    expect(result.created.endpoint.filter((n) => n.startsWith('iris-knn-'))).toHaveLength(2);
    for (const names of Object.values(result.created)) {
      for (const name of names) expect(name.length).toBeLessThanOrEqual(63);
    }
  });

  it('takes the recommender branch the input asks for', () => {
    // GIVEN tune false, then tune true
    const [train, tune] = result.executions.slice(2, 4);
    // THEN the first trained one job and the second tuned, each creating its model
    expect(train?.tasks).toStrictEqual([
      'train',
      'trainedModel:CreateModel',
      'trainedModel:DescribeModel',
    ]);
    expect(tune?.tasks).toStrictEqual([
      'tune',
      'tunedModel:CreateModel',
      'tunedModel:DescribeModel',
    ]);
    expect(tune?.status).toBe('SUCCEEDED');
    if (tune?.status !== 'SUCCEEDED') return;
    const out = tune.output as any;
    expect(out.tunedModel.Model.PrimaryContainer.ModelDataUrl).toBe(
      `s3://${BUCKET}/${out.tune.Tuning.BestTrainingJob.TrainingJobName}/output/model.tar.gz`,
    );
    expect(result.created.tuning.every((n) => n.length <= 32)).toBe(true);
  });

  it('stages the code before the run and unquotes the tuning job name with StringToJson', () => {
    // GIVEN the SKLearn tuning pipeline, its code staged by stageUploads
    const upload = sklearn.s3Operations.S3Upload[0];
    expect(upload?.Tar).toBe(true);
    expect(result.objects).toContain(`${upload?.Bucket}/${upload?.Key}`);
    const run = result.executions[4];
    expect(run?.status).toBe('SUCCEEDED');
    if (run?.status !== 'SUCCEEDED') return;
    // THEN the model's submit directory is the staged archive, from the .strip('"') template
    const out = run.output as any;
    expect(out.model.Model.PrimaryContainer.Environment.SAGEMAKER_SUBMIT_DIRECTORY).toBe(
      `s3://${upload?.Bucket}/${upload?.Key}`,
    );
  });

  it('refuses a task it does not map instead of calling AWS', () => {
    expect(result.refused?.code).toBe('UNMAPPED_TASK');
    expect(result.refused?.message).toContain('arn:aws:lambda:us-east-1:1:function:f');
    expect(result.executions).toHaveLength(5);
  });

  it('fails the execution when a job fails', () => {
    // GIVEN KNN training jobs that fail WHEN the Iris pipeline runs THEN it fails at train
    const [run] = failing.executions;
    expect(run?.status).toBe('FAILED');
    if (run?.status !== 'FAILED') return;
    expect(run.tasks).toStrictEqual(['train']);
    expect(run.cause).toContain('AlgorithmError: boom');
    expect(failing.created.model).toStrictEqual([]);
  });
});
