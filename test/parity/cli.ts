/**
 * `npm run parity -- <file or folder>...`: replays parity cases through the public API, prints
 * each failing case with a readable diff, a line per file, and ends with `N passed, M failed`.
 * Options: `--quiet` (no per-case output), `--max-failures N` per file (default 20).
 */
import { adapter } from './adapter/index.js';
import { collectCaseFiles, formatFailure, runFile } from './runFiles.js';

const argv = process.argv.slice(2);
const quiet = argv.includes('--quiet');
const maxIndex = argv.indexOf('--max-failures');
const maxFailures = maxIndex >= 0 ? Number(argv[maxIndex + 1]) : 20;
const paths = argv.filter((a, i) => !a.startsWith('--') && (maxIndex < 0 || i !== maxIndex + 1));
if (paths.length === 0) paths.push('test/parity/cases');

let passed = 0;
let failed = 0;
for (const file of collectCaseFiles(paths)) {
  const result = await runFile(adapter, file);
  passed += result.passed;
  failed += result.failed;
  if (!quiet) {
    for (const f of result.failures.slice(0, maxFailures)) console.log(formatFailure(f));
    if (result.failures.length > maxFailures)
      console.log(`  … ${result.failures.length - maxFailures} more failing cases`);
  }
  console.log(`${file}: ${result.passed} passed, ${result.failed} failed`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
