#!/usr/bin/env node
/**
 * `sagemaker-workflow <command> ...`: the command-line entry. The commands live in `cli/`; this
 * file only runs them on `process.argv` and writes what they print.
 */
void import('./cli/runCli.js').then(async ({ runCli }) => {
  const result = await runCli(process.argv.slice(2));
  if (result.stdout !== undefined) process.stdout.write(`${result.stdout}\n`);
  if (result.stderr !== undefined) process.stderr.write(`${result.stderr}\n`);
  process.exitCode = result.exitCode;
});
