/**
 * The types a validation result is made of: the rule a problem breaks, how serious it is, and
 * where the rule comes from. Shared by the shape checks (`validateConfig.ts`) and the cross-field
 * rules (`crossFieldRules.ts`), which import this module and not each other.
 */

/** The API rule a problem breaks. Cross-field rules are named `crossField:<name>`. */
export type ConfigRule =
  | 'required'
  | 'type'
  | 'enum'
  | 'min'
  | 'max'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'minItems'
  | 'maxItems'
  | 'unknownMember'
  | 'maxDepth'
  | `crossField:${string}`;

/**
 * `'error'`: the API refuses such a request (the service model says so, or its reference
 * documents the rejection); `assertValidConfig` throws. `'warning'`: the request is probably
 * wrong but the API may take it (a rule read from documentation prose or seen in the service's
 * behaviour); reported, never thrown.
 */
export type ProblemSeverity = 'error' | 'warning';

/** One way a config breaks, or probably breaks, the API's constraints. */
export interface ConfigProblem {
  /** Field path from the config root, e.g. `ResourceConfig.InstanceCount`; `''` is the root. */
  readonly path: string;
  /** The rule broken. */
  readonly rule: ConfigRule;
  /** What is wrong, in words. */
  readonly message: string;
  /** Whether the API refuses it (`'error'`) or may take it (`'warning'`). */
  readonly severity: ProblemSeverity;
}

/**
 * Where a rule comes from: the service model's constraints, a rejection written in the API
 * reference (`ref` is the page), or behaviour of the service seen in use (`ref` says what).
 */
export interface RuleSource {
  /** The kind of evidence. */
  readonly kind: 'serviceModel' | 'apiReference' | 'observed';
  /** The page, model shape or observation the rule rests on. */
  readonly ref: string;
}

/** Options of `validateConfig` and `assertValidConfig`. */
export interface ValidateConfigOptions {
  /**
   * Rules not to check, e.g. `['crossField:batchStrategy']`, or `['maxItems']` for every list
   * size. Any rule can be turned off, the service model's included.
   * @default - every rule is checked
   */
  readonly skipRules?: readonly ConfigRule[];
}

/** Receives one problem of a rule whose severity the caller knows. @internal */
export type Report = (path: string, rule: ConfigRule, message: string) => void;
