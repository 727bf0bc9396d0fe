/**
 * Waiting on what the direct calls create (training, tuning, processing and transform jobs,
 * endpoints) with the operators' waiter: its capped backoff, timeout, abort and CloudWatch log
 * streaming.
 */
import { MissingOptionError } from '../../errors.js';
import { regionOfArn, type JobDescriptions } from '../jobHandle.js';
import type { WaitOptions } from '../options.js';
import { waitForJob } from '../waitForJob.js';
import type { DirectSession } from './DirectSession.js';

/** What a direct call can wait for. @internal */
export type DirectWaitKind = 'training' | 'tuning' | 'processing' | 'transform' | 'endpoint';

/** The wait options every waiting direct call takes. */
export interface DirectWaitOptions {
  /** Wait until the job ends (the endpoint is in service), as Python's `wait=True`. @default true */
  readonly wait?: boolean;
  /** How to wait (timeout, signal, clock, logger, intervals). @default - the operators' defaults */
  readonly waitOptions?: WaitOptions;
}

/**
 * `logs` of the calls whose Python method has one: stream the job's CloudWatch logs while
 * waiting (the waiter's `printLog`).
 */
export interface DirectLogsOption {
  /**
   * Stream the job's CloudWatch logs through the wait's logger while waiting. `true` needs
   * `clients.logs` on the session (checked before the job is created); left out, logs are
   * streamed when the session has a logs client, as Python's default. Ignored without `wait`.
   * @default - true when the session has a logs client
   */
  readonly logs?: boolean;
}

const ARN_RESOURCE: Record<DirectWaitKind, string> = {
  training: 'training-job',
  tuning: 'hyper-parameter-tuning-job',
  processing: 'processing-job',
  transform: 'transform-job',
  endpoint: 'endpoint',
};

/**
 * Refuses `logs: true` on a session without a logs client, before anything is created.
 * @throws MissingOptionError
 * @internal
 */
export function checkLogsClient(
  direct: DirectSession,
  options: DirectLogsOption & DirectWaitOptions,
): void {
  if ((options.wait ?? true) && options.logs === true && direct.clients.logs === undefined) {
    throw new MissingOptionError(
      'clients.logs',
      'logs: true streams CloudWatch logs with clients.logs',
    );
  }
}

/**
 * Waits for a job to end, or an endpoint to be in service, as the operators do (`waitForJob`),
 * and returns its final Describe output; `arn` is the create call's, `logs` the call's option.
 * @throws the waiter's errors: JobFailedError, JobStoppedError, WaiterTimeoutError, JobAbortedError.
 * @internal
 */
export async function waitForResource<K extends DirectWaitKind>(
  direct: DirectSession,
  kind: K,
  name: string,
  arn: string | undefined,
  options: WaitOptions = {},
  logs?: boolean,
): Promise<JobDescriptions[K]> {
  const resourceArn =
    arn ?? `arn:aws:sagemaker:${direct.region}:000000000000:${ARN_RESOURCE[kind]}/${name}`;
  const handle = {
    kind,
    name,
    arn: resourceArn,
    region: regionOfArn(resourceArn) ?? direct.region,
    configHash: '0'.repeat(64),
    submittedAt: new Date(direct.session.now() * 1000).toISOString(),
  };
  const clients = {
    sagemaker: direct.clients.sagemaker,
    ...(direct.clients.logs && { logs: direct.clients.logs }),
  };
  return waitForJob(handle, clients, logs === undefined ? options : { ...options, printLog: logs });
}
