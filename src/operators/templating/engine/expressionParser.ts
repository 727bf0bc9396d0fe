/**
 * Jinja2's expression grammar, with its precedence: filters bind tighter than arithmetic, `**` is
 * left-associative, `not` binds looser than comparisons. Nesting (and left-deep chains such as
 * `a ~ b ~ c`) deeper than the limit is a typed error, never a stack overflow.
 * @internal
 */
import type { Args, Expr } from './ast.js';
import type { Token } from './lexer.js';
import { limitFault, renderFault } from './TemplateFault.js';
import { PyFloat } from './values.js';

const COMPARE = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Describes a token for syntax errors. @internal */
export const describe = (token: Token | undefined): string =>
  token === undefined
    ? 'end of template'
    : 'value' in token
      ? `'${String(token.value)}'`
      : token.type;

/** Token helpers and the expression grammar; `Parser` adds statements. @internal */
export class ExpressionParser {
  protected pos = 0;
  protected depth = 0;

  constructor(
    protected readonly tokens: readonly Token[],
    protected readonly maxDepth: number,
  ) {}

  protected get current(): Token | undefined {
    return this.tokens[this.pos];
  }

  protected fail(expected: string): never {
    throw renderFault(`TemplateSyntaxError: expected ${expected}, got ${describe(this.current)}`);
  }

  protected isOp(value: string, token = this.current): boolean {
    return token?.type === 'operator' && token.value === value;
  }

  protected isName(value: string, token = this.current): boolean {
    return token?.type === 'name' && token.value === value;
  }

  protected skipOp(value: string): boolean {
    if (!this.isOp(value)) return false;
    this.pos++;
    return true;
  }

  protected skipName(value: string): boolean {
    if (!this.isName(value)) return false;
    this.pos++;
    return true;
  }

  protected expectOp(value: string): void {
    if (!this.skipOp(value)) this.fail(`'${value}'`);
  }

  protected expect(type: Token['type']): Token {
    const token = this.current;
    if (token?.type !== type) this.fail(type);
    this.pos++;
    return token;
  }

  protected name(): string {
    const token = this.expect('name');
    return (token as { value: string }).value;
  }

  /** Left-deep chains (`a ~ b ~ c`, `x | f | g`) nest in the tree as deep as they are long. */
  protected chained(length: number): void {
    if (this.depth + length > this.maxDepth) {
      throw limitFault('maxNestingDepth', `the template nests deeper than ${this.maxDepth} levels`);
    }
  }

  protected nested<T>(parse: () => T): T {
    this.depth++;
    try {
      this.chained(0);
      return parse();
    } finally {
      this.depth--;
    }
  }

  protected tupleEnd(ends: readonly string[]): boolean {
    const token = this.current;
    if (token === undefined) return true;
    if (token.type === 'variable_end' || token.type === 'block_end' || this.isOp(')')) return true;
    return ends.some((e) => this.isName(e));
  }

  /** Jinja2's `parse_tuple`: one expression, or a tuple when commas follow. */
  protected tuple(withCond: boolean, ends: readonly string[] = [], explicit = false): Expr {
    const items: Expr[] = [];
    let isTuple = false;
    for (;;) {
      if (items.length > 0) this.expectOp(',');
      if (this.tupleEnd(ends)) break;
      items.push(this.expression(withCond));
      if (this.isOp(',')) isTuple = true;
      else break;
    }
    if (!isTuple) {
      const first = items[0];
      if (first !== undefined) return first;
      if (!explicit) this.fail('an expression');
    }
    return { type: 'tuple', items };
  }

  protected expression(withCond: boolean): Expr {
    return this.nested(() => (withCond ? this.condExpr() : this.or()));
  }

  protected condExpr(): Expr {
    let expr = this.or();
    while (this.skipName('if')) {
      const test = this.or();
      const otherwise = this.skipName('else') ? this.nested(() => this.condExpr()) : undefined;
      expr = { type: 'cond', test, then: expr, otherwise };
    }
    return expr;
  }

  protected or(): Expr {
    let left = this.and();
    for (let n = 1; this.skipName('or'); n++) {
      this.chained(n);
      left = { type: 'binary', op: 'or', left, right: this.and() };
    }
    return left;
  }

  protected and(): Expr {
    let left = this.not();
    for (let n = 1; this.skipName('and'); n++) {
      this.chained(n);
      left = { type: 'binary', op: 'and', left, right: this.not() };
    }
    return left;
  }

  protected not(): Expr {
    if (this.skipName('not'))
      return { type: 'unary', op: 'not', operand: this.nested(() => this.not()) };
    return this.compare();
  }

  protected compare(): Expr {
    const first = this.math1();
    const rest: [string, Expr][] = [];
    for (;;) {
      const token = this.current;
      if (token?.type === 'operator' && COMPARE.has(token.value)) {
        this.pos++;
        rest.push([token.value, this.math1()]);
      } else if (this.skipName('in')) rest.push(['in', this.math1()]);
      else if (this.isName('not') && this.isName('in', this.tokens[this.pos + 1])) {
        this.pos += 2;
        rest.push(['not in', this.math1()]);
      } else break;
    }
    return rest.length === 0 ? first : { type: 'compare', first, rest };
  }

  protected binaryLevel(ops: readonly string[], next: () => Expr): Expr {
    let left = next();
    for (let n = 1; ; n++) {
      const op = ops.find((o) => this.isOp(o));
      if (op === undefined) return left;
      this.chained(n);
      this.pos++;
      left = { type: 'binary', op, left, right: next() };
    }
  }

  protected math1(): Expr {
    return this.binaryLevel(['+', '-'], () => this.concat());
  }

  protected concat(): Expr {
    return this.binaryLevel(['~'], () => this.math2());
  }

  protected math2(): Expr {
    return this.binaryLevel(['*', '/', '//', '%'], () => this.pow());
  }

  protected pow(): Expr {
    return this.binaryLevel(['**'], () => this.unary(true));
  }

  protected unary(withFilter: boolean): Expr {
    return this.nested(() => {
      let node: Expr;
      if (this.skipOp('-')) node = { type: 'unary', op: '-', operand: this.unary(false) };
      else if (this.skipOp('+')) node = { type: 'unary', op: '+', operand: this.unary(false) };
      else node = this.primary();
      node = this.postfix(node);
      return withFilter ? this.filterExpr(node) : node;
    });
  }

  protected primary(): Expr {
    const token = this.current;
    if (token === undefined) return this.fail('an expression');
    if (token.type === 'name') {
      this.pos++;
      if (token.value === 'true' || token.value === 'True') return { type: 'const', value: true };
      if (token.value === 'false' || token.value === 'False')
        return { type: 'const', value: false };
      if (token.value === 'none' || token.value === 'None') return { type: 'const', value: null };
      return { type: 'name', name: token.value };
    }
    if (token.type === 'string') {
      let value = '';
      while (this.current?.type === 'string') {
        value += this.current.value;
        this.pos++;
      }
      return { type: 'const', value };
    }
    if (token.type === 'int' || token.type === 'float') {
      this.pos++;
      return {
        type: 'const',
        value: token.type === 'float' ? new PyFloat(token.value) : token.value,
      };
    }
    if (this.skipOp('(')) {
      const expr = this.tuple(true, [], true);
      this.expectOp(')');
      return expr;
    }
    if (this.skipOp('[')) return { type: 'list', items: this.items(']') };
    if (this.skipOp('{')) {
      const pairs: [Expr, Expr][] = [];
      while (!this.isOp('}')) {
        if (pairs.length > 0) this.expectOp(',');
        if (this.isOp('}')) break;
        const key = this.expression(true);
        this.expectOp(':');
        pairs.push([key, this.expression(true)]);
      }
      this.expectOp('}');
      return { type: 'dict', pairs };
    }
    return this.fail('an expression');
  }

  protected items(close: string): Expr[] {
    const items: Expr[] = [];
    while (!this.isOp(close)) {
      if (items.length > 0) this.expectOp(',');
      if (this.isOp(close)) break;
      items.push(this.expression(true));
    }
    this.expectOp(close);
    return items;
  }

  protected postfix(node: Expr): Expr {
    for (let n = 0; ; n++) {
      this.chained(n);
      if (this.skipOp('.')) {
        const token = this.current;
        if (token?.type === 'name') {
          this.pos++;
          node = { type: 'getattr', target: node, name: token.value };
        } else if (token?.type === 'int') {
          this.pos++;
          node = { type: 'getitem', target: node, key: { type: 'const', value: token.value } };
        } else this.fail('a name');
      } else if (this.skipOp('[')) node = this.subscript(node);
      else if (this.isOp('(')) node = { type: 'call', callee: node, args: this.callArgs() };
      else return node;
    }
  }

  protected subscript(target: Expr): Expr {
    const parts: Expr[] = [];
    let sliced: Expr | undefined;
    while (!this.isOp(']')) {
      if (parts.length > 0) this.expectOp(',');
      const start = this.isOp(':') ? undefined : this.expression(true);
      if (!this.isOp(':')) {
        if (start === undefined) this.fail('an expression');
        parts.push(start);
      } else {
        this.pos++;
        const stop =
          this.isOp(']') || this.isOp(',') || this.isOp(':') ? undefined : this.expression(true);
        let step: Expr | undefined;
        if (this.skipOp(':'))
          step = this.isOp(']') || this.isOp(',') ? undefined : this.expression(true);
        sliced = { type: 'slice', target, start, stop, step };
        parts.push(sliced);
      }
      if (!this.isOp(',')) break;
    }
    this.expectOp(']');
    if (parts.length === 1 && sliced !== undefined) return sliced;
    if (sliced !== undefined)
      throw renderFault('TemplateSyntaxError: slices in a tuple subscript are not supported');
    const key: Expr = parts.length === 1 && parts[0] ? parts[0] : { type: 'tuple', items: parts };
    return { type: 'getitem', target, key };
  }

  protected callArgs(): Args {
    this.expectOp('(');
    const positional: Expr[] = [];
    const keywords: [string, Expr][] = [];
    while (!this.isOp(')')) {
      if (positional.length + keywords.length > 0) this.expectOp(',');
      if (this.isOp(')')) break;
      if (this.isOp('*') || this.isOp('**'))
        throw renderFault('TemplateSyntaxError: *args and **kwargs are not supported');
      const token = this.current;
      if (token?.type === 'name' && this.isOp('=', this.tokens[this.pos + 1])) {
        this.pos += 2;
        keywords.push([token.value, this.expression(true)]);
      } else {
        if (keywords.length > 0)
          throw renderFault('TemplateSyntaxError: positional argument follows keyword argument');
        positional.push(this.expression(true));
      }
    }
    this.expectOp(')');
    return { positional, keywords };
  }

  protected filterExpr(node: Expr): Expr {
    for (let n = 0; ; n++) {
      this.chained(n);
      if (this.skipOp('|')) {
        let name = this.name();
        while (this.skipOp('.')) name += `.${this.name()}`;
        const args = this.isOp('(') ? this.callArgs() : { positional: [], keywords: [] };
        node = { type: 'filter', target: node, name, args };
      } else if (this.skipName('is')) {
        const negated = this.skipName('not');
        let name = this.name();
        while (this.skipOp('.')) name += `.${this.name()}`;
        let args: Args = { positional: [], keywords: [] };
        const token = this.current;
        if (this.isOp('(')) args = this.callArgs();
        else if (
          token !== undefined &&
          (['string', 'int', 'float'].includes(token.type) ||
            (token.type === 'name' && !['else', 'or', 'and'].includes(token.value)) ||
            this.isOp('[') ||
            this.isOp('{'))
        ) {
          args = { positional: [this.postfix(this.primary())], keywords: [] };
        }
        node = { type: 'test', target: node, name, args, negated };
      } else if (this.isOp('(')) node = { type: 'call', callee: node, args: this.callArgs() };
      else return node;
    }
  }
}
