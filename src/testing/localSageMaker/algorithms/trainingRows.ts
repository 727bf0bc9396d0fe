/**
 * Training rows of a built-in algorithm's channel, from the formats it accepts: RecordIO-protobuf
 * (`application/x-recordio-protobuf`, the default) or CSV with the label first (`text/csv`).
 * @internal
 */
import type { RecordValue } from '../../../recordio/RecordSchema.js';
import { readRecords } from '../../../recordio/readRecords.js';
import type { S3Input } from '../s3Data.js';

/** One labelled row. @internal */
export interface Row {
  readonly features: readonly number[];
  readonly label: number;
}

/** A channel's data that the algorithm cannot read; the message is the FailureReason. @internal */
export class DataFormatError extends Error {}

interface TensorLike {
  readonly values: ArrayLike<number | bigint>;
  readonly keys: ArrayLike<number | bigint>;
  readonly shape: ArrayLike<number | bigint>;
}

function tensorValues(
  map: Readonly<Record<string, RecordValue | undefined>>,
  featureDim: number | undefined,
): number[] | undefined {
  const tensor = map['values']?.value;
  if (!tensor?.case || tensor.case === 'bytes') return undefined;
  const t = tensor.value as TensorLike;
  const values = Array.from(t.values, Number);
  if (t.keys.length === 0) return values;
  // A sparse tensor: values at keys, in a row of `shape[0]` (or feature_dim) columns.
  const width = Number(t.shape[0] ?? featureDim ?? Math.max(...Array.from(t.keys, Number)) + 1);
  const row = new Array<number>(width).fill(0);
  Array.from(t.keys, Number).forEach((k, i) => {
    row[k] = values[i] ?? 0;
  });
  return row;
}

/**
 * The rows of a channel's objects.
 * @throws {DataFormatError} when an object is not in the content type's format.
 * @internal
 */
export function trainingRows(
  objects: readonly S3Input[],
  contentType: string,
  channel: string,
  featureDim: number | undefined,
): Row[] {
  const rows: Row[] = [];
  const csv = contentType.toLowerCase().startsWith('text/csv');
  for (const object of objects) {
    // A record set's manifest sits beside its shards; it is not data.
    if (object.key.endsWith('.amazon.manifest')) continue;
    if (csv) {
      const text = Buffer.from(object.body).toString('utf8');
      for (const [i, line] of text.split(/\r?\n/).entries()) {
        if (line.trim() === '') continue;
        const cells = line.split(',').map(Number);
        if (cells.length < 2 || cells.some((c) => !Number.isFinite(c))) {
          throw new DataFormatError(
            `ClientError: Unable to read data channel '${channel}': line ${i + 1} of ${object.uri} is not a row of numbers with the label first.`,
          );
        }
        rows.push({ label: cells[0] ?? 0, features: cells.slice(1) });
      }
      continue;
    }
    let records: ReturnType<typeof readRecords>;
    try {
      records = readRecords(object.body);
    } catch (error) {
      throw new DataFormatError(
        `ClientError: Unable to read data channel '${channel}'. Requested content-type is '${contentType}'. Please verify the data matches the requested content-type. (caused by ${object.uri}: ${error instanceof Error ? error.message : String(error)})`,
      );
    }
    for (const record of records) {
      const features = tensorValues(record.features, featureDim);
      const label = tensorValues(record.label, 1)?.[0];
      if (!features) {
        throw new DataFormatError(
          `ClientError: Unable to read data channel '${channel}': a record of ${object.uri} has no 'values' features.`,
        );
      }
      rows.push({ features, label: label ?? 0 });
    }
  }
  return rows;
}
