/**
 * Python's `datetime` text: `isoformat()`, `strftime()` and `strptime()` for the directives DAGs
 * use, all in UTC (Airflow's logical dates are UTC).
 * @internal
 */
import { renderFault } from './TemplateFault.js';
import { PyDateTime } from './values.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function fields(dt: PyDateTime): Date {
  return new Date(dt.ms);
}

/** `dt.isoformat()`: microseconds only when not zero, `+00:00` for aware datetimes. @internal */
export function isoformat(dt: PyDateTime, separator = 'T'): string {
  const d = fields(dt);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const ms = d.getUTCMilliseconds();
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${
    ms === 0 ? '' : `.${pad(ms, 3)}000`
  }`;
  return `${date}${separator}${time}${dt.aware ? '+00:00' : ''}`;
}

/** `str(dt)`: pendulum's uses `T`, the standard library's a space. @internal */
export function datetimeStr(dt: PyDateTime): string {
  return isoformat(dt, dt.pendulum ? 'T' : ' ');
}

/** `repr(dt)`, in the standard library's or pendulum's form. @internal */
export function datetimeRepr(dt: PyDateTime): string {
  const d = fields(dt);
  const parts = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  parts.push(d.getUTCHours(), d.getUTCMinutes());
  const micro = d.getUTCMilliseconds() * 1000;
  if (d.getUTCSeconds() !== 0 || micro !== 0 || dt.pendulum) parts.push(d.getUTCSeconds());
  if (micro !== 0) parts.push(micro);
  if (dt.pendulum) return `DateTime(${parts.join(', ')}, tzinfo=Timezone('UTC'))`;
  return `datetime.datetime(${parts.join(', ')}${dt.aware ? ', tzinfo=datetime.timezone.utc' : ''})`;
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** `dt.strftime(format)` for the C89 directives, in the C locale. @internal */
export function strftime(dt: PyDateTime, format: string): string {
  const d = fields(dt);
  const hour12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const directive: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()),
    y: () => pad(d.getUTCFullYear() % 100),
    m: () => pad(d.getUTCMonth() + 1),
    d: () => pad(d.getUTCDate()),
    H: () => pad(d.getUTCHours()),
    I: () => pad(hour12),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    f: () => pad(d.getUTCMilliseconds() * 1000, 6),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    j: () => pad(dayOfYear(d), 3),
    a: () => (DAYS[d.getUTCDay()] ?? '').slice(0, 3),
    A: () => DAYS[d.getUTCDay()] ?? '',
    w: () => String(d.getUTCDay()),
    b: () => (MONTHS[d.getUTCMonth()] ?? '').slice(0, 3),
    B: () => MONTHS[d.getUTCMonth()] ?? '',
    z: () => (dt.aware ? '+0000' : ''),
    Z: () => (dt.aware ? 'UTC' : ''),
    '%': () => '%',
  };
  return format.replace(/%(.)/gsu, (whole, key: string) => {
    const f = Object.hasOwn(directive, key) ? directive[key] : undefined;
    return f ? f() : whole;
  });
}

const PARSERS: Record<string, { pattern: string; field: string }> = {
  Y: { pattern: '(\\d{4})', field: 'year' },
  y: { pattern: '(\\d{2})', field: 'year2' },
  m: { pattern: '(\\d{1,2})', field: 'month' },
  d: { pattern: '(\\d{1,2})', field: 'day' },
  H: { pattern: '(\\d{1,2})', field: 'hour' },
  M: { pattern: '(\\d{1,2})', field: 'minute' },
  S: { pattern: '(\\d{1,2})', field: 'second' },
  f: { pattern: '(\\d{1,6})', field: 'micro' },
  j: { pattern: '(\\d{1,3})', field: 'yday' },
};

/** Directives one strptime format may hold (16 adjacent `%d` fail in ~15 ms, 24 in ~4 s). */
const MAX_DIRECTIVES = 16;

/** `datetime.strptime(text, format)` for numeric directives: a naive datetime. @internal */
export function strptime(text: string, format: string): PyDateTime {
  const order: string[] = [];
  let pattern = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i);
    if (ch === '%' && i + 1 < format.length) {
      const key = format.charAt(++i);
      if (key === '%') pattern += '%';
      else {
        const parser = Object.hasOwn(PARSERS, key) ? PARSERS[key] : undefined;
        if (!parser) throw renderFault(`strptime directive %${key} is not supported`);
        // Adjacent variable-width directives (`%d%d…`) backtrack exponentially on a digit run
        // that does not match; no real format has this many, so refuse rather than hang.
        if (order.length >= MAX_DIRECTIVES) {
          throw renderFault(
            `strptime formats with more than ${MAX_DIRECTIVES} directives are not supported`,
          );
        }
        pattern += parser.pattern;
        order.push(parser.field);
      }
    } else if (/\s/.test(ch)) {
      // Python's _strptime turns each run of whitespace into one `\s+`; one per space would
      // make adjacent `\s+\s+…`, which backtracks polynomially on a long run of spaces.
      while (i + 1 < format.length && /\s/.test(format.charAt(i + 1))) i++;
      pattern += '\\s+';
    } else pattern += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (!match) {
    throw renderFault(
      `ValueError: time data ${JSON.stringify(text)} does not match format ${JSON.stringify(format)}`,
    );
  }
  const v: Record<string, number> = {
    year: 1900,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    micro: 0,
  };
  order.forEach((field, i) => {
    const raw = match[i + 1] ?? '0';
    if (field === 'year2') v.year = Number(raw) + (Number(raw) < 69 ? 2000 : 1900);
    else if (field === 'micro') v.micro = Number(raw.padEnd(6, '0'));
    else v[field] = Number(raw);
  });
  const { year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, micro = 0 } = v;
  return makeDateTime([year, month, day, hour, minute, second, micro], false, false);
}

/** `datetime(year, month, day, hour, minute, second, microsecond)`, checked as Python does. @internal */
export function makeDateTime(
  parts: readonly number[],
  aware: boolean,
  pendulum: boolean,
): PyDateTime {
  const [year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, micro = 0] = parts;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(micro / 1000));
  const check = new Date(ms);
  const ok =
    parts.every(Number.isInteger) &&
    year >= 1 &&
    year <= 9999 &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    micro >= 0 &&
    micro < 1_000_000 &&
    [hour, minute, second].every((n) => n >= 0);
  if (!ok) throw renderFault(`ValueError: invalid datetime fields ${parts.join(', ')}`);
  const date = new Date(ms);
  date.setUTCFullYear(year);
  return new PyDateTime(date.getTime(), aware, pendulum);
}
