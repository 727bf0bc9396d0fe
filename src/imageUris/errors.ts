/**
 * Errors of the image-URI lookup and of digest pinning. Each has a stable `code` and an
 * `isXxxError()` guard that checks the shared `Symbol.for` brand through its code.
 */
import { SageMakerWorkflowError, errorGuard } from '../errors.js';

/**
 * An image lookup reached a part of the registry that does not exist for the given combination
 * of options, where the Python SDK fails with an incidental `KeyError`, `TypeError`,
 * `AttributeError` or similar rather than a `ValueError` (for example `sagemaker-base-python`,
 * whose registry has no per-scope versions, or a container version missing for a processor).
 */
export class ImageUriLookupError extends SageMakerWorkflowError {
  override readonly name = 'ImageUriLookupError';
  readonly code = 'IMAGE_URI_LOOKUP';

  constructor(
    /** The registry being read. */
    readonly framework: string,
    /** What is missing or malformed, in words. */
    readonly reason: string,
    /** The Python exception the SDK raises here (`KeyError`, `TypeError`, ...). */
    readonly pythonError: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot resolve a ${framework} image URI: ${reason}`, options);
  }
}
/** Guard for {@link ImageUriLookupError}. */
export const isImageUriLookupError = errorGuard<ImageUriLookupError>('IMAGE_URI_LOOKUP');

/** The image (tag or digest) does not exist in its ECR repository. */
export class ImageNotFoundError extends SageMakerWorkflowError {
  override readonly name = 'ImageNotFoundError';
  readonly code = 'IMAGE_NOT_FOUND';

  constructor(
    readonly imageUri: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(`Image not found: ${imageUri}${options?.detail ? ` (${options.detail})` : ''}`, options);
  }
}
/** Guard for {@link ImageNotFoundError}. */
export const isImageNotFoundError = errorGuard<ImageNotFoundError>('IMAGE_NOT_FOUND');

/** The ECR repository of an image does not exist in that account and region. */
export class RepositoryNotFoundError extends SageMakerWorkflowError {
  override readonly name = 'RepositoryNotFoundError';
  readonly code = 'REPOSITORY_NOT_FOUND';

  constructor(
    readonly imageUri: string,
    readonly repositoryName: string,
    readonly registryId: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Repository ${repositoryName} not found in registry ${registryId} (image ${imageUri})`,
      options,
    );
  }
}
/** Guard for {@link RepositoryNotFoundError}. */
export const isRepositoryNotFoundError =
  errorGuard<RepositoryNotFoundError>('REPOSITORY_NOT_FOUND');

/** The caller may not read the image's repository (ECR `AccessDeniedException`). */
export class EcrAccessDeniedError extends SageMakerWorkflowError {
  override readonly name = 'EcrAccessDeniedError';
  readonly code = 'ECR_ACCESS_DENIED';

  constructor(
    readonly imageUri: string,
    /** The ECR actions that were refused, e.g. `["ecr:DescribeImages", "ecr:BatchGetImage"]`. */
    readonly actions: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Access denied to ${imageUri}: the caller may not call ${actions.join(' or ')}`, options);
  }
}
/** Guard for {@link EcrAccessDeniedError}. */
export const isEcrAccessDeniedError = errorGuard<EcrAccessDeniedError>('ECR_ACCESS_DENIED');
