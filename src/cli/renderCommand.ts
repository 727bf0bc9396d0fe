import { renderTemplates } from '../operators/templating/renderTemplates.js';
import { CliInputError } from './CliInputError.js';
import { readJsonFile } from './readJsonFile.js';
import { parseCommandLine } from './parseCommandLine.js';
import type { Command } from './types.js';

const USAGE = `Usage: sagemaker-workflow render <config.json> --context <context.json>

Renders the Airflow (Jinja) templates in a config's strings with the values of a context, as
Airflow renders an operator's templated fields, and prints the rendered config as JSON.
Either file may be - for standard input.

Options:
  --context <context.json>   the template variables (a JSON object), e.g. {"ds": "2024-01-01"}`;

/** `render`: Airflow templates in a config file, rendered with a JSON context. @internal */
export const renderCommand: Command = {
  usage: USAGE,
  run(argv) {
    const parsed = parseCommandLine(argv, {
      usage: USAGE,
      operand: '<config.json>',
      required: ['context'],
      options: { context: { type: 'string' } },
    });
    if (parsed.done) return parsed.done;
    const { operand: file } = parsed;
    const contextFile = parsed.values.context;
    if (file === '-' && contextFile === '-') {
      throw new CliInputError('Only one of <config.json> and --context can be standard input');
    }
    const config = readJsonFile(file, 'config');
    const context = readJsonFile(contextFile, 'context');
    if (typeof context !== 'object' || context === null || Array.isArray(context)) {
      throw new CliInputError(`The context ${contextFile} must be a JSON object`);
    }
    const rendered = renderTemplates(config, context as Record<string, unknown>);
    return { stdout: JSON.stringify(rendered, null, 2), exitCode: 0 };
  },
};
