/** The `S3Operations` member Python's config generator adds for Airflow to perform. */
import { deepEqual } from '../internal/deepEqual.js';

/** One upload: a local path (a directory or a file, tarred when `Tar`) to `s3://Bucket/Key`. */
export interface S3Upload {
  readonly Path: string;
  readonly Bucket: string;
  readonly Key: string;
  /** Upload a tar.gz of the path (a directory's contents at the archive root). */
  readonly Tar: boolean;
}

/** A bucket to create before the job. */
export interface S3CreateBucket {
  readonly Bucket: string;
}

/** What the operator does in S3 before submitting the job. */
export interface S3Operations {
  readonly S3Upload?: readonly S3Upload[];
  readonly S3CreateBucket?: readonly S3CreateBucket[];
}

/** Merges several `S3Operations`, keeping each operation once, in first-seen order. */
export function mergeS3Operations(list: readonly (S3Operations | undefined)[]): S3Operations {
  const merged: Record<string, unknown[]> = {};
  for (const ops of list) {
    for (const [key, operations] of Object.entries(ops ?? {}) as [string, unknown[]][]) {
      const bucket = (merged[key] ??= []);
      for (const op of operations) {
        if (!bucket.some((seen) => deepEqual(seen, op))) bucket.push(op);
      }
    }
  }
  return merged;
}
