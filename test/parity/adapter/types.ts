/** The contract between the parity runner and the per-area call handlers. */
import type { Session } from '../../../src/session.js';

/** The case's session, as written in the case file. */
export interface CaseSession {
  readonly region: string;
  readonly default_bucket: string;
  readonly default_bucket_prefix: string | null;
}

/** What a handler knows about the case it runs in. */
export interface CaseContext {
  /** The folder of the case file; relative fixture paths resolve against it. */
  readonly cwd: string;
  readonly session: CaseSession | null;
  /** Our session made from `session` (frozen clock), or null. */
  readonly sagemakerSession: Session | null;
  /** Seconds since the epoch that the clock reads, or null. */
  readonly now: number | null;
  /** Turns a raw case value (with `$ref`, `$new`, `$float`, ... forms) into our API's value. */
  readonly decode: (raw: unknown) => unknown;
  /** The objects built so far, by name. */
  readonly refs: Map<string, unknown>;
  /**
   * State Python keeps on built objects between calls (the last training run of an estimator),
   * which our API takes explicitly.
   */
  readonly memory: WeakMap<object, Record<string, unknown>>;
}

/**
 * Runs one Python call through our API. `args` and `kwargs` are the case's raw JSON values
 * (value forms such as `$ndarray`, `$new` undecoded; use `ctx.decode` where wanted). Returns the
 * JSON form to compare with `expect`; bytes as a `Uint8Array`. Throws our typed error where Python
 * raises.
 */
export type CallHandler = (
  args: readonly unknown[],
  kwargs: Readonly<Record<string, unknown>>,
  ctx: CaseContext,
) => unknown;

/** Python call name (as in the case's `call`) to its handler. */
export type CallHandlers = Readonly<Record<string, CallHandler>>;

/** Constructs a build entry's object; `args`/`kwargs` are decoded; the session is in `ctx`. */
export type BuildHandler = (
  args: readonly unknown[],
  kwargs: Readonly<Record<string, unknown>>,
  ctx: CaseContext,
) => object;

/**
 * A build entry's `then` step (`set_hyperparameters`, or an attribute set); returns the object
 * that replaces the target when the change makes a copy.
 */
export type ThenHandler = (
  target: object,
  step: Readonly<Record<string, unknown>>,
  ctx: CaseContext,
) => object | undefined;

/** Python class name (as in `build[].class` and `$new`) to its constructor. */
export type BuildHandlers = Readonly<Record<string, BuildHandler>>;
