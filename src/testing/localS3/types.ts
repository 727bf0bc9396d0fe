/** Public types of the local S3 server ({@link startLocalS3}). */

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
  /** One stored object, or `undefined`. */
  getObject(bucket: string, key: string): S3StoredObject | undefined;
  /**
   * Stores an object without a request (the bucket is created when missing), as a job writing
   * its output does.
   */
  putObject(bucket: string, key: string, body: Uint8Array | string, contentType?: string): void;
  /** Multipart uploads begun and neither completed nor aborted. */
  openMultipartUploads(): number;
  /** Queues a fault for the next matching requests. */
  injectFault(fault: S3Fault): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Options of {@link startLocalS3}. */
export interface LocalS3Options {
  /** Buckets to create at start. @default [] */
  readonly buckets?: readonly string[];
  /** Region put in {@link LocalS3.clientConfig} (the server itself serves any). @default 'us-east-1' */
  readonly region?: string;
}
