/**
 * `repackModel`: Python's `repack_model` against S3 — GetObject of the model archive (and of an
 * S3 code tarball), the code placed under `code/`, and PutObject of the new archive with the
 * `ExtraArgs` Python's `_save_model` passes.
 */
import type { CodeStaging } from '../../direct/modelContainer.js';
import { loadS3Sdk } from '../../internal/loadPeer.js';
import { parseS3Url } from '../../pythonCompat/s3.js';
import type { DirectSession } from './DirectSession.js';
import { extractInto, packTree, placeCode, type ArchiveTree } from './repackArchive.js';

/** Python's `download_file`: the object's bytes (the expected owner asserted on the default bucket). */
export async function downloadS3(direct: DirectSession, uri: string): Promise<Uint8Array> {
  const { bucket, key } = parseS3Url(uri, 'model data');
  const owner = await direct.expectedOwner(bucket);
  const { GetObjectCommand } = await loadS3Sdk();
  const out = await direct.clients.s3.send(
    new GetObjectCommand({
      Bucket: bucket,
      Key: key.replace(/^\/+/, ''),
      ...(owner ? { ExpectedBucketOwner: owner } : {}),
    }),
  );
  const body = out.Body as { transformToByteArray?: () => Promise<Uint8Array> } | undefined;
  return body?.transformToByteArray ? body.transformToByteArray() : new Uint8Array();
}

/** The `ExtraArgs` of Python's code and model uploads. */
export async function uploadExtraArgs(
  direct: DirectSession,
  bucket: string,
  kmsKey: string | undefined,
): Promise<Record<string, string>> {
  const extra: Record<string, string> = kmsKey
    ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kmsKey }
    : { ServerSideEncryption: 'aws:kms' };
  const owner = await direct.expectedOwner(bucket);
  if (owner) extra.ExpectedBucketOwner = owner;
  return extra;
}

/**
 * Repacks the model archive with its inference code and uploads it to `staging`'s key.
 * @throws the S3 client's errors (a missing archive is `NoSuchKey`), LocalPathNotFoundError for
 * local code that does not exist.
 */
export async function repackModel(
  direct: DirectSession,
  staging: Extract<CodeStaging, { kind: 'repack' }>,
): Promise<void> {
  const tree: ArchiveTree = new Map();
  extractInto(tree, await downloadS3(direct, staging.modelUri));
  const s3Code = staging.sourceDir?.toLowerCase().startsWith('s3://');
  const codeArchive = s3Code ? await downloadS3(direct, staging.sourceDir ?? '') : undefined;
  placeCode(tree, {
    entryPoint: staging.entryPoint,
    sourceDir: s3Code ? undefined : staging.sourceDir,
    codeArchive,
    dependencies: staging.dependencies,
  });
  const body = packTree(tree);
  const extra = await uploadExtraArgs(direct, staging.bucket, staging.kmsKey);
  const { PutObjectCommand } = await loadS3Sdk();
  await direct.clients.s3.send(
    new PutObjectCommand({ Bucket: staging.bucket, Key: staging.key, ...extra, Body: body }),
  );
}
