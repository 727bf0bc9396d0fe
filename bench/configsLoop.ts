/**
 * The loop of the configs bench, in its own module so that it can run both in the bench's
 * process and bundled in a child (bench/configs.bench.ts): a new KNN estimator, its training job
 * and the transform config from it, as the Iris example builds them.
 */
import {
  createSession,
  KNN,
  RecordSet,
  trainingJob,
  transformConfigFromEstimator,
} from '../src/index.js';

/** Pipelines per wall and per CPU second in `rounds` rounds of `roundMs`, after a warm-up. */
export function pipelineRates(
  rounds: number,
  roundMs: number,
): { perSecond: number[]; perCpuSecond: number[] } {
  const session = createSession({
    region: 'us-east-2',
    defaultBucket: 'bucket',
    now: () => 1_700_000_000.123,
  });
  const inputs = new RecordSet({
    s3Data: 's3://bucket/iris/train/.amazon.manifest',
    numRecords: 150,
    featureDim: 4,
  });
  const pipeline = () => {
    const knn = new KNN({
      session,
      role: 'arn:aws:iam::123456789012:role/SageMakerRole',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      k: 3,
      sampleSize: 150,
      predictorType: 'classifier',
    });
    const training = trainingJob(knn, { inputs });
    return transformConfigFromEstimator(knn, {
      from: training.run,
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      data: 's3://bucket/batch',
      contentType: 'text/csv',
      splitType: 'Line',
    });
  };
  for (let i = 0; i < 2_000; i++) pipeline(); // warm-up
  const perSecond: number[] = [];
  const perCpuSecond: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < roundMs) {
      for (let i = 0; i < 100; i++) pipeline();
      n += 100;
    }
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    perSecond.push(n / seconds);
    perCpuSecond.push(n / ((used.user + used.system) / 1e6));
  }
  return { perSecond, perCpuSecond };
}
