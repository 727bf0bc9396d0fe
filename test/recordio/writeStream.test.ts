import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  encodeDenseTensor,
  encodeSparseTensor,
  writeDenseTensor,
  writeSparseTensor,
  type ChunkSink,
} from '../../src/recordio/index.js';

type Callback = (error?: Error | null) => void;

interface SlowSinkOptions {
  /** The writable's buffer limit: 1 makes every write return false. */
  readonly highWaterMark: number;
  /** Index of the write whose callback gets an error. */
  readonly failAt?: number;
}

/**
 * A writable that takes its time over each chunk (a macrotask, sometimes a timer) and checks what
 * the writer promises: no `write()` while it waits for `drain`, and no change to a chunk's bytes
 * between `write()` and the callback for it.
 */
class SlowSink extends Writable {
  readonly problems: string[] = [];
  readonly received: Buffer[] = [];
  /** Every buffer a chunk was a view of, to see how many the writer held at once. */
  readonly buffers = new Set<ArrayBufferLike>();
  writes = 0;
  writesAfterError = 0;
  private failed = false;
  private readonly copies = new Map<ArrayBufferLike, Buffer>();

  constructor(private readonly slow: SlowSinkOptions) {
    super({
      highWaterMark: slow.highWaterMark,
      write: (chunk: Buffer, _encoding, callback: Callback) => {
        const index = this.received.length;
        this.received.push(Buffer.from(chunk));
        this.expectUnchanged(chunk, 'when the writable took it');
        const done = (): void => {
          callback(index === slow.failAt ? new Error(`write ${index} failed`) : null);
        };
        if (index % 7 === 0) setTimeout(done, 1);
        else setImmediate(done);
      },
    });
    this.on('error', () => (this.failed = true));
  }

  override write(chunk: Uint8Array, ...rest: unknown[]): boolean {
    this.writes++;
    if (this.failed) this.writesAfterError++;
    if (this.writableNeedDrain) this.problems.push(`write ${this.writes} before drain`);
    if (this.copies.has(chunk.buffer)) this.problems.push(`buffer of write ${this.writes} in use`);
    this.copies.set(chunk.buffer, Buffer.from(chunk));
    this.buffers.add(chunk.buffer);
    const callback = rest.find((r): r is Callback => typeof r === 'function');
    return super.write(chunk, (error) => {
      this.expectUnchanged(chunk, 'at its callback');
      this.copies.delete(chunk.buffer);
      callback?.(error);
    });
  }

  private expectUnchanged(chunk: Uint8Array, when: string): void {
    const copy = this.copies.get(chunk.buffer);
    if (copy !== undefined && !copy.equals(chunk)) this.problems.push(`chunk changed ${when}`);
  }
}

const rows = 1000;
const dense = {
  shape: [rows, 7],
  data: Float32Array.from({ length: rows * 7 }, (_, i) => Math.sin(i)),
};
const denseLabels = Float32Array.from({ length: rows }, (_, i) => i % 3);
// Rows of 0 to 9 stored values, so records differ in size.
const indptr = new Int32Array(rows + 1);
for (let r = 0; r < rows; r++) indptr[r + 1] = (indptr[r] as number) + (r % 10);
const nnz = indptr[rows] as number;
const sparse = {
  shape: [rows, 50],
  data: Float64Array.from({ length: nnz }, (_, i) => i / 7),
  indices: Int32Array.from({ length: nnz }, (_, i) => (i * 13) % 50),
  indptr,
};

const cases = [
  {
    name: 'dense',
    write: (sink: ChunkSink, options: { chunkBytes: number; reuseChunks: boolean }) =>
      writeDenseTensor(sink, dense, { labels: denseLabels, ...options }),
    expected: Buffer.from(encodeDenseTensor(dense, { labels: denseLabels })),
  },
  {
    name: 'sparse',
    write: (sink: ChunkSink, options: { chunkBytes: number; reuseChunks: boolean }) =>
      writeSparseTensor(sink, sparse, options),
    expected: Buffer.from(encodeSparseTensor(sparse)),
  },
] as const;

describe.each(cases)('$name stream writer against a slow writable', ({ write, expected }) => {
  it.each([1, 1 << 20])(
    'never changes a chunk before its callback, recycling buffers (highWaterMark %i)',
    async (highWaterMark) => {
      // GIVEN a writable that calls back a macrotask or a timer after each write
      const sink = new SlowSink({ highWaterMark });
      // WHEN the records are written in 512-byte chunks whose buffers are recycled
      const written = await write(sink, { chunkBytes: 512, reuseChunks: true });
      sink.end();
      await finished(sink as Writable);
      // THEN no chunk's bytes changed while the writable held it, and the bytes are the encoding
      expect(sink.problems).toStrictEqual([]);
      expect(written).toBe(expected.length);
      expect(Buffer.concat(sink.received).equals(expected)).toBe(true);
      expect(sink.writes).toBeGreaterThan(50);
      if (highWaterMark === 1) {
        // AND, waiting for drain, the writer held few buffers and used them again
        expect(sink.buffers.size).toBeLessThanOrEqual(3);
      }
    },
  );

  it.each([false, true])(
    'waits for drain whenever write returns false (reuseChunks %s)',
    async (reuseChunks) => {
      // GIVEN a writable whose every write fills its buffer
      const sink = new SlowSink({ highWaterMark: 1 });
      // WHEN the records are written
      await write(sink, { chunkBytes: 300, reuseChunks });
      // THEN no write came between a full buffer and its drain
      expect(sink.problems).toStrictEqual([]);
      expect(sink.writes).toBeGreaterThan(50);
      sink.end();
      await finished(sink as Writable);
      expect(Buffer.concat(sink.received).equals(expected)).toBe(true);
    },
  );

  it.each([
    [1, false],
    [1, true],
    [2048, true],
  ])(
    "rejects with the writable's error mid-stream, writing nothing after it (highWaterMark %i, reuseChunks %s)",
    async (highWaterMark, reuseChunks) => {
      // GIVEN a writable whose sixth write fails
      const sink = new SlowSink({ highWaterMark, failAt: 5 });
      // WHEN the records are written
      const outcome = write(sink, { chunkBytes: 256, reuseChunks });
      // THEN the writer rejects with that error, and wrote nothing once the writable had failed
      await expect(outcome).rejects.toThrow('write 5 failed');
      expect(sink.writesAfterError).toBe(0);
      expect(sink.writes).toBeLessThan(expected.length / 256);
      // AND what the writable received is the start of the encoding
      const received = Buffer.concat(sink.received);
      expect(received.equals(expected.subarray(0, received.length))).toBe(true);
    },
  );

  it('rejects when the writable is destroyed while the writer waits for drain', async () => {
    // GIVEN a writable that takes 50 ms per write
    const sink = new Writable({
      highWaterMark: 1,
      write: (_chunk, _encoding, callback) => setTimeout(callback, 50),
    });
    // WHEN it is destroyed with an error during the first write
    const outcome = write(sink, { chunkBytes: 256, reuseChunks: true });
    setTimeout(() => sink.destroy(new Error('gone')), 5);
    // THEN the writer rejects with that error
    await expect(outcome).rejects.toThrow('gone');
  });

  it.each([false, true])(
    'finishes with a writable that never calls back (reuseChunks %s)',
    async (reuseChunks) => {
      // GIVEN a sink that takes every chunk and never calls back or fills up
      const received: Buffer[] = [];
      const sink = new Writable();
      sink.write = ((chunk: Uint8Array) => {
        received.push(Buffer.from(chunk));
        return true;
      }) as Writable['write'];
      // WHEN the records are written
      const written = await write(sink, { chunkBytes: 256, reuseChunks });
      // THEN it received them all, in fresh buffers when they cannot be recycled
      expect(written).toBe(expected.length);
      expect(Buffer.concat(received).equals(expected)).toBe(true);
    },
  );
});
