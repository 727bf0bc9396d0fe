import { CONFIG_KINDS, type ConfigKind } from '../operators/validation/configKind.js';
import { validateConfig } from '../operators/validation/validateConfig.js';
import { CliInputError } from './CliInputError.js';
import { readJsonFile } from './readJsonFile.js';
import { configParts, inferKind } from './configParts.js';
import { parseCommandLine } from './parseCommandLine.js';
import type { Command } from './types.js';

const USAGE = `Usage: sagemaker-workflow validate <config.json> [--kind <kind>]

Checks a config against the SageMaker API's constraints before anything is sent (the operators'
pre-submit validator) and prints each problem with its field path. Exit code 1 when a problem
is an error; warnings alone exit 0. <config.json> may be - for standard input.

Options:
  --kind <kind>   ${CONFIG_KINDS.join(' | ')} | transformFromEstimator | deploy
                  (default: inferred from the config's keys)
  --json          print the problems as JSON`;

/** `validate`: the pre-submit validator on a config file. @internal */
export const validateCommand: Command = {
  usage: USAGE,
  run(argv) {
    const parsed = parseCommandLine(argv, {
      usage: USAGE,
      operand: '<config.json>',
      options: { kind: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (parsed.done) return parsed.done;
    const { operand: file, values } = parsed;
    const config = readJsonFile(file, 'config');
    const kind = values.kind ?? inferKind(config);
    if (kind === undefined) {
      throw new CliInputError(
        `Cannot tell which request ${file} is; pass --kind (${CONFIG_KINDS.join(', ')}, transformFromEstimator, deploy)`,
      );
    }
    const problems = configParts(kind, config).flatMap(({ kind: partKind, path, value }) =>
      validateConfig(partKind as ConfigKind, value).map((p) => ({
        ...p,
        path: path + p.path,
      })),
    );
    const errors = problems.filter((p) => severityOf(p) === 'error');
    if (values.json) {
      return { stdout: JSON.stringify(problems, null, 2), exitCode: errors.length ? 1 : 0 };
    }
    if (!problems.length) return { stdout: `${file}: a valid ${kind} config`, exitCode: 0 };
    const lines = problems.map(
      (p) => `${severityOf(p)} ${p.path || '(root)'}: ${p.message} [${p.rule}]`,
    );
    const summary = `${file}: ${errors.length} error(s), ${problems.length - errors.length} warning(s) in a ${kind} config`;
    return errors.length
      ? { stderr: [...lines, summary].join('\n'), exitCode: 1 }
      : { stdout: [...lines, summary].join('\n'), exitCode: 0 };
  },
};

/** A problem's severity; problems without one are errors. */
function severityOf(problem: object): string {
  return 'severity' in problem && typeof problem.severity === 'string' ? problem.severity : 'error';
}
