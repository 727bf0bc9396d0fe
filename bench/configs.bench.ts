/**
 * Config builders: KNN training + transform pipelines per second (a new estimator, its training
 * config and the transform config from it, as the Iris example builds them), through the public
 * API. Several timed rounds of a fixed length; no floor, the figure is compared with earlier runs.
 */
import {
  createSession,
  KNN,
  RecordSet,
  trainingJob,
  transformConfigFromEstimator,
} from '../src/index.js';
import { fmtStats, stats, type BenchContext } from './support.js';

export default async function configsBench(context: BenchContext): Promise<void> {
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
  const roundMs = context.quick ? 100 : 500;
  const rounds = context.quick ? 3 : 9;
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
    await new Promise((resolve) => setImmediate(resolve));
  }
  const wall = stats(perSecond);
  const cpu = stats(perCpuSecond);
  console.log(
    `KNN training + transform pipelines/s: ${fmtStats(wall)} per wall second, ${fmtStats(cpu)} per CPU-second (${rounds} rounds of ${roundMs} ms)`,
  );
  context.report({
    figure: 'KNN training + transform pipelines/s (per CPU-s)',
    unit: '/s',
    ours: cpu,
    better: 'higher',
    goal: '≥ 1.5× 25,634 (38,451)',
  });
}
