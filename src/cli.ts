#!/usr/bin/env node
/**
 * `sagemaker-workflow <command> ...`: the command-line entry. The commands live in `cli/`; this
 * file only runs them on `process.argv` and writes what they print.
 */
import nodeModule from 'node:module';

// Node's on-disk cache of compiled code (under the OS temp dir, or NODE_COMPILE_CACHE; off with
// NODE_DISABLE_COMPILE_CACHE=1), turned on before the commands load, as tsc and other CLIs do: a
// later `image-uri` run spends about a fifth less CPU (issue 18). A process-wide switch, so only
// the CLI sets it, never the library. Absent before Node 22.1.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

void import('./cli/runCli.js').then(async ({ runCli }) => {
  const result = await runCli(process.argv.slice(2));
  if (result.stdout !== undefined) process.stdout.write(`${result.stdout}\n`);
  if (result.stderr !== undefined) process.stderr.write(`${result.stderr}\n`);
  process.exitCode = result.exitCode;
});
