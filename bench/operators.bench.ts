/**
 * Operators against the local endpoints: whole runs per second (validate, create, wait through
 * three Describe polls, with the config-hash checks), a re-run that attaches, and a source dir of
 * 200 files tarred and uploaded to the local S3 server. The numbers are the library's own overhead
 * plus loopback HTTP: a real job's time is SageMaker's.
 */
import type { BenchContext } from './support.js';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Bench } from 'tinybench';
import { silentLogger } from '../src/operators/logger.js';
import { runTrainingJob } from '../src/operators/runTrainingJob.js';
import { runS3Operations } from '../src/operators/s3Operations.js';
import { startLocalS3 } from '../src/testing/index.js';
import { startLocalSageMaker } from '../src/testing/index.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const training = (name: string) =>
  ({
    TrainingJobName: name,
    AlgorithmSpecification: {
      TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1',
      TrainingInputMode: 'File',
    },
    RoleArn: ROLE,
    OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
    ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 86400 },
    HyperParameters: { k: '5', feature_dim: '4' },
  }) as const;

export default async function bench(context: BenchContext): Promise<void> {
  // each Describe advances the simulated clock 30 s: a 60 s job needs three polls
  const local = await startLocalSageMaker({ autoAdvanceSeconds: 30 });
  const s3server = await startLocalS3({ buckets: ['bench-bucket'] });
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const sagemaker = new SageMakerClient({ endpoint: local.url, region: 'us-east-1', credentials });
  const s3 = new S3Client(s3server.clientConfig);
  const dir = await mkdtemp(join(tmpdir(), 'ops-bench-'));
  for (let d = 0; d < 10; d += 1) {
    await mkdir(join(dir, `pkg${d}`), { recursive: true });
    for (let f = 0; f < 20; f += 1) {
      await writeFile(
        join(dir, `pkg${d}`, `mod${f}.py`),
        `# module ${d}.${f}\n${'x = 1\n'.repeat(200)}`,
      );
    }
  }

  let n = 0;
  const options = { checkIntervalSeconds: 0.001, logger: silentLogger };
  const b = new Bench(
    context.quick ? { time: 50, warmupTime: 10 } : { time: 1500, warmupTime: 200 },
  );
  b.add('runTrainingJob: create + 3 polls until Completed', async () => {
    n += 1;
    await runTrainingJob(training(`bench-${n}`), { sagemaker }, options);
  });
  await runTrainingJob(training('bench-attach'), { sagemaker }, options);
  b.add('runTrainingJob: re-run that attaches to a finished job', async () => {
    await runTrainingJob(training('bench-attach'), { sagemaker }, options);
  });
  let u = 0;
  b.add('S3Upload: tar.gz of a 200-file source dir (~240 KB) to local S3', async () => {
    u += 1;
    await runS3Operations(
      {
        S3Upload: [
          { Path: dir, Bucket: 'bench-bucket', Key: `code/${u}/sourcedir.tar.gz`, Tar: true },
        ],
      },
      s3,
      { logger: silentLogger },
    );
  });
  await b.run();
  console.table(b.table());

  sagemaker.destroy();
  s3.destroy();
  await rm(dir, { recursive: true, force: true });
  await s3server.close();
  await local.close();
}
