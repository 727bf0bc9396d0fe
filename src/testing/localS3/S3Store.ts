/**
 * The local S3 server's state: buckets of objects in memory, and open multipart uploads.
 * @internal
 */
import { createHash } from 'node:crypto';
import { S3Error } from './S3Error.js';
import type { S3StoredObject } from './types.js';

/** Request headers as stored with an object. @internal */
export type StoredHeaders = Readonly<Record<string, string | string[] | undefined>>;

interface Upload {
  readonly bucket: string;
  readonly key: string;
  readonly parts: Map<number, { body: Uint8Array; etag: string }>;
  readonly headers: StoredHeaders;
}

/** The MD5 hex digest S3 uses as an ETag. @internal */
export const md5 = (data: Uint8Array | string): string =>
  createHash('md5').update(data).digest('hex');

/** Buckets, objects and multipart uploads. @internal */
export class S3Store {
  readonly #buckets = new Map<string, Map<string, S3StoredObject>>();
  readonly #uploads = new Map<string, Upload>();
  #uploadCounter = 0;

  /** Creates a bucket; no-op when it exists. */
  createBucket(name: string): void {
    if (!this.#buckets.has(name)) this.#buckets.set(name, new Map());
  }

  hasBucket(name: string): boolean {
    return this.#buckets.has(name);
  }

  /** Bucket names, sorted. */
  bucketNames(): string[] {
    return [...this.#buckets.keys()].sort();
  }

  /** A bucket's objects. @throws {S3Error} `NoSuchBucket` */
  bucket(name: string): Map<string, S3StoredObject> {
    const bucket = this.#buckets.get(name);
    if (!bucket)
      throw new S3Error(404, 'NoSuchBucket', `The specified bucket does not exist: ${name}`);
    return bucket;
  }

  /** A bucket's objects, empty when the bucket does not exist. */
  objects(name: string): ReadonlyMap<string, S3StoredObject> {
    return this.#buckets.get(name) ?? new Map<string, S3StoredObject>();
  }

  /** Stores an object. @throws {S3Error} `NoSuchBucket` */
  put(
    bucket: string,
    key: string,
    body: Uint8Array,
    contentType: string | undefined,
    headers: StoredHeaders,
    etag = `"${md5(body)}"`,
  ): string {
    this.bucket(bucket).set(key, { body, etag, contentType, lastModified: new Date(), headers });
    return etag;
  }

  /** Begins a multipart upload and returns its id. */
  beginUpload(bucket: string, key: string, headers: StoredHeaders): string {
    this.bucket(bucket);
    const uploadId = `upload-${++this.#uploadCounter}`;
    this.#uploads.set(uploadId, { bucket, key, parts: new Map(), headers });
    return uploadId;
  }

  /** Stores one part and returns its ETag. @throws {S3Error} `NoSuchUpload` */
  putPart(uploadId: string, partNumber: number, body: Uint8Array): string {
    const etag = `"${md5(body)}"`;
    this.#upload(uploadId).parts.set(partNumber, { body, etag });
    return etag;
  }

  /** Joins the listed parts into the object. @throws {S3Error} `NoSuchUpload`, `InvalidPart` */
  completeUpload(uploadId: string, partNumbers: readonly number[]): Upload & { etag: string } {
    const upload = this.#upload(uploadId);
    const parts = partNumbers.map((n) => {
      const part = upload.parts.get(n);
      if (!part) throw new S3Error(400, 'InvalidPart', `Part ${n} was not uploaded`);
      return part;
    });
    const joined = Buffer.concat(parts.map((p) => p.body));
    const digests = Buffer.concat(parts.map((p) => Buffer.from(p.etag.slice(1, -1), 'hex')));
    const etag = `"${md5(digests)}-${parts.length}"`;
    const contentType = upload.headers['content-type'];
    this.put(
      upload.bucket,
      upload.key,
      new Uint8Array(joined),
      typeof contentType === 'string' ? contentType : undefined,
      upload.headers,
      etag,
    );
    this.#uploads.delete(uploadId);
    return { ...upload, etag };
  }

  abortUpload(uploadId: string): void {
    this.#uploads.delete(uploadId);
  }

  openUploads(): number {
    return this.#uploads.size;
  }

  #upload(uploadId: string): Upload {
    const upload = this.#uploads.get(uploadId);
    if (!upload) throw new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist');
    return upload;
  }
}
