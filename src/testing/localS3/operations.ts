/**
 * The S3 REST operations the local server serves: which one a request is, and its answer.
 * @internal
 */
import {
  xmlAnswer,
  xmlEscape,
  type HttpAnswer,
  type HttpRequest,
} from '../internal/httpEndpoint.js';
import { S3Error } from './S3Error.js';
import type { S3Store } from './S3Store.js';
import type { S3Operation } from './types.js';

const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** Reverses {@link xmlEscape} and the named entities. @internal */
export const xmlUnescape = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A path-style request, parsed. @internal */
export interface S3Request {
  readonly operation: S3Operation;
  readonly bucket: string;
  readonly key: string | undefined;
  readonly query: URLSearchParams;
}

/** Which operation a path-style request is. @throws {S3Error} `NotImplemented` @internal */
export function parseS3Request(method: string, url: URL): S3Request {
  const [, rawBucket = '', ...rest] = url.pathname.split('/');
  const bucket = decodeURIComponent(rawBucket);
  const key =
    rest.length > 0 && rest.join('/') !== '' ? decodeURIComponent(rest.join('/')) : undefined;
  const query = url.searchParams;
  const operation = operationOf(method, bucket, key, query);
  return { operation, bucket, key, query };
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

const empty = (status: number, headers: Record<string, string | number> = {}): HttpAnswer => ({
  status,
  headers,
});

/** Serves one parsed request against the store. @internal */
export function serveS3(
  store: S3Store,
  s3: S3Request,
  http: HttpRequest,
  body: Buffer,
): HttpAnswer {
  const { bucket: bucketName, query } = s3;
  const key = s3.key as string;
  const headers = { ...http.headers };
  switch (s3.operation) {
    case 'ListBuckets': {
      const created = new Date(0).toISOString();
      const list = store
        .bucketNames()
        .map(
          (name) =>
            `<Bucket><Name>${xmlEscape(name)}</Name><CreationDate>${created}</CreationDate></Bucket>`,
        )
        .join('');
      return xmlAnswer(
        200,
        `<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner><ID>local</ID><DisplayName>local</DisplayName></Owner><Buckets>${list}</Buckets></ListAllMyBucketsResult>`,
      );
    }
    case 'CreateBucket':
      // As S3 in us-east-1 answers for a bucket the caller already owns: success, nothing changes.
      store.createBucket(bucketName);
      return empty(200, { location: `/${bucketName}` });
    case 'HeadBucket':
      store.bucket(bucketName);
      return empty(200);
    case 'PutObject': {
      const etag = store.put(
        bucketName,
        key,
        new Uint8Array(body),
        http.headers['content-type'],
        headers,
      );
      return empty(200, { etag });
    }
    case 'CreateMultipartUpload': {
      const uploadId = store.beginUpload(bucketName, key, headers);
      return xmlAnswer(
        200,
        `<InitiateMultipartUploadResult xmlns="${S3_NS}"><Bucket>${xmlEscape(bucketName)}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
      );
    }
    case 'UploadPart': {
      const etag = store.putPart(
        query.get('uploadId') ?? '',
        Number(query.get('partNumber')),
        new Uint8Array(body),
      );
      return empty(200, { etag });
    }
    case 'CompleteMultipartUpload': {
      const numbers = [...body.toString('utf8').matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map(
        (m) => Number(m[1]),
      );
      const done = store.completeUpload(query.get('uploadId') ?? '', numbers);
      return xmlAnswer(
        200,
        `<CompleteMultipartUploadResult xmlns="${S3_NS}"><Location>${xmlEscape(`/${done.bucket}/${done.key}`)}</Location><Bucket>${xmlEscape(done.bucket)}</Bucket><Key>${xmlEscape(done.key)}</Key><ETag>${xmlEscape(done.etag)}</ETag></CompleteMultipartUploadResult>`,
      );
    }
    case 'AbortMultipartUpload':
      store.abortUpload(query.get('uploadId') ?? '');
      return empty(204);
    case 'GetObject':
    case 'HeadObject': {
      const object = store.bucket(bucketName).get(key);
      if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      return {
        status: 200,
        headers: {
          'content-length': object.body.length,
          etag: object.etag,
          'last-modified': object.lastModified.toUTCString(),
          ...(object.contentType ? { 'content-type': object.contentType } : {}),
        },
        body: object.body,
      };
    }
    case 'ListObjectsV2':
      return listObjects(store, bucketName, query);
    case 'DeleteObject':
      store.bucket(bucketName).delete(key);
      return empty(204);
    case 'DeleteObjects': {
      const bucket = store.bucket(bucketName);
      const keys = [...body.toString('utf8').matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) =>
        xmlUnescape(m[1] ?? ''),
      );
      for (const k of keys) bucket.delete(k);
      return xmlAnswer(
        200,
        `<DeleteResult xmlns="${S3_NS}">${keys.map((k) => `<Deleted><Key>${xmlEscape(k)}</Key></Deleted>`).join('')}</DeleteResult>`,
      );
    }
  }
}

function listObjects(store: S3Store, bucketName: string, query: URLSearchParams): HttpAnswer {
  const bucket = store.bucket(bucketName);
  const prefix = query.get('prefix') ?? '';
  const maxKeys = Number(query.get('max-keys') ?? 1000);
  const after = query.get('continuation-token') ?? query.get('start-after') ?? '';
  const keys = [...bucket.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
  const page = keys.slice(0, maxKeys);
  const truncated = keys.length > page.length;
  const contents = page
    .map((k) => {
      const o = bucket.get(k);
      if (!o) return '';
      return `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
    })
    .join('');
  const next = truncated
    ? `<NextContinuationToken>${xmlEscape(page[page.length - 1] ?? '')}</NextContinuationToken>`
    : '';
  return xmlAnswer(
    200,
    `<ListBucketResult xmlns="${S3_NS}"><Name>${xmlEscape(bucketName)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${next}</ListBucketResult>`,
  );
}
