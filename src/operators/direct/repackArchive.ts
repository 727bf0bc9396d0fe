/**
 * The archive side of Python's `repack_model`: a model tarball read into a tree, the inference
 * code placed under `code/` (a local source dir replaces it, an S3 code tarball is extracted over
 * it, a lone entry point is copied in), dependencies under `code/lib/`, and the tree packed again
 * with a root entry, as `tarfile.add(model_dir, arcname="/")` writes it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LocalPathNotFoundError } from '../../errors.js';
import { tarEntries } from '../../internal/tarEntries.js';
import { tarGz, type TarEntry } from './tarGz.js';

/** A directory tree: path to file bytes, or `null` for a directory. */
export type ArchiveTree = Map<string, Uint8Array | null>;

function addParents(tree: ArchiveTree, path: string): void {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    if (!tree.has(dir)) tree.set(dir, null);
  }
}

/** Extracts a (gzipped) tar into `tree` at `root`, as `extractall` would (files overwrite). */
export function extractInto(tree: ArchiveTree, archive: Uint8Array, root = ''): void {
  for (const member of tarEntries(archive)) {
    const name = member.name
      .split('/')
      .filter((p) => p !== '' && p !== '.')
      .join('/');
    if (name === '') continue;
    const path = root ? `${root}/${name}` : name;
    addParents(tree, path);
    if (member.type === 'dir') {
      if (!tree.has(path)) tree.set(path, null);
    } else if (member.type === 'file') tree.set(path, new Uint8Array(member.body));
  }
}

/** Removes `path` and everything under it (`shutil.rmtree`). */
export function removeTree(tree: ArchiveTree, path: string): void {
  for (const key of [...tree.keys()])
    if (key === path || key.startsWith(`${path}/`)) tree.delete(key);
}

/** Copies a local file or folder (recursively, links followed) to `path` in the tree. */
export function copyLocal(tree: ArchiveTree, local: string, path: string): void {
  addParents(tree, path);
  if (statSync(local).isDirectory()) {
    tree.set(path, null);
    for (const child of readdirSync(local).sort())
      copyLocal(tree, join(local, child), `${path}/${child}`);
  } else tree.set(path, readFileSync(local));
}

/** What goes under `code/`. */
export interface RepackCode {
  readonly entryPoint: string;
  /** A local folder; an S3 one is passed as `codeArchive`. */
  readonly sourceDir: string | undefined;
  /** The downloaded S3 code tarball. */
  readonly codeArchive: Uint8Array | undefined;
  readonly dependencies: readonly string[];
}

/**
 * Python's `_create_or_update_code_dir` on the extracted model.
 * @throws {@link LocalPathNotFoundError} for a local source dir, entry point or dependency that
 * does not exist (Python's `FileNotFoundError`).
 */
export function placeCode(tree: ArchiveTree, code: RepackCode): void {
  if (code.codeArchive) {
    if (!tree.has('code')) tree.set('code', null);
    extractInto(tree, code.codeArchive, 'code');
  } else if (code.sourceDir) {
    if (!existsSync(code.sourceDir)) throw new LocalPathNotFoundError('sourceDir', code.sourceDir);
    removeTree(tree, 'code');
    copyLocal(tree, code.sourceDir, 'code');
  } else {
    if (!tree.has('code')) tree.set('code', null);
    if (existsSync(code.entryPoint) && statSync(code.entryPoint).isFile()) {
      copyLocal(tree, code.entryPoint, `code/${basename(code.entryPoint)}`);
    } else if (!tree.has(`code/${code.entryPoint}`)) {
      throw new LocalPathNotFoundError('entryPoint', code.entryPoint, {
        detail: '(nor is it in the code/ folder of the model archive)',
      });
    }
  }
  for (const dependency of code.dependencies) {
    if (!existsSync(dependency)) throw new LocalPathNotFoundError('dependencies', dependency);
    if (!tree.has('code/lib')) tree.set('code/lib', null);
    copyLocal(tree, dependency, `code/lib/${basename(dependency)}`);
  }
}

/** The tree packed as a gzipped tar, with the root entry Python's `arcname="/"` writes. */
export function packTree(tree: ArchiveTree): Buffer {
  const entries: TarEntry[] = [{ name: '' }];
  for (const path of [...tree.keys()].sort()) {
    const body = tree.get(path);
    entries.push(body ? { name: path, body } : { name: path });
  }
  return tarGz(entries);
}
