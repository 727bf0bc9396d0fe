/**
 * `recordSetPlan`: where Python's `record_set()` puts a record set and how it cuts it
 * (`AmazonAlgorithmEstimatorBase.record_set`, `upload_numpy_to_s3_shards`, `_build_shards`): the
 * key prefix under the estimator's data location, one shard per training instance and the
 * manifest that lists them. Pure: the rows are counted, not read.
 */
import { ValidationError } from '../errors.js';
import { jsonDumps } from '../pythonCompat/jsonDumps.js';
import { sagemakerTimestamp } from '../pythonCompat/timestamps.js';

/** One shard: rows `[from, to)` uploaded as `name`. */
export interface RecordShard {
  readonly name: string;
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/** Where and how a record set is uploaded. */
export interface RecordSetPlan {
  readonly bucket: string;
  /** Ends with `/`. */
  readonly keyPrefix: string;
  readonly shards: readonly RecordShard[];
  readonly manifestKey: string;
  /** `s3://<bucket>/<manifest key>`: the record set's `s3Data`. */
  readonly manifestUri: string;
}

/**
 * Python's `_build_shards`: `int(rows / n)` rows a shard, the rest in the last.
 * @throws {@link ValidationError} for fewer than one shard or fewer rows than shards.
 */
export function shardBounds(rows: number, shards: unknown): [number, number][] {
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) {
    throw new ValidationError(
      'instanceCount',
      shards,
      'an integer >= 1; Python: "num_shards must be >= 1"',
    );
  }
  const size = Math.trunc(rows / shards);
  if (size === 0) {
    throw new ValidationError(
      'instanceCount',
      shards,
      `at most the number of rows (${rows}); Python: "Array length is less than num shards"`,
    );
  }
  return Array.from({ length: shards }, (_, i) => [
    i * size,
    i === shards - 1 ? rows : (i + 1) * size,
  ]);
}

/**
 * Python's `urlparse(url)` netloc and path: a location without `scheme://` (a template, say) is
 * all path, with an empty bucket, as Python uploads it (Python parity A2).
 */
function urlParts(url: string): { bucket: string; path: string } {
  const rest = /^[a-zA-Z][a-zA-Z0-9+.-]*:(.*)$/s.exec(url)?.[1] ?? url;
  const cut = (text: string): string => text.replace(/[?#].*$/s, '');
  if (!rest.startsWith('//')) return { bucket: '', path: cut(rest) };
  const netloc = /^\/\/([^/?#]*)/.exec(rest)?.[1] ?? '';
  return { bucket: netloc, path: cut(rest.slice(2 + netloc.length)) };
}

/**
 * The plan of `estimator.record_set(...)` for `rows` rows: keys under
 * `<data location path><class name>-<timestamp>/` (the data location taken as given: Python parity
 * A2, docs/python-parity.md), `matrix_<i>.pbr` with `i` zero-padded to the width of the shard
 * count, and `.amazon.manifest`.
 * @throws {@link ValidationError} for a data location without a bucket, or the shard errors.
 */
export function recordSetPlan(options: {
  readonly dataLocation: string;
  readonly className: string;
  /** Seconds since the epoch (the session's clock). */
  readonly nowSeconds: number;
  readonly rows: number;
  readonly instanceCount: unknown;
}): RecordSetPlan {
  const { bucket, path } = urlParts(options.dataLocation);
  // Python goes on to PutObject with `Bucket=''`, which S3 (and the AWS SDK) refuse.
  if (bucket === '') {
    throw new ValidationError(
      'dataLocation',
      options.dataLocation,
      'an S3 URI such as s3://bucket/prefix/ (it names no bucket)',
    );
  }
  let keyPrefix = `${path}${options.className}-${sagemakerTimestamp(options.nowSeconds)}/`.replace(
    /^\/+/,
    '',
  );
  if (!keyPrefix.endsWith('/')) keyPrefix += '/';
  const bounds = shardBounds(options.rows, options.instanceCount);
  const width = String(bounds.length).length;
  const shards = bounds.map(([from, to], i) => {
    const name = `matrix_${String(i).padStart(width, '0')}.pbr`;
    return { name, key: `${keyPrefix}${name}`, from, to };
  });
  const manifestKey = `${keyPrefix}.amazon.manifest`;
  return { bucket, keyPrefix, shards, manifestKey, manifestUri: `s3://${bucket}/${manifestKey}` };
}

/** The manifest body: Python's `json.dumps([{"prefix": "s3://<bucket>/<prefix>"}, *names])`. */
export function recordSetManifestBody(plan: RecordSetPlan, uploaded: readonly string[]): string {
  return jsonDumps([{ prefix: `s3://${plan.bucket}/${plan.keyPrefix}` }, ...uploaded]);
}
