/** The contract between the parity runner and the per-area call handlers. */

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
  /** Seconds since the epoch that the clock reads, or null. */
  readonly now: number | null;
  /** Turns a raw case value (with `$ref`, `$new`, `$float`, ... forms) into our API's value. */
  readonly decode: (raw: unknown) => unknown;
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
