/**
 * Jinja2's lexer, for the default delimiters and options (no `trim_blocks`, no `lstrip_blocks`, no
 * `keep_trailing_newline`): text, `{{ }}`, `{% %}`, `{# #}`, `{% raw %}`, and `-` whitespace
 * control. Names are ASCII identifiers only: nothing else can ever become a name.
 * @internal
 */
import { renderFault } from './TemplateFault.js';

/** One token of a template. @internal */
export type Token =
  | { readonly type: 'data'; readonly value: string }
  | { readonly type: 'variable_begin' | 'variable_end' | 'block_begin' | 'block_end' }
  | { readonly type: 'name'; readonly value: string }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'int' | 'float'; readonly value: number }
  | { readonly type: 'operator'; readonly value: string };

const OPERATORS = [
  '//',
  '**',
  '==',
  '!=',
  '>=',
  '<=',
  '+',
  '-',
  '/',
  '*',
  '%',
  '~',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '>',
  '<',
  '=',
  '.',
  ':',
  '|',
  ',',
  ';',
];
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const FLOAT = /(?:\d+_)*\d+(?:(?:\.(?:\d+_)*\d+)?[eE][+-]?(?:\d+_)*\d+|\.(?:\d+_)*\d+)/y;
const INT = /0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0[xX](?:_?[\da-fA-F])+|[1-9](?:_?\d)*|0(?:_?0)*/y;
const STRING = /'([^'\\]*(?:\\.[^'\\]*)*)'|"([^"\\]*(?:\\.[^"\\]*)*)"/sy;
const WHITESPACE = /\s+/y;
const BEGIN = /\{\{|\{%|\{#/g;
const RAW_BEGIN = /\{%(-?)\s*raw\s*(-?)%\}/y;
const RAW_END = /\{%(-?)\s*endraw\s*(-?)%\}/g;

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Python's `unicode-escape` decoding of a string literal's body. @internal */
export function unescape(body: string): string {
  return body.replace(
    /\\(x[\da-fA-F]{2}|u[\da-fA-F]{4}|U[\da-fA-F]{8}|[0-7]{1,3}|.)/gsu,
    (whole, esc: string) => {
      const head = esc.charAt(0);
      if (/[xuU]/.test(head) && esc.length > 1)
        return String.fromCodePoint(parseInt(esc.slice(1), 16));
      if (/[0-7]/.test(head)) return String.fromCodePoint(parseInt(esc, 8));
      if (/[xuUN]/.test(head)) throw renderFault(`TemplateSyntaxError: bad escape ${whole}`);
      return Object.hasOwn(SIMPLE_ESCAPES, esc) ? (SIMPLE_ESCAPES[esc] ?? '') : whole;
    },
  );
}

function number(text: string, type: 'int' | 'float'): number {
  const clean = text.replaceAll('_', '');
  if (type === 'float') return Number(clean);
  const prefix = clean.slice(0, 2).toLowerCase();
  const radix = prefix === '0b' ? 2 : prefix === '0o' ? 8 : prefix === '0x' ? 16 : 10;
  return radix === 10 ? Number(clean) : parseInt(clean.slice(2), radix);
}

/** Splits a template into tokens. @internal */
export function tokenize(template: string, keepTrailingNewline = false): Token[] {
  // Jinja2 normalises newlines and, unless told to keep it, drops one trailing newline.
  let source = template.replace(/\r\n|\r|\n/g, '\n');
  if (!keepTrailingNewline && source.endsWith('\n')) source = source.slice(0, -1);
  const tokens: Token[] = [];
  let pos = 0;
  let lstripNext = false;
  const pushData = (text: string, rstrip: boolean): void => {
    // trimStart/trimEnd strip exactly what `\s` matches, in linear time: `/\s+$/` retried from
    // every space of a long run and was quadratic (100 KB of spaces before `{{-` took minutes).
    let value = lstripNext ? text.trimStart() : text;
    if (rstrip) value = value.trimEnd();
    lstripNext = false;
    if (value !== '') tokens.push({ type: 'data', value });
  };
  while (pos < source.length) {
    BEGIN.lastIndex = pos;
    const begin = BEGIN.exec(source);
    if (!begin) {
      pushData(source.slice(pos), false);
      break;
    }
    const start = begin.index;
    const strip = source.charAt(start + 2) === '-';
    RAW_BEGIN.lastIndex = start;
    const raw = begin[0] === '{%' ? RAW_BEGIN.exec(source) : null;
    pushData(source.slice(pos, start), strip || (raw?.[1] ?? '') === '-');
    if (raw) {
      RAW_END.lastIndex = RAW_BEGIN.lastIndex;
      const end = RAW_END.exec(source);
      if (!end) throw renderFault('TemplateSyntaxError: missing end of raw directive');
      lstripNext = raw[2] === '-';
      pushData(source.slice(RAW_BEGIN.lastIndex, end.index), end[1] === '-');
      lstripNext = end[2] === '-';
      pos = RAW_END.lastIndex;
      continue;
    }
    const inner = start + 2 + (strip || source.charAt(start + 2) === '+' ? 1 : 0);
    if (begin[0] === '{#') {
      const close = /-?#\}/g;
      close.lastIndex = inner;
      const end = close.exec(source);
      if (!end) throw renderFault('TemplateSyntaxError: missing end of comment tag');
      lstripNext = end[0].startsWith('-');
      pos = close.lastIndex;
      continue;
    }
    const variable = begin[0] === '{{';
    tokens.push({ type: variable ? 'variable_begin' : 'block_begin' });
    pos = lexTag(source, inner, variable ? '}}' : '%}', tokens, (stripAfter) => {
      lstripNext = stripAfter;
    });
    tokens.push({ type: variable ? 'variable_end' : 'block_end' });
  }
  return tokens;
}

function lexTag(
  source: string,
  start: number,
  close: string,
  tokens: Token[],
  onEnd: (stripAfter: boolean) => void,
): number {
  let pos = start;
  const balance: string[] = [];
  for (;;) {
    WHITESPACE.lastIndex = pos;
    if (WHITESPACE.exec(source)) pos = WHITESPACE.lastIndex;
    if (pos >= source.length)
      throw renderFault(`TemplateSyntaxError: unexpected end of template, expected '${close}'`);
    if (balance.length === 0) {
      for (const end of [`-${close}`, `+${close}`, close]) {
        if (source.startsWith(end, pos)) {
          onEnd(end.startsWith('-'));
          return pos + end.length;
        }
      }
    }
    const matchers: [RegExp, (text: string, m: RegExpExecArray) => Token][] = [
      [FLOAT, (text) => ({ type: 'float', value: number(text, 'float') })],
      [INT, (text) => ({ type: 'int', value: number(text, 'int') })],
      [NAME, (text) => ({ type: 'name', value: text })],
      [STRING, (_text, m) => ({ type: 'string', value: unescape(m[1] ?? m[2] ?? '') })],
    ];
    let matched = false;
    for (const [pattern, make] of matchers) {
      pattern.lastIndex = pos;
      const m = pattern.exec(source);
      if (m) {
        tokens.push(make(m[0], m));
        pos = pattern.lastIndex;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, pos));
    if (op === undefined) {
      const ch = source.charAt(pos);
      throw renderFault(`TemplateSyntaxError: unexpected char ${JSON.stringify(ch)}`);
    }
    if (Object.hasOwn(OPENERS, op)) balance.push(OPENERS[op] ?? '');
    else if (op === ')' || op === ']' || op === '}') {
      const expected = balance.pop();
      if (expected !== op) throw renderFault(`TemplateSyntaxError: unexpected '${op}'`);
    }
    tokens.push({ type: 'operator', value: op });
    pos += op.length;
  }
}
