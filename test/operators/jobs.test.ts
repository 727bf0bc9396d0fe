import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isConfigValidationError } from '../../src/operators/validation/index.js';
import {
  isJobAbortedError,
  isJobFailedError,
  isJobStoppedError,
  isResourceExistsError,
  isWaiterTimeoutError,
} from '../../src/operators/errors.js';
import { runEndpoint } from '../../src/operators/runEndpoint.js';
import { runEndpointConfig } from '../../src/operators/runEndpointConfig.js';
import { runModel } from '../../src/operators/runModel.js';
import { runProcessingJob } from '../../src/operators/runProcessingJob.js';
import { runTrainingJob } from '../../src/operators/runTrainingJob.js';
import { runTransformJob } from '../../src/operators/runTransformJob.js';
import { runTuningJob } from '../../src/operators/runTuningJob.js';
import { CONFIG_HASH_TAG } from '../../src/operators/submit.js';
import * as f from './fixtures.js';
import { FAST, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const clients = () => ({ sagemaker: h.sagemaker });
const creates = () => h.local.requests.filter((r) => r.operation.startsWith('Create'));

describe('success for every kind', () => {
  test('training: returns { Training } Completed, reports transitions and billable seconds', async () => {
    // GIVEN a training job that completes after 60 simulated seconds (20 s per Describe)
    // WHEN it runs
    const { Training } = await runTrainingJob(f.trainingConfig('knn-1'), clients(), {
      ...FAST,
      logger: h.logger,
    });
    // THEN the final description is returned and progress was reported
    expect(Training.TrainingJobStatus).toBe('Completed');
    expect(Training.TrainingJobName).toBe('knn-1');
    expect(Training.ModelArtifacts?.S3ModelArtifacts).toBe(
      's3://bucket/output/knn-1/output/model.tar.gz',
    );
    expect(h.logger.lines).toContain('info: SageMaker training job knn-1: InProgress');
    expect(h.logger.lines).toContain('info: SageMaker training job knn-1: Completed');
    expect(h.logger.lines.some((l) => / Downloading - Downloading input data$/.test(l))).toBe(true);
    expect(h.logger.lines.some((l) => / Completed - Training job completed$/.test(l))).toBe(true);
    // 60 s job, training starts at 6 s, two instances
    expect(h.logger.lines).toContain('info: Billable seconds: 108');
    expect(h.local.count('CreateTrainingJob')).toBe(1);
    // the request carries the config-hash tag used for idempotency
    const tags = h.local.createRequest('training', 'knn-1')?.['Tags'] as { Key: string }[];
    expect(tags.map((t) => t.Key)).toEqual([CONFIG_HASH_TAG]);
  });

  test('tuning: returns { Tuning } Completed through the poller', async () => {
    const { Tuning } = await runTuningJob(f.tuningConfig('tune-1'), clients(), {
      ...FAST,
      logger: h.logger,
    });
    expect(Tuning.HyperParameterTuningJobStatus).toBe('Completed');
    expect(Tuning.BestTrainingJob?.TrainingJobStatus).toBe('Completed');
    expect(h.logger.lines).toContain('info: SageMaker tuning job tune-1: Completed');
  });

  test('processing: returns { Processing } Completed', async () => {
    const { Processing } = await runProcessingJob(f.processingConfig('prep-1'), clients(), {
      ...FAST,
      logger: h.logger,
    });
    expect(Processing.ProcessingJobStatus).toBe('Completed');
    expect(Processing.ProcessingEndTime).toBeInstanceOf(Date);
  });

  test('model: returns { Model }', async () => {
    const { Model } = await runModel(f.modelConfig('model-1'), clients(), { logger: h.logger });
    expect(Model.ModelName).toBe('model-1');
    expect(Model.ModelArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:model/model-1');
  });

  test('transform with its model: returns { Model, Transform }', async () => {
    const config = {
      Model: f.modelConfig('model-t'),
      Transform: f.transformRequest('transform-1', 'model-t'),
    };
    const { Model, Transform } = await runTransformJob(config, clients(), {
      ...FAST,
      logger: h.logger,
    });
    expect(Model.ModelName).toBe('model-t');
    expect(Transform.TransformJobStatus).toBe('Completed');
    expect(
      h.local.requests.filter((r) => r.operation.startsWith('Create')).map((r) => r.operation),
    ).toEqual(['CreateModel', 'CreateTransformJob']);
  });

  test('bare transform request on an existing model', async () => {
    await runModel(f.modelConfig('model-b'), clients(), { logger: h.logger });
    const { Model, Transform } = await runTransformJob(
      f.transformRequest('transform-b', 'model-b'),
      clients(),
      { ...FAST, logger: h.logger },
    );
    expect(Model.ModelName).toBe('model-b');
    expect(Transform.TransformJobName).toBe('transform-b');
  });

  test('endpoint config alone: returns { EndpointConfig }', async () => {
    await runModel(f.modelConfig('model-e'), clients(), { logger: h.logger });
    const { EndpointConfig } = await runEndpointConfig(
      f.deployConfig('e', 'cfg-1', 'model-e').EndpointConfig,
      clients(),
      { logger: h.logger },
    );
    expect(EndpointConfig.EndpointConfigName).toBe('cfg-1');
  });

  test('endpoint: creates, then a new config updates it, then the same config attaches', async () => {
    const first = await runEndpoint(f.deployConfig('ep', 'cfg-a', 'model-a'), clients(), {
      ...FAST,
      logger: h.logger,
    });
    expect(first.Endpoint.EndpointStatus).toBe('InService');
    expect(first.EndpointConfig.EndpointConfigName).toBe('cfg-a');

    const second = await runEndpoint(f.deployConfig('ep', 'cfg-b', 'model-b'), clients(), {
      ...FAST,
      logger: h.logger,
    });
    expect(second.Endpoint.EndpointConfigName).toBe('cfg-b');
    expect(second.Endpoint.EndpointStatus).toBe('InService');
    expect(h.local.count('UpdateEndpoint')).toBe(1);
    expect(h.logger.lines).toContain('info: SageMaker endpoint ep: Updating');

    await runEndpoint(f.deployConfig('ep', 'cfg-b', 'model-b'), clients(), {
      ...FAST,
      logger: h.logger,
    });
    expect(h.local.count('UpdateEndpoint')).toBe(1);
    expect(h.local.count('CreateEndpoint')).toBe(1);
    expect(h.local.count('CreateModel')).toBe(2);
    expect(h.local.count('CreateEndpointConfig')).toBe(2);
  });

  test('waitForCompletion false returns the first description without waiting', async () => {
    const { Training } = await runTrainingJob(f.trainingConfig('nowait'), clients(), {
      waitForCompletion: false,
      logger: h.logger,
    });
    expect(Training.TrainingJobStatus).toBe('InProgress');
  });
});

describe('job outcomes', () => {
  test('Failed gives JobFailedError with FailureReason', async () => {
    h.local.setBehaviour('bad-1', {
      outcome: 'Failed',
      failureReason: 'AlgorithmError: feature_dim mismatch',
    });
    const error = await runTrainingJob(f.trainingConfig('bad-1'), clients(), {
      ...FAST,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isJobFailedError(error)).toBe(true);
    expect(error).toMatchObject({
      failureReason: 'AlgorithmError: feature_dim mismatch',
      jobName: 'bad-1',
      kind: 'training',
    });
  });

  test('Failed transform and endpoint also give JobFailedError', async () => {
    h.local.setBehaviour(/^(tf|epf)$/, {
      outcome: 'Failed',
      failureReason: 'ClientError: bad input',
    });
    await runModel(f.modelConfig('m'), clients(), { logger: h.logger });
    const t = await runTransformJob(f.transformRequest('tf', 'm'), clients(), {
      ...FAST,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(t).toMatchObject({
      code: 'JOB_FAILED',
      kind: 'transform',
      failureReason: 'ClientError: bad input',
    });
    const e = await runEndpoint(f.deployConfig('epf', 'cfg', 'm2'), clients(), {
      ...FAST,
      logger: h.logger,
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'JOB_FAILED', kind: 'endpoint' });
  });

  test('Stopped (by someone else) is never success: JobStoppedError, for training and tuning', async () => {
    h.local.setBehaviour(/^stopped-/, { outcome: 'Stopped' });
    const training = await runTrainingJob(f.trainingConfig('stopped-1'), clients(), {
      ...FAST,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isJobStoppedError(training)).toBe(true);
    const tuning = await runTuningJob(f.tuningConfig('stopped-2'), clients(), {
      ...FAST,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isJobStoppedError(tuning)).toBe(true);
    const processing = await runProcessingJob(f.processingConfig('stopped-3'), clients(), {
      ...FAST,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isJobStoppedError(processing)).toBe(true);
  });

  test('timeout stops the job through its Stop API and says so', async () => {
    h.local.setBehaviour('hangs', { outcome: 'hang' });
    const error = await runTrainingJob(f.trainingConfig('hangs'), clients(), {
      checkIntervalSeconds: 0.02,
      maxIngestionTimeSeconds: 0.2,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ stopRequested: true, jobName: 'hangs', maxWaitSeconds: 0.2 });
    expect(h.local.count('StopTrainingJob')).toBe(1);
    h.local.advance(5);
    const after = await runTrainingJob(f.trainingConfig('hangs'), clients(), {
      waitForCompletion: false,
      rerunFailed: false,
      logger: h.logger,
    });
    expect(after.Training.TrainingJobStatus).toBe('Stopped');
  });

  test('timeout of the tuning poller stops the tuning job', async () => {
    h.local.setBehaviour('tune-hang', { outcome: 'hang' });
    const error = await runTuningJob(f.tuningConfig('tune-hang'), clients(), {
      checkIntervalSeconds: 0.02,
      maxIngestionTimeSeconds: 0.15,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WAITER_TIMEOUT', stopRequested: true });
    expect(h.local.count('StopHyperParameterTuningJob')).toBe(1);
  });

  test('an endpoint that never gets in service times out and the error says it was not stopped', async () => {
    h.local.setBehaviour('ep-hang', { outcome: 'hang' });
    const error = await runEndpoint(f.deployConfig('ep-hang', 'cfg-h', 'model-h'), clients(), {
      checkIntervalSeconds: 0.02,
      // the limit covers the model and endpoint config creation too
      maxIngestionTimeSeconds: 1,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'endpoint', stopRequested: false });
    expect((error as Error).message).toContain(
      'the endpoint was NOT stopped (a SageMaker endpoint has no Stop API)',
    );
  });

  test('abort while waiting stops the job; abort before start creates nothing', async () => {
    h.local.setBehaviour(/^abort-/, { outcome: 'hang' });
    const controller = new AbortController();
    const running = runProcessingJob(f.processingConfig('abort-1'), clients(), {
      checkIntervalSeconds: 0.02,
      signal: controller.signal,
      logger: h.logger,
    }).catch((e: unknown) => e);
    // abort once the job has been seen in progress
    while (!h.logger.lines.includes('info: SageMaker processing job abort-1: InProgress')) {
      await new Promise((r) => setTimeout(r, 5));
    }
    controller.abort(new Error('user cancelled'));
    const error = await running;
    expect(isJobAbortedError(error)).toBe(true);
    expect(error).toMatchObject({ stopRequested: true, jobName: 'abort-1' });
    expect(h.local.count('StopProcessingJob')).toBe(1);

    const before = await runProcessingJob(f.processingConfig('abort-2'), clients(), {
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect(before).toMatchObject({ code: 'JOB_ABORTED', jobName: undefined, stopRequested: false });
    expect(h.local.names('processing')).toEqual(['abort-1']);
  });

  /** A logger that injects `faults` once the job has been created, so the storm hits the waiter. */
  function stormAfterCreate(faults: Parameters<Harness['local']['injectFault']>[0][]) {
    return {
      ...h.logger,
      info: (m: string) => {
        h.logger.info(m);
        if (m.startsWith('Created SageMaker'))
          for (const fault of faults) h.local.injectFault(fault);
      },
    };
  }

  test('a throttling storm and 5xx are retried by the SDK retry strategy, and the waiter keeps polling', async () => {
    // GIVEN 3 throttles on Create (within the client's 4 attempts), then, while waiting, 6 throttles
    // and 3 server errors on Describe: more than one call's attempts, so the waiter polls again
    h.local.injectFault({ kind: 'throttle', operation: 'CreateTrainingJob', times: 3 });
    const logger = stormAfterCreate([
      { kind: 'throttle', operation: 'DescribeTrainingJob', times: 6 },
      { kind: 'serverError', operation: /^Describe/, times: 3 },
    ]);
    // WHEN the job runs
    const { Training } = await runTrainingJob(f.trainingConfig('storm'), clients(), {
      ...FAST,
      logger,
    });
    // THEN it completes, with one job created and every fault served
    expect(Training.TrainingJobStatus).toBe('Completed');
    expect(h.local.count('CreateTrainingJob')).toBe(1);
    expect(
      h.local.requests.filter(
        (r) => r.error === 'ThrottlingException' && r.operation === 'CreateTrainingJob',
      ),
    ).toHaveLength(3);
    expect(
      h.local.requests.filter(
        (r) => r.error === 'ThrottlingException' && r.operation === 'DescribeTrainingJob',
      ),
    ).toHaveLength(6);
    expect(h.local.requests.filter((r) => r.status === 500)).toHaveLength(3);
  });

  test('tuning poller rides out throttling beyond the client retries', async () => {
    const logger = stormAfterCreate([
      { kind: 'throttle', operation: 'DescribeHyperParameterTuningJob', times: 9 },
    ]);
    const { Tuning } = await runTuningJob(f.tuningConfig('tune-storm'), clients(), {
      ...FAST,
      logger,
    });
    expect(Tuning.HyperParameterTuningJobStatus).toBe('Completed');
    expect(h.local.requests.filter((r) => r.error === 'ThrottlingException')).toHaveLength(9);
  });

  test('throttling beyond the retries of a single call outside the wait surfaces the SDK error', async () => {
    h.local.injectFault({ kind: 'throttle', operation: 'DescribeTrainingJob', times: 4 });
    const error = await runTrainingJob(f.trainingConfig('too-much'), clients(), {
      ...FAST,
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ThrottlingException' });
    expect(creates()).toHaveLength(0);
  });
});

describe('no duplicate jobs', () => {
  test('re-run after a crash attaches to the job it created', async () => {
    // GIVEN a first run that created the job and then died (no waiting)
    h.local.setBehaviour('crash-1', { durationSeconds: 600 });
    await runTrainingJob(f.trainingConfig('crash-1'), clients(), {
      waitForCompletion: false,
      logger: h.logger,
    });
    // WHEN the same operator runs again with the same config
    const { Training } = await runTrainingJob(f.trainingConfig('crash-1'), clients(), {
      ...FAST,
      logger: h.logger,
    });
    // THEN it waited for the same job; no second Create was sent
    expect(Training.TrainingJobStatus).toBe('Completed');
    expect(h.local.requests.filter((r) => r.operation === 'CreateTrainingJob')).toHaveLength(1);
    expect(h.local.names('training')).toEqual(['crash-1']);
    expect(h.logger.lines).toContain(
      'info: SageMaker training job crash-1 already exists with the same config: attaching to it',
    );
  });

  test('a Create whose response was lost is retried by the SDK and attached to', async () => {
    h.local.injectFault({ kind: 'lostResponse', operation: 'CreateTrainingJob' });
    h.local.injectFault({ kind: 'lostResponse', operation: 'CreateModel' });
    const { Training } = await runTrainingJob(f.trainingConfig('lost-1'), clients(), {
      ...FAST,
      logger: h.logger,
    });
    expect(Training.TrainingJobStatus).toBe('Completed');
    const { Model } = await runModel(f.modelConfig('lost-m'), clients(), { logger: h.logger });
    expect(Model.ModelName).toBe('lost-m');
    expect(h.local.names('training')).toEqual(['lost-1']);
  });

  test("a different job with the name: 'timestamp' renames (once, also across re-runs), 'fail' refuses", async () => {
    await runTrainingJob(f.trainingConfig('taken'), clients(), { ...FAST, logger: h.logger });
    const changed = f.trainingConfig('taken', { HyperParameters: { k: '7', feature_dim: '4' } });

    const refused = await runTrainingJob(changed, clients(), {
      ...FAST,
      actionIfJobExists: 'fail',
      logger: h.logger,
    }).catch((e: unknown) => e);
    expect(isResourceExistsError(refused)).toBe(true);

    const renamed = await runTrainingJob(changed, clients(), { ...FAST, logger: h.logger });
    expect(renamed.Training.TrainingJobName).toMatch(/^taken-\d{10}$/);
    // a re-run of the changed config finds its timestamped job instead of making a third one
    const again = await runTrainingJob(changed, clients(), { ...FAST, logger: h.logger });
    expect(again.Training.TrainingJobName).toBe(renamed.Training.TrainingJobName);
    expect(h.local.names('training')).toHaveLength(2);
  });

  test('transform with a renamed model submits the transform against the new model name', async () => {
    await runModel(f.modelConfig('shared-model'), clients(), { logger: h.logger });
    const other = {
      ...f.modelConfig('shared-model'),
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/Other',
    };
    const { Model, Transform } = await runTransformJob(
      { Model: other, Transform: f.transformRequest('tr-renamed', 'shared-model') },
      clients(),
      { ...FAST, logger: h.logger },
    );
    expect(Model.ModelName).toMatch(/^shared-model-\d{10}$/);
    expect(Transform.ModelName).toBe(Model.ModelName);
  });
});

describe('input checks before any Create', () => {
  test('a config missing required fields is refused with every problem, before any call', async () => {
    const broken = f.trainingConfig('broken');
    delete broken.RoleArn;
    delete broken.ResourceConfig;
    const error = await runTrainingJob(broken, clients(), { logger: h.logger }).catch(
      (e: unknown) => e,
    );
    expect(isConfigValidationError(error)).toBe(true);
    const { problems, warnings } = error as Record<string, { path: string }[]>;
    // A missing ResourceConfig is a warning: the model lets serverless jobs leave it out.
    expect(problems!.map((p) => p.path)).toEqual(['RoleArn']);
    expect(warnings!.map((p) => p.path)).toEqual(['ResourceConfig']);
    expect(h.local.requests).toHaveLength(0);
  });

  test('unrendered templates without a templateContext are refused', async () => {
    const config = f.trainingConfig('tpl', { RoleArn: '{{ role }}' });
    const error = await runTrainingJob(config, clients(), { logger: h.logger }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'VALIDATION', option: 'RoleArn' });
    expect(creates()).toHaveLength(0);
  });

  test('printLog without a logs client is refused', async () => {
    const error = await runTrainingJob(f.trainingConfig('x'), clients(), { printLog: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'MISSING_OPTION' });
    expect(h.local.requests).toHaveLength(0);
  });
});

describe('templates', () => {
  test('templated numbers are rendered and coerced back to numbers before submit', async () => {
    // GIVEN a config whose numbers are Jinja templates (Airflow renders every field to a string)
    const config = f.trainingConfig('{{ job_name }}', {
      ResourceConfig: {
        InstanceCount: '{{ params.instances }}',
        InstanceType: 'ml.m5.large',
        VolumeSizeInGB: '{{ params.volume }}',
      },
      StoppingCondition: { MaxRuntimeInSeconds: '{{ params.max_run }}' },
      HyperParameters: { k: '{{ params.k }}', feature_dim: '4' },
    });
    // WHEN it runs with a template context
    const { Training } = await runTrainingJob(config, clients(), {
      ...FAST,
      logger: h.logger,
      templateContext: {
        job_name: 'templated-1',
        params: { instances: 3, volume: '50', max_run: 3600, k: 9 },
      },
    });
    // THEN the service received numbers where the API wants numbers, strings in HyperParameters
    expect(Training.TrainingJobName).toBe('templated-1');
    const sent = h.local.createRequest('training', 'templated-1')!;
    expect(sent['ResourceConfig']).toEqual({
      InstanceCount: 3,
      InstanceType: 'ml.m5.large',
      VolumeSizeInGB: 50,
    });
    expect(sent['StoppingCondition']).toEqual({ MaxRuntimeInSeconds: 3600 });
    expect(sent['HyperParameters']).toEqual({ k: '9', feature_dim: '4' });
  });
});

describe('log streaming', () => {
  test('printLog streams every instance, interleaved by timestamp, then the final lines', async () => {
    const t0 = h.local.now();
    const group = '/aws/sagemaker/TrainingJobs';
    h.local.putLogEvents(group, 'logs-1/algo-1-1700000000', [
      { timestamp: t0 + 1000, message: 'algo-1 starting' },
      { timestamp: t0 + 3000, message: 'algo-1 epoch 1' },
    ]);
    h.local.putLogEvents(group, 'logs-1/algo-2-1700000000', [
      { timestamp: t0 + 2000, message: 'algo-2 starting' },
      { timestamp: t0 + 4000, message: 'algo-2 epoch 1' },
    ]);
    // another job's stream in the same group is not printed
    h.local.putLogEvents(group, 'other/algo-1-1', [{ timestamp: t0, message: 'not mine' }]);
    h.local.setBehaviour('logs-1', { durationSeconds: 200 });
    const running = runTrainingJob(
      f.trainingConfig('logs-1'),
      { sagemaker: h.sagemaker, logs: h.logs },
      { ...FAST, logger: h.logger },
    );
    // a line written while the job runs is picked up later, once
    while (!h.logger.lines.includes('info: [algo-2-1700000000] algo-2 epoch 1'))
      await new Promise((r) => setTimeout(r, 5));
    h.local.putLogEvents(group, 'logs-1/algo-1-1700000000', [
      { timestamp: t0 + 5000, message: 'algo-1 done' },
    ]);
    await running;
    const logLines = h.logger.lines.filter((l) => l.startsWith('info: ['));
    expect(logLines).toEqual([
      'info: [algo-1-1700000000] algo-1 starting',
      'info: [algo-2-1700000000] algo-2 starting',
      'info: [algo-1-1700000000] algo-1 epoch 1',
      'info: [algo-2-1700000000] algo-2 epoch 1',
      'info: [algo-1-1700000000] algo-1 done',
    ]);
  });

  test('a job without a log group yet streams nothing and still completes', async () => {
    const { Processing } = await runProcessingJob(
      f.processingConfig('nolog'),
      { sagemaker: h.sagemaker, logs: h.logs },
      { ...FAST, logger: h.logger },
    );
    expect(Processing.ProcessingJobStatus).toBe('Completed');
    expect(h.logger.lines.filter((l) => l.startsWith('warn'))).toEqual([]);
  });
});
