/**
 * A small S3-compatible server for offline tests: path-style requests over HTTP on 127.0.0.1,
 * objects kept in memory, and faults injected on demand. It speaks what the operators use:
 * ListBuckets, CreateBucket, HeadBucket, PutObject, multipart uploads, GetObject, HeadObject,
 * ListObjectsV2, DeleteObject and DeleteObjects. Signatures are not checked, so any credentials
 * do (a real client still needs some to sign with: use {@link LocalS3.clientConfig}).
 */
import { FaultQueue, startHttpEndpoint } from '../internal/httpEndpoint.js';
import { decodeBody } from './awsChunked.js';
import { parseS3Request, serveS3 } from './operations.js';
import { S3Error } from './S3Error.js';
import { S3Store } from './S3Store.js';
import type { LocalS3, LocalS3Options, S3Fault, S3RequestRecord } from './types.js';

export type {
  LocalS3,
  LocalS3Options,
  S3Fault,
  S3Operation,
  S3RequestRecord,
  S3StoredObject,
} from './types.js';

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
  const store = new S3Store();
  const requests: S3RequestRecord[] = [];
  const faults = new FaultQueue<S3Fault>();

  const http = await startHttpEndpoint(
    (request) => {
      const s3 = parseS3Request(request.method, request.url);
      const body = decodeBody(request.body, request.headers);
      const fault = faults.take(({ operation, key }) => {
        if (operation !== undefined && operation !== s3.operation) return false;
        if (key === undefined) return true;
        if (s3.key === undefined) return false;
        return typeof key === 'string' ? key === s3.key : key.test(s3.key);
      });
      requests.push({
        operation: s3.operation,
        bucket: s3.bucket,
        key: s3.key,
        headers: { ...request.headers },
        faulted: fault !== undefined,
      });
      if (fault) {
        throw new S3Error(fault.status ?? 500, fault.code ?? 'InternalError', 'Injected fault');
      }
      return serveS3(store, s3, request, body);
    },
    (error) =>
      (error instanceof S3Error
        ? error
        : new S3Error(500, 'InternalError', String(error))
      ).answer(),
  );
  for (const name of options.buckets ?? []) store.createBucket(name);

  return {
    endpoint: http.url,
    clientConfig: {
      endpoint: http.url,
      region: options.region ?? 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
    requests,
    createBucket: (name) => {
      store.createBucket(name);
    },
    buckets: () => store.bucketNames(),
    objects: (name) => new Map(store.objects(name)),
    getObject: (name, key) => store.objects(name).get(key),
    putObject(bucket, key, body, contentType) {
      store.createBucket(bucket);
      const bytes = typeof body === 'string' ? new Uint8Array(Buffer.from(body)) : body;
      store.put(bucket, key, bytes, contentType, {});
    },
    openMultipartUploads: () => store.openUploads(),
    injectFault(fault) {
      faults.add(fault, { times: fault.times ?? 1, after: fault.after ?? 0 });
    },
    clearFaults() {
      faults.clear();
    },
    close: () => http.close(),
  };
}
