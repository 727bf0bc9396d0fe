/**
 * The parsed form of a template: plain data the evaluator walks. No node ever becomes code.
 * @internal
 */

/** An expression. @internal */
export type Expr =
  | { readonly type: 'const'; readonly value: unknown }
  | { readonly type: 'name'; readonly name: string }
  | { readonly type: 'list' | 'tuple'; readonly items: readonly Expr[] }
  | { readonly type: 'dict'; readonly pairs: readonly (readonly [Expr, Expr])[] }
  | { readonly type: 'getattr'; readonly target: Expr; readonly name: string }
  | { readonly type: 'getitem'; readonly target: Expr; readonly key: Expr }
  | {
      readonly type: 'slice';
      readonly target: Expr;
      readonly start: Expr | undefined;
      readonly stop: Expr | undefined;
      readonly step: Expr | undefined;
    }
  | { readonly type: 'call'; readonly callee: Expr; readonly args: Args }
  | { readonly type: 'filter'; readonly target: Expr; readonly name: string; readonly args: Args }
  | {
      readonly type: 'test';
      readonly target: Expr;
      readonly name: string;
      readonly args: Args;
      readonly negated: boolean;
    }
  | { readonly type: 'unary'; readonly op: 'not' | '-' | '+'; readonly operand: Expr }
  | { readonly type: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | {
      readonly type: 'compare';
      readonly first: Expr;
      readonly rest: readonly (readonly [string, Expr])[];
    }
  | {
      readonly type: 'cond';
      readonly test: Expr;
      readonly then: Expr;
      readonly otherwise: Expr | undefined;
    };

/** Positional and keyword arguments of a call, filter or test. @internal */
export interface Args {
  readonly positional: readonly Expr[];
  readonly keywords: readonly (readonly [string, Expr])[];
}

/** An assignment target of `set` or `for`: a name, a tuple of targets, or `ns.attr`. @internal */
export type Target =
  | { readonly type: 'name'; readonly name: string }
  | { readonly type: 'tuple'; readonly items: readonly Target[] };

/** A statement of the template body. @internal */
export type Node =
  | { readonly type: 'output'; readonly text: string }
  | { readonly type: 'print'; readonly expr: Expr }
  | {
      readonly type: 'if';
      readonly branches: readonly (readonly [Expr, readonly Node[]])[];
      readonly otherwise: readonly Node[];
    }
  | {
      readonly type: 'for';
      readonly target: Target;
      readonly iter: Expr;
      readonly filter: Expr | undefined;
      readonly body: readonly Node[];
      readonly otherwise: readonly Node[];
    }
  | { readonly type: 'set'; readonly target: Target; readonly value: Expr }
  | {
      readonly type: 'setBlock';
      readonly target: Target;
      readonly filters: readonly { readonly name: string; readonly args: Args }[];
      readonly body: readonly Node[];
    };
