/**
 * Honest reports of source-directory uploads (issue 17 item 5, findings-2026-12 §4d and §5): a
 * multipart upload that could not be aborted is named in the failure, FIFOs and sockets left out
 * of a tarball are reported, and symlink loops, dangling links and special files are said as what
 * they are. Against the local S3 server with the real S3 client and lib-storage.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { isLocalPathNotFoundError } from '../../src/errors.js';
import {
  isS3OperationsError,
  isUploadInputError,
  type S3OperationsError,
} from '../../src/operators/errors.js';
import { checkS3Operations, runS3Operations } from '../../src/operators/s3Operations.js';
import { startLocalS3, type LocalS3 } from '../../src/testing/index.js';
import { capturingLogger, s3ClientFor } from './harness.js';

let s3server: LocalS3;
let s3: S3Client;
let dir: string;

beforeAll(async () => {
  s3server = await startLocalS3({ buckets: ['code'] });
  s3 = s3ClientFor(s3server);
});
afterAll(async () => {
  s3.destroy();
  await s3server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'src-reports-'));
  await mkdir(join(dir, 'src'));
  await writeFile(join(dir, 'src', 'train.py'), 'print(1)\n');
  s3server.clearFaults();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const upload = (path: string, key: string, tar = true) => ({
  S3Upload: [{ Path: path, Bucket: 'code', Key: key, Tar: tar }],
});

describe('a multipart upload that could not be aborted is reported', () => {
  test('UploadPart and AbortMultipartUpload both fail: the open upload is named, and it is open', async () => {
    // GIVEN a 12 MiB file (three 5 MiB parts) whose second part fails, and aborts that fail too
    await writeFile(join(dir, 'big.bin'), randomBytes(12 * 1024 * 1024));
    s3server.injectFault({ operation: 'UploadPart', after: 1, times: 100 });
    s3server.injectFault({ operation: 'AbortMultipartUpload', times: 100 });
    const logger = capturingLogger();
    const openBefore = s3server.openMultipartUploads();
    // WHEN the upload runs
    const error = await runS3Operations(upload(join(dir, 'big.bin'), 'big.bin', false), s3, {
      logger,
    }).catch((e: unknown) => e);
    // THEN the typed error lists the upload left open, which is indeed open on the server
    expect(isS3OperationsError(error)).toBe(true);
    const open = (error as S3OperationsError).openMultipartUploads;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ Bucket: 'code', Key: 'big.bin' });
    expect(s3server.openMultipartUploads() - openBefore).toBe(1);
    const message = (error as Error).message;
    expect(message).toContain(
      `Left open, its parts still stored and billed: multipart upload ${open[0]!.UploadId} of s3://code/big.bin`,
    );
    expect(message).toContain('abort-multipart-upload');
    expect(logger.lines.some((l) => l.startsWith('error: Multipart upload'))).toBe(true);
  });

  test('UploadPart fails and the abort works: nothing is left open and nothing is reported', async () => {
    await writeFile(join(dir, 'big.bin'), randomBytes(12 * 1024 * 1024));
    s3server.injectFault({ operation: 'UploadPart', after: 1, times: 100 });
    const openBefore = s3server.openMultipartUploads();
    const error = await runS3Operations(upload(join(dir, 'big.bin'), 'big2.bin', false), s3, {
      logger: capturingLogger(),
    }).catch((e: unknown) => e);
    expect((error as S3OperationsError).openMultipartUploads).toEqual([]);
    expect((error as Error).message).not.toContain('Left open');
    expect(s3server.openMultipartUploads()).toBe(openBefore);
  });
});

describe('special files in a source dir are reported, not dropped silently', () => {
  let server: Server | undefined;
  afterEach(async () => {
    const open = server;
    server = undefined;
    if (open)
      await new Promise<void>((resolve) =>
        open.close(() => {
          resolve();
        }),
      );
  });

  test('a FIFO and a Unix socket are left out of the tarball and named in a warning', async () => {
    execFileSync('mkfifo', [join(dir, 'src', 'pipe')]);
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(join(dir, 'src', 'sock'), resolve));
    const logger = capturingLogger();
    await checkS3Operations(upload(join(dir, 'src'), 'a.tar.gz'));
    await runS3Operations(upload(join(dir, 'src'), 'a.tar.gz'), s3, { logger });
    expect(logger.lines).toContain(
      'warn: Left out of s3://code/a.tar.gz (a tarball cannot hold them): pipe (a FIFO (named pipe)), sock (a Unix socket)',
    );
    expect(s3server.getObject('code', 'a.tar.gz')).toBeDefined();
  });

  test('a Path that is itself a FIFO says what it is', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const error = await checkS3Operations(upload(join(dir, 'pipe'), 'p', false)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'UPLOAD_INPUT', problem: 'not-a-file-or-directory' });
    expect((error as Error).message).toContain(
      'is neither a regular file nor a directory (it is a FIFO (named pipe))',
    );
  });
});

describe('symlink messages say what was found', () => {
  test('a loop a -> b -> a is a loop (ELOOP), not a link "outside the source directory"', async () => {
    await symlink('b', join(dir, 'src', 'a'));
    await symlink('a', join(dir, 'src', 'b'));
    const error = await checkS3Operations(upload(join(dir, 'src'), 'k')).catch((e: unknown) => e);
    expect(isUploadInputError(error)).toBe(true);
    expect(error).toMatchObject({ problem: 'symlink-loop', file: join(dir, 'src', 'a') });
    expect((error as Error).message).toBe(
      `Cannot upload ${JSON.stringify(join(dir, 'src'))}: ${JSON.stringify(join(dir, 'src', 'a'))} is a symbolic link loop (ELOOP: following it leads back to itself; it points to b)`,
    );
    expect((error as Error).message).not.toContain('outside');
  });

  test('a dangling link names its missing target', async () => {
    await symlink('gone.py', join(dir, 'src', 'dangling'));
    const error = await checkS3Operations(upload(join(dir, 'src'), 'k')).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'dangling-symlink' });
    expect((error as Error).message).toContain(
      'is a symbolic link whose target does not exist (gone.py is missing)',
    );
  });

  test('a Path that is a symlink loop says so', async () => {
    await symlink('loop2', join(dir, 'loop1'));
    await symlink('loop1', join(dir, 'loop2'));
    const error = await checkS3Operations(upload(join(dir, 'loop1'), 'k')).catch((e: unknown) => e);
    expect(isLocalPathNotFoundError(error)).toBe(true);
    expect((error as Error).message).toContain('(a symbolic link loop: ELOOP)');
  });
});
