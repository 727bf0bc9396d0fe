/**
 * `fit`, `run` and `transform` wait for their job as Python's `wait=True` does, through the
 * operators' waiter against the local SageMaker endpoint: the final description comes back, a
 * failed or stopped job is the waiter's typed error, and `logs` streams the job's CloudWatch logs.
 */
import { describe, expect, it } from 'vitest';
import {
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  type DescribeTrainingJobResponse,
} from '@aws-sdk/client-sagemaker';
import type { DirectSession } from '../../src/operators/direct/DirectSession.js';
import { instantClock, useLocalDirectEndpoints } from './localDirectSession.js';
import { fit } from '../../src/operators/direct/fit.js';
import { run } from '../../src/operators/direct/run.js';
import { Estimator } from '../../src/estimators/Estimator.js';
import { Processor } from '../../src/estimators/Processor.js';
import { isMissingOptionError } from '../../src/errors.js';
import {
  isJobFailedError,
  isJobStoppedError,
  type JobFailedError,
} from '../../src/operators/errors.js';
import { silentLogger } from '../../src/operators/logger.js';
import type { WaitOptions } from '../../src/operators/options.js';
import { capturingLogger } from '../operators/harness.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const TRAINING_LOGS = '/aws/sagemaker/TrainingJobs';

const local = useLocalDirectEndpoints();
const session = (withLogs = false): DirectSession => local.session(undefined, withLogs);
const quick = (logger = silentLogger): WaitOptions => ({ clock: instantClock(), logger });

const estimator = (direct: DirectSession, baseJobName: string): Estimator =>
  new Estimator({
    session: direct.session,
    role: ROLE,
    imageUri: '123456789012.dkr.ecr.us-west-2.amazonaws.com/team/algo:1.0',
    instanceCount: 1,
    instanceType: 'ml.m5.large',
    outputPath: 's3://bucket/out',
    baseJobName,
  });

const processor = (direct: DirectSession): Processor =>
  new Processor({
    session: direct.session,
    role: ROLE,
    imageUri: '123456789012.dkr.ecr.us-west-2.amazonaws.com/team/proc:1.0',
    instanceCount: 1,
    instanceType: 'ml.m5.large',
  });

async function describeTraining(
  direct: DirectSession,
  name: string,
): Promise<DescribeTrainingJobResponse> {
  return direct.clients.sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
}

describe('fit waits', () => {
  it('returns once the job completed, with its final description', async () => {
    // GIVEN an estimator and a job the endpoint completes after 60 simulated seconds
    const direct = session();
    // WHEN it is fitted with the defaults (Python's wait=True)
    const { jobName, description } = await fit(direct, estimator(direct, 'waits'), {
      inputs: 's3://bucket/train',
      waitOptions: quick(),
    });
    // THEN the call returned the Completed description of that job
    expect(description?.TrainingJobName).toBe(jobName);
    expect(description?.TrainingJobStatus).toBe('Completed');
    expect((await describeTraining(direct, jobName)).TrainingJobStatus).toBe('Completed');
  });

  it('with wait: false returns after Create, the job still running', async () => {
    // GIVEN an estimator
    const direct = session();
    // WHEN it is fitted with wait: false (Python's fit(wait=False))
    const result = await fit(direct, estimator(direct, 'no-wait'), {
      inputs: 's3://bucket/train',
      wait: false,
    });
    // THEN there is no description and the job has not ended
    expect(result.description).toBeUndefined();
    expect((await describeTraining(direct, result.jobName)).TrainingJobStatus).toBe('InProgress');
  });

  it('throws the waiter’s JobFailedError for a job that fails', async () => {
    // GIVEN a job the endpoint fails
    const direct = session();
    local.sagemaker.failJob(/^fit-fails-/, 'AlgorithmError: out of memory');
    // WHEN it is fitted and waited for
    const error = await fit(direct, estimator(direct, 'fit-fails'), {
      inputs: 's3://bucket/train',
      waitOptions: quick(),
    }).catch((e: unknown) => e);
    // THEN the failure is the typed error, with the reason and the last description
    expect(isJobFailedError(error)).toBe(true);
    const failed = error as JobFailedError;
    expect(failed.kind).toBe('training');
    expect(failed.failureReason).toBe('AlgorithmError: out of memory');
    expect(failed.jobName).toMatch(/^fit-fails-/);
    expect((failed.description as { TrainingJobStatus?: string }).TrainingJobStatus).toBe('Failed');
  });

  it('throws JobStoppedError for a job someone stopped', async () => {
    // GIVEN a job that ends Stopped
    const direct = session();
    local.sagemaker.stopJob(/^fit-stopped-/);
    // WHEN it is fitted and waited for, THEN the waiter reports the stop
    await expect(
      fit(direct, estimator(direct, 'fit-stopped'), {
        inputs: 's3://bucket/train',
        waitOptions: quick(),
      }),
    ).rejects.toSatisfy(isJobStoppedError);
  });

  it('streams the job’s CloudWatch logs while waiting, unless logs: false', async () => {
    // GIVEN a session with a logs client and log lines in two jobs' streams
    const direct = session(true);
    const t0 = local.sagemaker.now();
    for (const name of ['logged-fit', 'quiet-fit'])
      local.sagemaker.putLogEvents(TRAINING_LOGS, `${name}/algo-1-1700000000`, [
        { timestamp: t0 + 1000, message: `${name}: epoch 1` },
        { timestamp: t0 + 2000, message: `${name}: done` },
      ]);
    // WHEN one is fitted with the default logs and the other with logs: false
    const logged = capturingLogger();
    await fit(direct, estimator(direct, 'x'), {
      inputs: 's3://bucket/train',
      jobName: 'logged-fit',
      waitOptions: quick(logged),
    });
    const quiet = capturingLogger();
    await fit(direct, estimator(direct, 'x'), {
      inputs: 's3://bucket/train',
      jobName: 'quiet-fit',
      logs: false,
      waitOptions: quick(quiet),
    });
    // THEN only the first printed its lines, in order, through the wait's logger
    expect(logged.lines.filter((l) => l.startsWith('info: ['))).toEqual([
      'info: [algo-1-1700000000] logged-fit: epoch 1',
      'info: [algo-1-1700000000] logged-fit: done',
    ]);
    expect(quiet.lines.filter((l) => l.startsWith('info: ['))).toEqual([]);
    expect(quiet.lines).toContain('info: SageMaker training job quiet-fit: Completed');
  });

  it('refuses logs: true on a session without a logs client, before creating the job', async () => {
    // GIVEN a session without a logs client
    const direct = session();
    const creates = local.sagemaker.count('CreateTrainingJob');
    // WHEN fit asks for logs
    const error = await fit(direct, estimator(direct, 'needs-logs'), {
      inputs: 's3://bucket/train',
      logs: true,
      waitOptions: quick(),
    }).catch((e: unknown) => e);
    // THEN it is refused and no job was created
    expect(isMissingOptionError(error)).toBe(true);
    expect(local.sagemaker.count('CreateTrainingJob')).toBe(creates);
  });
});

describe('run waits', () => {
  it('returns once the processing job completed, streaming its logs', async () => {
    // GIVEN a processor, a session with a logs client and a line in the job's stream
    const direct = session(true);
    local.sagemaker.putLogEvents('/aws/sagemaker/ProcessingJobs', 'run-waits/algo-1-1700000000', [
      { timestamp: local.sagemaker.now() + 1000, message: 'processing 10 files' },
    ]);
    const logger = capturingLogger();
    // WHEN it runs with the defaults (Python's wait=True, logs=True)
    const { jobName, description } = await run(direct, processor(direct), {
      jobName: 'run-waits',
      waitOptions: quick(logger),
    });
    // THEN the call returned the Completed description, and the log line was printed
    expect(jobName).toBe('run-waits');
    expect(description?.ProcessingJobStatus).toBe('Completed');
    expect(logger.lines).toContain('info: [algo-1-1700000000] processing 10 files');
  });

  it('with wait: false and logs: false returns after Create', async () => {
    // GIVEN a processor
    const direct = session();
    // WHEN it runs without waiting
    const result = await run(direct, processor(direct), {
      jobName: 'run-no-wait',
      wait: false,
      logs: false,
    });
    // THEN there is no description and the job has not ended
    expect(result.description).toBeUndefined();
    const described = await direct.clients.sagemaker.send(
      new DescribeProcessingJobCommand({ ProcessingJobName: 'run-no-wait' }),
    );
    expect(described.ProcessingJobStatus).toBe('InProgress');
  });

  it('throws JobFailedError for a processing job that fails', async () => {
    // GIVEN a processing job the endpoint fails
    const direct = session();
    local.sagemaker.failJob('run-fails', 'ClientError: no input');
    // WHEN it runs and is waited for, THEN the failure is the typed error
    const error = await run(direct, processor(direct), {
      jobName: 'run-fails',
      waitOptions: quick(),
    }).catch((e: unknown) => e);
    expect(isJobFailedError(error)).toBe(true);
    expect((error as JobFailedError).kind).toBe('processing');
  });
});
