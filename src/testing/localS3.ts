/**
 * A local S3-compatible server for offline tests of the operators' uploads, backed by `s3rver`
 * (loaded on demand, so importing `sagemaker-workflow/testing` does not need it installed) and a
 * temporary directory removed on close. Clients must use path-style addressing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The only credentials the local S3 server accepts (s3rver's fixed key pair). */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** Options of {@link startLocalS3Server}. */
export interface LocalS3ServerOptions {
  /** Buckets that exist when the server starts. @default [] */
  readonly buckets?: readonly string[];
}

/** A running local S3 server; see {@link startLocalS3Server}. */
export interface LocalS3Server {
  /**
   * `http://127.0.0.1:<port>`: pass as the S3 client's `endpoint` with `forcePathStyle: true` and
   * {@link LOCAL_S3_CREDENTIALS}.
   */
  readonly url: string;
  readonly port: number;
  /** Stops the server and deletes its data. */
  close(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<AddressInfoLike>;
  close(): Promise<void>;
}
interface AddressInfoLike {
  readonly port: number;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

/**
 * Starts an S3-compatible server on 127.0.0.1 at a random port.
 *
 * @example
 * const s3server = await startLocalS3Server({ buckets: ['my-bucket'] });
 * const s3 = new S3Client({ endpoint: s3server.url, forcePathStyle: true, region: 'us-east-1',
 *   credentials: LOCAL_S3_CREDENTIALS });
 */
export async function startLocalS3Server(
  options: LocalS3ServerOptions = {},
): Promise<LocalS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'sagemaker-workflow-s3-'));
  // A computed specifier keeps s3rver optional for bundlers and the type checker alike.
  const specifier = 's3rver';
  const { default: S3rver } = (await import(specifier)) as { default: S3rverConstructor };
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    resetOnClose: true,
    // Clients that sign with the right key but a skewed clock or a proxy-altered request still pass.
    allowMismatchedSignatures: true,
    vhostBuckets: false,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
