/**
 * Parses the Airflow templates our builders write (and the few a user adds by hand) into a small
 * expression form the ASL translator can turn into JSONPath: an XCom pull of a task's result with
 * key accesses, optionally `.strip('"')`, or a read of `params` (the execution input).
 */

/** One `{{ ... }}` expression the translator understands. */
export interface TemplateExpression {
  /** The text between the braces, trimmed. */
  readonly source: string;
  /** `xcom`: `ti.xcom_pull(task_ids=...)`; `params`: the DAG params, i.e. the execution input. */
  readonly root: 'xcom' | 'params';
  /** The task id pulled (for `xcom`). */
  readonly taskId?: string;
  /** The keys and indices read from the value, in order. */
  readonly keys: readonly (string | number)[];
  /** Ends in `.strip('"')`: the value is a JSON-quoted string to unquote. */
  readonly strip: boolean;
}

/** A templated string split into literal text and expressions. */
export type TemplateSegment =
  { readonly literal: string } | { readonly expression: TemplateExpression };

/** Why a template cannot be parsed; the caller adds the step and field. @internal */
export class TemplateParseFailure extends Error {
  override readonly name = 'TemplateParseFailure';
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  ws(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }
  eat(token: string): boolean {
    this.ws();
    if (!this.text.startsWith(token, this.pos)) return false;
    this.pos += token.length;
    return true;
  }
  expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected ${JSON.stringify(token)}`);
  }
  ident(): string | undefined {
    this.ws();
    const match = IDENT.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }
  /** A Python string literal in single or double quotes, with backslash escapes. */
  string(): string | undefined {
    this.ws();
    const quote = this.text[this.pos];
    if (quote !== "'" && quote !== '"') return undefined;
    let out = '';
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\\') {
        const next = this.text[i + 1];
        if (next === undefined) break;
        if (next !== '\\' && next !== "'" && next !== '"') {
          this.fail(`the escape \\${next} in a string literal is not supported`);
        }
        out += next;
        i++;
      } else if (c === quote) {
        this.pos = i + 1;
        return out;
      } else out += c ?? '';
    }
    return this.fail('an unterminated string literal');
  }
  integer(): number | undefined {
    this.ws();
    const match = /^\d+/.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    return Number(match[0]);
  }
  done(): boolean {
    this.ws();
    return this.pos >= this.text.length;
  }
  fail(reason: string): never {
    throw new TemplateParseFailure(`${reason} at ${JSON.stringify(this.text.slice(this.pos))}`);
  }
}

function parseXcomArguments(c: Cursor): string {
  c.expect('(');
  const positional = c.string();
  let taskId = positional;
  if (taskId === undefined) {
    if (c.ident() !== 'task_ids') c.fail('xcom_pull needs task_ids (other arguments are refused)');
    c.expect('=');
    taskId = c.string();
    if (taskId === undefined) c.fail('task_ids must be one task id in quotes');
  }
  if (!c.eat(')')) c.fail('xcom_pull takes task_ids alone (key, dag_id and the rest are refused)');
  return taskId;
}

/** Parses one expression (the text between `{{` and `}}`). @throws TemplateParseFailure */
export function parseExpression(source: string): TemplateExpression {
  const c: Cursor = new Cursor(source);
  const head = c.ident();
  let root: TemplateExpression['root'];
  let taskId: string | undefined;
  if (head === 'ti') {
    c.expect('.');
    if (c.ident() !== 'xcom_pull') c.fail('only ti.xcom_pull is supported');
    root = 'xcom';
    taskId = parseXcomArguments(c);
  } else if (head === 'params') {
    root = 'params';
  } else {
    c.fail(`only ti.xcom_pull(...) and params are supported, not ${head ?? 'this expression'}`);
  }
  const keys: (string | number)[] = [];
  let strip = false;
  while (!c.done()) {
    if (c.eat('[')) {
      const key = c.string() ?? c.integer();
      if (key === undefined) c.fail('a key must be a quoted string or an index');
      c.expect(']');
      keys.push(key);
    } else if (c.eat('.')) {
      const name = c.ident();
      if (name === undefined) c.fail('expected a name after "."');
      if (name === 'strip' && c.eat('(')) {
        if (c.string() !== '"' || !c.eat(')')) c.fail(`only .strip('"') is supported`);
        strip = true;
        if (!c.done()) c.fail(`nothing may follow .strip('"')`);
        break;
      }
      keys.push(name);
    } else c.fail('filters, operators and calls are not supported');
  }
  if (root === 'params' && keys.length === 0) c.fail('params must be read at a key');
  return { source, root, ...(taskId === undefined ? {} : { taskId }), keys, strip };
}

/** True when the string holds any Jinja syntax: an expression, a statement or a comment. */
export function hasTemplate(value: string): boolean {
  return /\{\{|\{%|\{#/.test(value);
}

/**
 * Splits a string into literal text and parsed expressions.
 * @throws TemplateParseFailure for statements, comments, unclosed braces and unsupported expressions
 */
export function parseTemplate(value: string): TemplateSegment[] {
  if (/\{%|\{#/.test(value)) {
    throw new TemplateParseFailure(
      'Jinja statements ({% %}) and comments ({# #}) are not supported',
    );
  }
  const segments: TemplateSegment[] = [];
  let rest = value;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      segments.push({ literal: rest });
      break;
    }
    if (open > 0) segments.push({ literal: rest.slice(0, open) });
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateParseFailure('an unclosed {{');
    segments.push({ expression: parseExpression(rest.slice(open + 2, close).trim()) });
    rest = rest.slice(close + 2);
  }
  return segments;
}
