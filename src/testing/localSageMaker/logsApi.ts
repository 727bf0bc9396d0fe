/**
 * The CloudWatch Logs calls the operators' log tailing makes: DescribeLogStreams and GetLogEvents,
 * over streams a test seeds.
 * @internal
 */
import { ApiError, unsupported, type Json } from './protocol.js';
import type { SeedLogEvent } from './types.js';

interface LogStream {
  readonly creationTime: number;
  readonly events: { timestamp: number; message: string; ingestionTime: number }[];
}

/** Log groups of streams of events. @internal */
export class LogStore {
  readonly #groups = new Map<string, Map<string, LogStream>>();

  /** Adds events to a stream, creating it and its group when missing. */
  put(groupName: string, streamName: string, events: readonly SeedLogEvent[], now: number): void {
    const group = this.#groups.get(groupName) ?? new Map<string, LogStream>();
    this.#groups.set(groupName, group);
    const stream: LogStream = group.get(streamName) ?? { creationTime: now, events: [] };
    group.set(streamName, stream);
    for (const e of events) {
      stream.events.push({ timestamp: e.timestamp ?? now, message: e.message, ingestionTime: now });
    }
    stream.events.sort((a, b) => a.timestamp - b.timestamp);
  }

  /** Answers one CloudWatch Logs operation. @throws {ApiError} */
  answer(operation: string, body: Json): Json {
    const group =
      typeof body['logGroupName'] === 'string' ? this.#groups.get(body['logGroupName']) : undefined;
    if (!group) {
      throw new ApiError(
        400,
        'ResourceNotFoundException',
        'The specified log group does not exist.',
      );
    }
    switch (operation) {
      case 'DescribeLogStreams': {
        const prefix =
          typeof body['logStreamNamePrefix'] === 'string' ? body['logStreamNamePrefix'] : '';
        const streams = [...group.entries()]
          .filter(([name]) => name.startsWith(prefix))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, st]) => ({
            logStreamName: name,
            creationTime: st.creationTime,
            ...(st.events.length
              ? {
                  firstEventTimestamp: st.events[0]?.timestamp,
                  lastEventTimestamp: st.events.at(-1)?.timestamp,
                }
              : {}),
            storedBytes: 0,
          }));
        return { logStreams: streams };
      }
      case 'GetLogEvents': {
        const stream =
          typeof body['logStreamName'] === 'string' ? group.get(body['logStreamName']) : undefined;
        if (!stream) {
          throw new ApiError(
            400,
            'ResourceNotFoundException',
            'The specified log stream does not exist.',
          );
        }
        const token = typeof body['nextToken'] === 'string' ? body['nextToken'] : undefined;
        const limit = typeof body['limit'] === 'number' ? body['limit'] : 10_000;
        let from = token ? Number(token.slice(2)) : 0;
        if (!token && typeof body['startTime'] === 'number') {
          const startTime = body['startTime'];
          from = stream.events.findIndex((e) => e.timestamp >= startTime);
          if (from < 0) from = stream.events.length;
        }
        const events = stream.events.slice(from, from + limit);
        return {
          events,
          nextForwardToken: `f/${from + events.length}`,
          nextBackwardToken: `b/${from}`,
        };
      }
      default:
        throw unsupported(operation);
    }
  }
}
