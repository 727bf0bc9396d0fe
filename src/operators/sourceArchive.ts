/**
 * The tar.gz of an `S3Upload` with `Tar: true`, written to a temporary file: a directory's entries
 * at the archive root (as Python's `tar_and_s3_upload` adds each child under its base name), or
 * the single file. Entries a tarball cannot hold (FIFOs, sockets, devices) are left out and
 * listed, so the caller can say so instead of dropping them silently.
 * @internal
 */
import type { Stats } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { loadTar } from '../internal/loadPeer.js';

/** A file left out of an archive: its path inside the archive, and what it is. @internal */
export interface SkippedEntry {
  readonly path: string;
  readonly type: string;
}

/** What kind of special file a stat describes, in words. @internal */
export function specialFileType(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a Unix socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'an unknown kind of file';
}

/** A written archive: where it is, what was left out, and how to delete it. @internal */
export interface SourceArchive {
  readonly file: string;
  readonly skipped: readonly SkippedEntry[];
  cleanup(): Promise<void>;
}

/** Writes the gzipped tarball of `path` to a temporary file. @internal */
export async function tarToTempFile(path: string): Promise<SourceArchive> {
  const tar = await loadTar();
  const dir = await mkdtemp(join(tmpdir(), 'sagemaker-workflow-tar-'));
  const file = join(dir, 'source.tar.gz');
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const skipped: SkippedEntry[] = [];
  try {
    const full = resolve(path);
    const info = await stat(full);
    const [cwd, entries] = info.isDirectory()
      ? [full, (await readdir(full)).sort()]
      : [dirname(full), [basename(full)]];
    await tar.create(
      {
        gzip: true,
        file,
        cwd,
        // portable: no uid/gid/uname/mtime noise, so the same tree gives the same archive entries.
        portable: true,
        filter: (entry, entryStat) => {
          // When creating an archive, tar passes the lstat of each entry.
          const info = entryStat as Stats;
          const kept = info.isFile() || info.isDirectory() || info.isSymbolicLink();
          if (!kept) skipped.push({ path: entry, type: specialFileType(info) });
          return kept;
        },
      },
      entries,
    );
    return { file, skipped, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
