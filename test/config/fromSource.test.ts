/** The `from` option of the `*FromEstimator` builders: a run of this estimator, or an Airflow task. */
import { describe, expect, it } from 'vitest';
import {
  createSession,
  Estimator,
  isTrainingRun,
  isValidationError,
  KNN,
  LDA,
  modelConfigFromEstimator,
  RecordSet,
  trainingJob,
  tuningConfig,
  tuningJob,
  type TrainingRun,
} from '../../src/index.js';
import { HyperparameterTuner, IntegerParameter } from '../../src/estimators/tuner/index.js';

const session = createSession({
  region: 'us-west-2',
  defaultBucket: 'bucket',
  now: () => 1_700_000_000.5,
  timeZone: 'utc',
});
const estimator = (): Estimator =>
  new Estimator({
    session,
    role: 'r',
    imageUri: 'team/algo:1',
    instanceCount: 1,
    instanceType: 'ml.m5.large',
  });

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('from: a TrainingRun', () => {
  it("names the model's artifacts after the run's job", () => {
    // GIVEN an estimator's training job
    const est = estimator();
    const job = trainingJob(est, { jobName: 'job-1' });
    // WHEN its model config is built from the run
    const model = modelConfigFromEstimator(est, { from: job.run });
    // THEN the artifacts are the run's, and the model name is typed as a string
    expect(model.PrimaryContainer?.ModelDataUrl).toBe('s3://bucket/job-1/output/model.tar.gz');
    expect(model.ModelName).toBe('algo-2023-11-14-22-13-20-5');
    expect(isTrainingRun(job.run)).toBe(true);
  });

  it('refuses the run of another estimator with a ValidationError on `from`', () => {
    // GIVEN two estimators and the run of the first
    const first = estimator();
    const second = estimator();
    const { run } = trainingJob(first, { jobName: 'job-1' });
    // WHEN the second's model is built from the first's run
    const error = thrown(() => modelConfigFromEstimator(second, { from: run }));
    // THEN it is refused, naming the option
    expect(isValidationError(error) && error.option).toBe('from');
  });

  it('refuses a copy of a run, and a run of another estimator beside an Airflow task', () => {
    const est = estimator();
    const { run } = trainingJob(est, { jobName: 'job-1' });
    const copy = { ...run } as TrainingRun;
    expect(isTrainingRun(copy)).toBe(false);
    const error = thrown(() => modelConfigFromEstimator(est, { from: copy }));
    expect(isValidationError(error) && error.option).toBe('from');
    const other = trainingJob(estimator(), { jobName: 'job-2' }).run;
    const withTask = thrown(() =>
      modelConfigFromEstimator(est, {
        from: { airflowTask: 'train', taskType: 'training', run: other },
      }),
    );
    expect(isValidationError(withTask) && withTask.option).toBe('from.run');
  });
});

describe('from: an Airflow task', () => {
  it("reads the job name from the task's XCom, and refuses an unknown task type", () => {
    const est = new Estimator({
      session,
      role: 'r',
      imageUri: 'team/algo:1',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      outputPath: 's3://out/',
    });
    const model = modelConfigFromEstimator(est, {
      from: { airflowTask: 'train', taskType: 'training' },
    });
    expect(model.PrimaryContainer?.ModelDataUrl).toBe(
      "s3://out/{{ ti.xcom_pull(task_ids='train')['Training']['TrainingJobName'] }}/output/model.tar.gz",
    );
    const error = thrown(() =>
      modelConfigFromEstimator(est, {
        from: { airflowTask: 'train', taskType: 'bogus' as 'training' },
      }),
    );
    expect(isValidationError(error) && error.option).toBe('from.taskType');
  });
});

describe('tuningJob', () => {
  const records = new RecordSet({ s3Data: 's3://bucket/train/', numRecords: 100, featureDim: 8 });
  const lda = (): LDA =>
    new LDA({ session, role: 'r', instanceCount: 1, instanceType: 'ml.c4.xlarge', numTopics: 5 });
  const tuner = (est: LDA): HyperparameterTuner =>
    new HyperparameterTuner({
      estimator: est,
      objectiveMetricName: 'test:pwll',
      hyperparameterRanges: { alpha0: new IntegerParameter(1, 10) },
      maxJobs: 2,
    });

  it("passes a single estimator's miniBatchSize to the algorithm, where tuningConfig reproduces Python's slip", () => {
    // GIVEN an LDA tuner (LDA requires a mini-batch size)
    const est = lda();
    // WHEN the Python builder gets one THEN it fails as Python does (it lands in the job name slot)
    expect(() => tuningConfig(tuner(est), { inputs: records, miniBatchSize: 10 })).toThrow();
    // AND the corrected path builds the job with it
    const job = tuningJob(tuner(est), { inputs: records, miniBatchSize: 10 });
    const statics = job.config.TrainingJobDefinition?.StaticHyperParameters;
    expect(statics?.mini_batch_size).toBe('10');
    expect(job.runs.get(est)?.hyperparameters.mini_batch_size).toBe('10');
  });

  it('gives each tuned estimator a run branded with it', () => {
    const est = new KNN({
      session,
      role: 'r',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      k: 3,
      sampleSize: 10,
      predictorType: 'classifier',
    });
    const t = new HyperparameterTuner({
      estimator: est,
      objectiveMetricName: 'test:accuracy',
      hyperparameterRanges: { k: new IntegerParameter(1, 10) },
      maxJobs: 2,
    });
    const run = tuningJob(t, { inputs: records }).runs.get(est);
    expect(run && isTrainingRun(run)).toBe(true);
    const model = modelConfigFromEstimator(est, {
      from: { airflowTask: 'tune', taskType: 'tuning', ...(run && { run }) },
    });
    expect(model.PrimaryContainer?.ModelDataUrl).toContain("task_ids='tune'");
  });
});
