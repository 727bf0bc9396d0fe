/**
 * The session a builder reads: region, default bucket and prefix, and the clock behind generated
 * names. A plain value with no AWS client inside, so the same config comes out on a laptop without
 * credentials, in a Lambda, or in a property test with a frozen clock.
 */
import { MissingOptionError, OptionTypeError } from './errors.js';
import { checkOptionTypes, checkOptionsObject } from './internal/checkInput.js';
import { partitionOf } from './partitions.js';
import type { NameClock } from './pythonCompat/names.js';
import type { TimeZoneMode } from './pythonCompat/timestamps.js';

/** Options of {@link createSession}. */
export interface SessionOptions {
  /** AWS region, e.g. `us-east-2`. */
  readonly region: string;
  /**
   * Bucket for outputs and uploaded code when an estimator names none. Python asks AWS for
   * `sagemaker-<region>-<account>`; builders make no AWS calls, so give it here.
   * @default - none: a builder that needs it throws {@link MissingOptionError}
   */
  readonly defaultBucket?: string;
  /** Key prefix inside the default bucket. @default - none */
  readonly defaultBucketPrefix?: string | null;
  /** Seconds since the epoch; generated names read it. @default - the system clock */
  readonly now?: () => number;
  /** Time zone of the short (tuning) timestamp; Python uses local time. @default 'local' */
  readonly timeZone?: TimeZoneMode;
}

/** A resolved session. */
export interface Session extends NameClock {
  readonly region: string;
  /** The region's partition (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, ...), or `undefined` if none knows it. */
  readonly partition: string | undefined;
  /** DNS suffix of the partition (`amazonaws.com`, `amazonaws.com.cn`, `c2s.ic.gov`, ...). */
  readonly dnsSuffix: string | undefined;
  readonly defaultBucketPrefix: string | undefined;
  readonly timeZone: TimeZoneMode;
  /** The default bucket, or a {@link MissingOptionError} naming the option. */
  readonly defaultBucket: () => string;
}

const systemNow = (): number => Date.now() / 1000;

/**
 * Creates a session.
 * @example
 * const session = createSession({ region: 'us-east-2', defaultBucket: 'my-bucket' });
 * @throws {@link OptionTypeError} when `region` is not a non-empty string.
 */
export function createSession(options: SessionOptions): Session {
  checkOptionsObject('session options', options);
  checkOptionTypes('session', options, {
    defaultBucket: 'string',
    defaultBucketPrefix: 'string',
    timeZone: 'string',
  });
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new OptionTypeError('session.now', options.now, 'a function returning epoch seconds');
  }
  if (typeof options.region !== 'string' || options.region === '') {
    throw new OptionTypeError('session.region', options.region, 'a region name such as us-east-1');
  }
  const bucket = options.defaultBucket;
  const partition = partitionOf(options.region);
  // Frozen: a session is shared by every estimator and builder of a pipeline and never changes.
  return Object.freeze({
    region: options.region,
    partition: partition?.name,
    dnsSuffix: partition?.dnsSuffix,
    defaultBucketPrefix: options.defaultBucketPrefix ?? undefined,
    timeZone: options.timeZone ?? 'local',
    now: options.now ?? systemNow,
    defaultBucket: () => {
      if (bucket === undefined || bucket === '') {
        throw new MissingOptionError(
          'session.defaultBucket',
          'this config needs a default S3 bucket (for outputs or code); set defaultBucket',
        );
      }
      return bucket;
    },
  });
}
