/**
 * Jinja2's grammar for the statements and expressions templates in configs use: `{{ }}`, `{% if %}`,
 * `{% for %}`, `{% set %}`, with Jinja2's precedence (filters bind tighter than arithmetic, `**` is
 * left-associative). Nesting deeper than the limit is a typed error, never a stack overflow.
 * @internal
 */
import type { Args, Expr, Node, Target } from './ast.js';
import { describe, ExpressionParser } from './expressionParser.js';
import type { Token } from './lexer.js';
import { renderFault } from './TemplateFault.js';

const UNSUPPORTED_TAGS = new Set([
  'macro',
  'call',
  'filter',
  'include',
  'import',
  'from',
  'extends',
  'block',
  'with',
  'do',
  'autoescape',
  'trans',
  'break',
  'continue',
  'print',
]);

/** Parses tokens into statements. @internal */
export function parse(tokens: readonly Token[], maxDepth: number): Node[] {
  return new Parser(tokens, maxDepth).template();
}

class Parser extends ExpressionParser {
  template(): Node[] {
    const body = this.body([]);
    if (this.pos < this.tokens.length) {
      const name = this.tokens[this.pos + 1];
      throw renderFault(`TemplateSyntaxError: unexpected tag ${describe(name)}`);
    }
    return body;
  }

  /** Statements up to a `{% name %}` tag in `ends` (left unconsumed) or the end. */
  private body(ends: readonly string[]): Node[] {
    const nodes: Node[] = [];
    for (;;) {
      const token = this.current;
      if (token === undefined) {
        if (ends.length > 0)
          throw renderFault(`TemplateSyntaxError: missing {% ${ends.join(' or ')} %}`);
        return nodes;
      }
      if (token.type === 'data') {
        nodes.push({ type: 'output', text: token.value });
        this.pos++;
      } else if (token.type === 'variable_begin') {
        this.pos++;
        nodes.push({ type: 'print', expr: this.tuple(true) });
        this.expect('variable_end');
      } else {
        this.expect('block_begin');
        const tag = this.current;
        if (tag?.type === 'name' && ends.includes(tag.value)) {
          this.pos--;
          return nodes;
        }
        nodes.push(this.nested(() => this.statement()));
      }
    }
  }

  /** Consumes `{% name %}`. */
  private endTag(name: string): void {
    this.expect('block_begin');
    if (!this.skipName(name)) this.fail(`'${name}'`);
    this.expect('block_end');
  }

  private statement(): Node {
    const tag = this.name();
    switch (tag) {
      case 'if':
        return this.ifStatement();
      case 'for':
        return this.forStatement();
      case 'set':
        return this.setStatement();
      default:
        if (UNSUPPORTED_TAGS.has(tag)) {
          throw renderFault(`TemplateSyntaxError: the {% ${tag} %} tag is not supported`);
        }
        throw renderFault(`TemplateSyntaxError: encountered unknown tag '${tag}'`);
    }
  }

  private ifStatement(): Node {
    const branches: [Expr, Node[]][] = [];
    let otherwise: Node[] = [];
    let test = this.tuple(false);
    for (;;) {
      this.expect('block_end');
      const body = this.body(['elif', 'else', 'endif']);
      branches.push([test, body]);
      this.expect('block_begin');
      if (this.skipName('elif')) {
        test = this.tuple(false);
        continue;
      }
      if (this.skipName('else')) {
        this.expect('block_end');
        otherwise = this.body(['endif']);
        this.endTag('endif');
        return { type: 'if', branches, otherwise };
      }
      this.skipName('endif');
      this.expect('block_end');
      return { type: 'if', branches, otherwise };
    }
  }

  private forStatement(): Node {
    const target = this.target(['in']);
    if (!this.skipName('in')) this.fail("'in'");
    const iter = this.tuple(false, ['recursive', 'if']);
    if (this.isName('recursive'))
      throw renderFault('TemplateSyntaxError: recursive loops are not supported');
    const filter = this.skipName('if') ? this.expression(true) : undefined;
    this.expect('block_end');
    const body = this.body(['endfor', 'else']);
    let otherwise: Node[] = [];
    this.expect('block_begin');
    if (this.skipName('else')) {
      this.expect('block_end');
      otherwise = this.body(['endfor']);
      this.expect('block_begin');
    }
    if (!this.skipName('endfor')) this.fail("'endfor'");
    this.expect('block_end');
    return { type: 'for', target, iter, filter, body, otherwise };
  }

  private setStatement(): Node {
    const target = this.target([]);
    if (this.skipOp('=')) {
      const value = this.tuple(true);
      this.expect('block_end');
      return { type: 'set', target, value };
    }
    const filters: { name: string; args: Args }[] = [];
    while (this.skipOp('|')) {
      const name = this.name();
      filters.push({
        name,
        args: this.isOp('(') ? this.callArgs() : { positional: [], keywords: [] },
      });
    }
    this.expect('block_end');
    const body = this.body(['endset']);
    this.endTag('endset');
    return { type: 'setBlock', target, filters, body };
  }

  private target(ends: readonly string[]): Target {
    const items: Target[] = [];
    let tuple = false;
    for (;;) {
      if (items.length > 0) {
        if (!this.skipOp(',')) break;
        tuple = true;
        if (this.current?.type === 'block_end' || ends.some((e) => this.isName(e))) break;
      }
      const token = this.current;
      if (this.skipOp('(')) {
        items.push(this.target([]));
        this.expectOp(')');
        continue;
      }
      const name = this.name();
      if (['true', 'false', 'none', 'True', 'False', 'None'].includes(name)) {
        throw renderFault(`TemplateSyntaxError: can't assign to ${describe(token)}`);
      }
      if (this.isOp('.'))
        throw renderFault('TemplateSyntaxError: namespace assignment is not supported');
      items.push({ type: 'name', name });
    }
    const first = items[0];
    return tuple || first === undefined ? { type: 'tuple', items } : first;
  }
}
