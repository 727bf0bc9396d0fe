/**
 * The tarball of an `S3Upload` with `Tar: true`, made for a CDK asset: synchronously (a construct
 * is built in its constructor) and reproducibly (entries in sorted order, no owner, every mtime
 * the epoch, a gzip header without time), so the asset hash, and with it the S3 key, changes only
 * when the code does. The entries are the ones `stageUploads` archives: a directory's contents at
 * the archive root, or the single file (Python's `tar_and_s3_upload`).
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LocalPathNotFoundError } from '../../errors.js';
import { requireTar } from '../../internal/loadPeer.js';
import { UploadInputError } from '../../operators/errors.js';

/** What an upload's local path is, after the checks `stageUploads` also makes. @internal */
export type LocalCode = { readonly kind: 'file' | 'directory'; readonly path: string };

/**
 * Resolves and checks an upload's local path: it exists, is a file or a directory, and a
 * directory holds no symbolic link to outside it.
 * @throws `LocalPathNotFoundError`, {@link UploadInputError}
 * @internal
 */
export function localCode(uploadPath: string, baseDir: string): LocalCode {
  const path = resolve(baseDir, uploadPath);
  let info;
  try {
    info = statSync(path);
  } catch (cause) {
    const dangling = existsSync(path) || isLink(path);
    throw new LocalPathNotFoundError('S3Upload Path', uploadPath, {
      cause,
      ...(dangling ? { detail: '(dangling symbolic link)' } : {}),
    });
  }
  if (info.isDirectory()) return { kind: 'directory', path };
  if (info.isFile()) return { kind: 'file', path };
  throw new UploadInputError(uploadPath, uploadPath, 'not-a-file-or-directory');
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Every entry under `dir`, relative to `root`, depth first in sorted order; links not followed. */
function entries(uploadPath: string, root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const full = join(dir, entry.name);
    out.push(relative(root, full));
    if (entry.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(full);
      } catch (cause) {
        throw new UploadInputError(uploadPath, full, 'symlink-outside-source', {
          cause,
          detail: 'a missing target',
        });
      }
      if (!isInside(root, target)) {
        throw new UploadInputError(uploadPath, full, 'symlink-outside-source', { detail: target });
      }
    } else if (entry.isDirectory()) {
      out.push(...entries(uploadPath, root, full));
    }
  }
  return out;
}

/**
 * The gzipped tarball of a file or directory, the same bytes for the same tree.
 * @throws {@link UploadInputError} for a symbolic link that leads outside the directory;
 *   `MissingPeerDependencyError` when `tar` is not installed (loaded here, on first use)
 * @internal
 */
export function tarballBytes(uploadPath: string, code: LocalCode): Buffer {
  const root = code.kind === 'directory' ? realpathSync(code.path) : dirname(code.path);
  const list = code.kind === 'directory' ? entries(uploadPath, root, root) : [basename(code.path)];
  const chunks: Buffer[] = [];
  // sync: the whole archive is written before `create` returns; noDirRecurse: the sorted list
  // above is the archive's order, whatever order the file system lists a folder in.
  const pack = requireTar().create(
    { sync: true, gzip: true, cwd: root, portable: true, mtime: new Date(0), noDirRecurse: true },
    list,
  );
  pack.on('data', (chunk: Buffer) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/**
 * Writes the tarball into `outDir` under its content hash (once) and returns its path.
 * @internal
 */
export function writeTarball(uploadPath: string, code: LocalCode, outDir: string): string {
  const bytes = tarballBytes(uploadPath, code);
  const hash = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${hash}.tar.gz`);
  if (!existsSync(file)) {
    // Written aside then renamed, so that a synth stopped midway leaves no truncated archive.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  }
  return file;
}
