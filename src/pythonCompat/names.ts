/** The SDK's job and model naming rules (`sagemaker.utils`, v2.257.6). */
import { sagemakerShortTimestamp, sagemakerTimestamp, type TimeZoneMode } from './timestamps.js';

/** The clock and time zone that generated names read. */
export interface NameClock {
  /** Seconds since the epoch. */
  readonly now: () => number;
  /** @default 'local' (as Python) */
  readonly timeZone?: TimeZoneMode;
}

/**
 * `base` truncated so that `base-timestamp` fits `maxLength`, then the timestamp appended: the long
 * one by default, the short one (`yymmdd-HHMM`) with `short`. Python slices by code points.
 */
export function nameFromBase(
  base: string,
  clock: NameClock,
  options: { readonly maxLength?: number; readonly short?: boolean } = {},
): string {
  const maxLength = options.maxLength ?? 63;
  const now = clock.now();
  const timestamp = options.short
    ? sagemakerShortTimestamp(now, clock.timeZone)
    : sagemakerTimestamp(now);
  const keep = maxLength - timestamp.length - 1;
  // No more UTF-16 units than kept code points: nothing to cut (the common case, no array).
  if (keep >= 0 && base.length <= keep) return `${base}-${timestamp}`;
  const chars = Array.from(base);
  // Python's negative slice bound counts from the end, so a tiny max length still keeps a prefix.
  const trimmed = chars.slice(0, keep < 0 ? Math.max(chars.length + keep, 0) : keep).join('');
  return `${trimmed}-${timestamp}`;
}

const IMAGE_NAME = /^(.+\/)?([^:/]+)(:[^:]+)?$/;

/**
 * The repository name of an image URI: `.../team/algo:1.0` gives `algo`, `host:5000/algo` gives
 * `algo`, anything the pattern does not match is returned whole.
 */
export function baseNameFromImage(image: string): string {
  // A pipeline names its job, model and transform after the same image: the last one is kept.
  if (image === lastImage.image) return lastImage.name;
  const match = IMAGE_NAME.exec(image);
  const name = match?.[2] ?? image;
  lastImage = { image, name };
  return name;
}

let lastImage: { readonly image: unknown; readonly name: string } = { image: undefined, name: '' };

const GENERATED = /^(.+)-(\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}|\d{6}-\d{4})/;

/**
 * Python's `base_from_name`: the part before a `name_from_base` timestamp (long or short form),
 * else the whole name. The long form must have three digits after the seconds, which Python's own
 * timestamp does not always have (Python parity A6).
 */
export function baseFromName(name: string): string {
  return GENERATED.exec(name)?.[1] ?? name;
}
