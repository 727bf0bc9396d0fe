/**
 * How Python's `attach` waits for the job it attached to: `Session.wait_for_job` (DescribeTrainingJob
 * until the status leaves `InProgress`/`Created`), or for XGBoost `logs_for_job(wait=True)`
 * (one describe, the job's CloudWatch streams, a describe every 30 s while the job runs), then
 * `_check_job_status`: `Failed` raises, `Stopped` only warns.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { MissingOptionError } from '../../errors.js';
import { loadLogsSdk, loadSageMakerSdk } from '../../internal/loadPeer.js';
import type { OperatorClock } from '../clock.js';
import { JobFailedError } from '../errors.js';
import type { OperatorLogger } from '../logger.js';
import type { DirectSession } from './DirectSession.js';
import { serviceError } from './serviceError.js';

type Json = Record<string, unknown>;

/** How to wait. */
export interface AttachWaitOptions {
  readonly clock: OperatorClock;
  readonly logger: OperatorLogger;
  /** Seconds between describes (Python: 5; 10 with logs). */
  readonly pollSeconds: number;
}

const GROUP = '/aws/sagemaker/TrainingJobs';
const IN_PROGRESS = new Set(['InProgress', 'Created']);
const ENDED = new Set(['Completed', 'Failed', 'Stopped']);

async function describe(direct: DirectSession, jobName: string): Promise<Json> {
  const { DescribeTrainingJobCommand } = await loadSageMakerSdk();
  return (await direct.clients.sagemaker.send(
    new DescribeTrainingJobCommand({ TrainingJobName: jobName }),
  )) as unknown as Json;
}

/** Python's `_check_job_status` for a training job. */
function checkStatus(jobName: string, description: Json, logger: OperatorLogger): void {
  const status = String(description.TrainingJobStatus);
  if (status === 'Completed') return;
  if (status === 'Stopped') {
    logger.warn(
      `Training job ${jobName} ended with status 'Stopped' rather than 'Completed': check that it completed as you expect`,
    );
    return;
  }
  // A `CapacityError` in the reason is Python's `CapacityError`; both are this error here.
  const reason =
    typeof description.FailureReason === 'string' ? description.FailureReason : undefined;
  throw new JobFailedError('training', jobName, reason ?? `status ${status}`, description);
}

/** Python's `wait_for_job`: describes until the job is no longer in progress. */
export async function waitForTrainingJob(
  direct: DirectSession,
  jobName: string,
  options: AttachWaitOptions,
): Promise<Json> {
  let description: Json;
  do {
    await options.clock.sleep(options.pollSeconds * 1000);
    description = await describe(direct, jobName);
  } while (IN_PROGRESS.has(String(description.TrainingJobStatus)));
  checkStatus(jobName, description, options.logger);
  return description;
}

function instanceCount(description: Json): number {
  const resources = (description.ResourceConfig ?? {}) as Json;
  if (Array.isArray(resources.InstanceGroups)) {
    return (resources.InstanceGroups as Json[]).reduce(
      (n, g) => n + Number(g.InstanceCount ?? 0),
      0,
    );
  }
  return Number(resources.InstanceCount ?? 0);
}

/** Prints the events of every stream since the last read (Python's `_flush_log_streams`). */
async function flushStreams(
  logs: Pick<CloudWatchLogsClient, 'send'>,
  jobName: string,
  count: number,
  streams: string[],
  tokens: Map<string, string | undefined>,
  logger: OperatorLogger,
): Promise<void> {
  const { DescribeLogStreamsCommand, GetLogEventsCommand } = await loadLogsSdk();
  if (streams.length < count) {
    try {
      let page = await logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: GROUP,
          logStreamNamePrefix: `${jobName}/`,
          orderBy: 'LogStreamName',
          limit: Math.min(count, 50),
        }),
      );
      const names = (page.logStreams ?? []).map((s) => String(s.logStreamName));
      while (page.nextToken) {
        page = await logs.send(
          new DescribeLogStreamsCommand({
            logGroupName: GROUP,
            logStreamNamePrefix: `${jobName}/`,
            orderBy: 'LogStreamName',
            limit: 50,
            nextToken: page.nextToken,
          }),
        );
        names.push(...(page.logStreams ?? []).map((s) => String(s.logStreamName)));
      }
      streams.splice(0, streams.length, ...names);
    } catch (error) {
      // The group appears with the job's first log line.
      if (serviceError(error)?.code !== 'ResourceNotFoundException') throw error;
    }
  }
  for (const stream of streams) {
    for (;;) {
      const token = tokens.get(stream);
      const page = await logs.send(
        new GetLogEventsCommand({
          logGroupName: GROUP,
          logStreamName: stream,
          startFromHead: true,
          ...(token ? { nextToken: token } : { startTime: 0 }),
        }),
      );
      for (const event of page.events ?? []) logger.info(`[${stream}] ${event.message ?? ''}`);
      tokens.set(stream, page.nextForwardToken);
      if ((page.events ?? []).length === 0) break;
    }
  }
}

/** Python's `logs_for_job(wait=True)`: tails the job's logs until it ends. */
export async function tailTrainingJob(
  direct: DirectSession,
  jobName: string,
  options: AttachWaitOptions,
): Promise<Json> {
  const logs = direct.clients.logs;
  if (!logs) throw new MissingOptionError('clients.logs', 'a CloudWatch Logs client tails the job');
  let description = await describe(direct, jobName);
  const count = instanceCount(description);
  const streams: string[] = [];
  const tokens = new Map<string, string | undefined>();
  let state: 'tailing' | 'jobComplete' | 'complete' = ENDED.has(
    String(description.TrainingJobStatus),
  )
    ? 'complete'
    : 'tailing';
  let lastDescribe = options.clock.now();
  for (;;) {
    await flushStreams(logs, jobName, count, streams, tokens, options.logger);
    if (state === 'complete') break;
    await options.clock.sleep(options.pollSeconds * 1000);
    if (state === 'jobComplete') state = 'complete';
    else if (options.clock.now() - lastDescribe >= 30_000) {
      description = await describe(direct, jobName);
      lastDescribe = options.clock.now();
      if (ENDED.has(String(description.TrainingJobStatus))) state = 'jobComplete';
    }
  }
  checkStatus(jobName, description, options.logger);
  return description;
}
