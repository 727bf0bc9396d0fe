import { isSageMakerWorkflowError } from '../errors.js';
import { VERSION } from '../version.js';
import type { Command, CommandResult } from './types.js';

/** A command as the top-level help lists it, and how to load it. */
interface CommandEntry {
  /** One line for the top-level help. */
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

// Each command is loaded only when it runs: `image-uri` needs the image registries, `render` the
// template engine and `validate` the API's shapes, and loading all three made every run parse
// about 510 KB of JavaScript for the one it used (issue 18).
const commands: Readonly<Record<string, CommandEntry>> = {
  'image-uri': {
    summary: 'print the ECR URI of a SageMaker prebuilt image',
    load: async () => (await import('./imageUriCommand.js')).imageUriCommand,
  },
  validate: {
    summary: "check a config against the SageMaker API's constraints",
    load: async () => (await import('./validateCommand.js')).validateCommand,
  },
  render: {
    summary: 'render the Airflow templates in a config with a JSON context',
    load: async () => (await import('./renderCommand.js')).renderCommand,
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'Usage: sagemaker-workflow <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --version  print the version',
    '  --help     print this help',
    '',
    'Run sagemaker-workflow <command> --help for its options.',
  ].join('\n');
}

/** Runs the command line `argv` (without `node` and the script). @internal */
export async function runCli(argv: readonly string[]): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') return { stdout: VERSION, exitCode: 0 };
  if (!name || name === '--help' || name === '-h') {
    return name ? { stdout: help(), exitCode: 0 } : { stderr: help(), exitCode: 1 };
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) return { stderr: `Unknown command: ${name}\n\n${help()}`, exitCode: 1 };
  const command = await entry.load();
  try {
    return command.run(rest);
  } catch (error) {
    // Our errors and parseArgs' usage errors are the user's to fix: message only, no stack.
    if (isSageMakerWorkflowError(error)) return { stderr: error.message, exitCode: 1 };
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      return { stderr: `${error.message}\n\n${command.usage}`, exitCode: 1 };
    }
    throw error;
  }
}
