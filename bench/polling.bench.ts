/**
 * SageMaker API calls while `runTrainingJob` waits on a one-hour job (and a few a little longer), with the default options,
 * counted in the local endpoint's call log. The operators sleep on a clock that moves the
 * endpoint's simulated clock, so a job-hour takes milliseconds. The floor is the number of status
 * checks of a capped backoff from 30 s to 120 s over the same hour (the first check at once),
 * computed in the same run; the lateness is how long after the job's end the wait noticed it.
 */
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { runTrainingJob, silentLogger, type OperatorClock } from '../src/operators/index.js';
import { startLocalSageMaker } from '../src/testing/index.js';
import { fmtStats, stats, type BenchContext } from './support.js';

const JOB_SECONDS = 3600;

/** Status checks of a backoff doubling from `first` to `cap` seconds until `seconds` have passed. */
function cappedBackoffChecks(seconds: number, first: number, cap: number): number {
  let checks = 1;
  let waited = 0;
  for (let delay = first; waited < seconds; delay = Math.min(cap, delay * 2)) {
    waited += delay;
    checks += 1;
  }
  return checks;
}

export default async function bench(context: BenchContext): Promise<void> {
  const local = await startLocalSageMaker({ jobDurationSeconds: JOB_SECONDS });
  const sagemaker = new SageMakerClient({
    endpoint: local.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const clock: OperatorClock = {
    now: () => local.now(),
    sleep: (ms) => {
      local.advance(ms / 1000);
      return Promise.resolve();
    },
  };
  const jobs = context.quick ? 1 : 5;
  const calls: number[] = [];
  const describes: number[] = [];
  const lateSeconds: number[] = [];
  try {
    for (let j = 0; j < jobs; j++) {
      // The first job takes exactly an hour; the others end between two checks.
      const seconds = JOB_SECONDS + j * 47;
      local.setBehaviour(`poll-bench-${j}`, { durationSeconds: seconds });
      const before = local.requests.length;
      const describedBefore = local.count('DescribeTrainingJob');
      const started = local.now();
      await runTrainingJob(
        {
          TrainingJobName: `poll-bench-${j}`,
          AlgorithmSpecification: {
            TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1',
            TrainingInputMode: 'File',
          },
          RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
          OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
          ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
          StoppingCondition: { MaxRuntimeInSeconds: 86400 },
          HyperParameters: { k: '5', feature_dim: '4' },
        },
        { sagemaker },
        { clock, logger: silentLogger },
      );
      calls.push(local.requests.length - before);
      describes.push(local.count('DescribeTrainingJob') - describedBefore);
      lateSeconds.push((local.now() - started) / 1000 - seconds);
    }
  } finally {
    sagemaker.destroy();
    await local.close();
  }
  const floor = cappedBackoffChecks(JOB_SECONDS, 30, 120);
  const fixed = cappedBackoffChecks(JOB_SECONDS, 30, 30);
  console.log(
    `one-hour training job, default options: ${fmtStats(stats(calls))} SageMaker calls, ${fmtStats(stats(describes))} of them DescribeTrainingJob; end noticed ${fmtStats(stats(lateSeconds))} s late (${jobs} jobs). A Describe every 30 s: ${fixed}; capped backoff 30→120 s: ${floor}.`,
  );
  context.report({
    figure: 'SageMaker API calls while waiting on a 1-hour job',
    unit: 'calls',
    ours: stats(calls),
    floor: { name: 'capped backoff 30 s → 120 s, computed', value: stats([floor]) },
    better: 'lower',
    goal: `≤ 40, end noticed within 120 s (now ${fmtStats(stats(lateSeconds))} s)`,
  });
}
