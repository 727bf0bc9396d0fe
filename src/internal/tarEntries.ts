/**
 * The members of an in-memory tar archive (gzipped or plain), read synchronously: ustar headers
 * with their `prefix` field, GNU long names (`L`) and pax `path` records (`x`) applied to the
 * member that follows, pax globals (`g`) skipped. One reader for the three places that look into
 * an archive already in memory (the repack of a model tarball, the local SageMaker's model
 * artifacts, the parity runner's upload records), where the `tar` package's stream and file
 * interface would only add a round trip through the file system.
 * @internal
 */
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

/** One member as the archive names it (no normalisation), with a view of its bytes. @internal */
export interface TarMember {
  /** The member's path as written (`./`, a trailing `/` and the like left as they are). */
  readonly name: string;
  /** `file` for a regular file, `dir` for a directory, `other` for links, devices, FIFOs. */
  readonly type: 'file' | 'dir' | 'other';
  /** A view of the member's bytes inside the archive (empty for anything but a file). */
  readonly body: Uint8Array;
}

function field(header: Uint8Array, start: number, length: number): string {
  const raw = Buffer.from(header.buffer, header.byteOffset + start, length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

/** Whether `bytes` start with the gzip magic number. @internal */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Whether `tar` (already gunzipped) starts with a ustar header. @internal */
export function isUstar(tar: Uint8Array): boolean {
  return tar.length >= BLOCK && field(tar, 257, 5) === 'ustar';
}

/**
 * The members of `archive`, in archive order. A gzipped archive is gunzipped first (a corrupt
 * one throws zlib's error); reading stops at the first all-zero block or the end of the data.
 * @internal
 */
export function* tarEntries(archive: Uint8Array): Generator<TarMember> {
  const data = isGzip(archive) ? gunzipSync(archive) : archive;
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= data.length) {
    const header = data.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) return;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const flag = String.fromCharCode(header[156] ?? 0x30);
    const body = data.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'L' || flag === 'x') {
      const text = Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8');
      longName =
        flag === 'L' ? text.replace(/\0+$/, '') : /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text)?.[1];
      continue;
    }
    if (flag === 'g') continue;
    const prefix = field(header, 345, 155);
    const base = field(header, 0, 100);
    const name = longName ?? (prefix ? `${prefix}/${base}` : base);
    longName = undefined;
    const type = flag === '0' || flag === '\0' ? 'file' : flag === '5' ? 'dir' : 'other';
    yield { name, type, body: type === 'file' ? body : new Uint8Array(0) };
  }
}
