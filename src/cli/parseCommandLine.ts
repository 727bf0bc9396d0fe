import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandResult } from './types.js';

/** What one command accepts: its operand, its options and which of them it needs. @internal */
export interface CommandLineSpec<
  O extends ParseArgsOptionsConfig,
  R extends keyof O & string = never,
> {
  /** The command's `--help` text, printed on `--help` and after a usage error. */
  readonly usage: string;
  /** The name of the single operand in messages, e.g. `<config.json>`. */
  readonly operand: string;
  /** The options besides `--help`. */
  readonly options: O;
  /** The string options the command cannot run without, by name. */
  readonly required?: readonly R[];
}

/** The options a command may declare: single strings or flags. @internal */
export type ParseArgsOptionsConfig = Readonly<
  Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>
>;

/** The parsed option values: a string or a flag per option, absent when not given. */
type Values<O extends ParseArgsOptionsConfig> = {
  readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

/** The parsed command line, or the result to return at once (help, or a usage error). @internal */
export type ParsedCommandLine<O extends ParseArgsOptionsConfig, R extends keyof O & string> =
  | {
      readonly operand: string;
      readonly values: Values<O> & { readonly [K in R]: string };
      readonly done?: undefined;
    }
  | { readonly done: CommandResult };

/**
 * Parses a command's arguments the one way every command does: exactly one operand, strict
 * options, `--help`/`-h` printing the usage with exit 0, and a usage error (missing operand,
 * extra arguments, a missing required option) printing why and the usage with exit 1.
 * Unknown options throw node's own `ERR_PARSE_ARGS_*` errors, which `runCli` reports.
 * @internal
 */
export function parseCommandLine<
  O extends ParseArgsOptionsConfig,
  R extends keyof O & string = never,
>(argv: readonly string[], spec: CommandLineSpec<O, R>): ParsedCommandLine<O, R> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { ...spec.options, help: { type: 'boolean', short: 'h' } } satisfies NonNullable<
      ParseArgsConfig['options']
    >,
  });
  const [operand, ...extra] = positionals;
  const given = values as Readonly<Record<string, unknown>>;
  if (given.help) return { done: { stdout: spec.usage, exitCode: 0 } };
  const missing = (spec.required ?? []).find((name) => given[name] === undefined);
  const usageError = (why: string): ParsedCommandLine<O, R> => ({
    done: { stderr: `${why}\n\n${spec.usage}`, exitCode: 1 },
  });
  if (operand === undefined) return usageError(`Missing ${spec.operand}`);
  if (extra.length) return usageError(`Unexpected arguments: ${extra.join(' ')}`);
  if (missing !== undefined) return usageError(`Missing --${missing}`);
  return { operand, values: given as Values<O> & { readonly [K in R]: string } };
}
