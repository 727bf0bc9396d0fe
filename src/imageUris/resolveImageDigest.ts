import type { ECRClient } from '@aws-sdk/client-ecr';
import { loadEcrSdk } from '../internal/loadPeer.js';
import {
  EcrAccessDeniedError,
  ImageNotFoundError,
  RepositoryNotFoundError,
  isImageNotFoundError,
  isRepositoryNotFoundError,
} from './errors.js';
import { type EcrImageUri, parseImageUri } from './parseImageUri.js';

/** Options of {@link resolveImageDigest} and {@link imageExists}. */
export interface EcrLookupOptions {
  /**
   * The ECR client to call, configured for the image's region.
   * @default - a new `ECRClient` for the region in the URI, with the default credential chain
   */
  readonly client?: Pick<ECRClient, 'send'>;
  /** Aborts the call. @default - not abortable */
  readonly abortSignal?: AbortSignal;
}

const errorName = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null ? (error as { name?: string }).name : undefined;

/**
 * The digest of the image, asking DescribeImages first and, when the caller may not call it,
 * BatchGetImage (the pull permission SageMaker execution roles usually have).
 * @internal
 */
async function lookupDigest(
  uri: string,
  image: EcrImageUri,
  options: EcrLookupOptions,
): Promise<string> {
  // Loaded on first use: the image-URI lookup itself must not pay for the AWS SDK at import.
  const ecr = await loadEcrSdk();
  const client = options.client ?? new ecr.ECRClient({ region: image.region });
  const imageId = image.digest
    ? { imageDigest: image.digest }
    : { imageTag: image.tag ?? 'latest' };
  const target = {
    registryId: image.registryId,
    repositoryName: image.repositoryName,
    imageIds: [imageId],
  };
  const send = options.abortSignal ? { abortSignal: options.abortSignal } : {};
  const notFound = (cause: unknown): never => {
    if (errorName(cause) === 'RepositoryNotFoundException') {
      throw new RepositoryNotFoundError(uri, image.repositoryName, image.registryId, { cause });
    }
    if (errorName(cause) === 'ImageNotFoundException') throw new ImageNotFoundError(uri, { cause });
    throw cause;
  };
  try {
    const out = await client.send(new ecr.DescribeImagesCommand(target), send);
    const digest = out.imageDetails?.[0]?.imageDigest;
    if (digest) return digest;
    throw new ImageNotFoundError(uri, { detail: 'DescribeImages returned no digest' });
  } catch (error) {
    if (errorName(error) !== 'AccessDeniedException') return notFound(error);
    try {
      const out = await client.send(new ecr.BatchGetImageCommand(target), send);
      const digest = out.images?.[0]?.imageId?.imageDigest;
      if (digest) return digest;
      const failure = out.failures?.[0];
      throw new ImageNotFoundError(uri, {
        detail: failure
          ? `${failure.failureCode ?? ''}: ${failure.failureReason ?? ''}`
          : 'BatchGetImage returned no image',
      });
    } catch (fallbackError) {
      if (errorName(fallbackError) === 'AccessDeniedException') {
        throw new EcrAccessDeniedError(uri, ['ecr:DescribeImages', 'ecr:BatchGetImage'], {
          cause: fallbackError,
        });
      }
      return notFound(fallbackError);
    }
  }
}

/**
 * Pins an image to its content: turns `…/repo:tag` into `…/repo@sha256:…` so that a job runs the
 * same image however the tag moves later. A URI that already has a digest is returned as
 * `…/repo@sha256:…` without a call.
 *
 * @throws {ImageNotFoundError} when the tag (or digest) is not in the repository.
 * @throws {RepositoryNotFoundError} when the repository does not exist in that account and region.
 * @throws {EcrAccessDeniedError} when the caller may call neither DescribeImages nor BatchGetImage.
 * @throws {ValidationError} when `uri` is not an ECR image URI.
 * @example
 * await resolveImageDigest('763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1-gpu-py310');
 * // '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training@sha256:…'
 */
export async function resolveImageDigest(
  uri: string,
  options: EcrLookupOptions = {},
): Promise<string> {
  const image = parseImageUri(uri);
  const base = `${image.host}/${image.repositoryName}`;
  if (image.digest) return `${base}@${image.digest}`;
  return `${base}@${await lookupDigest(uri, image, options)}`;
}

/**
 * Whether the image exists: `false` when its tag or digest, or its whole repository, is missing.
 *
 * @throws {EcrAccessDeniedError} when the caller may call neither DescribeImages nor BatchGetImage.
 * @throws {ValidationError} when `uri` is not an ECR image URI.
 * @example await imageExists('123456789012.dkr.ecr.us-east-1.amazonaws.com/my-algo:1.0') // true
 */
export async function imageExists(uri: string, options: EcrLookupOptions = {}): Promise<boolean> {
  const image = parseImageUri(uri);
  try {
    await lookupDigest(uri, image, options);
    return true;
  } catch (error) {
    if (isImageNotFoundError(error) || isRepositoryNotFoundError(error)) return false;
    throw error;
  }
}
