/**
 * The `S3Operations` part of a config: Python's config builders list the buckets to create and the
 * local files or directories to upload (the training code, most often); the operators run them
 * before submitting. Local inputs are checked first, so a bad path fails before any AWS call.
 */
import { createReadStream } from 'node:fs';
import { access, constants, lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep, isAbsolute } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { LocalPathNotFoundError, MissingOptionError, OptionTypeError } from '../errors.js';
import { loadLibStorage, loadS3Sdk } from '../internal/loadPeer.js';
import {
  S3OperationsError,
  UploadInputError,
  type OpenMultipartUpload,
  type S3OperationRef,
} from './errors.js';
import type { OperatorLogger } from './logger.js';
import { trackMultipartUploads } from './multipartTracker.js';
import { specialFileType, tarToTempFile } from './sourceArchive.js';
import type { S3Operations } from '../config/s3Operations.js';

// One `S3Operations` type for the builders that write it and the operators that run it.
export type { S3Operations };

/** A config with its `S3Operations` split off. */
export interface SplitConfig<T> {
  readonly request: Omit<T, 'S3Operations'>;
  readonly s3Operations: S3Operations | undefined;
}

/** Returns the config without `S3Operations`, and the operations; the input is not changed. */
export function splitS3Operations<T extends object>(config: T): SplitConfig<T> {
  if (!('S3Operations' in config)) return { request: config, s3Operations: undefined };
  const { S3Operations: ops, ...request } = config as T & { S3Operations?: S3Operations };
  return { request, s3Operations: ops ?? undefined };
}

/** The operations in the order they run: buckets first, then uploads. @internal */
export function listS3Operations(ops: S3Operations | undefined): S3OperationRef[] {
  if (!ops) return [];
  const buckets = (ops.S3CreateBucket ?? []).map((b): S3OperationRef => ({
    type: 'S3CreateBucket',
    Bucket: b.Bucket,
  }));
  const uploads = (ops.S3Upload ?? []).map((u): S3OperationRef => ({
    type: 'S3Upload',
    Path: u.Path,
    Bucket: u.Bucket,
    Key: u.Key,
    Tar: u.Tar,
  }));
  return [...buckets, ...uploads];
}

/**
 * The local file an `S3Upload.Path` names. A relative path is looked up in `baseDir` first (the
 * builder's `run.sourceDir`: the framework model quirk writes the entry point's base name, meant
 * relative to its folder: Python parity Q10, docs/python-parity.md), then in the current directory (where a relative
 * `sourceDir` given to the estimator lives).
 * @internal
 */
export async function resolveUploadPath(
  path: string,
  baseDir: string | undefined,
): Promise<string> {
  if (isAbsolute(path) || baseDir === undefined) return resolve(path);
  const inBase = resolve(baseDir, path);
  try {
    await lstat(inBase);
    return inBase;
  } catch {
    return resolve(path);
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

async function checkReadable(uploadPath: string, file: string): Promise<void> {
  try {
    await access(file, constants.R_OK);
  } catch (cause) {
    throw new UploadInputError(uploadPath, file, 'unreadable', { cause });
  }
}

/** The error for a link `realpath` cannot follow: a loop (ELOOP) or a missing target, said as such. */
async function brokenLinkError(
  uploadPath: string,
  link: string,
  cause: unknown,
): Promise<UploadInputError> {
  const target = await readlink(link).catch(() => undefined);
  if ((cause as { code?: unknown }).code === 'ELOOP')
    return new UploadInputError(uploadPath, link, 'symlink-loop', {
      cause,
      ...(target === undefined ? {} : { detail: target }),
    });
  return new UploadInputError(uploadPath, link, 'dangling-symlink', {
    cause,
    detail: target === undefined ? 'its target is missing' : `${target} is missing`,
  });
}

/** Walks a directory: every file readable, every symlink pointing inside `root`. */
async function checkTree(uploadPath: string, root: string, dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    throw new UploadInputError(uploadPath, dir, 'unreadable', { cause });
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(full);
      } catch (cause) {
        throw await brokenLinkError(uploadPath, full, cause);
      }
      if (!isInside(root, target)) {
        throw new UploadInputError(uploadPath, full, 'symlink-outside-source', { detail: target });
      }
    } else if (entry.isDirectory()) {
      await checkTree(uploadPath, root, full);
    } else if (entry.isFile()) {
      await checkReadable(uploadPath, full);
    }
  }
}

/**
 * Checks the local side of every upload without touching the network: the path exists, is a file
 * or directory, everything in it is readable and no symlink leads outside it.
 * @throws `LocalPathNotFoundError`, {@link UploadInputError}, {@link OptionTypeError}
 */
export async function checkS3Operations(
  ops: S3Operations | undefined,
  options: { readonly baseDir?: string } = {},
): Promise<void> {
  for (const op of listS3Operations(ops)) {
    if (op.type === 'S3CreateBucket') {
      if (typeof op.Bucket !== 'string' || op.Bucket === '') {
        throw new OptionTypeError(
          'S3Operations.S3CreateBucket[].Bucket',
          op.Bucket,
          'a bucket name',
        );
      }
      continue;
    }
    for (const key of ['Path', 'Bucket', 'Key'] as const) {
      if (typeof op[key] !== 'string' || op[key] === '') {
        throw new OptionTypeError(`S3Operations.S3Upload[].${key}`, op[key], 'a non-empty string');
      }
    }
    const path = await resolveUploadPath(op.Path, options.baseDir);
    let info;
    try {
      info = await lstat(path);
    } catch (cause) {
      throw new LocalPathNotFoundError('S3Upload Path', op.Path, { cause });
    }
    if (info.isSymbolicLink()) {
      // The path itself may be a link (a common way to point at a build output); follow it once.
      try {
        info = await stat(path);
      } catch (cause) {
        const loop = (cause as { code?: unknown }).code === 'ELOOP';
        throw new LocalPathNotFoundError('S3Upload Path', op.Path, {
          cause,
          detail: loop ? '(a symbolic link loop: ELOOP)' : '(dangling symbolic link)',
        });
      }
    }
    if (info.isDirectory()) {
      if (!op.Tar) throw new UploadInputError(op.Path, op.Path, 'directory-needs-tar');
      const root = await realpath(path);
      await checkTree(op.Path, root, root);
    } else if (info.isFile()) {
      await checkReadable(op.Path, path);
    } else {
      throw new UploadInputError(op.Path, op.Path, 'not-a-file-or-directory', {
        detail: specialFileType(info),
      });
    }
  }
}

/** Options of {@link runS3Operations}. */
export interface RunS3OperationsOptions {
  readonly logger: OperatorLogger;
  readonly signal?: AbortSignal | undefined;
  /** Folder that relative `Path`s are resolved against. @default - the current directory */
  readonly baseDir?: string;
}

async function runOne(
  op: S3OperationRef,
  s3: Pick<S3Client, 'send'>,
  options: RunS3OperationsOptions,
): Promise<void> {
  if (op.type === 'S3CreateBucket') {
    const sdk = await loadS3Sdk();
    // As the Python SDK's session does: a bucket we can already reach is left as it is, so a
    // re-run (or a bucket shared by several steps) is not an error.
    try {
      await s3.send(new sdk.HeadBucketCommand({ Bucket: op.Bucket }));
      return;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name !== 'NotFound' && name !== 'NoSuchBucket') throw error;
    }
    try {
      await s3.send(new sdk.CreateBucketCommand({ Bucket: op.Bucket }));
    } catch (error) {
      if ((error as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw error;
    }
    options.logger.info(`Created bucket ${op.Bucket}`);
    return;
  }
  const { Upload } = await loadLibStorage();
  const local = await resolveUploadPath(op.Path, options.baseDir);
  const tarball = op.Tar ? await tarToTempFile(local) : undefined;
  if (tarball && tarball.skipped.length > 0) {
    options.logger.warn(
      `Left out of s3://${op.Bucket}/${op.Key} (a tarball cannot hold them): ${tarball.skipped
        .map((e) => `${e.path} (${e.type})`)
        .join(', ')}`,
    );
  }
  try {
    const upload = new Upload({
      client: s3 as S3Client,
      params: {
        Bucket: op.Bucket,
        Key: op.Key,
        Body: createReadStream(tarball?.file ?? local),
      },
      // A failed multipart upload is aborted so that no partial object is left behind.
      leavePartsOnError: false,
      ...(options.signal ? { abortController: abortControllerFor(options.signal) } : {}),
    });
    await upload.done();
    options.logger.info(
      `Uploaded ${op.Path}${op.Tar ? ' (tar.gz)' : ''} to s3://${op.Bucket}/${op.Key}`,
    );
  } finally {
    await tarball?.cleanup();
  }
}

function abortControllerFor(signal: AbortSignal): AbortController {
  const controller = new AbortController();
  if (signal.aborted) controller.abort(signal.reason);
  else {
    signal.addEventListener(
      'abort',
      () => {
        controller.abort(signal.reason);
      },
      { once: true },
    );
  }
  return controller;
}

/**
 * Runs `S3CreateBucket` then `S3Upload` operations in order. Stops at the first failure and says
 * what was done and what was not.
 * @throws {@link S3OperationsError} when an operation fails; {@link MissingOptionError} without an S3 client
 */
export async function runS3Operations(
  ops: S3Operations | undefined,
  s3: Pick<S3Client, 'send'> | undefined,
  options: RunS3OperationsOptions,
): Promise<void> {
  const list = listS3Operations(ops);
  if (list.length === 0) return;
  if (!s3)
    throw new MissingOptionError('s3 client', 'the config has S3Operations; pass clients.s3');
  for (const [i, op] of list.entries()) {
    const tracker = trackMultipartUploads(s3);
    try {
      await runOne(op, tracker.client, options);
    } catch (cause) {
      let open: OpenMultipartUpload[] = [];
      try {
        open = await tracker.abortOpen();
      } catch {
        // The S3 client cannot be loaded or built a command: nothing more can be said.
      }
      for (const u of open) {
        options.logger.error(
          `Multipart upload ${u.UploadId} of s3://${u.Bucket}/${u.Key} could not be aborted: its parts stay stored and billed`,
        );
      }
      throw new S3OperationsError(list.slice(0, i), op, list.slice(i + 1), cause, open);
    }
  }
}
