import { isSageMakerWorkflowError } from '../errors.js';
import { VERSION } from '../version.js';
import { imageUriCommand } from './imageUriCommand.js';
import { renderCommand } from './renderCommand.js';
import type { Command, CommandResult } from './types.js';
import { validateCommand } from './validateCommand.js';

const commands: Readonly<Record<string, Command>> = {
  'image-uri': imageUriCommand,
  validate: validateCommand,
  render: renderCommand,
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
export function runCli(argv: readonly string[]): CommandResult {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') return { stdout: VERSION, exitCode: 0 };
  if (!name || name === '--help' || name === '-h') {
    return name ? { stdout: help(), exitCode: 0 } : { stderr: help(), exitCode: 1 };
  }
  const command = commands[name];
  if (!command) return { stderr: `Unknown command: ${name}\n\n${help()}`, exitCode: 1 };
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
