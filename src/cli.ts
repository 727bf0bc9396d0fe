#!/usr/bin/env node
/**
 * `sagemaker-workflow <command> ...`: command-line entry. Each command is one entry of
 * `commands`; add new ones there.
 */
import { parseArgs } from 'node:util';
import { isSageMakerWorkflowError } from './errors.js';
import { retrieve } from './imageUris/retrieve.js';

/** What a command prints and the exit code. @internal */
export interface CommandResult {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exitCode: number;
}

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly run: (argv: readonly string[]) => CommandResult;
}

const IMAGE_URI_USAGE = `Usage: sagemaker-workflow image-uri <framework> --region <region> [options]

Prints the ECR URI of a SageMaker prebuilt image (as sagemaker.image_uris.retrieve).

Options:
  --region <region>               AWS region (required)
  --version <version>             framework or algorithm version
  --py-version <py>               Python version, e.g. py310
  --instance-type <type>          instance type, e.g. ml.p3.2xlarge
  --scope <scope>                 image scope: training, inference, inference_graviton, eia, ...
  --accelerator-type <type>       Elastic Inference accelerator, e.g. ml.eia2.medium
  --container-version <version>   container version
  --base-framework-version <v>    Hugging Face base framework, e.g. pytorch2.1.0
  --sdk-version <version>         Neuron SDK version
  --inference-tool <tool>         neuron or neuronx`;

const commands: Readonly<Record<string, Command>> = {
  'image-uri': {
    summary: 'print the ECR URI of a SageMaker prebuilt image',
    usage: IMAGE_URI_USAGE,
    run(argv) {
      const { values, positionals } = parseArgs({
        args: [...argv],
        allowPositionals: true,
        strict: true,
        options: {
          region: { type: 'string' },
          version: { type: 'string' },
          'py-version': { type: 'string' },
          'instance-type': { type: 'string' },
          scope: { type: 'string' },
          'accelerator-type': { type: 'string' },
          'container-version': { type: 'string' },
          'base-framework-version': { type: 'string' },
          'sdk-version': { type: 'string' },
          'inference-tool': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      });
      if (values.help) return { stdout: IMAGE_URI_USAGE, exitCode: 0 };
      const [framework, ...extra] = positionals;
      if (!framework || extra.length || !values.region) {
        return {
          stderr: `${!framework ? 'Missing <framework>' : extra.length ? `Unexpected arguments: ${extra.join(' ')}` : 'Missing --region'}\n\n${IMAGE_URI_USAGE}`,
          exitCode: 1,
        };
      }
      const uri = retrieve({
        framework,
        region: values.region,
        version: values.version,
        pyVersion: values['py-version'],
        instanceType: values['instance-type'],
        imageScope: values.scope,
        acceleratorType: values['accelerator-type'],
        containerVersion: values['container-version'],
        baseFrameworkVersion: values['base-framework-version'],
        sdkVersion: values['sdk-version'],
        inferenceTool: values['inference-tool'],
      });
      return { stdout: uri, exitCode: 0 };
    },
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
    'Run sagemaker-workflow <command> --help for its options.',
  ].join('\n');
}

/** Runs the command line `argv` (without `node` and the script). @internal */
export function runCli(argv: readonly string[]): CommandResult {
  const [name, ...rest] = argv;
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

const result = runCli(process.argv.slice(2));
if (result.stdout !== undefined) process.stdout.write(`${result.stdout}\n`);
if (result.stderr !== undefined) process.stderr.write(`${result.stderr}\n`);
process.exitCode = result.exitCode;
