/**
 * `npm run bench`: runs every `bench/*.bench.ts` module (or the ones named on the command line)
 * and prints its figures. Each module's default export is an async function that measures and
 * prints; timing uses tinybench or whole-process runs, never timed assertions in tests.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
}
