import { SageMakerWorkflowError, errorGuard } from '../errors.js';

/**
 * An upload of a record set failed part way. Lists what was uploaded before the failure, what
 * the cleanup deleted again and what it left behind, and what was never uploaded; `cause` is
 * the upload's error.
 */
export class RecordSetUploadError extends SageMakerWorkflowError {
  override readonly name = 'RecordSetUploadError';
  readonly code = 'RECORD_SET_UPLOAD';

  constructor(
    /** S3 URI of the object whose upload failed. */
    readonly failed: string,
    /** S3 URIs uploaded completely before the failure. */
    readonly uploaded: readonly string[],
    /** Of `uploaded`, the ones deleted again by the cleanup. */
    readonly deleted: readonly string[],
    /** Of `uploaded`, the ones the cleanup could not delete: they are still in S3. */
    readonly leftBehind: readonly string[],
    /** S3 URIs never uploaded (the failed one included). */
    readonly notUploaded: readonly string[],
    options: { cause: unknown; cleanupErrors: readonly unknown[] },
  ) {
    super(
      `Uploading the record set failed at ${failed}: ${describeCause(options.cause)}. ` +
        `Uploaded before the failure: ${uploaded.length}, deleted again: ${deleted.length}, ` +
        `left behind: ${leftBehind.length ? leftBehind.join(', ') : 'none'}; ` +
        `not uploaded: ${notUploaded.join(', ')}`,
      { cause: options.cause },
    );
    this.cleanupErrors = options.cleanupErrors;
  }

  /** Errors of the deletes that failed, in the order of `leftBehind`. */
  readonly cleanupErrors: readonly unknown[];
}

/** Guard for {@link RecordSetUploadError}. */
export const isRecordSetUploadError = errorGuard<RecordSetUploadError>('RECORD_SET_UPLOAD');

function describeCause(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}
