/**
 * Python's `tar_and_upload_dir`: the job's code packed as `sourcedir.tar.gz` and put to S3 with
 * its `ExtraArgs` (KMS encryption, the expected owner of an SDK-named default bucket).
 */
import type { S3Upload } from '../../config/s3Operations.js';
import type { AnyEstimator } from '../../estimators/AnyEstimator.js';
import { loadS3Sdk } from '../../internal/loadPeer.js';
import { parseS3Url } from '../../pythonCompat/s3.js';
import type { DirectSession } from './DirectSession.js';
import { codePaths, localEntries, tarGz } from './tarGz.js';

/** Where Python encrypts a code upload with the output KMS key (same bucket as the output). */
export function codeKmsKey(estimator: AnyEstimator, upload: S3Upload, outputPath: string): unknown {
  const o = estimator.options;
  if (o.codeLocation === undefined) return o.outputKmsKey;
  return parseS3Url(outputPath, 'outputPath').bucket === upload.Bucket ? o.outputKmsKey : undefined;
}

/** Packs and uploads one code tarball; `kmsKey` is the output KMS key where Python passes it. */
export async function uploadCode(
  direct: DirectSession,
  estimator: AnyEstimator,
  upload: S3Upload,
  kmsKey: unknown,
): Promise<void> {
  const o = estimator.options;
  const entryPoint = (estimator as { entryPoint?: string }).entryPoint ?? o.entryPoint ?? '';
  const paths = upload.Tar ? codePaths(entryPoint, o.sourceDir, o.dependencies) : [upload.Path];
  const body = tarGz(localEntries(paths));
  const owner = await direct.expectedOwner(upload.Bucket);
  const extra: Record<string, unknown> =
    typeof kmsKey === 'string' && kmsKey !== ''
      ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kmsKey }
      : { ServerSideEncryption: 'aws:kms' };
  if (owner) extra.ExpectedBucketOwner = owner;
  const { PutObjectCommand } = await loadS3Sdk();
  await direct.clients.s3.send(
    new PutObjectCommand({ Bucket: upload.Bucket, Key: upload.Key, ...extra, Body: body }),
  );
}
