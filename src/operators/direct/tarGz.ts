/**
 * The code archives of the direct path, packed as Python's `create_tar_file` packs them: each
 * source path at the archive root under its base name, directories recursively, links followed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One archive member: a directory, or a file with its bytes. */
export interface TarEntry {
  readonly name: string;
  readonly body?: Uint8Array;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, dir: boolean): Buffer {
  const h = Buffer.alloc(512);
  let path = dir ? `${name}/` : name;
  let prefix = '';
  if (Buffer.byteLength(path) > 100) {
    const cut = path.lastIndexOf('/', path.length - 2);
    prefix = path.slice(0, cut);
    path = path.slice(cut + 1);
  }
  h.write(path, 0, 100, 'utf8');
  h.write(octal(dir ? 0o755 : 0o644, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(0, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(dir ? '5' : '0', 156, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

/** A gzipped tar of `entries`, in order. */
export function tarGz(entries: readonly TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = e.body ? Buffer.from(e.body) : undefined;
    blocks.push(header(e.name, body?.length ?? 0, body === undefined));
    if (body) blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

function walk(path: string, name: string, out: TarEntry[]): void {
  if (statSync(path).isDirectory()) {
    out.push({ name });
    for (const child of readdirSync(path).sort()) walk(join(path, child), `${name}/${child}`, out);
  } else out.push({ name, body: readFileSync(path) });
}

/** The entries of local `paths`, each at the root under its base name. */
export function localEntries(paths: readonly string[], root = ''): TarEntry[] {
  const out: TarEntry[] = [];
  for (const p of paths) walk(p, root ? `${root}/${basename(p)}` : basename(p), out);
  return out;
}

/** The paths Python packs for a job's code: the source dir's entries, or the script, then dependencies. */
export function codePaths(
  entryPoint: string,
  sourceDir: string | undefined,
  dependencies: readonly string[],
): string[] {
  const sources = sourceDir
    ? readdirSync(sourceDir)
        .sort()
        .map((n) => join(sourceDir, n))
    : [entryPoint];
  return [...sources, ...dependencies];
}
