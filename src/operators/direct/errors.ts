/** Errors of the direct calls. */
import { SageMakerWorkflowError, errorGuard } from '../../errors.js';

/**
 * A builder read the direct session's default bucket before it was resolved (Python resolves it
 * with AWS calls on first use); run builders through `DirectSession.build`.
 */
export class DefaultBucketPendingError extends SageMakerWorkflowError {
  override readonly name = 'DefaultBucketPendingError';
  readonly code = 'DEFAULT_BUCKET_PENDING';
  constructor() {
    super('The default bucket is not resolved yet: await directSession.defaultBucket() first');
  }
}

/** Guard for {@link DefaultBucketPendingError}. */
export const isDefaultBucketPendingError =
  errorGuard<DefaultBucketPendingError>('DEFAULT_BUCKET_PENDING');

/** An AWS call of the direct path failed; `cause` is the SDK's service error. */
export class DirectCallError extends SageMakerWorkflowError {
  override readonly name = 'DirectCallError';
  readonly code = 'DIRECT_CALL';
  constructor(
    readonly operation: string,
    readonly errorCode: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${operation} failed: ${errorCode}: ${message}`, options);
  }
}

/** Guard for {@link DirectCallError}. */
export const isDirectCallError = errorGuard<DirectCallError>('DIRECT_CALL');
