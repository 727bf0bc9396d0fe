/**
 * Watches the multipart uploads an upload begins, so that when it fails and `lib-storage` could
 * not abort one (its AbortMultipartUpload failed too) the failure report can say which upload is
 * left open, with its parts stored and billed. Reads only the commands' inputs and outputs.
 * @internal
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { loadS3Sdk } from '../internal/loadPeer.js';
import type { OpenMultipartUpload } from './errors.js';

type Send = Pick<S3Client, 'send'>;

interface Begun {
  readonly Bucket: string;
  readonly Key: string;
}

/** An S3 client that records multipart uploads begun and not yet completed or aborted. @internal */
export interface MultipartTracker {
  readonly client: Send;
  /**
   * Aborts every upload still open (once more: `lib-storage` already tried) and returns those
   * that stay open.
   */
  abortOpen(): Promise<OpenMultipartUpload[]>;
}

/** Wraps `s3`; the wrapper sends every command through it unchanged. @internal */
export function trackMultipartUploads(s3: Send): MultipartTracker {
  const open = new Map<string, Begun>();
  const send = async (command: unknown, options?: unknown): Promise<unknown> => {
    const forward = s3.send.bind(s3) as (c: unknown, o?: unknown) => Promise<unknown>;
    const input = ((command as { input?: unknown }).input ?? {}) as {
      Bucket?: string;
      Key?: string;
      UploadId?: string;
    };
    const name = (command as { constructor?: { name?: string } }).constructor?.name ?? '';
    const output = (await forward(command, options)) as { UploadId?: string } | undefined;
    if (name.startsWith('CreateMultipartUpload') && output?.UploadId)
      open.set(output.UploadId, { Bucket: input.Bucket ?? '', Key: input.Key ?? '' });
    if (
      (name.startsWith('CompleteMultipartUpload') || name.startsWith('AbortMultipartUpload')) &&
      input.UploadId
    )
      open.delete(input.UploadId);
    return output;
  };
  return {
    // lib-storage reads the client's config (its request handler, checksums), so everything but
    // `send` is the client's own.
    client: new Proxy(s3, {
      get: (target, property) =>
        property === 'send' ? send : (Reflect.get(target, property, target) as unknown),
    }),
    async abortOpen() {
      if (open.size === 0) return [];
      const sdk = await loadS3Sdk();
      const left: OpenMultipartUpload[] = [];
      for (const [UploadId, { Bucket, Key }] of [...open]) {
        try {
          // Not tied to the caller's signal: an aborted upload is exactly when this must run.
          await s3.send(new sdk.AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
          open.delete(UploadId);
        } catch (abortError) {
          // Already gone (lib-storage's abort landed, its response did not): nothing is left.
          if ((abortError as { name?: string }).name === 'NoSuchUpload') open.delete(UploadId);
          else left.push({ Bucket, Key, UploadId, abortError });
        }
      }
      return left;
    },
  };
}
