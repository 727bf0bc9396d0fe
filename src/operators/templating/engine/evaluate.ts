/**
 * Evaluates a parsed template over the caller's data: a tree walk, never generated code. Every
 * step is counted, loops are bounded, and output is measured as it grows (see `limits.ts`).
 * @internal
 */
import type { Args, Expr, Node, Target } from './ast.js';
import { checkName, getAttr, getItem, getSlice } from './attributes.js';
import { findFilter, UNDEFINED_OK, type FilterEnv } from './filters.js';
import { checkNames, GLOBALS, loopObject, toHost } from './builtins.js';
import { tokenize } from './lexer.js';
import { limitFault, renderFault, TemplateFault } from './TemplateFault.js';
import type { Budget } from './limits.js';
import { binary, unary } from './operators.js';
import { parse } from './parser.js';
import { compare, equal, failUndefined, iterate, str, truthy } from './pyText.js';
import { contains, runTest } from './tests.js';
import { dictKey, fromHost, kindOf, ownData, PyBuiltin, PyTuple, Undefined } from './values.js';

/** Renders one template string against the caller's context. @internal */
export function renderTemplate(
  template: string,
  context: Readonly<Record<string, unknown>>,
  budget: Budget,
  keepTrailingNewline = false,
): string {
  const { limits } = budget;
  if (template.length > limits.maxTemplateLength) {
    throw limitFault(
      'maxTemplateLength',
      `the template is ${template.length} characters long, over ${limits.maxTemplateLength}`,
    );
  }
  const nodes = parse(tokenize(template, keepTrailingNewline), limits.maxNestingDepth);
  checkNames(nodes);
  return new Evaluator(context, budget).run(nodes);
}

class Evaluator implements FilterEnv {
  private readonly scopes: Map<string, unknown>[] = [new Map<string, unknown>()];
  private output: string[] = [];
  private outputLength = 0;

  constructor(
    private readonly context: Readonly<Record<string, unknown>>,
    readonly budget: Budget,
  ) {}

  run(nodes: readonly Node[]): string {
    this.body(nodes);
    return this.output.join('');
  }

  getAttr(target: unknown, name: string): unknown {
    return getAttr(target, name, this.budget);
  }

  getItem(target: unknown, key: unknown): unknown {
    return getItem(target, key, this.budget);
  }

  add(left: unknown, right: unknown): unknown {
    return binary('+', left, right, this.budget);
  }

  filter(name: string, value: unknown, args: unknown[], kwargs: Map<string, unknown>): unknown {
    const filter = findFilter(name);
    if (!filter) throw renderFault(`TemplateAssertionError: No filter named '${name}'.`);
    if (value instanceof Undefined && !UNDEFINED_OK.has(name)) failUndefined(value);
    const result = filter(value, args, kwargs, this);
    if (typeof result === 'string') this.budget.size(result.length);
    return result;
  }

  private write(text: string): void {
    this.outputLength += text.length;
    this.budget.size(this.outputLength);
    this.output.push(text);
  }

  private body(nodes: readonly Node[]): void {
    for (const node of nodes) {
      this.budget.step();
      this.statement(node);
    }
  }

  private statement(node: Node): void {
    switch (node.type) {
      case 'output':
        this.write(node.text);
        return;
      case 'print':
        this.write(str(this.expr(node.expr)));
        return;
      case 'if': {
        for (const [test, body] of node.branches) {
          if (truthy(this.expr(test))) {
            this.body(body);
            return;
          }
        }
        this.body(node.otherwise);
        return;
      }
      case 'for':
        this.forLoop(node);
        return;
      case 'set':
        this.assign(node.target, this.expr(node.value));
        return;
      case 'setBlock': {
        const saved = [this.output, this.outputLength] as const;
        this.output = [];
        try {
          this.body(node.body);
          let value: unknown = this.output.join('');
          [this.output, this.outputLength] = saved;
          for (const f of node.filters) value = this.filter(f.name, value, ...this.args(f.args));
          this.assign(node.target, value);
        } finally {
          [this.output, this.outputLength] = saved;
        }
        return;
      }
    }
  }

  private forLoop(node: Extract<Node, { type: 'for' }>): void {
    let items = iterate(this.expr(node.iter));
    this.scopes.push(new Map());
    try {
      if (node.filter) {
        const test = node.filter;
        items = items.filter((item) => {
          this.budget.iteration();
          this.assign(node.target, item);
          return truthy(this.expr(test));
        });
      }
      if (items.length === 0) {
        this.scopes.pop();
        this.body(node.otherwise);
        this.scopes.push(new Map());
        return;
      }
      const scope = this.scopes[this.scopes.length - 1] ?? new Map<string, unknown>();
      items.forEach((item, index) => {
        this.budget.iteration();
        scope.set('loop', loopObject(items, index));
        this.assign(node.target, item);
        this.body(node.body);
      });
    } finally {
      this.scopes.pop();
    }
  }

  private assign(target: Target, value: unknown): void {
    if (target.type === 'name') {
      checkName(target.name);
      (this.scopes[this.scopes.length - 1] ?? new Map()).set(target.name, value);
      return;
    }
    const items = iterate(value);
    if (items.length !== target.items.length) {
      throw renderFault(
        `ValueError: cannot unpack ${items.length} values into ${target.items.length} targets`,
      );
    }
    target.items.forEach((t, i) => {
      this.assign(t, items[i]);
    });
  }

  private lookup(name: string): unknown {
    checkName(name);
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (scope?.has(name)) return scope.get(name);
    }
    if (Object.hasOwn(this.context, name)) return fromHost(ownData(this.context, name), name);
    if (Object.hasOwn(GLOBALS, name)) return GLOBALS[name];
    return new Undefined(name);
  }

  private args(args: Args): [unknown[], Map<string, unknown>] {
    const positional = args.positional.map((e) => this.expr(e));
    const keywords = new Map<string, unknown>();
    for (const [name, e] of args.keywords) {
      checkName(name);
      if (keywords.has(name)) throw renderFault(`TypeError: keyword argument repeated: ${name}`);
      keywords.set(name, this.expr(e));
    }
    return [positional, keywords];
  }

  private call(callee: unknown, args: unknown[], kwargs: Map<string, unknown>): unknown {
    if (callee instanceof Undefined) failUndefined(callee);
    if (callee instanceof PyBuiltin && callee.call) return callee.call(args, kwargs);
    if (typeof callee !== 'function')
      throw renderFault(`TypeError: '${kindOf(callee)}' object is not callable`);
    // Keyword arguments arrive as one plain last argument: xcom_pull(task_ids='x') → xcom_pull({ task_ids: 'x' }).
    const hostArgs = args.map((a) => toHost(a));
    if (kwargs.size > 0)
      hostArgs.push(Object.fromEntries([...kwargs].map(([k, v]) => [k, toHost(v)])));
    let result: unknown;
    try {
      result = Reflect.apply(callee as (...a: unknown[]) => unknown, undefined, hostArgs);
    } catch (error) {
      if (error instanceof TemplateFault) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw renderFault(message, { cause: error });
    }
    return result === undefined ? null : fromHost(result, 'result');
  }

  private expr(e: Expr): unknown {
    this.budget.step();
    switch (e.type) {
      case 'const':
        return e.value;
      case 'name':
        return this.lookup(e.name);
      case 'list': {
        const items = e.items.map((item) => this.expr(item));
        this.budget.size(items.length);
        return items;
      }
      case 'tuple':
        return new PyTuple(e.items.map((item) => this.expr(item)));
      case 'dict': {
        const map = new Map<unknown, unknown>();
        for (const [k, v] of e.pairs) {
          const key = this.expr(k);
          if (key instanceof Undefined) failUndefined(key);
          if (!['str', 'int', 'float', 'bool', 'none'].includes(kindOf(key))) {
            throw renderFault(`TypeError: unhashable type: '${kindOf(key)}'`);
          }
          map.set(dictKey(key), this.expr(v));
        }
        return map;
      }
      case 'getattr':
        return getAttr(this.expr(e.target), e.name, this.budget);
      case 'getitem':
        return getItem(this.expr(e.target), this.expr(e.key), this.budget);
      case 'slice': {
        const part = (x: Expr | undefined): unknown => (x === undefined ? undefined : this.expr(x));
        return getSlice(this.expr(e.target), part(e.start), part(e.stop), part(e.step));
      }
      case 'call': {
        const callee = this.expr(e.callee);
        return this.call(callee, ...this.args(e.args));
      }
      case 'filter':
        return this.filter(e.name, this.expr(e.target), ...this.args(e.args));
      case 'test': {
        const value = this.expr(e.target);
        const [args] = this.args(e.args);
        return runTest(e.name, value, args) !== e.negated;
      }
      case 'unary': {
        const value = this.expr(e.operand);
        return e.op === 'not' ? !truthy(value) : unary(e.op, value);
      }
      case 'binary': {
        const left = this.expr(e.left);
        if (e.op === 'and') return truthy(left) ? this.expr(e.right) : left;
        if (e.op === 'or') return truthy(left) ? left : this.expr(e.right);
        return binary(e.op, left, this.expr(e.right), this.budget);
      }
      case 'compare': {
        let left = this.expr(e.first);
        for (const [op, rightExpr] of e.rest) {
          const right = this.expr(rightExpr);
          if (!compareOnce(op, left, right)) return false;
          left = right;
        }
        return true;
      }
      case 'cond':
        if (truthy(this.expr(e.test))) return this.expr(e.then);
        return e.otherwise === undefined
          ? new Undefined('the inline if-expression', false, true)
          : this.expr(e.otherwise);
    }
  }
}

function compareOnce(op: string, left: unknown, right: unknown): boolean {
  switch (op) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case 'in':
      if (left instanceof Undefined) failUndefined(left);
      if (right instanceof Undefined) failUndefined(right);
      return contains(right, left);
    case 'not in':
      if (left instanceof Undefined) failUndefined(left);
      if (right instanceof Undefined) failUndefined(right);
      return !contains(right, left);
    default: {
      const c = compare(left, right, op);
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
    }
  }
}
