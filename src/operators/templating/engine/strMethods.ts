/**
 * The methods of Python's `str` that templates call (`ds.replace('-', '')`, `name.strip('"')`,
 * `'{}-{}'.format(a, b)`), with Python's arguments and results. Indexes count code points.
 * @internal
 */
import { strFormat, type FieldAccess } from './formatting.js';
import type { Budget } from './limits.js';
import { renderFault } from './TemplateFault.js';
import { codePoints, kindOf, PyTuple, sequenceItems, typeName, Undefined } from './values.js';
import { failUndefined, iterate, str } from './pyText.js';

/** Python's whitespace (`str.isspace`), which is not quite JavaScript's `\s`. @internal */
export const PY_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'u');
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/u;

type Method = (
  self: string,
  args: unknown[],
  kwargs: Map<string, unknown>,
  budget: Budget,
) => unknown;

function arg(args: unknown[], kwargs: Map<string, unknown>, index: number, name: string): unknown {
  const value = index < args.length ? args[index] : kwargs.get(name);
  if (value instanceof Undefined) failUndefined(value);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string')
    throw renderFault(`TypeError: ${what} must be str, not ${typeName(value)}`);
  return value;
}

function optInt(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (kindOf(value) !== 'int' && kindOf(value) !== 'bool') {
    throw renderFault(`TypeError: '${typeName(value)}' object cannot be interpreted as an integer`);
  }
  return Number(value);
}

/** Python's `strip(chars)` family. @internal */
export function pyStrip(self: string, chars: unknown, left: boolean, right: boolean): string {
  const set =
    chars === undefined || chars === null
      ? (ch: string) => SPACE_RUN.test(ch)
      : (() => {
          const allowed = new Set(codePoints(text(chars, 'strip arg')));
          return (ch: string) => allowed.has(ch);
        })();
  const cps = codePoints(self);
  let start = 0;
  let end = cps.length;
  while (left && start < end && set(cps[start] ?? '')) start++;
  while (right && end > start && set(cps[end - 1] ?? '')) end--;
  return cps.slice(start, end).join('');
}

const SPACE_CHAR = new RegExp(`[${PY_SPACE}]`);
const isSpace = (text: string, i: number): boolean => SPACE_CHAR.test(text.charAt(i));

/**
 * Python's `split(None, max)`: at most `max` words from the left, then the rest from the next
 * word on, trailing spaces kept. One pass over the string (Python's whitespace is all in the
 * BMP, so code units do); a regular expression retried on the rest was quadratic.
 */
function splitWhitespace(self: string, max: number): string[] {
  const parts: string[] = [];
  let i = 0;
  for (let count = 0; count < max; count++) {
    while (i < self.length && isSpace(self, i)) i++;
    if (i === self.length) break;
    const j = i;
    while (i < self.length && !isSpace(self, i)) i++;
    parts.push(self.slice(j, i));
  }
  while (i < self.length && isSpace(self, i)) i++;
  if (i < self.length) parts.push(self.slice(i));
  return parts;
}

/** Python's `rsplit(None, max)`: {@link splitWhitespace} from the right, leading spaces kept. */
function rsplitWhitespace(self: string, max: number): string[] {
  const parts: string[] = [];
  let i = self.length - 1;
  for (let count = 0; count < max; count++) {
    while (i >= 0 && isSpace(self, i)) i--;
    if (i < 0) break;
    const j = i;
    while (i >= 0 && !isSpace(self, i)) i--;
    parts.push(self.slice(i + 1, j + 1));
  }
  while (i >= 0 && isSpace(self, i)) i--;
  if (i >= 0) parts.push(self.slice(0, i + 1));
  return parts.reverse();
}

function split(self: string, sepValue: unknown, maxValue: unknown, fromRight: boolean): string[] {
  const max = optInt(maxValue, -1);
  if (sepValue === undefined || sepValue === null) {
    if (max < 0) return self.split(new RegExp(SPACE_RUN.source, 'gu')).filter((w) => w !== '');
    return fromRight ? rsplitWhitespace(self, max) : splitWhitespace(self, max);
  }
  const sep = text(sepValue, 'sep');
  if (sep === '') throw renderFault('ValueError: empty separator');
  const all = self.split(sep);
  if (max < 0 || all.length <= max + 1) return all;
  if (fromRight) return [all.slice(0, all.length - max).join(sep), ...all.slice(all.length - max)];
  return [...all.slice(0, max), all.slice(max).join(sep)];
}

function cased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function title(self: string): string {
  let previousCased = false;
  return codePoints(self)
    .map((ch) => {
      const out = previousCased ? ch.toLowerCase() : ch.toUpperCase();
      previousCased = cased(ch);
      return out;
    })
    .join('');
}

/** Python's `str.capitalize()`. @internal */
export function capitalize(self: string): string {
  const [first = '', ...rest] = codePoints(self);
  return first.toUpperCase() + rest.join('').toLowerCase();
}

function casedCheck(self: string, upper: boolean): boolean {
  const letters = codePoints(self).filter(cased);
  return (
    letters.length > 0 &&
    letters.every((ch) => (upper ? ch === ch.toUpperCase() : ch === ch.toLowerCase()))
  );
}

/** Code-point `[start:end]` bounds of Python's `find(sub, start, end)` family. */
function window(
  self: string,
  args: unknown[],
  kwargs: Map<string, unknown>,
): [string[], number, number] {
  const cps = codePoints(self);
  const bound = (value: unknown, fallback: number): number => {
    const n = optInt(value, fallback);
    return n < 0 ? Math.max(0, cps.length + n) : Math.min(n, cps.length);
  };
  return [
    cps,
    bound(arg(args, kwargs, 1, 'start'), 0),
    bound(arg(args, kwargs, 2, 'end'), cps.length),
  ];
}

function find(self: string, args: unknown[], kwargs: Map<string, unknown>, last: boolean): number {
  const sub = text(arg(args, kwargs, 0, 'sub'), 'sub');
  const [cps, start, end] = window(self, args, kwargs);
  const hay = cps.slice(start, end).join('');
  const at = last ? hay.lastIndexOf(sub) : hay.indexOf(sub);
  if (at < 0 || end - start < codePoints(sub).length) return -1;
  return start + codePoints(hay.slice(0, at)).length;
}

function affix(
  self: string,
  args: unknown[],
  kwargs: Map<string, unknown>,
  suffix: boolean,
): boolean {
  const wanted = arg(args, kwargs, 0, 'prefix');
  const options = kindOf(wanted) === 'tuple' ? sequenceItems(wanted) : [wanted];
  const [cps, start, end] = window(self, args, kwargs);
  const part = cps.slice(start, end).join('');
  if (start > cps.length) return false;
  return options.some((o) => {
    const t = text(o, suffix ? 'endswith arg' : 'startswith arg');
    return suffix ? part.endsWith(t) : part.startsWith(t);
  });
}

function justify(
  self: string,
  args: unknown[],
  kwargs: Map<string, unknown>,
  budget: Budget,
  where: 'l' | 'r' | 'c',
): string {
  const width = optInt(arg(args, kwargs, 0, 'width'), 0);
  const fillArg = arg(args, kwargs, 1, 'fillchar');
  const fill = fillArg === undefined ? ' ' : text(fillArg, 'fillchar');
  if (codePoints(fill).length !== 1)
    throw renderFault('TypeError: The fill character must be exactly one character long');
  const room = width - codePoints(self).length;
  if (room <= 0) return self;
  budget.size(width);
  if (where === 'l') return self + fill.repeat(room);
  if (where === 'r') return fill.repeat(room) + self;
  // CPython centres with the extra space on the left when the string's length is odd.
  const left = Math.floor(room / 2) + (room & width & 1);
  return fill.repeat(left) + self + fill.repeat(room - left);
}

/** Makes the `str` methods, given the sandbox's field access for `format`. @internal */
export function strMethods(access: FieldAccess): Readonly<Record<string, Method>> {
  return {
    upper: (s) => s.toUpperCase(),
    lower: (s) => s.toLowerCase(),
    casefold: (s) => s.toLowerCase(),
    swapcase: (s) =>
      codePoints(s)
        .map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))
        .join(''),
    title: (s) => title(s),
    capitalize: (s) => capitalize(s),
    strip: (s, a, k) => pyStrip(s, arg(a, k, 0, 'chars'), true, true),
    lstrip: (s, a, k) => pyStrip(s, arg(a, k, 0, 'chars'), true, false),
    rstrip: (s, a, k) => pyStrip(s, arg(a, k, 0, 'chars'), false, true),
    replace: (s, a, k, budget) => {
      const old = text(arg(a, k, 0, 'old'), 'replace arg 1');
      const replacement = text(arg(a, k, 1, 'new'), 'replace arg 2');
      const count = optInt(arg(a, k, 2, 'count'), -1);
      const parts = old === '' ? ['', ...codePoints(s), ''] : s.split(old);
      const joins = count < 0 ? parts.length - 1 : Math.min(count, parts.length - 1);
      budget.size(s.length + joins * replacement.length);
      if (old === '')
        return parts.slice(0, joins + 1).join(replacement) + parts.slice(joins + 1).join('');
      return (
        parts.slice(0, joins + 1).join(replacement) +
        (joins + 1 < parts.length ? old + parts.slice(joins + 1).join(old) : '')
      );
    },
    split: (s, a, k) => split(s, arg(a, k, 0, 'sep'), arg(a, k, 1, 'maxsplit'), false),
    rsplit: (s, a, k) => split(s, arg(a, k, 0, 'sep'), arg(a, k, 1, 'maxsplit'), true),
    splitlines: (s, a, k) => {
      const keep = Boolean(arg(a, k, 0, 'keepends'));
      const lines: string[] = [];
      let rest = s;
      for (let m = LINE_BREAK.exec(rest); m; m = LINE_BREAK.exec(rest)) {
        lines.push(rest.slice(0, m.index + (keep ? m[0].length : 0)));
        rest = rest.slice(m.index + m[0].length);
      }
      if (rest !== '') lines.push(rest);
      return lines;
    },
    join: (s, a, k, budget) => {
      const items = iterate(arg(a, k, 0, 'iterable'));
      const out = items
        .map((item, i) => text(item, `sequence item ${i}: expected str instance,`))
        .join(s);
      budget.size(out.length);
      return out;
    },
    startswith: (s, a, k) => affix(s, a, k, false),
    endswith: (s, a, k) => affix(s, a, k, true),
    find: (s, a, k) => find(s, a, k, false),
    rfind: (s, a, k) => find(s, a, k, true),
    index: (s, a, k) => {
      const at = find(s, a, k, false);
      if (at < 0) throw renderFault('ValueError: substring not found');
      return at;
    },
    rindex: (s, a, k) => {
      const at = find(s, a, k, true);
      if (at < 0) throw renderFault('ValueError: substring not found');
      return at;
    },
    count: (s, a, k) => {
      const sub = text(arg(a, k, 0, 'sub'), 'sub');
      const [cps, start, end] = window(s, a, k);
      if (end < start) return 0;
      const hay = cps.slice(start, end).join('');
      return sub === '' ? codePoints(hay).length + 1 : hay.split(sub).length - 1;
    },
    zfill: (s, a, k, budget) => {
      const width = optInt(arg(a, k, 0, 'width'), 0);
      const room = width - codePoints(s).length;
      if (room <= 0) return s;
      budget.size(width);
      const sign = s.startsWith('-') || s.startsWith('+') ? s.charAt(0) : '';
      return sign + '0'.repeat(room) + s.slice(sign.length);
    },
    center: (s, a, k, budget) => justify(s, a, k, budget, 'c'),
    ljust: (s, a, k, budget) => justify(s, a, k, budget, 'l'),
    rjust: (s, a, k, budget) => justify(s, a, k, budget, 'r'),
    isdigit: (s) => /^\p{Nd}+$/u.test(s),
    isdecimal: (s) => /^\p{Nd}+$/u.test(s),
    isnumeric: (s) => /^\p{N}+$/u.test(s),
    isalpha: (s) => /^\p{L}+$/u.test(s),
    isalnum: (s) => /^[\p{L}\p{N}]+$/u.test(s),
    isspace: (s) => s !== '' && new RegExp(`^[${PY_SPACE}]+$`, 'u').test(s),
    islower: (s) => casedCheck(s, false),
    isupper: (s) => casedCheck(s, true),
    partition: (s, a, k) => {
      const sep = text(arg(a, k, 0, 'sep'), 'sep');
      if (sep === '') throw renderFault('ValueError: empty separator');
      const at = s.indexOf(sep);
      return new PyTuple(at < 0 ? [s, '', ''] : [s.slice(0, at), sep, s.slice(at + sep.length)]);
    },
    rpartition: (s, a, k) => {
      const sep = text(arg(a, k, 0, 'sep'), 'sep');
      if (sep === '') throw renderFault('ValueError: empty separator');
      const at = s.lastIndexOf(sep);
      return new PyTuple(at < 0 ? ['', '', s] : [s.slice(0, at), sep, s.slice(at + sep.length)]);
    },
    removeprefix: (s, a, k) => {
      const p = text(arg(a, k, 0, 'prefix'), 'prefix');
      return p !== '' && s.startsWith(p) ? s.slice(p.length) : s;
    },
    removesuffix: (s, a, k) => {
      const p = text(arg(a, k, 0, 'suffix'), 'suffix');
      return p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s;
    },
    format: (s, a, k, budget) => {
      const out = strFormat(s, a, k, access);
      budget.size(out.length);
      return out;
    },
  };
}

/** `str(value)` for the `string` filter and `~`. @internal */
export { str };
