/**
 * The HTTP plumbing the local endpoints share: listen on 127.0.0.1 at a random port, read the
 * body, answer JSON or XML, a bounded fault queue and a request log.
 * @internal
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './closeServer.js';

/** A request as the handlers see it: its body read whole. @internal */
export interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** What a handler answers. @internal */
export interface HttpAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | number>>;
  readonly body?: string | Uint8Array;
}

/** A listening endpoint. @internal */
export interface HttpEndpoint {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Handles one request; a thrown error goes to `onError`. @internal */
export type HttpHandler = (request: HttpRequest) => HttpAnswer | Promise<HttpAnswer>;

/**
 * Starts a server on 127.0.0.1 at a random port that answers every request with `handle`, or with
 * `onError` when `handle` throws.
 * @internal
 */
export async function startHttpEndpoint(
  handle: HttpHandler,
  onError: (error: unknown, request: HttpRequest) => HttpAnswer,
): Promise<HttpEndpoint> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    req.on('end', () => {
      const request: HttpRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      Promise.resolve()
        .then(() => handle(request))
        .catch((error: unknown) => onError(error, request))
        .then((answer) => {
          res.writeHead(answer.status, answer.headers as Record<string, string | number>);
          res.end(request.method === 'HEAD' ? undefined : answer.body);
        })
        .catch((error: unknown) => {
          res.destroy(error instanceof Error ? error : new Error(String(error)));
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, close: () => closeServer(server) };
}

/** A JSON answer (`application/x-amz-json-1.1` unless `contentType` says otherwise). @internal */
export function jsonAnswer(
  status: number,
  payload: unknown,
  headers: Readonly<Record<string, string | number>> = {},
  contentType = 'application/x-amz-json-1.1',
): HttpAnswer {
  const body = JSON.stringify(payload);
  return {
    status,
    headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers },
    body,
  };
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>';

/** An XML answer, with the XML declaration prepended. @internal */
export function xmlAnswer(
  status: number,
  xml: string,
  headers: Readonly<Record<string, string | number>> = {},
): HttpAnswer {
  const body = XML_HEADER + xml;
  return {
    status,
    headers: {
      'content-type': 'application/xml',
      'content-length': Buffer.byteLength(body),
      ...headers,
    },
    body,
  };
}

/** Escapes text for an XML element or attribute. @internal */
export const xmlEscape = (s: string): string =>
  s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** How long and how often a queued fault applies. @internal */
export interface FaultBound {
  /** Matching requests that fail, at most. @default 1 */
  readonly times?: number;
  /** Let this many matching requests through first. @default 0 */
  readonly after?: number;
  /** Wall-clock seconds from now after which the fault no longer applies. @default - no limit */
  readonly forSeconds?: number;
  /**
   * Share of matching requests that fail, spread evenly (0.9: 9 of every 10), so a test's outcome
   * does not depend on chance. @default 1
   */
  readonly share?: number;
}

interface QueuedFault<F> {
  readonly fault: F;
  readonly times: number;
  readonly after: number;
  readonly untilMs: number;
  readonly share: number;
  seen: number;
  failed: number;
}

/** Faults waiting for matching requests, each bounded in count and, optionally, time. @internal */
export class FaultQueue<F> {
  #entries: QueuedFault<F>[] = [];

  /** Queues a fault. */
  add(fault: F, bound: FaultBound = {}): void {
    this.#entries.push({
      fault,
      times: bound.times ?? 1,
      after: bound.after ?? 0,
      untilMs: bound.forSeconds === undefined ? Infinity : Date.now() + bound.forSeconds * 1000,
      share: bound.share ?? 1,
      seen: 0,
      failed: 0,
    });
  }

  /** The first queued fault that applies to a request `matches` accepts, counted as used. */
  take(matches: (fault: F) => boolean): F | undefined {
    for (const entry of this.#entries) {
      if (entry.failed >= entry.times || Date.now() > entry.untilMs) continue;
      if (!matches(entry.fault)) continue;
      entry.seen += 1;
      const n = entry.seen - entry.after;
      if (n <= 0) continue;
      // Fail request n when the running count of shares crosses an integer: even spread.
      if (Math.floor(n * entry.share + 1e-9) === Math.floor((n - 1) * entry.share + 1e-9)) continue;
      entry.failed += 1;
      return entry.fault;
    }
    return undefined;
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#entries = [];
  }
}

/** Waits `ms` real milliseconds (injected latency). @internal */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
