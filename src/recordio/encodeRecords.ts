/**
 * The hand-written RecordIO-protobuf encoder's drivers: all records in one buffer, or in chunks.
 * The records come from a {@link RecordSource} (`denseSource`, `sparseSource`), which
 * writes the exact bytes Python's protobuf runtime serializes (fields in number order, map entry
 * as key then value, packed repeated fields omitted when empty, negative int32 as ten-byte
 * varints). `@bufbuild/protobuf` checks them in the tests.
 * @internal
 */
import { OutputBufferTooSmallError } from './OutputBufferTooSmallError.js';
import type { RecordSource } from './RecordSource.js';

/**
 * All records in one exactly sized buffer: for records of one size the size is known without a
 * pass over them; otherwise each record is measured once and the measurements are reused. With
 * `into`, the buffer is the front of `into` (a writer overwrites every byte it owns, padding
 * included, so stale contents do not leak into the output); when `into` holds the source's
 * {@link RecordSource.sizeBound}, the records are not measured at all.
 */
export function encodeAll(source: RecordSource, into?: Uint8Array): Uint8Array {
  if (into !== undefined && source.sizeBound !== undefined && into.length >= source.sizeBound()) {
    // Room for the records at their largest: written without measuring them first.
    return into.subarray(0, source.writeRange(0, source.count, into, 0));
  }
  const size = source.totalSize();
  if (into !== undefined && into.length < size) {
    throw new OutputBufferTooSmallError(size, into.length);
  }
  const out = into === undefined ? new Uint8Array(size) : into.subarray(0, size);
  source.writeRange(0, source.count, out, 0);
  return out;
}

/** Gives a buffer of at least `size` bytes for the next chunk. */
export type ChunkAllocator = (size: number) => Uint8Array;

const freshChunk: ChunkAllocator = (size) => new Uint8Array(size);

/**
 * Records in chunks of about `chunkBytes`. By default each chunk is a fresh buffer the caller
 * may keep; `allocate` lets a caller recycle buffers it knows are no longer used. A chunk is
 * filled until the next record does not fit in the buffer `allocate` gave.
 */
export function* encodeChunks(
  source: RecordSource,
  chunkBytes: number,
  allocate: ChunkAllocator = freshChunk,
): Generator<Uint8Array, void, undefined> {
  const { count, fixedSize } = source;
  if (fixedSize !== undefined) {
    // Records of one size: as many as fit, written in one call.
    for (let i = 0; i < count;) {
      const out = allocate(Math.max(chunkBytes, fixedSize));
      const n = Math.min(count - i, Math.floor(out.length / fixedSize));
      yield out.subarray(0, source.writeRange(i, i + n, out, 0));
      i += n;
    }
    return;
  }
  let out: Uint8Array = new Uint8Array(0);
  if (source.fill !== undefined) {
    // Batches of records, until one does not fit: then the next chunk, sized for that record.
    const at = { row: 0, offset: 0 };
    for (;;) {
      source.fill(at, count, out);
      if (at.row >= count) break;
      if (at.offset > 0) yield out.subarray(0, at.offset);
      out = allocate(Math.max(chunkBytes, source.framedSize(at.row)));
      at.offset = 0;
    }
    if (at.offset > 0) yield out.subarray(0, at.offset);
    return;
  }
  let off = 0;
  for (let i = 0; i < count; i++) {
    if (source.writeIfRoom !== undefined) {
      const end = source.writeIfRoom(i, out, off);
      if (end >= 0) {
        off = end;
        continue;
      }
    }
    const size = source.framedSize(i);
    if (off + size > out.length) {
      if (off > 0) yield out.subarray(0, off);
      out = allocate(Math.max(chunkBytes, size));
      off = 0;
    }
    off = source.write(i, out, off);
  }
  if (off > 0) yield out.subarray(0, off);
}

/** An allocator that hands out the same buffer again (grown when too small). */
export function reusingAllocator(): ChunkAllocator {
  let buffer: Uint8Array = new Uint8Array(0);
  return (size) => {
    if (buffer.length < size) buffer = new Uint8Array(size);
    return buffer;
  };
}

/** Chunk size of the chunked and stream writers when the caller does not give one. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

/**
 * The body of `denseTensorChunks` and `sparseTensorChunks`: `source` as a re-iterable sequence
 * of chunks, each iteration encoding afresh.
 */
export function sourceChunks(
  source: RecordSource,
  options: { readonly chunkBytes?: number; readonly reuseChunks?: boolean },
): Iterable<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  return {
    [Symbol.iterator]: () =>
      encodeChunks(
        source,
        chunkBytes,
        options.reuseChunks === true ? reusingAllocator() : undefined,
      ),
  };
}
