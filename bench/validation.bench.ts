/**
 * Pre-submit checks: configs validated per second for a typical training config (the KNN config
 * the Iris example submits), and the cost of coercion and template rendering around it.
 */
import type { BenchContext } from './support.js';
import { Bench } from 'tinybench';
import { renderTemplates } from '../src/operators/templating/index.js';
import { coerceConfig, validateConfig } from '../src/operators/validation/index.js';

const training = {
  AlgorithmSpecification: {
    TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1',
    TrainingInputMode: 'File',
  },
  OutputDataConfig: { S3OutputPath: 's3://bucket/prefix/' },
  StoppingCondition: { MaxRuntimeInSeconds: 86400 },
  ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
  RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
  InputDataConfig: [
    {
      DataSource: {
        S3DataSource: {
          S3DataType: 'S3Prefix',
          S3Uri: 's3://bucket/prefix/train',
          S3DataDistributionType: 'ShardedByS3Key',
        },
      },
      ChannelName: 'train',
    },
  ],
  HyperParameters: {
    feature_dim: '4',
    k: '3',
    predictor_type: 'classifier',
    mini_batch_size: '10',
  },
  TrainingJobName: 'knn-2024-01-01-00-00-00-000',
  Tags: [{ Key: 'team', Value: 'ml' }],
};
const templated = {
  ...training,
  TrainingJobName: 'knn-{{ ds_nodash }}',
  ResourceConfig: { ...training.ResourceConfig, InstanceCount: '{{ params.count }}' },
};
const context = { ds_nodash: '20240101', params: { count: 2 } };

export default async function bench(run: BenchContext): Promise<void> {
  if (validateConfig('training', training).length !== 0) throw new Error('bench config is invalid');
  const b = new Bench({ time: run.quick ? 50 : 1000 });
  b.add('validateConfig(training)', () => {
    validateConfig('training', training);
  })
    .add('coerceConfig(training)', () => {
      coerceConfig('training', training);
    })
    .add('render + coerce + validate (2 templates)', () => {
      validateConfig('training', coerceConfig('training', renderTemplates(templated, context)));
    });
  await b.run();
  for (const task of b.tasks) {
    const r = task.result;
    if (!r) continue;
    console.log(
      `${task.name.padEnd(44)} ${Math.round(r.throughput.mean).toLocaleString('en-US').padStart(10)} ops/s  (mean ${(r.latency.mean * 1000).toFixed(1)} µs, p99 ${((r.latency.p99 ?? Number.NaN) * 1000).toFixed(1)} µs)`,
    );
  }
}
