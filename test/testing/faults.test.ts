/**
 * Faults on demand, each bounded in count or time: throttling storms, 5xx, latency, jobs that
 * fail, stop or hang, the clock; and IAM GetRole / STS GetCallerIdentity through their clients.
 */
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateHyperParameterTuningJobCommand,
  CreateTrainingJobCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  SageMakerClient,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { describe, expect, test } from 'vitest';
import { isJobFailedError, isJobStoppedError } from '../../src/operators/errors.js';
import { runTrainingJob } from '../../src/operators/runTrainingJob.js';
import {
  credentials,
  knnTraining,
  ROLE,
  withLocalEndpointsEachTest,
  TWO_CLUSTERS,
  type LocalEndpoints,
} from './localEndpoints.js';

let e: LocalEndpoints;
withLocalEndpointsEachTest((started) => {
  e = started;
  e.s3.putObject('bucket', 'train/data.csv', TWO_CLUSTERS);
});

const quiet = () => undefined;
const FAST = {
  checkIntervalSeconds: 0.01,
  logger: { info: quiet, warn: quiet, error: quiet },
} as const;

describe('request faults', () => {
  test('a 90 % throttling storm is survived by the operators with the SDK retries raised', async () => {
    // GIVEN 9 of every 10 SageMaker calls throttled (at most 300 of them) and a client that
    // retries up to 12 times
    e.local.injectFault({ kind: 'throttle', share: 0.9, times: 300 });
    const sagemaker = new SageMakerClient({
      endpoint: e.local.url,
      region: 'us-east-1',
      credentials,
      retryStrategy: new ConfiguredRetryStrategy(12, () => 1),
    });
    try {
      // WHEN the training operator runs
      const { Training } = await runTrainingJob(knnTraining('storm'), { sagemaker }, FAST);
      // THEN it completed, and 9 in 10 of the calls it made were throttled
      expect(Training.TrainingJobStatus).toBe('Completed');
      const throttled = e.local.requests.filter((r) => r.error === 'ThrottlingException').length;
      expect(throttled).toBeGreaterThan(0);
      expect(throttled / e.local.requests.length).toBeGreaterThanOrEqual(0.8);
      expect(e.local.count('CreateTrainingJob')).toBe(1);
      expect(e.s3.getObject('bucket', 'output/storm/output/model.tar.gz')).toBeDefined();
    } finally {
      sagemaker.destroy();
    }
  });

  test('503s bounded in count: the SDK retries through them', async () => {
    e.local.injectFault({
      kind: 'serverError',
      status: 503,
      operation: 'ListTrainingJobs',
      times: 2,
    });
    const page = await e.sagemaker.send(new ListTrainingJobsCommand({}));
    expect(page.TrainingJobSummaries).toStrictEqual([]);
    expect(e.local.requests.map((r) => r.status)).toStrictEqual([503, 503, 200]);
  });

  test('latency bounded in count: the next two calls are held back, then none', async () => {
    e.local.injectFault({
      kind: 'latency',
      latencyMs: 20,
      operation: 'ListTrainingJobs',
      times: 2,
    });
    for (let i = 0; i < 3; i++) await e.sagemaker.send(new ListTrainingJobsCommand({}));
    expect(e.local.requests.map((r) => [r.status, r.latencyMs])).toStrictEqual([
      [200, 20],
      [200, 20],
      [200, undefined],
    ]);
  });

  test('a throttle fault bounded in time lapses', async () => {
    e.local.injectFault({ kind: 'throttle', forSeconds: 0 });
    const page = await e.sagemaker.send(new ListTrainingJobsCommand({}));
    expect(page.TrainingJobSummaries).toStrictEqual([]);
  });
});

describe('job faults and the clock', () => {
  test('failJob: the operator throws JobFailedError with the reason', async () => {
    e.local.failJob('doomed', 'AlgorithmError: out of memory');
    const error = await runTrainingJob(
      knnTraining('doomed'),
      { sagemaker: e.sagemaker },
      FAST,
    ).catch((err: unknown) => err);
    expect(isJobFailedError(error)).toBe(true);
    expect((error as Error).message).toContain('AlgorithmError: out of memory');
  });

  test('stopJob: the job ends Stopped', async () => {
    e.local.stopJob('halted');
    const error = await runTrainingJob(
      knnTraining('halted'),
      { sagemaker: e.sagemaker },
      FAST,
    ).catch((err: unknown) => err);
    expect(isJobStoppedError(error)).toBe(true);
  });

  test('hangJob: stays in its secondary status until stopped, or for hangSeconds', async () => {
    e.local.hangJob('stuck', { hangIn: 'Downloading' });
    e.local.hangJob('slow', { hangSeconds: 600 });
    await e.sagemaker.send(new CreateTrainingJobCommand(knnTraining('stuck')));
    await e.sagemaker.send(new CreateTrainingJobCommand(knnTraining('slow')));
    const describe = (name: string) =>
      e.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    e.local.advance(500);
    expect((await describe('stuck')).SecondaryStatus).toBe('Downloading');
    expect((await describe('slow')).TrainingJobStatus).toBe('InProgress');
    e.local.advance(500);
    expect((await describe('stuck')).TrainingJobStatus).toBe('InProgress');
    expect((await describe('slow')).TrainingJobStatus).toBe('Completed');
    await e.sagemaker.send(new StopTrainingJobCommand({ TrainingJobName: 'stuck' }));
    e.local.advance(5);
    const stopped = await describe('stuck');
    expect([stopped.TrainingJobStatus, stopped.SecondaryStatus]).toStrictEqual([
      'Stopped',
      'Stopped',
    ]);
  });

  test('the clock moves only when told (or by autoAdvanceSeconds per Describe)', async () => {
    const start = e.local.now();
    e.local.advance(3600);
    expect(e.local.now() - start).toBe(3_600_000);
    await e.sagemaker.send(new CreateTrainingJobCommand(knnTraining('timed')));
    const d = await e.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: 'timed' }));
    expect(d.CreationTime?.getTime()).toBe(start + 3_600_000);
    expect(e.local.now() - start).toBe(3_620_000);
  });
});

describe('tuning', () => {
  test('the best training job is <tuning job>-NNN-<8 hex>, Completed, with FinalMetricDataList and a model', async () => {
    await e.sagemaker.send(
      new CreateHyperParameterTuningJobCommand({
        HyperParameterTuningJobName: 'tune-1',
        HyperParameterTuningJobConfig: {
          Strategy: 'Bayesian',
          HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'test:accuracy' },
          ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2 },
          ParameterRanges: {
            IntegerParameterRanges: [{ Name: 'k', MinValue: '1', MaxValue: '3' }],
          },
        },
        TrainingJobDefinition: {
          ...knnTraining('x'),
          TrainingJobName: undefined,
          HyperParameters: undefined,
          StaticHyperParameters: {
            feature_dim: '2',
            sample_size: '6',
            predictor_type: 'classifier',
          },
        },
      }),
    );
    e.local.advance(120);
    const tuning = await e.sagemaker.send(
      new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: 'tune-1' }),
    );
    expect(tuning.HyperParameterTuningJobStatus).toBe('Completed');
    const best = tuning.BestTrainingJob!;
    expect(best.TrainingJobName).toMatch(/^tune-1-001-[0-9a-f]{8}$/);
    expect(best.TunedHyperParameters).toStrictEqual({ k: '2' });
    const job = await e.sagemaker.send(
      new DescribeTrainingJobCommand({ TrainingJobName: best.TrainingJobName }),
    );
    expect(job.TrainingJobStatus).toBe('Completed');
    expect(job.FinalMetricDataList?.map((m) => [m.MetricName, m.Value])).toStrictEqual([
      ['test:accuracy', 0.93],
    ]);
    expect(job.ModelArtifacts?.S3ModelArtifacts).toBe(
      `s3://bucket/output/${best.TrainingJobName}/output/model.tar.gz`,
    );
    expect(
      e.s3.getObject('bucket', `output/${best.TrainingJobName}/output/model.tar.gz`),
    ).toBeDefined();
  });
});

describe('IAM and STS', () => {
  test('GetRole and GetCallerIdentity through the real clients; an unknown role is NoSuchEntity', async () => {
    const local = await import('../../src/testing/index.js').then((m) =>
      m.startLocalSageMaker({ roles: ['SageMakerRole'], accountId: '111122223333' }),
    );
    const iam = new IAMClient({ endpoint: local.url, region: 'us-east-1', credentials });
    const sts = new STSClient({ endpoint: local.url, region: 'us-east-1', credentials });
    try {
      const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'SageMakerRole' }));
      expect(Role?.Arn).toBe('arn:aws:iam::111122223333:role/SageMakerRole');
      expect(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '')).toContain(
        'sagemaker.amazonaws.com',
      );
      const missing = await iam
        .send(new GetRoleCommand({ RoleName: 'Nope' }))
        .catch((err: unknown) => err);
      expect((missing as Error).name).toBe('NoSuchEntityException');
      expect((missing as Error).message).toBe('The role with name Nope cannot be found.');
      const identity = await sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe('111122223333');
      expect(local.requests.map((r) => `${r.service}.${r.operation}`)).toStrictEqual([
        'IAM.GetRole',
        'IAM.GetRole',
        'STS.GetCallerIdentity',
      ]);
    } finally {
      iam.destroy();
      sts.destroy();
      await local.close();
    }
    expect(ROLE).toContain('SageMakerRole');
  });
});
