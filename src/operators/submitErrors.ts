/**
 * Typed errors of submission: a Create whose outcome could not be settled, a permission the
 * idempotency tag needs, a job handle that does not parse, and an S3 input that is not there.
 */
import { SageMakerWorkflowError, errorGuard } from '../errors.js';
import { labelOf, type ResourceKind } from './errors.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A Create call failed in a way that does not say whether SageMaker committed it (timeout,
 * connection reset, 5xx after the SDK's retries), and the Describe made to find out either found
 * no job (`exists: false`, a re-run is safe) or failed too (`exists: undefined`: the job may
 * exist; re-run the same config to attach to it, or stop it by name).
 */
export class CreateOutcomeError extends SageMakerWorkflowError {
  override readonly name = 'CreateOutcomeError';
  readonly code = 'CREATE_OUTCOME';

  constructor(
    readonly kind: ResourceKind,
    readonly jobName: string,
    readonly exists: false | undefined,
    cause: unknown,
  ) {
    super(
      `Creating SageMaker ${labelOf(kind)} ${jobName} failed (${messageOf(cause)}); ${
        exists === false
          ? 'a Describe found no such job, so it was not created'
          : `whether it was created is unknown (the Describe to find out failed too): re-run the same config to attach to it, or stop ${jobName} by name`
      }`,
      { cause },
    );
  }
}
/** Guard for {@link CreateOutcomeError}. */
export const isCreateOutcomeError = errorGuard<CreateOutcomeError>('CREATE_OUTCOME');

/**
 * The caller lacks an IAM permission the operators need: `sagemaker:ListTags` (to recognise a
 * resource made from the same config) or `sagemaker:AddTags` (to tag on Create). Grant it, or
 * pass `idempotencyTag: false`.
 */
export class PermissionDeniedError extends SageMakerWorkflowError {
  override readonly name = 'PermissionDeniedError';
  readonly code = 'PERMISSION_DENIED';

  constructor(
    readonly permission: string,
    readonly resourceName: string,
    cause: unknown,
  ) {
    super(
      `Missing permission ${permission} for ${resourceName} (${messageOf(cause)}): the idempotency tag needs it; grant it, or pass idempotencyTag: false (a re-run then trusts the name alone)`,
      { cause },
    );
  }
}
/** Guard for {@link PermissionDeniedError}. */
export const isPermissionDeniedError = errorGuard<PermissionDeniedError>('PERMISSION_DENIED');

/** A value read back as a {@link JobHandle} is not one; `problem` says which member is wrong. */
export class InvalidJobHandleError extends SageMakerWorkflowError {
  override readonly name = 'InvalidJobHandleError';
  readonly code = 'INVALID_JOB_HANDLE';

  constructor(readonly problem: string) {
    super(`Not a job handle: ${problem}`);
  }
}
/** Guard for {@link InvalidJobHandleError}. */
export const isInvalidJobHandleError = errorGuard<InvalidJobHandleError>('INVALID_JOB_HANDLE');

/** Why an S3 input failed its check: not there, not readable by the caller, or the check itself failed. */
export type S3InputProblem = 'missing' | 'access-denied' | 'check-failed';

/**
 * An S3 object or prefix the job would read is not there (an input channel, a transform or
 * processing input, a model's artifacts, the code archive named by `sagemaker_submit_directory`),
 * or could not be checked; found before Create, so no SageMaker resource was created.
 */
export class S3InputNotFoundError extends SageMakerWorkflowError {
  override readonly name = 'S3InputNotFoundError';
  readonly code = 'S3_INPUT_NOT_FOUND';
  readonly problem: S3InputProblem;

  constructor(
    /** The channel, input name or hyperparameter that names the URI. */
    readonly channel: string,
    readonly uri: string,
    options?: { cause?: unknown; detail?: string; problem?: S3InputProblem },
  ) {
    const problem = options?.problem ?? 'missing';
    const what =
      problem === 'missing'
        ? 'not found'
        : problem === 'access-denied'
          ? 'could not be read (access denied)'
          : 'could not be checked';
    super(
      `S3 input ${channel} ${what}: ${uri}${options?.detail ? ` (${options.detail})` : ''}; no SageMaker resource was created (pass checkS3Inputs: false to skip this check)`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.problem = problem;
  }
}
/** Guard for {@link S3InputNotFoundError}. */
export const isS3InputNotFoundError = errorGuard<S3InputNotFoundError>('S3_INPUT_NOT_FOUND');
