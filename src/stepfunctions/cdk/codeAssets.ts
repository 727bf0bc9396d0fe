/**
 * The exported uploads as CDK S3 assets: CDK's asset publishing uploads them at deployment (to
 * the bootstrap bucket, under a content hash), in place of `stageUploads`. A `Tar: true` upload
 * becomes the tarball `stageUploads` would send; a `Tar: false` file is its own asset. Uploads of
 * the same local path share one asset.
 */
import { Stage } from 'aws-cdk-lib';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import type { Construct } from 'constructs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Operations } from '../../operators/s3Operations.js';
import { UploadInputError } from '../../operators/errors.js';
import { localCode, writeTarball } from './codeArchive.js';

/** One `S3Upload` of the export, as `S3Operations` lists it. */
export type CodeUpload = NonNullable<S3Operations['S3Upload']>[number];

/** An exported upload and the asset that takes its place. */
export interface CodeAsset {
  /** The upload as the export lists it. */
  readonly upload: CodeUpload;
  /** Where the export uploads it (`s3://<Bucket>/<Key>`): the definition's strings held this. */
  readonly exportedUri: string;
  /** The asset CDK publishes; the definition now holds its `s3ObjectUrl`. */
  readonly asset: Asset;
}

/** Where the tarballs are written before CDK stages them: the assembly's folder. */
function archiveDir(scope: Construct): string {
  return join(Stage.of(scope)?.assetOutdir ?? tmpdir(), 'sagemaker-workflow-code');
}

/**
 * An asset for each upload (one per local path and `Tar`).
 * @throws `LocalPathNotFoundError` or {@link UploadInputError} for a local path `stageUploads`
 *   would refuse too
 * @internal
 */
export function codeAssets(
  scope: Construct,
  uploads: readonly CodeUpload[],
  baseDir: string,
): CodeAsset[] {
  const byPath = new Map<string, Asset>();
  return uploads.map((upload) => {
    const code = localCode(upload.Path, baseDir);
    if (code.kind === 'directory' && !upload.Tar) {
      throw new UploadInputError(upload.Path, upload.Path, 'directory-needs-tar');
    }
    const key = `${upload.Tar ? 'tar' : 'file'}:${code.path}`;
    let asset = byPath.get(key);
    if (asset === undefined) {
      const path = upload.Tar ? writeTarball(upload.Path, code, archiveDir(scope)) : code.path;
      asset = new Asset(scope, `Code${byPath.size}`, { path });
      byPath.set(key, asset);
    }
    return { upload, exportedUri: `s3://${upload.Bucket}/${upload.Key}`, asset };
  });
}
