import { parseArgs } from 'node:util';
import { renderTemplates } from '../operators/templating/renderTemplates.js';
import { CliInputError } from './CliInputError.js';
import { readJsonFile } from './readJsonFile.js';
import type { Command } from './types.js';

const USAGE = `Usage: sagemaker-workflow render <config.json> --context <context.json>

Renders the Airflow (Jinja) templates in a config's strings with the values of a context, as
Airflow renders an operator's templated fields, and prints the rendered config as JSON.
Either file may be - for standard input.

Options:
  --context <context.json>   the template variables (a JSON object), e.g. {"ds": "2024-01-01"}`;

/** `render`: Airflow templates in a config file, rendered with a JSON context. @internal */
export const renderCommand: Command = {
  summary: 'render the Airflow templates in a config with a JSON context',
  usage: USAGE,
  run(argv) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        context: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { stdout: USAGE, exitCode: 0 };
    const [file, ...extra] = positionals;
    if (!file || extra.length || values.context === undefined) {
      const why = !file
        ? 'Missing <config.json>'
        : extra.length
          ? `Unexpected arguments: ${extra.join(' ')}`
          : 'Missing --context';
      return { stderr: `${why}\n\n${USAGE}`, exitCode: 1 };
    }
    if (file === '-' && values.context === '-') {
      throw new CliInputError('Only one of <config.json> and --context can be standard input');
    }
    const config = readJsonFile(file, 'config');
    const context = readJsonFile(values.context, 'context');
    if (typeof context !== 'object' || context === null || Array.isArray(context)) {
      throw new CliInputError(`The context ${values.context} must be a JSON object`);
    }
    const rendered = renderTemplates(config, context as Record<string, unknown>);
    return { stdout: JSON.stringify(rendered, null, 2), exitCode: 0 };
  },
};
