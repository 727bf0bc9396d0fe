/**
 * Loads an optional peer dependency on first use: a cached dynamic `import()` that turns "module
 * not found" into a {@link MissingPeerDependencyError} naming the package to install, so importing
 * an entry point never fails for a peer the caller's features do not use.
 * @internal
 */
import type * as CloudWatchLogsSdk from '@aws-sdk/client-cloudwatch-logs';
import type * as EcrSdk from '@aws-sdk/client-ecr';
import type * as IamSdk from '@aws-sdk/client-iam';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type * as SageMakerSdk from '@aws-sdk/client-sagemaker';
import type * as StsSdk from '@aws-sdk/client-sts';
import type * as LibStorage from '@aws-sdk/lib-storage';
import { createRequire } from 'node:module';
import type * as Tar from 'tar';
import { MissingPeerDependencyError } from '../errors.js';

const loaded = new Map<string, Promise<unknown>>();

/** Node's codes for an unresolvable specifier (ESM `import()`, CommonJS `require`). */
const NOT_FOUND_CODES = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

function isNotFound(error: unknown, packageName: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // A peer that is there but misses one of its own dependencies is not "not installed": only a
  // message naming the peer itself is turned into the typed error.
  return (
    typeof code === 'string' &&
    NOT_FOUND_CODES.has(code) &&
    typeof message === 'string' &&
    message.includes(packageName)
  );
}

/**
 * Imports `packageName` through `importer` once per process (later calls share the promise).
 * A failed load is not cached, so installing the package and retrying works.
 * @throws {@link MissingPeerDependencyError} when the package is not installed; the import's
 *   own error otherwise
 * @internal
 */
export function loadPeer<T>(
  packageName: string,
  feature: string,
  importer: () => Promise<T>,
): Promise<T> {
  const cached = loaded.get(packageName);
  if (cached) return cached as Promise<T>;
  const loading = importer().catch((error: unknown) => {
    loaded.delete(packageName);
    if (isNotFound(error, packageName))
      throw new MissingPeerDependencyError(packageName, feature, { cause: error });
    throw error;
  });
  loaded.set(packageName, loading);
  return loading;
}

/**
 * Loads `packageName` synchronously on first use, for code that cannot await (a CDK construct is
 * built in its constructor): `require` from this module's own location, as `import()` would
 * resolve it, in the ESM and the CommonJS build alike. Node caches the module once loaded.
 * @throws {@link MissingPeerDependencyError} when the package is not installed; the load's own
 *   error otherwise
 * @internal
 */
export function requirePeer(packageName: string, feature: string): unknown {
  // The CommonJS build has `__filename` and no `import.meta`; the ESM build the other way round.
  const here = typeof __filename === 'string' ? __filename : import.meta.url;
  try {
    return createRequire(here)(packageName);
  } catch (error) {
    if (isNotFound(error, packageName))
      throw new MissingPeerDependencyError(packageName, feature, { cause: error });
    throw error;
  }
}

/** `@aws-sdk/client-sagemaker`, which every operator calls. @internal */
export const loadSageMakerSdk = (): Promise<typeof SageMakerSdk> =>
  loadPeer('@aws-sdk/client-sagemaker', 'the operators', () => import('@aws-sdk/client-sagemaker'));

/** `@aws-sdk/client-s3`, for uploads and S3 input checks. @internal */
export const loadS3Sdk = (): Promise<typeof S3Sdk> =>
  loadPeer('@aws-sdk/client-s3', 'S3 uploads and input checks', () => import('@aws-sdk/client-s3'));

/** `@aws-sdk/lib-storage`, for multipart uploads. @internal */
export const loadLibStorage = (): Promise<typeof LibStorage> =>
  loadPeer('@aws-sdk/lib-storage', 'S3 uploads', () => import('@aws-sdk/lib-storage'));

/** `@aws-sdk/client-cloudwatch-logs`, for streaming job logs. @internal */
export const loadLogsSdk = (): Promise<typeof CloudWatchLogsSdk> =>
  loadPeer(
    '@aws-sdk/client-cloudwatch-logs',
    'log streaming (printLog)',
    () => import('@aws-sdk/client-cloudwatch-logs'),
  );

/** `@aws-sdk/client-sts`, for the account that names the direct path's default bucket. @internal */
export const loadStsSdk = (): Promise<typeof StsSdk> =>
  loadPeer(
    '@aws-sdk/client-sts',
    'the default bucket of a DirectSession',
    () => import('@aws-sdk/client-sts'),
  );

/** `@aws-sdk/client-iam`, for expanding role names on the direct path. @internal */
export const loadIamSdk = (): Promise<typeof IamSdk> =>
  loadPeer(
    '@aws-sdk/client-iam',
    'role name expansion (DirectSession)',
    () => import('@aws-sdk/client-iam'),
  );

/** `@aws-sdk/client-ecr`, for image digests and existence checks. @internal */
export const loadEcrSdk = (): Promise<typeof EcrSdk> =>
  loadPeer('@aws-sdk/client-ecr', 'image digest lookups', () => import('@aws-sdk/client-ecr'));

/** `tar`, for source directory archives. @internal */
export const loadTar = (): Promise<typeof Tar> =>
  loadPeer('tar', 'source directory archives (S3Upload with Tar)', () => import('tar'));

/** `tar`, synchronously, for the CDK's code assets (S3Upload with Tar). @internal */
export const requireTar = (): typeof Tar =>
  requirePeer('tar', 'CDK code assets (S3Upload with Tar)') as typeof Tar;
