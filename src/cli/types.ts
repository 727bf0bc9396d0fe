/** What a command prints and the exit code. @internal */
export interface CommandResult {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode: number;
}

/** One `sagemaker-workflow <command>`. @internal */
export interface Command {
  /** The full `--help` text of the command. */
  readonly usage: string;
  readonly run: (argv: readonly string[]) => CommandResult;
}
