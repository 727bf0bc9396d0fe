/**
 * Python's `json.loads` for the hyperparameters `attach` reads back: like `JSON.parse`, but a
 * number written with a fraction or exponent stays a float ({@link PyFloat}, so `1.0` is encoded
 * again as `1.0`, not `1`), and `NaN`, `Infinity` and `-Infinity` are accepted, as Python does.
 */
import { ValidationError } from '../errors.js';
import { pyFloat } from '../pythonCompat/pyFloat.js';
import type { PyValue } from '../estimators/types.js';

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const LITERALS: readonly (readonly [string, PyValue])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', pyFloat(NaN)],
  ['Infinity', pyFloat(Infinity)],
  ['-Infinity', pyFloat(-Infinity)],
];

/**
 * Parses `text` as Python's `json.loads` does.
 * @throws {@link ValidationError} for text that is not JSON (Python's `JSONDecodeError`).
 */
export function pyJsonLoads(text: string, option = 'hyperparameters'): PyValue {
  let at = 0;
  const fail = (): never => {
    throw new ValidationError(option, text, `JSON (Python's json.loads fails at character ${at})`);
  };
  const skip = (): void => {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(text);
    at = WHITESPACE.lastIndex;
  };
  const string = (): string => {
    const start = at;
    at += 1;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    if (at >= text.length) fail();
    at += 1;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      return fail();
    }
  };
  const value = (): PyValue => {
    skip();
    const ch = text[at];
    if (ch === '"') return string();
    if (ch === '[') {
      at += 1;
      const list: PyValue[] = [];
      skip();
      if (text[at] === ']') {
        at += 1;
        return list;
      }
      for (;;) {
        list.push(value());
        skip();
        if (text[at] === ']') break;
        if (text[at] !== ',') fail();
        at += 1;
      }
      at += 1;
      return list;
    }
    if (ch === '{') {
      at += 1;
      const object: Record<string, PyValue> = {};
      skip();
      if (text[at] === '}') {
        at += 1;
        return object;
      }
      for (;;) {
        skip();
        if (text[at] !== '"') fail();
        const key = string();
        skip();
        if (text[at] !== ':') fail();
        at += 1;
        object[key] = value();
        skip();
        if (text[at] === '}') break;
        if (text[at] !== ',') fail();
        at += 1;
      }
      at += 1;
      return object;
    }
    for (const [word, literal] of LITERALS) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return literal;
      }
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (!number) return fail();
    at = NUMBER.lastIndex;
    const n = Number(number[0]);
    return number[1] !== undefined || number[2] !== undefined ? pyFloat(n) : n;
  };
  const result = value();
  skip();
  if (at !== text.length) fail();
  return result;
}
