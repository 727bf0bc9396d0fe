/**
 * A small S3-compatible server for offline tests: path-style requests over HTTP on 127.0.0.1,
 * objects kept in memory, and faults injected on demand. It speaks what the operators use:
 * ListBuckets, CreateBucket, HeadBucket, PutObject, multipart uploads, GetObject, HeadObject,
 * ListObjectsV2, DeleteObject and DeleteObjects. Signatures are not checked, so any credentials
 * do (a real client still needs some to sign with: use {@link LocalS3.clientConfig}).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './closeServer.js';

/** The S3 operations the server understands. */
export type S3Operation =
  | 'ListBuckets'
  | 'CreateBucket'
  | 'HeadBucket'
  | 'PutObject'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'GetObject'
  | 'HeadObject'
  | 'ListObjectsV2'
  | 'DeleteObject'
  | 'DeleteObjects';

/** A fault to inject: matching requests get an S3 error response instead of being served. */
export interface S3Fault {
  /** Operation to fail. @default - any operation */
  readonly operation?: S3Operation;
  /** Key (exact, or a pattern) to fail. @default - any key */
  readonly key?: string | RegExp;
  /** Let this many matching requests through before failing. @default 0 */
  readonly after?: number;
  /** How many matching requests fail once failing starts (the SDK retries 5xx). @default 1 */
  readonly times?: number;
  /** HTTP status of the error. @default 500 */
  readonly status?: number;
  /** S3 error code. @default 'InternalError' */
  readonly code?: string;
}

/** One request the server received, faulted or not. */
export interface S3RequestRecord {
  readonly operation: S3Operation;
  readonly bucket: string;
  readonly key: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** True when an injected fault answered it. */
  readonly faulted: boolean;
}

/** A stored object. */
export interface S3StoredObject {
  readonly body: Uint8Array;
  readonly etag: string;
  readonly contentType: string | undefined;
  readonly lastModified: Date;
  /** Request headers it was written with (encryption, expected owner, ...). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A running local S3 server. */
export interface LocalS3 {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /**
   * Configuration for `new S3Client(...)`: endpoint, path-style addressing, a region and dummy
   * credentials.
   */
  readonly clientConfig: {
    readonly endpoint: string;
    readonly region: string;
    readonly forcePathStyle: true;
    readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  };
  /** Every request received, in order. */
  readonly requests: readonly S3RequestRecord[];
  /** Creates a bucket (no-op when it exists), without a request. */
  createBucket(bucket: string): void;
  /** Names of the buckets, sorted (as ListBuckets answers). */
  buckets(): string[];
  /** The objects of a bucket by key (a snapshot). */
  objects(bucket: string): ReadonlyMap<string, S3StoredObject>;
  getObject(bucket: string, key: string): S3StoredObject | undefined;
  /** Multipart uploads begun and neither completed nor aborted. */
  openMultipartUploads(): number;
  injectFault(fault: S3Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

/** Options of {@link startLocalS3}. */
export interface LocalS3Options {
  /** Buckets to create at start. @default [] */
  readonly buckets?: readonly string[];
  /** Region put in {@link LocalS3.clientConfig} (the server itself serves any). @default 'us-east-1' */
  readonly region?: string;
}

interface Upload {
  readonly bucket: string;
  readonly key: string;
  readonly parts: Map<number, { body: Uint8Array; etag: string }>;
  readonly headers: Record<string, string | string[] | undefined>;
}

interface ActiveFault {
  readonly fault: S3Fault;
  seen: number;
  failed: number;
}

const md5 = (data: Uint8Array | string): string => createHash('md5').update(data).digest('hex');

const xmlEscape = (s: string): string => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

const xmlUnescape = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>';
const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const encoding = req.headers['content-encoding'] ?? '';
  const sha = String(req.headers['x-amz-content-sha256'] ?? '');
  return encoding.includes('aws-chunked') || sha.startsWith('STREAMING-')
    ? decodeAwsChunked(raw)
    : raw;
}

/** `aws-chunked` bodies: `<hex size>[;chunk-signature=...]\r\n<data>\r\n`... then trailers. */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let off = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', off);
    if (eol < 0) throw new S3Error(400, 'IncompleteBody', 'truncated aws-chunked body');
    const size = parseInt(raw.subarray(off, eol).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size)) throw new S3Error(400, 'InvalidRequest', 'bad aws-chunked size');
    off = eol + 2;
    if (size === 0) return Buffer.concat(parts);
    parts.push(raw.subarray(off, off + size));
    off += size + 2;
  }
}

function operationOf(
  method: string,
  bucket: string,
  key: string | undefined,
  query: URLSearchParams,
): S3Operation {
  if (bucket === '') {
    if (method === 'GET') return 'ListBuckets';
  } else if (key === undefined) {
    if (method === 'PUT') return 'CreateBucket';
    if (method === 'HEAD') return 'HeadBucket';
    if (method === 'GET') return 'ListObjectsV2';
    if (method === 'POST' && query.has('delete')) return 'DeleteObjects';
  } else {
    switch (method) {
      case 'PUT':
        return query.has('uploadId') ? 'UploadPart' : 'PutObject';
      case 'POST':
        if (query.has('uploads')) return 'CreateMultipartUpload';
        if (query.has('uploadId')) return 'CompleteMultipartUpload';
        break;
      case 'DELETE':
        return query.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
      case 'GET':
        return 'GetObject';
      case 'HEAD':
        return 'HeadObject';
    }
  }
  const target = bucket === '' ? '(service)' : key === undefined ? '(bucket)' : key;
  throw new S3Error(501, 'NotImplemented', `${method} ${target} is not supported`);
}

/**
 * Starts a local S3-compatible server on 127.0.0.1 at a random port.
 *
 * @example
 * const s3 = await startLocalS3({ buckets: ['bucket'] });
 * const client = new S3Client(s3.clientConfig);
 * s3.injectFault({ operation: 'PutObject', after: 2, times: 10 }); // the 3rd PUT fails, retries too
 * await s3.close();
 */
export async function startLocalS3(options: LocalS3Options = {}): Promise<LocalS3> {
  const buckets = new Map<string, Map<string, S3StoredObject>>();
  const uploads = new Map<string, Upload>();
  const requests: S3RequestRecord[] = [];
  let faults: ActiveFault[] = [];
  let uploadCounter = 0;

  const bucketOf = (name: string): Map<string, S3StoredObject> => {
    const bucket = buckets.get(name);
    if (!bucket)
      throw new S3Error(404, 'NoSuchBucket', `The specified bucket does not exist: ${name}`);
    return bucket;
  };

  const matchFault = (operation: S3Operation, key: string | undefined): ActiveFault | undefined => {
    for (const active of faults) {
      const { fault } = active;
      if (fault.operation !== undefined && fault.operation !== operation) continue;
      if (fault.key !== undefined) {
        if (key === undefined) continue;
        if (typeof fault.key === 'string' ? fault.key !== key : !fault.key.test(key)) continue;
      }
      active.seen++;
      if (active.seen <= (fault.after ?? 0)) continue;
      if (active.failed >= (fault.times ?? 1)) continue;
      active.failed++;
      return active;
    }
    return undefined;
  };

  const sendXml = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(XML_HEADER + body);
  };

  const sendError = (res: ServerResponse, method: string, error: S3Error): void => {
    if (method === 'HEAD') {
      res.writeHead(error.status);
      res.end();
      return;
    }
    sendXml(
      res,
      error.status,
      `<Error><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message></Error>`,
    );
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, rawBucket = '', ...rest] = url.pathname.split('/');
    const bucketName = decodeURIComponent(rawBucket);
    const key =
      rest.length > 0 && rest.join('/') !== '' ? decodeURIComponent(rest.join('/')) : undefined;
    const query = url.searchParams;
    const body = await readBody(req);
    const operation = operationOf(method, bucketName, key, query);
    const fault = matchFault(operation, key);
    requests.push({
      operation,
      bucket: bucketName,
      key,
      headers: { ...req.headers },
      faulted: fault !== undefined,
    });
    if (fault) {
      throw new S3Error(
        fault.fault.status ?? 500,
        fault.fault.code ?? 'InternalError',
        'Injected fault',
      );
    }

    switch (operation) {
      case 'ListBuckets': {
        const created = new Date(0).toISOString();
        const list = [...buckets.keys()]
          .sort()
          .map(
            (name) =>
              `<Bucket><Name>${xmlEscape(name)}</Name><CreationDate>${created}</CreationDate></Bucket>`,
          )
          .join('');
        sendXml(
          res,
          200,
          `<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner><ID>local</ID><DisplayName>local</DisplayName></Owner><Buckets>${list}</Buckets></ListAllMyBucketsResult>`,
        );
        return;
      }
      case 'CreateBucket': {
        // As S3 in us-east-1 answers for a bucket the caller already owns: success, nothing changes.
        if (!buckets.has(bucketName)) buckets.set(bucketName, new Map());
        res.writeHead(200, { location: `/${bucketName}` });
        res.end();
        return;
      }
      case 'HeadBucket': {
        // A HEAD answer has no body: the SDK names a bare 404 `NotFound`, as it does for real S3.
        bucketOf(bucketName);
        res.writeHead(200);
        res.end();
        return;
      }
      case 'PutObject': {
        const etag = `"${md5(body)}"`;
        bucketOf(bucketName).set(key as string, {
          body: new Uint8Array(body),
          etag,
          contentType: req.headers['content-type'],
          lastModified: new Date(),
          headers: { ...req.headers },
        });
        res.writeHead(200, { etag });
        res.end();
        return;
      }
      case 'CreateMultipartUpload': {
        bucketOf(bucketName);
        const uploadId = `upload-${++uploadCounter}`;
        uploads.set(uploadId, {
          bucket: bucketName,
          key: key as string,
          parts: new Map(),
          headers: { ...req.headers },
        });
        sendXml(
          res,
          200,
          `<InitiateMultipartUploadResult xmlns="${S3_NS}"><Bucket>${xmlEscape(bucketName)}</Bucket><Key>${xmlEscape(key as string)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
        );
        return;
      }
      case 'UploadPart': {
        const upload = uploads.get(query.get('uploadId') ?? '');
        if (!upload) throw new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist');
        const etag = `"${md5(body)}"`;
        upload.parts.set(Number(query.get('partNumber')), { body: new Uint8Array(body), etag });
        res.writeHead(200, { etag });
        res.end();
        return;
      }
      case 'CompleteMultipartUpload': {
        const uploadId = query.get('uploadId') ?? '';
        const upload = uploads.get(uploadId);
        if (!upload) throw new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist');
        const numbers = [...body.toString('utf8').matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map(
          (m) => Number(m[1]),
        );
        const parts = numbers.map((n) => {
          const part = upload.parts.get(n);
          if (!part) throw new S3Error(400, 'InvalidPart', `Part ${n} was not uploaded`);
          return part;
        });
        const joined = Buffer.concat(parts.map((p) => p.body));
        const etag = `"${md5(Buffer.concat(parts.map((p) => Buffer.from(p.etag.slice(1, -1), 'hex'))))}-${parts.length}"`;
        bucketOf(upload.bucket).set(upload.key, {
          body: new Uint8Array(joined),
          etag,
          contentType: upload.headers['content-type'] as string | undefined,
          lastModified: new Date(),
          headers: upload.headers,
        });
        uploads.delete(uploadId);
        sendXml(
          res,
          200,
          `<CompleteMultipartUploadResult xmlns="${S3_NS}"><Location>${xmlEscape(`/${upload.bucket}/${upload.key}`)}</Location><Bucket>${xmlEscape(upload.bucket)}</Bucket><Key>${xmlEscape(upload.key)}</Key><ETag>${xmlEscape(etag)}</ETag></CompleteMultipartUploadResult>`,
        );
        return;
      }
      case 'AbortMultipartUpload': {
        uploads.delete(query.get('uploadId') ?? '');
        res.writeHead(204);
        res.end();
        return;
      }
      case 'GetObject':
      case 'HeadObject': {
        const object = bucketOf(bucketName).get(key as string);
        if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
        res.writeHead(200, {
          'content-length': object.body.length,
          etag: object.etag,
          'last-modified': object.lastModified.toUTCString(),
          ...(object.contentType ? { 'content-type': object.contentType } : {}),
        });
        res.end(operation === 'GetObject' ? object.body : undefined);
        return;
      }
      case 'ListObjectsV2': {
        const prefix = query.get('prefix') ?? '';
        const maxKeys = Number(query.get('max-keys') ?? 1000);
        const after = query.get('continuation-token') ?? query.get('start-after') ?? '';
        const keys = [...bucketOf(bucketName).keys()]
          .filter((k) => k.startsWith(prefix) && k > after)
          .sort();
        const page = keys.slice(0, maxKeys);
        const truncated = keys.length > page.length;
        const contents = page
          .map((k) => {
            const o = bucketOf(bucketName).get(k) as S3StoredObject;
            return `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
          })
          .join('');
        const next = truncated
          ? `<NextContinuationToken>${xmlEscape(page[page.length - 1] ?? '')}</NextContinuationToken>`
          : '';
        sendXml(
          res,
          200,
          `<ListBucketResult xmlns="${S3_NS}"><Name>${xmlEscape(bucketName)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`,
        );
        return;
      }
      case 'DeleteObject': {
        bucketOf(bucketName).delete(key as string);
        res.writeHead(204);
        res.end();
        return;
      }
      case 'DeleteObjects': {
        const bucket = bucketOf(bucketName);
        const keys = [...body.toString('utf8').matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) =>
          xmlUnescape(m[1] ?? ''),
        );
        for (const k of keys) bucket.delete(k);
        sendXml(
          res,
          200,
          `<DeleteResult xmlns="${S3_NS}">${keys.map((k) => `<Deleted><Key>${xmlEscape(k)}</Key></Deleted>`).join('')}</DeleteResult>`,
        );
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const s3Error =
        error instanceof S3Error ? error : new S3Error(500, 'InternalError', String(error));
      sendError(res, req.method ?? 'GET', s3Error);
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
  const endpoint = `http://127.0.0.1:${port}`;
  for (const name of options.buckets ?? []) buckets.set(name, new Map());

  return {
    endpoint,
    clientConfig: {
      endpoint,
      region: options.region ?? 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
    requests,
    createBucket(name) {
      if (!buckets.has(name)) buckets.set(name, new Map());
    },
    buckets: () => [...buckets.keys()].sort(),
    objects: (name) => new Map(buckets.get(name) ?? []),
    getObject: (name, key) => buckets.get(name)?.get(key),
    openMultipartUploads: () => uploads.size,
    injectFault(fault) {
      faults.push({ fault, seen: 0, failed: 0 });
    },
    clearFaults() {
      faults = [];
    },
    close: () => closeServer(server),
  };
}
