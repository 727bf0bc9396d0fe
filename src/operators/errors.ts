/**
 * Typed errors of the operators: a job that failed, stopped, timed out or was aborted, a name
 * already taken, and S3 operations that could not run. Each carries the data a caller needs to
 * decide what to do next, a stable `code`, and an `isXxxError()` guard.
 */
import { SageMakerWorkflowError, errorGuard } from '../errors.js';

/** Kinds of SageMaker resources the operators create. */
export type ResourceKind =
  'training' | 'tuning' | 'transform' | 'processing' | 'model' | 'endpointConfig' | 'endpoint';

const LABEL = {
  training: 'training job',
  tuning: 'tuning job',
  transform: 'transform job',
  processing: 'processing job',
  model: 'model',
  endpointConfig: 'endpoint config',
  endpoint: 'endpoint',
} as const satisfies Record<ResourceKind, string>;

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Human name of a resource kind, e.g. `'training job'`. @internal */
export const labelOf = (kind: ResourceKind): string => LABEL[kind];

/** A job (or endpoint) ended in `Failed`. `failureReason` is SageMaker's `FailureReason`. */
export class JobFailedError extends SageMakerWorkflowError {
  override readonly name = 'JobFailedError';
  readonly code = 'JOB_FAILED';

  constructor(
    readonly kind: ResourceKind,
    readonly jobName: string,
    readonly failureReason: string | undefined,
    /** The last Describe output. */
    readonly description: unknown,
  ) {
    super(
      `SageMaker ${labelOf(kind)} ${jobName} failed: ${failureReason ?? '(no FailureReason given)'}`,
    );
  }
}
/** Guard for {@link JobFailedError}. */
export const isJobFailedError = errorGuard<JobFailedError>('JOB_FAILED');

/**
 * A job ended in `Stopped` although this operator did not stop it (someone called Stop from the
 * console or another process). Never reported as success: the job's outputs are incomplete.
 */
export class JobStoppedError extends SageMakerWorkflowError {
  override readonly name = 'JobStoppedError';
  readonly code = 'JOB_STOPPED';

  constructor(
    readonly kind: ResourceKind,
    readonly jobName: string,
    /** The last Describe output. */
    readonly description: unknown,
  ) {
    super(`SageMaker ${labelOf(kind)} ${jobName} was stopped before it completed`);
  }
}
/** Guard for {@link JobStoppedError}. */
export const isJobStoppedError = errorGuard<JobStoppedError>('JOB_STOPPED');

/** What happened to the Stop call made when waiting ended early. */
export interface StopOutcome {
  /** True when the Stop API accepted the request. */
  readonly stopRequested: boolean;
  /** Why Stop was not requested or failed (no Stop API for this kind, the job already ended, ...). */
  readonly stopError?: unknown;
}

function stopSentence(kind: ResourceKind, stop: StopOutcome): string {
  if (stop.stopRequested) return `; Stop was requested for the ${labelOf(kind)}`;
  const error = stop.stopError;
  const why =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown';
  return `; the ${labelOf(kind)} was NOT stopped (${why})`;
}

/** `maxIngestionTimeSeconds` passed before the job ended; the operator asked SageMaker to stop it. */
export class WaiterTimeoutError extends SageMakerWorkflowError implements StopOutcome {
  override readonly name = 'WaiterTimeoutError';
  readonly code = 'WAITER_TIMEOUT';
  readonly stopRequested: boolean;
  readonly stopError?: unknown;

  constructor(
    readonly kind: ResourceKind,
    readonly jobName: string,
    readonly maxWaitSeconds: number,
    stop: StopOutcome,
    /** Set when `maxAttempts` status checks ran out (rather than the time limit). */
    readonly maxAttempts?: number,
  ) {
    super(
      `SageMaker ${labelOf(kind)} ${jobName} did not finish within ${
        maxAttempts === undefined ? `${maxWaitSeconds} s` : `${maxAttempts} status checks`
      }${stopSentence(kind, stop)}`,
      stop.stopError === undefined ? undefined : { cause: stop.stopError },
    );
    this.stopRequested = stop.stopRequested;
    if (stop.stopError !== undefined) this.stopError = stop.stopError;
  }
}
/** Guard for {@link WaiterTimeoutError}. */
export const isWaiterTimeoutError = errorGuard<WaiterTimeoutError>('WAITER_TIMEOUT');

/** The caller's `AbortSignal` fired; a job already created was asked to stop. */
export class JobAbortedError extends SageMakerWorkflowError implements StopOutcome {
  override readonly name = 'JobAbortedError';
  readonly code = 'JOB_ABORTED';
  readonly stopRequested: boolean;
  readonly stopError?: unknown;

  constructor(
    readonly kind: ResourceKind,
    /** Undefined when the signal fired before anything was created. */
    readonly jobName: string | undefined,
    stop: StopOutcome,
    readonly reason?: unknown,
    /** True when `onAbort: 'detach'` left the job running on purpose; wait for it again by its handle. */
    readonly detached = false,
  ) {
    super(
      jobName === undefined
        ? `Aborted before the SageMaker ${labelOf(kind)} was created`
        : detached
          ? `Aborted while waiting for SageMaker ${labelOf(kind)} ${jobName}; detached: the ${labelOf(kind)} keeps running`
          : `Aborted while waiting for SageMaker ${labelOf(kind)} ${jobName}${stopSentence(kind, stop)}`,
      stop.stopError === undefined ? undefined : { cause: stop.stopError },
    );
    this.stopRequested = stop.stopRequested;
    if (stop.stopError !== undefined) this.stopError = stop.stopError;
  }
}
/** Guard for {@link JobAbortedError}. */
export const isJobAbortedError = errorGuard<JobAbortedError>('JOB_ABORTED');

/**
 * A resource with the configured name exists and was not created by this library from the same
 * config, and `actionIfJobExists` is `'fail'`.
 */
export class ResourceExistsError extends SageMakerWorkflowError {
  override readonly name = 'ResourceExistsError';
  readonly code = 'RESOURCE_EXISTS';

  constructor(
    readonly kind: ResourceKind,
    readonly resourceName: string,
  ) {
    super(
      `A SageMaker ${labelOf(kind)} named ${resourceName} already exists with a different config (actionIfJobExists is 'fail')`,
    );
  }
}
/** Guard for {@link ResourceExistsError}. */
export const isResourceExistsError = errorGuard<ResourceExistsError>('RESOURCE_EXISTS');

/** Why a local path named by an `S3Upload` operation cannot be uploaded. */
export type UploadInputProblem =
  | 'unreadable'
  | 'symlink-outside-source'
  | 'symlink-loop'
  | 'dangling-symlink'
  | 'directory-needs-tar'
  | 'not-a-file-or-directory';

function uploadProblemText(problem: UploadInputProblem, detail: string | undefined): string {
  switch (problem) {
    case 'unreadable':
      return 'is not readable';
    case 'symlink-outside-source':
      return `is a symbolic link that points outside the source directory${detail ? ` (to ${detail})` : ''}`;
    case 'symlink-loop':
      return `is a symbolic link loop (ELOOP: following it leads back to itself${detail ? `; it points to ${detail}` : ''})`;
    case 'dangling-symlink':
      return `is a symbolic link whose target does not exist${detail ? ` (${detail})` : ''}`;
    case 'directory-needs-tar':
      return 'is a directory, and its S3Upload has Tar: false, which takes a regular file only: set Tar: true to upload the directory as a tar.gz';
    case 'not-a-file-or-directory':
      return `is neither a regular file nor a directory${detail ? ` (it is ${detail})` : ''}`;
  }
}

/** A local path of an `S3Upload` exists but cannot be uploaded; raised before any S3 or SageMaker call. */
export class UploadInputError extends SageMakerWorkflowError {
  override readonly name = 'UploadInputError';
  readonly code = 'UPLOAD_INPUT';

  constructor(
    /** The path as written in the config. */
    readonly uploadPath: string,
    /** The offending file inside it (the path itself for a single file). */
    readonly file: string,
    readonly problem: UploadInputProblem,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(
      `Cannot upload ${JSON.stringify(uploadPath)}: ${JSON.stringify(file)} ${uploadProblemText(problem, options?.detail)}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
  }
}
/** Guard for {@link UploadInputError}. */
export const isUploadInputError = errorGuard<UploadInputError>('UPLOAD_INPUT');

/** One S3 operation of a config's `S3Operations`, as the operators run it. */
export type S3OperationRef =
  | { readonly type: 'S3CreateBucket'; readonly Bucket: string }
  | {
      readonly type: 'S3Upload';
      readonly Path: string;
      readonly Bucket: string;
      readonly Key: string;
      readonly Tar: boolean;
    };

/** A multipart upload begun by a failed `S3Upload` that could not be aborted: its parts stay billed. */
export interface OpenMultipartUpload {
  readonly Bucket: string;
  readonly Key: string;
  readonly UploadId: string;
  /** Why AbortMultipartUpload failed. */
  readonly abortError: unknown;
}

/**
 * An S3 operation failed. Says which operations completed (their objects are in S3), which one
 * failed, which were not attempted, and any multipart upload left open because it could not be
 * aborted; no SageMaker resource was created.
 */
export class S3OperationsError extends SageMakerWorkflowError {
  override readonly name = 'S3OperationsError';
  readonly code = 'S3_OPERATIONS';

  constructor(
    readonly completed: readonly S3OperationRef[],
    readonly failed: S3OperationRef,
    readonly notAttempted: readonly S3OperationRef[],
    cause: unknown,
    /** Multipart uploads of the failed operation that are still open (abort them, or set a lifecycle rule). */
    readonly openMultipartUploads: readonly OpenMultipartUpload[] = [],
  ) {
    const describe = (op: S3OperationRef): string =>
      op.type === 'S3CreateBucket'
        ? `create bucket ${op.Bucket}`
        : `upload ${op.Path} to s3://${op.Bucket}/${op.Key}`;
    const open = openMultipartUploads.map(
      (u) =>
        `multipart upload ${u.UploadId} of s3://${u.Bucket}/${u.Key} (AbortMultipartUpload failed: ${messageOf(u.abortError)})`,
    );
    super(
      `S3 operation failed: ${describe(failed)} (${messageOf(cause)}). ` +
        `Completed: ${completed.length ? completed.map(describe).join('; ') : '(none)'}. ` +
        `Not attempted: ${notAttempted.length ? notAttempted.map(describe).join('; ') : '(none)'}. ` +
        (open.length
          ? `Left open, its parts still stored and billed: ${open.join('; ')}; abort it with aws s3api abort-multipart-upload. `
          : '') +
        'No SageMaker resource was created.',
      { cause },
    );
  }
}
/** Guard for {@link S3OperationsError}. */
export const isS3OperationsError = errorGuard<S3OperationsError>('S3_OPERATIONS');
