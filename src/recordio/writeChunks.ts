/**
 * Writes encoded records to a Node writable with backpressure, encoding ahead while the writable
 * is busy.
 * @internal
 */
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
 * Chunks encoded ahead while the writable is full. A file stream's write waits on the file
 * system (opening and truncating the file, writeback throttling) in bursts of milliseconds; a few
 * chunks in hand let the next writes start as soon as it drains instead of after an encode.
 * @internal
 */
export const CHUNKS_AHEAD = 3;

/** Resolves on the event loop's next check phase, after the I/O callbacks that are ready. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes every record, waiting for `drain` when the sink's buffer is full, and returns the
 * number of bytes written. The sink is left open, as Python leaves its file open. Rejects with
 * the sink's error if it fails, and encodes nothing after that.
 *
 * While the sink is full, up to {@link CHUNKS_AHEAD} chunks are encoded and held back, yielding
 * to the event loop after each so that a `drain` is acted on within one chunk's encode. With
 * `reuseChunks`, a chunk's buffer goes back to a pool only once the sink calls back for its
 * write (for a file stream, once the file system has copied it), never when `write()` returns.
 */
export async function writeChunks(
  sink: ChunkSink,
  source: RecordSource,
  options: WriteChunksOptions,
): Promise<number> {
  const reuse = options.reuseChunks === true;
  const pool: ArrayBuffer[] = [];
  const allocate: ChunkAllocator = (size) => {
    const recycled = pool.pop();
    return recycled !== undefined && recycled.byteLength >= size
      ? new Uint8Array(recycled)
      : new Uint8Array(size);
  };
  const chunks = encodeChunks(
    source,
    options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    reuse ? allocate : undefined,
  );

  // Set by the sink's events, which arrive while the loop awaits.
  let full = false;
  let failure: { readonly error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const onDrain = (): void => {
    full = false;
    wake?.();
  };
  const onError = (error: unknown): void => {
    failure ??= { error };
    wake?.();
  };
  const written = (chunk: Uint8Array) => (error?: Error | null) => {
    if (error) onError(error);
    else if (reuse) pool.push(chunk.buffer as ArrayBuffer);
  };

  sink.on('drain', onDrain);
  sink.on('error', onError);
  try {
    const ahead: Uint8Array[] = [];
    let exhausted = false;
    let bytes = 0;
    for (;;) {
      if (failure) throw failure.error;
      const chunk: Uint8Array | undefined = full ? undefined : ahead.shift();
      if (chunk !== undefined) {
        bytes += chunk.length;
        full = !sink.write(chunk, written(chunk));
      } else if (!exhausted && ahead.length < CHUNKS_AHEAD) {
        const next = chunks.next();
        if (next.done === true) exhausted = true;
        else ahead.push(next.value);
        if (full) await nextTurn();
      } else if (exhausted && ahead.length === 0 && !full) {
        return bytes;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    sink.off('drain', onDrain);
    sink.off('error', onError);
    chunks.return(undefined);
  }
}
