/**
 * Writes encoded records to a Node writable with backpressure.
 * @internal
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DEFAULT_CHUNK_BYTES, encodeChunks, type ChunkAllocator } from './encodeRecords.js';
import type { RecordSource } from './RecordSource.js';

/** The part of a Node `Writable` the writers use. */
export type ChunkSink = Pick<Writable, 'write' | 'once' | 'on' | 'off' | 'removeListener'>;

/** @internal */
export interface WriteChunksOptions {
  /** @default {@link DEFAULT_CHUNK_BYTES} */
  readonly chunkBytes?: number;
  /** @default false */
  readonly reuseChunks?: boolean;
}

/**
 * Writes every record, waiting for `drain` when the sink's buffer is full, and returns the
 * number of bytes written. The sink is left open, as Python leaves its file open. Rejects with
 * the sink's error if it fails.
 *
 * With `reuseChunks`, a chunk's buffer goes back to a pool once the sink calls back for its
 * write: fresh memory is slow to fault in, and the pool stays at about three buffers because the
 * loop waits for `drain` before handing over the next chunk.
 */
export async function writeChunks(
  sink: ChunkSink,
  source: RecordSource,
  options: WriteChunksOptions,
): Promise<number> {
  // Filled by the 'error' listener while the loop awaits.
  const state: { failed: boolean; failure: unknown } = { failed: false, failure: undefined };
  const onError = (error: unknown): void => {
    state.failed = true;
    state.failure = error;
  };
  const pool: ArrayBuffer[] = [];
  const allocate: ChunkAllocator | undefined = options.reuseChunks
    ? (size) => {
        const recycled = pool.pop();
        return recycled !== undefined && recycled.byteLength >= size
          ? new Uint8Array(recycled)
          : new Uint8Array(size);
      }
    : undefined;
  const release = options.reuseChunks
    ? (chunk: Uint8Array) => (error?: Error | null) => {
        if (!error) pool.push(chunk.buffer as ArrayBuffer);
      }
    : undefined;

  sink.on('error', onError);
  try {
    let bytes = 0;
    let full = false;
    // The generator encodes chunk k + 1 before the loop waits for chunk k's drain, so encoding
    // overlaps the sink's I/O; at most one chunk is written while the next is encoded.
    for (const chunk of encodeChunks(source, options.chunkBytes ?? DEFAULT_CHUNK_BYTES, allocate)) {
      if (state.failed) throw state.failure;
      if (full) await once(sink as Writable, 'drain');
      if (state.failed) throw state.failure;
      bytes += chunk.length;
      full = !(release ? sink.write(chunk, release(chunk)) : sink.write(chunk));
    }
    if (full) await once(sink as Writable, 'drain');
    if (state.failed) throw state.failure;
    return bytes;
  } finally {
    sink.off('error', onError);
  }
}
