/**
 * A gzipped tar of a few in-memory files, and its reading back: what a job writes as
 * `model.tar.gz`. Written by hand (ustar headers over `node:zlib`) because the archive is built and
 * read (through the shared `tarEntries`) synchronously inside a request handler, where the `tar` package works on streams and files.
 * @internal
 */
import { gzipSync } from 'node:zlib';
import { tarEntries } from '../../internal/tarEntries.js';

const BLOCK = 512;

function header(name: string, size: number, mtimeSeconds: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  h.write(`${Math.floor(mtimeSeconds).toString(8).padStart(11, '0')}\0`, 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\x0000', 257, 'binary');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** A `.tar.gz` of `files` (name → contents), in the given order. @internal */
export function writeTarGz(
  files: Readonly<Record<string, Uint8Array | string>>,
  mtimeSeconds = 0,
): Uint8Array {
  const parts: Buffer[] = [];
  for (const [name, contents] of Object.entries(files)) {
    const data = typeof contents === 'string' ? Buffer.from(contents) : Buffer.from(contents);
    parts.push(header(name, data.length, mtimeSeconds), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return new Uint8Array(gzipSync(Buffer.concat(parts)));
}

/** The regular files of a `.tar.gz` (or plain `.tar`), by name. @internal */
export function readTarGz(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const member of tarEntries(bytes))
    if (member.type === 'file') files.set(member.name, new Uint8Array(member.body));
  return files;
}
