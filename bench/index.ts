/**
 * `npm run bench [-- --quick] [names...]`: runs every `bench/*.bench.ts` module (or the ones whose
 * file name contains one of `names`), then prints the figures they reported in one table, each
 * next to the floor measured in the same run. A module is registered by adding the file: its
 * default export is an async function taking the {@link BenchContext}. `--quick` runs small inputs
 * and few rounds, for CI to check that every bench still runs; its figures mean little.
 *
 * Timing uses medians over several rounds, in-process or whole-process, never timed assertions in
 * tests. The machine is shared, so absolute figures move between runs; the floors are measured
 * beside our figures so the ratios stay comparable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fmtStats, type BenchContext, type Figure } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

// Figures depend on the runtime and the host's load: say which, and warn when this Node is older
// than the package supports (the default `node` of a machine may be; the figures then describe a
// runtime no user has).
const { engines } = JSON.parse(readFileSync(join(here, '../package.json'), 'utf8')) as {
  engines: { node: string };
};
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const [needMajor = 0, needMinor = 0] = (/(\d+)(?:\.(\d+))?/.exec(engines.node) ?? [])
  .slice(1)
  .map((v) => Number(v ?? 0));
const supported = major > needMajor || (major === needMajor && minor >= needMinor);
console.log(
  `node ${process.version} (package engines ${engines.node}${supported ? '' : ': NOT a supported version, run it with node 22 or 24 for figures users see'}), ${availableParallelism()} CPUs, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

const figures: Figure[] = [];
const context: BenchContext = { quick, report: (figure) => figures.push(figure) };

for (const file of files) {
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}${quick ? ' (quick)' : ''}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: (context: BenchContext) => Promise<void>;
  };
  await mod.default(context);
}

if (figures.length > 0) {
  console.log(
    `\n## summary${quick ? ' (quick: small inputs, few rounds)' : ''}: median (min–max) of each figure and of its floor, measured in this run`,
  );
  console.table(
    figures.map((f) => ({
      figure: f.figure,
      ours: `${fmtStats(f.ours)} ${f.unit}`,
      floor: f.floor ? `${fmtStats(f.floor.value)} ${f.unit} (${f.floor.name})` : '—',
      'ours / floor': f.floor ? `${(f.ours.median / f.floor.value.median).toPrecision(2)}×` : '—',
      goal: f.goal ?? '',
    })),
  );
}
