/**
 * Follows a job's CloudWatch log streams (`<group>/<job name>/<instance>`), as Airflow's
 * `multi_stream_iter` does: each poll reads every stream from where the last poll stopped and
 * prints the new events of all instances interleaved by timestamp.
 * @internal
 */
import type { CloudWatchLogsClient, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { loadLogsSdk } from '../internal/loadPeer.js';
import type { OperatorLogger } from './logger.js';
import { errorName } from './sagemakerCall.js';

/** A log follower; call {@link LogTail.poll} repeatedly. @internal */
export interface LogTail {
  /** Reads and prints the events written since the previous poll. */
  poll(): Promise<void>;
}

/** Creates a follower for the streams named `<jobName>/...` in `group`. @internal */
export function logTail(
  logs: Pick<CloudWatchLogsClient, 'send'>,
  group: string,
  jobName: string,
  logger: OperatorLogger,
): LogTail {
  const prefix = `${jobName}/`;
  const tokens = new Map<string, string>();

  async function streams(): Promise<string[]> {
    const { DescribeLogStreamsCommand } = await loadLogsSdk();
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      try {
        const page = await logs.send(
          new DescribeLogStreamsCommand({
            logGroupName: group,
            logStreamNamePrefix: prefix,
            ...(nextToken ? { nextToken } : {}),
          }),
        );
        names.push(
          ...(page.logStreams ?? []).flatMap((s) => (s.logStreamName ? [s.logStreamName] : [])),
        );
        nextToken = page.nextToken;
      } catch (error) {
        // The group appears with the job's first log line.
        if (errorName(error) === 'ResourceNotFoundException') return [];
        throw error;
      }
    } while (nextToken);
    return names;
  }

  async function read(stream: string): Promise<OutputLogEvent[]> {
    const { GetLogEventsCommand } = await loadLogsSdk();
    const events: OutputLogEvent[] = [];
    for (;;) {
      const token = tokens.get(stream);
      const page = await logs.send(
        new GetLogEventsCommand({
          logGroupName: group,
          logStreamName: stream,
          startFromHead: true,
          ...(token ? { nextToken: token } : {}),
        }),
      );
      events.push(...(page.events ?? []));
      // GetLogEvents answers the token it was given once a stream has nothing more.
      if (!page.nextForwardToken || page.nextForwardToken === token) break;
      tokens.set(stream, page.nextForwardToken);
      if ((page.events ?? []).length === 0) break;
    }
    return events;
  }

  return {
    async poll() {
      const merged: { stream: string; event: OutputLogEvent; order: number }[] = [];
      for (const stream of await streams()) {
        for (const event of await read(stream))
          merged.push({ stream, event, order: merged.length });
      }
      merged.sort(
        (a, b) => (a.event.timestamp ?? 0) - (b.event.timestamp ?? 0) || a.order - b.order,
      );
      for (const { stream, event } of merged) {
        logger.info(`[${stream.slice(prefix.length)}] ${event.message ?? ''}`);
      }
    },
  };
}
