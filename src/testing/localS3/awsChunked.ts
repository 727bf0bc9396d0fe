/**
 * `aws-chunked` request bodies, which the AWS SDK sends for streamed uploads with checksums.
 * @internal
 */
import type { IncomingHttpHeaders } from 'node:http';
import { S3Error } from './S3Error.js';

/** The payload of a request body, decoded when the headers say it is `aws-chunked`. @internal */
export function decodeBody(raw: Buffer, headers: IncomingHttpHeaders): Buffer {
  const encoding = headers['content-encoding'] ?? '';
  const sha = String(headers['x-amz-content-sha256'] ?? '');
  return encoding.includes('aws-chunked') || sha.startsWith('STREAMING-')
    ? decodeAwsChunked(raw)
    : raw;
}

/** `<hex size>[;chunk-signature=...]\r\n<data>\r\n`... then trailers. @internal */
export function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let off = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', off);
    if (eol < 0) throw new S3Error(400, 'IncompleteBody', 'truncated aws-chunked body');
    const size = parseInt(raw.subarray(off, eol).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size)) throw new S3Error(400, 'InvalidRequest', 'bad aws-chunked size');
    off = eol + 2;
    if (size === 0) return Buffer.concat(parts);
    parts.push(raw.subarray(off, off + size));
    off += size + 2;
  }
}
