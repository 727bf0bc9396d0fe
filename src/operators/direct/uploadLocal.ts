/**
 * Python's `S3Uploader.upload` / `Session.upload_data`: a file to `<prefix>/<name>`, or a folder's
 * files under `<prefix>/` (walked in name order, files before subfolders).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { LocalPathNotFoundError } from '../../errors.js';
import { basename, join } from 'node:path';
import type { LocalUpload } from '../../direct/processingJobRequest.js';
import { loadS3Sdk } from '../../internal/loadPeer.js';
import { parseS3Url } from '../../pythonCompat/s3.js';
import type { DirectSession } from './DirectSession.js';

function walk(dir: string, relative: string, out: [string, string][]): void {
  const names = readdirSync(dir).sort();
  const dirs: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) dirs.push(name);
    else out.push([path, `${relative}${name}`]);
  }
  for (const d of dirs) walk(join(dir, d), `${relative}${d}/`, out);
}

/** Uploads one local path; returns the S3 URI Python returns (the file's own key for a file). */
export async function uploadLocal(direct: DirectSession, upload: LocalUpload): Promise<string> {
  const { bucket, key: prefix } = parseS3Url(upload.desiredS3Uri, 'upload');
  const owner = await direct.expectedOwner(bucket);
  const extra: Record<string, string> = {};
  if (upload.kmsKey !== undefined) {
    extra.SSEKMSKeyId = upload.kmsKey;
    extra.ServerSideEncryption = 'aws:kms';
  }
  if (owner) extra.ExpectedBucketOwner = owner;
  const files: [string, string][] = [];
  let isDir = false;
  try {
    isDir = statSync(upload.localPath).isDirectory();
  } catch {
    isDir = false;
  }
  if (isDir) walk(upload.localPath, '', files);
  else files.push([upload.localPath, basename(upload.localPath)]);
  for (const [path, relative] of files) {
    if (!existsSync(path)) throw new LocalPathNotFoundError('upload', path);
    const { PutObjectCommand } = await loadS3Sdk();
    await direct.clients.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `${prefix}/${relative}`,
        ...extra,
        Body: readFileSync(path),
      }),
    );
  }
  return isDir
    ? `s3://${bucket}/${prefix}`
    : `s3://${bucket}/${prefix}/${basename(upload.localPath)}`;
}
