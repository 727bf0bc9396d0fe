/**
 * Python's string formatting: `format(value, spec)`, `str.format()` and the `%` operator, as
 * Jinja2's sandbox runs them (field names go through the sandbox's attribute checks).
 * @internal
 */
import { strftime } from './pyDates.js';
import { exponentText, fixedDigits, floatRepr, generalText, intText } from './pyNumbers.js';
import { asDateTime, repr, str } from './pyText.js';
import { renderFault } from './TemplateFault.js';
import {
  codePoints,
  dictGet,
  isDict,
  kindOf,
  numberValue,
  PyFloat,
  PyTuple,
  sequenceItems,
  typeName,
} from './values.js';

const SPEC = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su;

function group(digits: string, separator: string | undefined, every = 3): string {
  if (separator === undefined) return digits;
  const [whole = '', frac] = digits.split('.');
  const grouped = whole.replace(new RegExp(`\\B(?=(\\d{${every}})+(?!\\d))`, 'g'), separator);
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function pad(body: string, prefix: string, fill: string, align: string, width: number): string {
  const size = codePoints(body).length + prefix.length;
  if (size >= width) return prefix + body;
  const room = width - size;
  switch (align) {
    case '<':
      return prefix + body + fill.repeat(room);
    case '>':
      return fill.repeat(room) + prefix + body;
    case '^':
      return fill.repeat(Math.floor(room / 2)) + prefix + body + fill.repeat(Math.ceil(room / 2));
    default:
      return prefix + fill.repeat(room) + body;
  }
}

function floatBody(
  x: number,
  type: string,
  precision: number | undefined,
  alternate: boolean,
): string {
  if (!Number.isFinite(x)) {
    const text = Number.isNaN(x) ? 'nan' : 'inf';
    return type === type.toUpperCase() && type !== '%' && type !== '' ? text.toUpperCase() : text;
  }
  const a = Math.abs(x);
  switch (type) {
    case 'f':
    case 'F':
      return fixedDigits(a, precision ?? 6) + (alternate && precision === 0 ? '.' : '');
    case 'e':
    case 'E': {
      const text = exponentText(a, precision ?? 6, alternate);
      return type === 'E' ? text.toUpperCase() : text;
    }
    case 'g':
    case 'G': {
      const text = generalText(a, precision ?? 6, alternate);
      return type === 'G' ? text.toUpperCase() : text;
    }
    case '%':
      return `${fixedDigits(a * 100, precision ?? 6)}%`;
    default: {
      if (precision === undefined) return floatRepr(a);
      const text = generalText(a, precision, alternate);
      return /[.e]/.test(text) || text.includes('n') ? text : `${text}.0`;
    }
  }
}

/** Python's `format(value, spec)`. @internal */
export function formatValue(value: unknown, spec: string): string {
  const kind = kindOf(value);
  if (spec === '') return str(value);
  if (kind === 'datetime') return strftime(asDateTime(value), spec);
  const m = SPEC.exec(spec);
  if (!m) throw renderFault(`ValueError: invalid format specifier ${JSON.stringify(spec)}`);
  const [
    ,
    fillRaw,
    alignRaw,
    sign = '-',
    hash,
    zero,
    widthText,
    grouping,
    precisionText,
    typeRaw = '',
  ] = m;
  const width = widthText === undefined ? 0 : Number(widthText);
  const precision = precisionText === undefined ? undefined : Number(precisionText);
  const fill = fillRaw ?? (zero && alignRaw === undefined ? '0' : ' ');
  const numeric = kind === 'int' || kind === 'float' || kind === 'bool';
  const align = alignRaw ?? (zero && numeric ? '=' : numeric ? '>' : '<');
  if (kind === 'str') {
    if (typeRaw !== '' && typeRaw !== 's')
      throw renderFault(`ValueError: unknown format code '${typeRaw}' for object of type 'str'`);
    if (sign !== '-' || hash || grouping || align === '=')
      throw renderFault('ValueError: invalid format specifier for str');
    const text =
      precision === undefined
        ? (value as string)
        : codePoints(value as string)
            .slice(0, precision)
            .join('');
    return pad(text, '', fill, align, width);
  }
  if (!numeric)
    throw renderFault(
      `TypeError: unsupported format string passed to ${typeName(value)}.__format__`,
    );
  const x = numberValue(value);
  const negative = x < 0 || Object.is(x, -0);
  const signText = negative ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
  const isInt = kind !== 'float';
  let body: string;
  let prefix = signText;
  if (isInt && 'bcdoxXn'.includes(typeRaw)) {
    if (precision !== undefined)
      throw renderFault('ValueError: precision not allowed in integer format specifier');
    const a = Math.abs(x);
    const radix = { b: 2, o: 8, x: 16, X: 16 }[typeRaw as 'b'] ?? 10;
    if (typeRaw === 'c') return pad(String.fromCodePoint(a), '', fill, align, width);
    body = radix === 10 ? intText(a) : a.toString(radix);
    if (typeRaw === 'X') body = body.toUpperCase();
    if (hash && radix !== 10) prefix += `0${typeRaw === 'X' ? 'X' : typeRaw}`;
    body = group(body, grouping, radix === 10 ? 3 : 4);
  } else {
    if (!isInt && 'bcdoxXn'.includes(typeRaw) && typeRaw !== '') {
      throw renderFault(`ValueError: unknown format code '${typeRaw}' for object of type 'float'`);
    }
    body = group(floatBody(x, typeRaw, precision, Boolean(hash)), grouping);
  }
  if (align === '=') return pad(body, prefix, fill, '=', width);
  return pad(prefix + body, '', fill, align, width);
}

/** Reads `.attr` and `[key]` parts of a `str.format` field, through the sandbox. @internal */
export type FieldAccess = (
  target: unknown,
  part: { attr: string } | { key: string | number },
) => unknown;

/** Python's `str.format(*args, **kwargs)`. @internal */
export function strFormat(
  template: string,
  args: readonly unknown[],
  kwargs: ReadonlyMap<string, unknown>,
  access: FieldAccess,
): string {
  let auto = 0;
  let mode: 'auto' | 'manual' | undefined;
  return template.replace(/\{\{|\}\}|\{([^{}]*)\}|\{|\}/g, (whole, field: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    if (field === undefined)
      throw renderFault(`ValueError: Single '${whole}' encountered in format string`);
    const fm = /^([^.[!:]*)((?:\.[^.[!:]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/su.exec(field);
    if (!fm) throw renderFault(`ValueError: bad format field ${JSON.stringify(field)}`);
    const [, head = '', rest = '', conversion, spec = ''] = fm;
    let value: unknown;
    if (head === '' || /^\d+$/.test(head)) {
      const nextMode = head === '' ? 'auto' : 'manual';
      if (mode !== undefined && mode !== nextMode) {
        throw renderFault('ValueError: cannot switch between automatic and manual field numbering');
      }
      mode = nextMode;
      const index = head === '' ? auto++ : Number(head);
      if (index >= args.length)
        throw renderFault(`IndexError: Replacement index ${index} out of range`);
      value = args[index];
    } else {
      if (!kwargs.has(head)) throw renderFault(`KeyError: ${repr(head)}`);
      value = kwargs.get(head);
    }
    for (const part of rest.matchAll(/\.([^.[]+)|\[([^\]]*)\]/g)) {
      const key = part[2];
      if (part[1] !== undefined) value = access(value, { attr: part[1] });
      else if (key !== undefined)
        value = access(value, { key: /^\d+$/.test(key) ? Number(key) : key });
    }
    if (conversion === 'r' || conversion === 'a') value = repr(value);
    else if (conversion === 's') value = str(value);
    return formatValue(value, spec);
  });
}

const PERCENT = /%(?:\(([^)]*)\))?([#0\- +]*)(\d+|\*)?(?:\.(\d+|\*))?[hlL]?(.)?/gsu;

/** Python's `text % values`. @internal */
export function percentFormat(text: string, values: unknown): string {
  const tuple = values instanceof PyTuple;
  const items = tuple ? sequenceItems(values) : [values];
  const mappingLike = !tuple && (isDict(values) || kindOf(values) === 'list');
  let next = 0;
  const out = text.replace(
    PERCENT,
    (
      whole,
      name: string | undefined,
      flags: string,
      widthText?: string,
      precisionText?: string,
      type?: string,
    ) => {
      if (type === undefined) throw renderFault('ValueError: incomplete format');
      if (type === '%' && whole === '%%') return '%';
      if (widthText === '*' || precisionText === '*')
        throw renderFault('ValueError: * width is not supported');
      let value: unknown;
      if (name !== undefined) {
        if (!isDict(values)) throw renderFault('TypeError: format requires a mapping');
        value = dictGet(values, name);
        if (value === undefined) throw renderFault(`KeyError: ${repr(name)}`);
      } else {
        if (next >= items.length)
          throw renderFault('TypeError: not enough arguments for format string');
        value = items[next++];
      }
      const left = flags.includes('-');
      const spec = (align: string, body: string): string => {
        const width = widthText === undefined ? 0 : Number(widthText);
        return pad(body, '', ' ', left ? '<' : align, width);
      };
      const kind = kindOf(value);
      const numeric = kind === 'int' || kind === 'float' || kind === 'bool';
      switch (type) {
        case 's':
        case 'r':
        case 'a': {
          const body = type === 's' ? str(value) : repr(value);
          return spec(
            '>',
            precisionText === undefined
              ? body
              : codePoints(body).slice(0, Number(precisionText)).join(''),
          );
        }
        case 'c':
          if (kind === 'str' && codePoints(value as string).length === 1)
            return spec('>', value as string);
          if (kind !== 'int')
            throw renderFault('TypeError: %c requires an int or a unicode character');
          return spec('>', String.fromCodePoint(value as number));
        default: {
          if (!'diuoxXeEfFgG'.includes(type))
            throw renderFault(`ValueError: unsupported format character '${type}'`);
          if (!numeric)
            throw renderFault(
              `TypeError: %${type} format: a real number is required, not ${typeName(value)}`,
            );
          if ('oxX'.includes(type) && kind === 'float')
            throw renderFault(`TypeError: %${type} format: an integer is required, not float`);
          const x = 'diu'.includes(type) ? Math.trunc(numberValue(value)) : numberValue(value);
          const pySpec = `${left ? '<' : flags.includes('0') ? '=' : '>'}${flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : ''}${
            flags.includes('#') ? '#' : ''
          }${widthText ?? ''}${precisionText === undefined || 'diuoxX'.includes(type) ? '' : `.${precisionText}`}${'diu'.includes(type) ? 'd' : type}`;
          const fill = flags.includes('0') && !left ? '0' : ' ';
          return formatValue('diuoxX'.includes(type) ? x : new PyFloat(x), `${fill}${pySpec}`);
        }
      }
    },
  );
  if (!mappingLike && next < items.length)
    throw renderFault('TypeError: not all arguments converted during string formatting');
  return out;
}
