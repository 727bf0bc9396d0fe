/**
 * Config builders: configs per second for a training + transform pipeline (tinybench), and the
 * cold process time of building and printing one training config next to a bare `node -e ''`.
 */
import { resolve } from 'node:path';
import { Bench } from 'tinybench';
import {
  createSession,
  Estimator,
  trainingJob,
  transformConfigFromEstimator,
} from '../src/index.js';
import { bundle, fmt, medianProcessMs } from './support.js';

export default async function configsBench(): Promise<void> {
  const session = createSession({
    region: 'us-east-2',
    defaultBucket: 'bucket',
    now: () => 1_700_000_000.123,
  });
  const pipeline = () => {
    const est = new Estimator({
      session,
      role: 'arn:aws:iam::123456789012:role/SageMakerRole',
      imageUri: '404615174143.dkr.ecr.us-east-2.amazonaws.com/knn:1',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      hyperparameters: { k: 3, feature_dim: 4, sample_size: 150, predictor_type: 'classifier' },
    });
    const training = trainingJob(est, { inputs: { train: 's3://bucket/train' } });
    return transformConfigFromEstimator(est, {
      from: { airflowTask: 'train', taskType: 'training', run: training.run },
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      data: 's3://bucket/batch',
      contentType: 'text/csv',
      splitType: 'Line',
    });
  };
  const bench = new Bench({ time: 1000 });
  bench.add('training + transform pipeline', pipeline);
  await bench.run();
  for (const task of bench.tasks) {
    const hz =
      task.result?.throughput?.mean ??
      (task.result as unknown as { hz?: number } | undefined)?.hz ??
      0;
    console.log(`${task.name}: ${fmt(hz, 0)} pipelines/s (${fmt(hz * 2, 0)} configs/s)`);
  }

  const root = resolve(import.meta.dirname, '..');
  const { file, bytes } = await bundle(`
    import { createSession, Estimator, trainingConfig } from ${JSON.stringify(`${root}/src/index.ts`)};
    const session = createSession({ region: 'us-east-2', defaultBucket: 'bucket' });
    const est = new Estimator({ session, role: 'arn:aws:iam::123456789012:role/R', imageUri: 'algo:1', instanceCount: 1, instanceType: 'ml.m5.large' });
    console.log(JSON.stringify(trainingConfig(est, { inputs: 's3://bucket/train' })));
  `);
  const [bare = 0, one = 0] = medianProcessMs([['-e', ''], [file]]);
  console.log(
    `cold process, build and print one training config: ${fmt(one)} ms vs bare node ${fmt(bare)} ms (${fmt(one / bare, 2)}x); bundle ${fmt(bytes / 1024)} KB minified`,
  );
}
