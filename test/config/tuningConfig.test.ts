import { describe, expect, it } from 'vitest';
import {
  createSession,
  Estimator,
  modelConfigFromEstimator,
  tuningConfig,
  tuningJob,
} from '../../src/index.js';
import { ContinuousParameter, HyperparameterTuner } from '../../src/estimators/tuner/index.js';

const session = createSession({
  region: 'us-west-2',
  defaultBucket: 'bucket',
  now: () => 1_700_000_000.5,
  timeZone: 'utc',
});
const estimator = new Estimator({
  session,
  role: 'r',
  imageUri: 'team/algo:1',
  instanceCount: 1,
  instanceType: 'ml.m5.large',
});
const tuner = new HyperparameterTuner({
  estimator,
  objectiveMetricName: 'validation:loss',
  objectiveType: 'Minimize',
  hyperparameterRanges: { lr: new ContinuousParameter(1e-5, 0.1) },
  maxJobs: 4,
});

describe('tuningJob', () => {
  it('returns the same config as tuningConfig, named with the short timestamp', () => {
    // GIVEN a tuner WHEN its job is prepared THEN the config is tuningConfig's
    const prepared = tuningJob(tuner, { inputs: 's3://bucket/train' });
    expect(prepared.config).toStrictEqual(tuningConfig(tuner, { inputs: 's3://bucket/train' }));
    expect(prepared.config.HyperParameterTuningJobName).toBe('algo-231114-2213');
    expect(
      prepared.config.HyperParameterTuningJobConfig?.ParameterRanges?.ContinuousParameterRanges,
    ).toStrictEqual([{ Name: 'lr', MinValue: '1e-05', MaxValue: '0.1', ScalingType: 'Auto' }]);
  });

  it('hands each estimator its run, so a later task can build the model of the best job', () => {
    // GIVEN the run of the tuned estimator (Python keeps its output path on the estimator)
    const { runs } = tuningJob(tuner, { inputs: 's3://bucket/train' });
    const run = runs.get(estimator);
    expect(run?.outputPath).toBe('s3://bucket/');
    // WHEN the model config of the tuning task's best job is built
    const model = modelConfigFromEstimator(estimator, {
      from: { airflowTask: 'tune', taskType: 'tuning', ...(run && { run }) },
    });
    // THEN its artifacts are the best training job's, under the run's output path
    expect(model.PrimaryContainer?.ModelDataUrl).toBe(
      "s3://bucket/{{ ti.xcom_pull(task_ids='tune')['Tuning']['BestTrainingJob']['TrainingJobName'] }}/output/model.tar.gz",
    );
    // AND without the run the output path is unknown, so the builder refuses as Python would
    expect(() =>
      modelConfigFromEstimator(estimator, { from: { airflowTask: 'tune', taskType: 'tuning' } }),
    ).toThrow(/outputPath/);
  });
});
