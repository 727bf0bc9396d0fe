/**
 * `createSageMakerActivities`: Temporal activities that run SageMaker jobs durably, built on the
 * operators' job handles. A ten-hour training job outlives the worker that started it: the handle
 * is heartbeated at every status check, and the next attempt resumes from it.
 */
import { Context } from '@temporalio/activity';
import type { CreateModelInput } from '@aws-sdk/client-sagemaker';
import { checkJob, stopJob, type JobStatus } from '../operators/jobControl.js';
import type { JobDescriptions, JobHandle, JobKind } from '../operators/jobHandle.js';
import { silentLogger, type OperatorLogger } from '../operators/logger.js';
import type { OperatorClients, OperatorOptions } from '../operators/options.js';
import type { StopOutcome } from '../operators/errors.js';
import { runModel, type ModelResult } from '../operators/runModel.js';
import { submitJob, type JobConfigs, type SubmitJobOptions } from '../operators/submitJob.js';
import type { OperatorConfig } from '../operators/types.js';
import {
  endCancelled,
  heartbeatWait,
  resumedHandle,
  type HeartbeatWaitOptions,
} from './heartbeatWait.js';

/** Options of {@link createSageMakerActivities}. */
export interface SageMakerActivitiesOptions {
  /** The AWS clients (SageMaker; S3 for uploads and input checks; Logs for `printLog`). */
  readonly clients: OperatorClients;
  /**
   * Seconds between status checks (each one heartbeats): keep it under the activity's
   * `heartbeatTimeout`.
   * @default 30
   */
  readonly checkIntervalSeconds?: number;
  /** Longest time one Describe or Stop request may take, in seconds. @default 30 */
  readonly requestTimeoutSeconds?: number;
  /**
   * Options of the submission (`actionIfJobExists`, `rerunFailed`, `checkS3Inputs`,
   * `templateContext`, ...). The activity's cancellation signal is passed for you.
   * @default - the operators' defaults
   */
  readonly submitOptions?: Omit<SubmitJobOptions, 'signal' | 'onAbort'>;
  /** Receives the activities' lines (submission, stop, resume). @default silentLogger */
  readonly logger?: OperatorLogger;
}

/** Input of the activities that take a config. */
export interface SageMakerJobInput<K extends JobKind = JobKind> {
  readonly kind: K;
  readonly config: JobConfigs[K];
}

/** Input of the activities that take a handle. */
export interface SageMakerHandleInput<K extends JobKind = JobKind> {
  readonly handle: JobHandle<K>;
}

/** What {@link SageMakerActivities.runSageMakerJob} returns: the handle and the final Describe. */
export interface SageMakerJobResult<K extends JobKind = JobKind> {
  readonly handle: JobHandle<K>;
  readonly description: JobDescriptions[K];
}

/** The activities; register them with a worker, and call them through `proxyActivities`. */
export interface SageMakerActivities {
  /**
   * Submits the job (or resumes the one an earlier attempt heartbeated) and waits for it,
   * heartbeating its handle at each check.
   */
  readonly runSageMakerJob: <K extends JobKind>(
    input: SageMakerJobInput<K>,
  ) => Promise<SageMakerJobResult<K>>;
  /** Submits the job and returns its handle; a retry attaches to the job the config made. */
  readonly submitSageMakerJob: <K extends JobKind>(
    input: SageMakerJobInput<K>,
  ) => Promise<JobHandle<K>>;
  /** Waits for a submitted job, heartbeating its handle at each check. */
  readonly waitForSageMakerJob: <K extends JobKind>(
    input: SageMakerHandleInput<K>,
  ) => Promise<JobDescriptions[K]>;
  /** Reads the job's status once. */
  readonly checkSageMakerJob: <K extends JobKind>(
    input: SageMakerHandleInput<K>,
  ) => Promise<JobStatus<K>>;
  /** Asks SageMaker to stop the job. */
  readonly stopSageMakerJob: (input: SageMakerHandleInput) => Promise<StopOutcome>;
  /** Creates a model (or attaches to the one the same config made). */
  readonly createSageMakerModel: (input: {
    readonly config: OperatorConfig<CreateModelInput>;
  }) => Promise<ModelResult>;
}

/**
 * Temporal activities over the operators' durable job handles. They import `@temporalio/activity`
 * (an optional peer dependency) and must run inside a Temporal activity.
 *
 * - **Retry**: every status check heartbeats `{ handle, status, checks }`; an attempt that finds
 *   a handle in `heartbeatDetails` waits on that job instead of submitting (and a submission that
 *   was cut attaches to the job its config made), so a retry never makes a second job.
 * - **Cancellation by the workflow**: the SageMaker job is stopped once, then the cancellation is
 *   re-thrown. **Worker shutdown**, heartbeat timeout or pause: the job is left running and the
 *   cancellation re-thrown, for the next attempt to resume.
 * - Failed and Stopped jobs throw `JobFailedError` / `JobStoppedError`: list
 *   {@link SAGEMAKER_NON_RETRYABLE_ERROR_TYPES} in the retry policy.
 * @example
 * const worker = await Worker.create({
 *   taskQueue: 'sagemaker',
 *   workflowsPath: require.resolve('./workflows'),
 *   activities: createSageMakerActivities({ clients: { sagemaker, s3 } }),
 * });
 */
export function createSageMakerActivities(
  options: SageMakerActivitiesOptions,
): SageMakerActivities {
  const { clients } = options;
  const logger = options.logger ?? silentLogger;
  const wait: HeartbeatWaitOptions = {
    clients,
    checkIntervalSeconds: options.checkIntervalSeconds ?? 30,
    requestTimeoutSeconds: options.requestTimeoutSeconds ?? 30,
    logger,
  };
  const submit = async <K extends JobKind>(
    context: Context,
    input: SageMakerJobInput<K>,
  ): Promise<JobHandle<K>> => {
    // Detach on abort: whether the job should stop depends on why the activity was cancelled,
    // which is decided below, once the handle is known.
    const handle = await submitJob(input.kind, input.config, clients, {
      logger,
      ...options.submitOptions,
      signal: context.cancellationSignal,
      onAbort: 'detach',
    });
    logger.info(`Submitted ${handle.kind} job ${handle.name}`);
    return handle;
  };
  return {
    runSageMakerJob: async <K extends JobKind>(
      input: SageMakerJobInput<K>,
    ): Promise<SageMakerJobResult<K>> => {
      const context = Context.current();
      const resumed = resumedHandle(context);
      let handle: JobHandle<K>;
      if (resumed !== undefined && resumed.kind === input.kind) {
        logger.info(
          `Attempt ${context.info.attempt}: resuming ${resumed.kind} job ${resumed.name}`,
        );
        handle = resumed as JobHandle<K>;
      } else {
        handle = await submit(context, input);
      }
      if (context.cancellationSignal.aborted) await endCancelled(context, handle, wait);
      return { handle, description: await heartbeatWait(context, handle, wait) };
    },
    submitSageMakerJob: async <K extends JobKind>(
      input: SageMakerJobInput<K>,
    ): Promise<JobHandle<K>> => {
      const context = Context.current();
      const handle = await submit(context, input);
      context.heartbeat({ handle, checks: 0 });
      return handle;
    },
    waitForSageMakerJob: async <K extends JobKind>(
      input: SageMakerHandleInput<K>,
    ): Promise<JobDescriptions[K]> => {
      return heartbeatWait(Context.current(), input.handle, wait);
    },
    checkSageMakerJob: async <K extends JobKind>(
      input: SageMakerHandleInput<K>,
    ): Promise<JobStatus<K>> => {
      return checkJob(input.handle, clients, {
        signal: Context.current().cancellationSignal,
        timeoutSeconds: wait.requestTimeoutSeconds,
      });
    },
    stopSageMakerJob: async (input: SageMakerHandleInput): Promise<StopOutcome> => {
      return stopJob(input.handle, clients, { timeoutSeconds: wait.requestTimeoutSeconds, logger });
    },
    createSageMakerModel: async (input: {
      readonly config: OperatorConfig<CreateModelInput>;
    }): Promise<ModelResult> => {
      const modelOptions: OperatorOptions = {
        logger,
        ...options.submitOptions,
        signal: Context.current().cancellationSignal,
      };
      return runModel(input.config, clients, modelOptions);
    },
  };
}
