/**
 * The replay behind the request cases (REQUESTS.md): real AWS SDK v3 clients whose
 * `requestHandler` answers each operation with the case's recorded `responses`, in order, as the
 * service would on the wire (JSON for SageMaker and CloudWatch Logs, REST-XML for S3, query XML
 * for IAM and STS), and a client middleware that records every call the clients are asked to
 * make (service, operation, input) and every S3 upload, as the Python generator's boto3 stub did.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import type { HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import { isGzip, isUstar, tarEntries } from '../../../src/internal/tarEntries.js';

/** One recorded request, as in a case's `expect.requests`. */
export interface RecordedRequest {
  readonly service: string;
  readonly operation: string;
  readonly input: unknown;
  endpoint_url?: string;
}

/** The clients of one replayed case. */
export interface ReplayClients {
  readonly sagemaker: SageMakerClient;
  readonly s3: S3Client;
  readonly iam: IAMClient;
  readonly sts: STSClient;
  readonly logs: CloudWatchLogsClient;
}

type Json = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/;

/** Serves the recorded responses and keeps what the clients sent, step by step. */
export class Replay {
  private readonly served = new Map<string, number>();
  /** The requests and uploads of the current step. */
  requests: RecordedRequest[] = [];
  uploads: Json[] = [];

  constructor(private readonly responses: Readonly<Record<string, readonly unknown[]>>) {}

  /** Starts a new step: what follows is recorded for it. */
  beginStep(): void {
    this.requests = [];
    this.uploads = [];
  }

  /** The next recorded response of `operation` (the last one again past the end). */
  next(operation: string): unknown {
    const list = this.responses[operation];
    if (!list || list.length === 0) return {};
    const i = this.served.get(operation) ?? 0;
    this.served.set(operation, i + 1);
    return list[Math.min(i, list.length - 1)];
  }

  record(service: string, operation: string, input: Json): RecordedRequest {
    const copy: Json = { ...input };
    if (operation === 'PutObject' && 'Body' in input) {
      copy.Body = { $upload: this.uploads.length };
      this.uploads.push(uploadRecord(input));
    }
    const record: RecordedRequest = {
      service,
      operation,
      input: JSON.parse(JSON.stringify(copy)) as unknown,
    };
    this.requests.push(record);
    return record;
  }

  /** Real clients of every service a case uses, answered from the recording. */
  clients(region: string): ReplayClients {
    const common = {
      region,
      credentials: { accessKeyId: 'AKIDREPLAY', secretAccessKey: 'replay' },
      maxAttempts: 1,
    };
    const sagemaker = new SageMakerClient({ ...common, requestHandler: this.handler('json') });
    const s3 = new S3Client({
      ...common,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: this.handler('s3'),
    });
    const iam = new IAMClient({ ...common, requestHandler: this.handler('query') });
    const sts = new STSClient({ ...common, requestHandler: this.handler('query') });
    const logs = new CloudWatchLogsClient({ ...common, requestHandler: this.handler('json') });
    this.instrument(sagemaker, 'sagemaker');
    this.instrument(s3, 's3');
    this.instrument(iam, 'iam');
    this.instrument(sts, 'sts');
    this.instrument(logs, 'logs');
    return { sagemaker, s3, iam, sts, logs };
  }

  private instrument(
    client: { middlewareStack: { add: (...a: never[]) => void } },
    service: string,
  ): void {
    const stack = client.middlewareStack as unknown as {
      add: (
        mw: (next: (a: unknown) => Promise<unknown>, ctx: Json) => (a: unknown) => Promise<unknown>,
        o: Json,
      ) => void;
    };
    stack.add(
      (next, ctx) => (args) => {
        const operation = String(ctx.commandName).replace(/Command$/, '');
        ctx.replayRecord = this.record(service, operation, (args as { input: Json }).input);
        return next(args);
      },
      { step: 'initialize', priority: 'high', name: 'replayRecord' },
    );
    stack.add(
      (next, ctx) => (args) => {
        const request = (args as { request: HttpRequest }).request;
        request.headers['x-replay-operation'] = String(ctx.commandName).replace(/Command$/, '');
        // The endpoint the client resolved (Python's STS client is created with its regional one).
        const record = ctx.replayRecord as RecordedRequest | undefined;
        if (record && service === 'sts') record.endpoint_url = `https://${request.hostname}`;
        return next(args);
      },
      { step: 'build', name: 'replayOperation' },
    );
  }

  private handler(protocol: 'json' | 's3' | 'query'): RequestHandler<HttpRequest, HttpResponse> {
    return {
      handle: (request) => {
        const operation = request.headers['x-replay-operation'] ?? '';
        const recorded = this.next(operation);
        const response = httpResponse(protocol, operation, request.method, recorded);
        return Promise.resolve({ response });
      },
    };
  }
}

function bodyBytes(body: unknown): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  throw new Error(`replay: PutObject Body of type ${typeof body} is not recorded`);
}

/** A tar archive's members (sorted by name), or undefined if `bytes` is not one. */
export function tarMembers(bytes: Buffer): Json[] | undefined {
  let tar: Uint8Array = bytes;
  if (isGzip(bytes)) {
    try {
      tar = gunzipSync(bytes);
    } catch {
      return undefined;
    }
  }
  if (!isUstar(tar)) return undefined;
  const members: Json[] = [];
  for (const member of tarEntries(tar)) {
    let name = member.name.replace(/^\.\//, '').replace(/\/$/, '');
    if (name === '.') name = '';
    if (member.type === 'file') {
      members.push({
        name,
        type: 'file',
        size: member.body.length,
        sha256: createHash('sha256').update(member.body).digest('hex'),
      });
    } else members.push({ name, type: member.type });
  }
  return members.sort((a, b) => (String(a.name) < String(b.name) ? -1 : a.name === b.name ? 0 : 1));
}

function uploadRecord(input: Json): Json {
  const bytes = bodyBytes(input.Body);
  const base = { bucket: input.Bucket, key: input.Key };
  const members = tarMembers(bytes);
  if (members) return { ...base, members };
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  return {
    ...base,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(text === undefined ? {} : { text }),
  };
}

/** A gzipped tar holding `members` (`$targz`), mtime 0. */
export function makeTarGz(
  members: readonly { name: string; text?: string; b64?: string }[],
): Buffer {
  const blocks: Buffer[] = [];
  for (const m of members) {
    const body = m.b64 !== undefined ? Buffer.from(m.b64, 'base64') : Buffer.from(m.text ?? '');
    const header = Buffer.alloc(512);
    header.write(m.name, 0, 100, 'utf8');
    header.write('0000644\0', 100, 'latin1');
    header.write('0000000\0', 108, 'latin1');
    header.write('0000000\0', 116, 'latin1');
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    header.write('00000000000\0', 136, 'latin1');
    header.write('        ', 148, 'latin1');
    header.write('0', 156, 'latin1');
    header.write('ustar\0', 257, 'latin1');
    header.write('00', 263, 'latin1');
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** Recorded timestamps (ISO strings) as the epoch seconds the JSON protocols carry. */
function epochs(value: unknown): unknown {
  if (typeof value === 'string' && ISO_DATE.test(value)) return Date.parse(value) / 1000;
  if (Array.isArray(value)) return value.map(epochs);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, epochs(v)]));
  return value;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain XML of a JSON value; `listItem` names the element of each list entry. */
function xml(value: unknown, listItem: (key: string) => string | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return esc(value);
  if (typeof value !== 'object') return esc(JSON.stringify(value));
  return Object.entries(value as Json)
    .map(([k, v]) => {
      if (Array.isArray(v)) {
        const item = listItem(k);
        if (item === null) return v.map((e) => `<${k}>${xml(e, listItem)}</${k}>`).join('');
        return `<${k}>${v.map((e) => `<${item}>${xml(e, listItem)}</${item}>`).join('')}</${k}>`;
      }
      return `<${k}>${xml(v, listItem)}</${k}>`;
    })
    .join('');
}

const S3_FLAT = new Set(['Contents', 'CommonPrefixes']);
const S3_ITEMS: Readonly<Record<string, string>> = { Buckets: 'Bucket' };
const S3_ROOT: Readonly<Record<string, string>> = {
  ListBuckets: 'ListAllMyBucketsResult',
  ListObjectsV2: 'ListBucketResult',
};
const S3_HEADERS: Readonly<Record<string, string>> = {
  ETag: 'etag',
  Location: 'location',
  VersionId: 'x-amz-version-id',
  ServerSideEncryption: 'x-amz-server-side-encryption',
  ContentType: 'content-type',
  BucketRegion: 'x-amz-bucket-region',
};

function stream(bytes: Buffer | string): Readable {
  return Readable.from([typeof bytes === 'string' ? Buffer.from(bytes) : bytes]);
}

function getObjectBody(body: unknown): Buffer {
  if (body && typeof body === 'object') {
    const b = body as Json;
    if (Array.isArray(b.$targz)) return makeTarGz(b.$targz as never);
    if (typeof b.$b64 === 'string') return Buffer.from(b.$b64, 'base64');
  }
  return Buffer.from(typeof body === 'string' ? body : '');
}

function httpResponse(
  protocol: 'json' | 's3' | 'query',
  operation: string,
  method: string,
  recorded: unknown,
): HttpResponse {
  const r = (recorded ?? {}) as Json;
  const error = r.$error as { Code?: string; Message?: string } | undefined;
  if (error) {
    const statusCode = typeof r.$http_status === 'number' ? r.$http_status : 400;
    const code = error.Code ?? 'Error';
    const message = error.Message ?? '';
    if (protocol === 'json') {
      return {
        statusCode,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code },
        body: stream(JSON.stringify({ __type: code, message })),
      };
    }
    if (protocol === 's3') {
      const body =
        method === 'HEAD'
          ? ''
          : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error>`;
      return { statusCode, headers: { 'content-type': 'application/xml' }, body: stream(body) };
    }
    const body = `<ErrorResponse><Error><Type>Sender</Type><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error><RequestId>replay</RequestId></ErrorResponse>`;
    return { statusCode, headers: { 'content-type': 'text/xml' }, body: stream(body) };
  }
  if (protocol === 'json') {
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: stream(JSON.stringify(epochs(r))),
    };
  }
  if (protocol === 'query') {
    const inner = xml(r, () => 'member');
    const body = `<${operation}Response><${operation}Result>${inner}</${operation}Result><ResponseMetadata><RequestId>replay</RequestId></ResponseMetadata></${operation}Response>`;
    return { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: stream(body) };
  }
  const headers: Record<string, string> = {};
  for (const [k, h] of Object.entries(S3_HEADERS)) {
    if (typeof r[k] === 'string') headers[h] = r[k];
  }
  if (operation === 'GetObject') {
    const bytes = getObjectBody(r.Body);
    headers['content-length'] = String(bytes.length);
    return { statusCode: 200, headers, body: stream(bytes) };
  }
  const root = S3_ROOT[operation];
  if (root) {
    const inner = xml(r, (k) => (S3_FLAT.has(k) ? null : (S3_ITEMS[k] ?? 'member')));
    headers['content-type'] = 'application/xml';
    return {
      statusCode: 200,
      headers,
      body: stream(`<?xml version="1.0" encoding="UTF-8"?><${root}>${inner}</${root}>`),
    };
  }
  return { statusCode: operation === 'DeleteObject' ? 204 : 200, headers, body: stream('') };
}
