/**
 * Jinja2's `tojson`: Python's `json.dumps(value, sort_keys=True, indent=indent)` (ASCII only, `, `
 * and `: ` separators), with `<`, `>`, `&` and `'` escaped for HTML as Jinja2 does.
 * @internal
 */
import { floatRepr, intText } from './pyNumbers.js';
import { compare, failUndefined, iterate } from './pyText.js';
import { limitFault, renderFault } from './TemplateFault.js';
import type { Undefined } from './values.js';
import {
  dictGet,
  dictKeys,
  fromHost,
  kindOf,
  numberValue,
  sequenceItems,
  typeName,
} from './values.js';

function quote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) {
      // Astral characters become a surrogate pair, as ensure_ascii writes them.
      for (let i = 0; i < ch.length; i++)
        out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

function keyText(key: unknown): string {
  switch (kindOf(key)) {
    case 'str':
      return key as string;
    case 'none':
      return 'null';
    case 'bool':
      return key ? 'true' : 'false';
    case 'int':
      return intText(key as number);
    case 'float':
      return floatRepr(numberValue(key));
    default:
      throw renderFault(
        `TypeError: keys must be str, int, float, bool or None, not ${typeName(key)}`,
      );
  }
}

function dump(value: unknown, indent: string | undefined, level: number): string {
  if (level > 400) throw limitFault('maxNestingDepth', 'a value nested deeper than 400 levels');
  const kind = kindOf(value);
  const newline = (depth: number): string =>
    indent === undefined ? '' : `\n${indent.repeat(depth)}`;
  const separator = indent === undefined ? ', ' : ',';
  switch (kind) {
    case 'undefined':
      return failUndefined(value as Undefined);
    case 'none':
      return 'null';
    case 'bool':
      return value ? 'true' : 'false';
    case 'int':
      return intText(value as number);
    case 'float': {
      const x = numberValue(value);
      if (Number.isNaN(x)) return 'NaN';
      if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
      return floatRepr(x);
    }
    case 'str':
      return quote(value as string);
    case 'list':
    case 'tuple': {
      const items = kind === 'list' ? iterate(value) : sequenceItems(value);
      if (items.length === 0) return '[]';
      const inner = items.map((item) => newline(level + 1) + dump(item, indent, level + 1));
      return `[${inner.join(separator)}${newline(level)}]`;
    }
    case 'dict': {
      const dict = value as Map<unknown, unknown>;
      const keys = dictKeys(dict);
      if (keys.length === 0) return '{}';
      const sortedKeys = [...keys].sort((a, b) => compare(a, b, '<'));
      const inner = sortedKeys.map(
        (key) =>
          `${newline(level + 1)}${quote(keyText(key))}: ${dump(fromHost(dictGet(dict, key), String(key)), indent, level + 1)}`,
      );
      return `{${inner.join(separator)}${newline(level)}}`;
    }
    default:
      throw renderFault(`TypeError: Object of type ${typeName(value)} is not JSON serializable`);
  }
}

/** `value | tojson(indent)`. @internal */
export function toJson(value: unknown, indent: unknown): string {
  let pad: string | undefined;
  if (indent !== null && indent !== undefined) {
    pad = typeof indent === 'string' ? indent : ' '.repeat(Math.max(0, numberValue(indent)));
  }
  return dump(value, pad, 0)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll("'", '\\u0027');
}
