/**
 * The loops of the configs bench, in their own module so that they can run both in the bench's
 * process and bundled in a child (bench/configs.bench.ts): a new KNN estimator, its training job
 * and the transform config from it, as the Iris example builds them; and the same pipeline of a
 * generic estimator with 1, 10 and 100 hyperparameters (the API's limit), for the cost of each.
 */
import {
  createSession,
  Estimator,
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

/** Hyperparameter counts {@link hyperparameterCosts} measures: one, ten and the API's limit. */
export const HYPERPARAMETER_COUNTS = [1, 10, 100] as const;

/**
 * CPU microseconds per generic-estimator pipeline (estimator, training job, transform config)
 * with each of {@link HYPERPARAMETER_COUNTS} hyperparameters (half strings, half numbers, from
 * parsed JSON), then with the largest count assigned one by one to an empty object, `rounds`
 * rounds of `roundMs` each, the pipelines taking turns within a round. V8 keeps a record built by
 * assignment past a few dozen keys as a hash table, which is slower to copy than the parsed one.
 */
export function hyperparameterCosts(rounds: number, roundMs: number): number[][] {
  const session = createSession({
    region: 'us-east-2',
    defaultBucket: 'bucket',
    now: () => 1_700_000_000.123,
  });
  const assigned = (count: number) => {
    const values: Record<string, string | number> = {};
    for (let i = 0; i < count; i++) values[`param_${i}`] = i % 2 ? i : `value-${i}`;
    return values;
  };
  const records = [
    ...HYPERPARAMETER_COUNTS.map(
      (count) => JSON.parse(JSON.stringify(assigned(count))) as Record<string, string | number>,
    ),
    assigned(Math.max(...HYPERPARAMETER_COUNTS)),
  ];
  const pipelines = records.map((hyperparameters) => {
    return () => {
      const estimator = new Estimator({
        session,
        role: 'arn:aws:iam::123456789012:role/SageMakerRole',
        imageUri: '123456789012.dkr.ecr.us-east-2.amazonaws.com/algo:1',
        instanceCount: 1,
        instanceType: 'ml.m5.large',
        hyperparameters,
      });
      const training = trainingJob(estimator, { inputs: 's3://bucket/train' });
      return transformConfigFromEstimator(estimator, {
        from: training.run,
        instanceCount: 1,
        instanceType: 'ml.m5.large',
        data: 's3://bucket/batch',
      });
    };
  });
  for (const pipeline of pipelines) for (let i = 0; i < 1_000; i++) pipeline(); // warm-up
  const costs = pipelines.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    pipelines.forEach((pipeline, index) => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      let n = 0;
      while (performance.now() - start < roundMs) {
        for (let i = 0; i < 20; i++) pipeline();
        n += 20;
      }
      const used = process.cpuUsage(cpu);
      costs[index]?.push((used.user + used.system) / n);
    });
  }
  return costs;
}
