import { fromBinary } from '@bufbuild/protobuf';
import { OptionTypeError, ValidationError } from '../errors.js';
import { RecordIOFormatError } from './RecordIOFormatError.js';
import { RecordSchema, type RecordMessage } from './RecordSchema.js';

const MAGIC = 0xced7230a;

/**
 * The payloads of the RecordIO records in `bytes`, in order, as views into `bytes` (Python's
 * `read_recordio`). A final record may lack its padding, as Python tolerates.
 *
 * @throws {RecordIOFormatError} on a wrong magic number or a record cut short.
 */
export function* readRecordIO(bytes: Uint8Array): Generator<Uint8Array, void, undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let off = 0;
  while (off < bytes.length) {
    if (off + 8 > bytes.length) throw new RecordIOFormatError(off, 'truncated record header');
    const magic = view.getUint32(off, true);
    if (magic !== MAGIC) {
      throw new RecordIOFormatError(
        off,
        `magic number 0x${magic.toString(16)} instead of 0x${MAGIC.toString(16)}`,
      );
    }
    const length = view.getUint32(off + 4, true);
    const start = off + 8;
    if (start + length > bytes.length) {
      throw new RecordIOFormatError(
        off,
        `record of ${length} bytes but ${bytes.length - start} left`,
      );
    }
    yield bytes.subarray(start, start + length);
    off = Math.min(bytes.length, start + ((length + 3) & ~3));
  }
}

/**
 * Decodes every record in `bytes` (Python's `read_records`): RecordIO framing, then each payload
 * as an `aialgs.data.Record`.
 *
 * @throws {RecordIOFormatError} on bad framing or a payload that is not a `Record`.
 * @example
 * const [first] = readRecords(encodeDenseTensor({ shape: [1, 2], data: new Float32Array([1, 2]) }));
 * first.features.values.value; // { case: 'float32Tensor', value: { values: [1, 2], keys: [], shape: [] } }
 */
export function readRecords(bytes: Uint8Array): RecordMessage[] {
  const records: RecordMessage[] = [];
  let offset = 0;
  for (const payload of readRecordIO(bytes)) {
    records.push(decodeRecord(payload, offset));
    offset = payload.byteOffset - bytes.byteOffset + ((payload.length + 3) & ~3);
  }
  return records;
}

function decodeRecord(payload: Uint8Array, offset: number): RecordMessage {
  try {
    return fromBinary(RecordSchema, payload);
  } catch (cause) {
    throw new RecordIOFormatError(offset, 'payload is not an aialgs.data.Record', { cause });
  }
}

/**
 * The longest record {@link readRecordsFromStream} accepts by default: 64 MiB, far above any
 * record SageMaker's built-in algorithms read (a row of a dense or sparse tensor), and small
 * enough that a corrupt length (up to 4 GiB) cannot make the reader buffer a whole stream.
 */
export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;
const MAX_LENGTH_FIELD = 0xffffffff;

/** Options of {@link readRecordsFromStream}. */
export interface ReadRecordsFromStreamOptions {
  /**
   * The longest record payload accepted, in bytes; a longer one is refused as soon as its header
   * is read, before any of it is buffered.
   * @default 67108864 (64 MiB, {@link DEFAULT_MAX_RECORD_BYTES})
   */
  readonly maxRecordBytes?: number;
}

function maxRecordBytesOf(options: unknown): number {
  if (options === undefined || options === null) return DEFAULT_MAX_RECORD_BYTES;
  if (typeof options !== 'object') {
    throw new ValidationError('readRecordsFromStream options', options, 'an object');
  }
  const value: unknown = (options as { maxRecordBytes?: unknown }).maxRecordBytes;
  if (value === undefined) return DEFAULT_MAX_RECORD_BYTES;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 0 ||
    value > MAX_LENGTH_FIELD
  ) {
    throw new ValidationError('maxRecordBytes', value, `an integer from 0 to ${MAX_LENGTH_FIELD}`);
  }
  return value;
}

/**
 * Decodes records as they arrive from a stream of bytes (a `fs.createReadStream`, an S3
 * `GetObject` body), holding at most one record and one chunk in memory. A record longer than
 * `maxRecordBytes` is refused when its header arrives, so a corrupt length cannot make the
 * reader gather the rest of an endless stream.
 *
 * @throws {RecordIOFormatError} on bad framing, a record longer than `maxRecordBytes`, a stream
 * that ends inside a record, or a payload that is not a `Record`.
 * @throws {ValidationError} when `maxRecordBytes` is not an integer from 0 to 2^32 - 1.
 * @example
 * for await (const record of readRecordsFromStream(createReadStream('train.pbr'))) {
 *   console.log(record.label.values);
 * }
 */
export async function* readRecordsFromStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options?: ReadRecordsFromStreamOptions,
): AsyncGenerator<RecordMessage, void, undefined> {
  const maxRecordBytes = maxRecordBytesOf(options);
  if (!isIterable(source)) {
    throw new OptionTypeError('source', source, 'an iterable or async iterable of Uint8Array');
  }
  // Chunks are gathered until the next record is whole, then joined once: a record spread
  // over many chunks costs one copy, not one per chunk.
  let parts: Uint8Array[] = [];
  let partsLength = 0;
  let needed = 8;
  /** Absolute offset of the first gathered byte, for error messages. */
  let base = 0;
  /** Padding of the last record still to be dropped from the next bytes. */
  let skip = 0;
  for await (const chunk of source as AsyncIterable<unknown>) {
    if (!(chunk instanceof Uint8Array)) {
      throw new OptionTypeError('source chunk', chunk, 'a Uint8Array (a Buffer)');
    }
    let bytes = chunk;
    if (skip > 0) {
      const dropped = Math.min(skip, bytes.length);
      bytes = bytes.subarray(dropped);
      skip -= dropped;
      base += dropped;
    }
    if (bytes.length === 0) continue;
    parts.push(bytes);
    partsLength += bytes.length;
    if (partsLength < needed) continue;
    const pending = parts.length === 1 ? bytes : join(parts, partsLength);
    let off = 0;
    needed = 8;
    while (pending.length - off >= 8) {
      const view = new DataView(pending.buffer, pending.byteOffset + off, 8);
      const magic = view.getUint32(0, true);
      if (magic !== MAGIC) {
        throw new RecordIOFormatError(
          base + off,
          `magic number 0x${magic.toString(16)} instead of 0x${MAGIC.toString(16)}`,
        );
      }
      const length = view.getUint32(4, true);
      if (length > maxRecordBytes) {
        throw new RecordIOFormatError(
          base + off,
          `record of ${length} bytes is longer than maxRecordBytes (${maxRecordBytes})`,
        );
      }
      if (pending.length - off < 8 + length) {
        needed = 8 + length;
        break;
      }
      yield decodeRecord(pending.subarray(off + 8, off + 8 + length), base + off);
      const framed = 8 + ((length + 3) & ~3);
      const advance = Math.min(framed, pending.length - off);
      skip = framed - advance;
      off += advance;
    }
    base += off;
    parts = off < pending.length ? [pending.subarray(off)] : [];
    partsLength = pending.length - off;
  }
  if (partsLength > 0) {
    throw new RecordIOFormatError(base, `stream ended inside a record (${partsLength} bytes left)`);
  }
}

function isIterable(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown };
  return typeof v[Symbol.asyncIterator] === 'function' || typeof v[Symbol.iterator] === 'function';
}

function join(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let off = 0;
  for (const part of parts) {
    out.set(part, off);
    off += part.length;
  }
  return out;
}
