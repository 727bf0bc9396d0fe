/**
 * Airflow's date filters (`{{ logical_date | ds }}`), for templates written for Airflow. They read
 * a `Date` (or an ISO string or epoch milliseconds) in UTC; `null` and `undefined` pass through,
 * as in Airflow.
 * @internal
 */

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}

function isoSeconds(date: Date): string {
  // Python's isoformat() drops zero milliseconds and writes the UTC offset as +00:00.
  const iso = date.toISOString().replace('Z', '+00:00');
  return date.getUTCMilliseconds() === 0
    ? iso.replace('.000', '')
    : iso.replace(/(\.\d{3})/, '$1000');
}

function dateFilter(format: (date: Date) => string): (value: unknown) => unknown {
  return (value) => {
    if (value === null || value === undefined) return value;
    const date = toDate(value);
    return date ? format(date) : value;
  };
}

/** @internal */
export const AIRFLOW_FILTERS: Readonly<Record<string, (value: unknown) => unknown>> = {
  ds: dateFilter((d) => d.toISOString().slice(0, 10)),
  ds_nodash: dateFilter((d) => d.toISOString().slice(0, 10).replaceAll('-', '')),
  ts: dateFilter(isoSeconds),
  ts_nodash: dateFilter((d) => d.toISOString().slice(0, 19).replace(/[-:]/g, '')),
  ts_nodash_with_tz: dateFilter((d) => isoSeconds(d).replace(/[-:]/g, '')),
};
