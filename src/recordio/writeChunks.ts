/**
 * Writes chunks to a Node writable with backpressure.
 * @internal
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** The part of a Node `Writable` the writers use. */
export type ChunkSink = Pick<Writable, 'write' | 'once' | 'on' | 'off' | 'removeListener' | 'destroyed'>;

/**
 * Writes every chunk, waiting for `drain` when the sink's buffer is full, and returns the number
 * of bytes written. The sink is left open, as Python leaves its file open. Rejects with the
 * sink's error if it fails.
 */
export async function writeChunks(sink: ChunkSink, chunks: Iterable<Uint8Array>): Promise<number> {
  let failure: unknown;
  let failed = false;
  const onError = (error: unknown): void => {
    failed = true;
    failure = error;
  };
  sink.on('error', onError);
  try {
    let bytes = 0;
    for (const chunk of chunks) {
      if (failed) throw failure;
      bytes += chunk.length;
      if (!sink.write(chunk)) await once(sink as Writable, 'drain');
    }
    if (failed) throw failure;
    return bytes;
  } finally {
    sink.off('error', onError);
  }
}
