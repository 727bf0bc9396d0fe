/**
 * The SDK's job-name timestamps, derived from a clock reading in seconds since the epoch.
 * See `sagemaker.utils.sagemaker_timestamp` / `sagemaker_short_timestamp` (v2.257.6).
 */
import { pyFloatRepr } from './pyStr.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * `YYYY-MM-DD-HH-MM-SS-fff` in UTC, where `fff` is not zero-padded milliseconds but the first (up
 * to) three digits after the point of Python's `repr(now)`: `.03` gives `03`, an integral time
 * gives `0`. Python does exactly this, so job names match it only when we do too.
 */
export function sagemakerTimestamp(nowSeconds: number): string {
  // A pipeline names several resources at one clock reading: the last one is kept.
  if (nowSeconds === last.now) return last.stamp;
  const stamp = formatTimestamp(nowSeconds);
  last = { now: nowSeconds, stamp };
  return stamp;
}

let last = { now: Number.NaN, stamp: '' };

function formatTimestamp(nowSeconds: number): string {
  const fraction = pyFloatRepr(nowSeconds).split('.')[1] ?? '0';
  const d = new Date(Math.floor(nowSeconds) * 1000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-` +
    `${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}-${pad(d.getUTCSeconds())}-${fraction.slice(0, 3)}`
  );
}

/** Which clock face the short timestamp reads: Python uses local time. */
export type TimeZoneMode = 'local' | 'utc';

/** `yymmdd-HHMM` (tuning job names). Python formats it in local time; pass `'utc'` to pin it. */
export function sagemakerShortTimestamp(
  nowSeconds: number,
  timeZone: TimeZoneMode = 'local',
): string {
  const d = new Date(Math.floor(nowSeconds) * 1000);
  const utc = timeZone === 'utc';
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const month = (utc ? d.getUTCMonth() : d.getMonth()) + 1;
  const day = utc ? d.getUTCDate() : d.getDate();
  const hours = utc ? d.getUTCHours() : d.getHours();
  const minutes = utc ? d.getUTCMinutes() : d.getMinutes();
  return `${pad(year % 100)}${pad(month)}${pad(day)}-${pad(hours)}${pad(minutes)}`;
}
