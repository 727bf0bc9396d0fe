/**
 * The records a writer encodes, as a sequence that can say how big each one is before writing it,
 * and the source of records that vary in size (whose sizes have to be measured).
 * @internal
 */
import type { LabelWriter } from './valueWriters.js';
import { framed, mapFieldSize, writeFrameHeader, writePadding } from './wireFormat.js';

/** Where a {@link RecordSource.fill} goes on from: the next record and where it goes. */
export interface FillCursor {
  row: number;
  offset: number;
}

/** A sequence of records that can say each one's framed size before writing it. */
export interface RecordSource {
  readonly count: number;
  /** Framed bytes of every record when all have the same size, which spares a size pass. */
  readonly fixedSize: number | undefined;
  /** Bytes of record `i` with its RecordIO framing: magic, length, payload, padding. */
  framedSize(i: number): number;
  /** Writes record `i` at `offset` (which has room for `framedSize(i)`), returns the end. */
  write(i: number, out: Uint8Array, offset: number): number;
  /**
   * Writes record `i` at `offset` when `out` surely has room for it without measuring it first,
   * returns the end, or -1 (nothing written) when it might not fit: then the chunked writer
   * measures it with {@link framedSize}. Only sources whose measuring costs a pass of its own.
   */
  writeIfRoom?(i: number, out: Uint8Array, offset: number): number;
  /**
   * Writes records from `at.row` on at `at.offset` while each fits in `out`, and moves `at` past
   * them: it stops at `to` or at the first record that does not fit. Only sources that write
   * records in batches (the WebAssembly kernels); the chunked writer then calls nothing else.
   */
  fill?(at: FillCursor, to: number, out: Uint8Array): void;
  /**
   * Framed bytes of all the records. What it measures is kept for the {@link writeRange} that
   * follows, so that each record is measured once.
   */
  totalSize(): number;
  /**
   * An upper bound of {@link totalSize} that costs no pass over the records' contents, for
   * sources whose exact size does (a buffer at least this long is written without measuring).
   */
  sizeBound?(): number;
  /** Writes records `[from, to)` back to back at `offset` (which has room), returns the end. */
  writeRange(from: number, to: number, out: Uint8Array, offset: number): number;
}

/** Slots per record in a measurement: two counts the features writer needs, the record's length. */
const STRIDE = 3;

/** The features field of records that vary in size. */
export interface VariableFeatures {
  /**
   * Returns the bytes of row `i`'s features field and stores at `parts[at]` and `parts[at + 1]`
   * the two byte counts {@link write} needs (what they are is the source's business).
   */
  measure(i: number, parts: Int32Array, at: number): number;
  /** Writes row `i`'s features field as measured into `parts[at..]`, returns the end. */
  write(i: number, out: Uint8Array, off: number, parts: Int32Array, at: number): number;
}

/**
 * A source whose records vary in size: frame, features field, optional label, padding. Each
 * record is measured once: `framedSize(i)` keeps its measurement for the `write(i)` that follows
 * it, and `totalSize()` keeps every record's for `writeRange`.
 */
export function measuredSource(
  count: number,
  labels: LabelWriter | undefined,
  features: VariableFeatures,
): RecordSource {
  const one = new Int32Array(STRIDE);
  let oneRow = -1;
  let all: Int32Array | undefined;

  const measure = (i: number, parts: Int32Array, at: number): number => {
    let recordLen = features.measure(i, parts, at);
    if (labels !== undefined) recordLen += mapFieldSize(labels.tensorLen(i));
    parts[at + 2] = recordLen;
    return recordLen;
  };
  const writeMeasured = (
    i: number,
    out: Uint8Array,
    off: number,
    parts: Int32Array,
    at: number,
  ): number => {
    const recordLen = parts[at + 2] as number;
    off = writeFrameHeader(out, off, recordLen);
    off = features.write(i, out, off, parts, at);
    if (labels !== undefined) off = labels.write(out, off, i, labels.tensorLen(i));
    return writePadding(out, off, recordLen);
  };

  return {
    count,
    fixedSize: undefined,
    framedSize(i) {
      oneRow = i;
      return framed(measure(i, one, 0));
    },
    write(i, out, off) {
      if (all !== undefined) return writeMeasured(i, out, off, all, i * STRIDE);
      if (oneRow !== i) this.framedSize(i);
      return writeMeasured(i, out, off, one, 0);
    },
    totalSize() {
      all = new Int32Array(count * STRIDE);
      let total = 0;
      for (let i = 0; i < count; i++) total += framed(measure(i, all, i * STRIDE));
      return total;
    },
    writeRange(from, to, out, off) {
      for (let i = from; i < to; i++) off = this.write(i, out, off);
      return off;
    },
  };
}
