import { fromBinary } from '@bufbuild/protobuf';
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
    try {
      records.push(fromBinary(RecordSchema, payload));
    } catch (cause) {
      throw new RecordIOFormatError(offset, 'payload is not an aialgs.data.Record', { cause });
    }
    offset = payload.byteOffset - bytes.byteOffset + ((payload.length + 3) & ~3);
  }
  return records;
}
