/**
 * The full fuzz run of issue 17, and CI's (`npm run fuzz`, a step of `.ci/run`): `calls` calls
 * (default 100,000) split evenly over the entry points, each seeded as in `fuzz.prop.test.ts`, so
 * a run is reproducible. Prints, per entry point, its time, what went wrong grouped into distinct
 * kinds (message and first library frame) and its slowest calls with what they were given; then
 * the totals. Exits 1 on any untyped exception, non-JSON output or change to `Object.prototype`.
 * `npx tsx test/fuzz/report.ts [calls] [filter]`; `FUZZ_SEED` explores other seeds.
 */
import fc from 'fast-check';
import { ENTRY_POINTS } from './entryPoints.js';
import {
  applyMutation,
  assertPrototypeIntact,
  classify,
  describeMutation,
  mutation,
} from './harness.js';

const calls = Number(process.argv[2] ?? '100000');
const filter = process.argv[3];
const entries = ENTRY_POINTS.filter((e) => !filter || e.name.includes(filter));
const perEntry = Math.ceil(calls / Math.max(1, entries.length));

function kindOf(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error ${typeof error}`;
  const frame = (error.stack ?? '')
    .split('\n')
    .find((l) => l.includes('/src/'))
    ?.replace(/^.*\/src\//, 'src/')
    .replace(/\)$/, '');
  return `${error.name}: ${error.message.slice(0, 90)} @ ${frame ?? '(no library frame)'}`;
}

let total = 0;
let untyped = 0;
let nonJson = 0;
let prototypeChanged = 0;
const started = performance.now();
for (const [index, entry] of ENTRY_POINTS.entries()) {
  if (!entries.includes(entry)) continue;
  const kinds = new Map<string, number>();
  const slowest: [number, string][] = [];
  const t0 = performance.now();
  const keys = [...Object.keys(entry.baseline), ...(entry.extraKeys ?? [])];
  fc.assert(
    fc.property(mutation(keys), (m) => {
      const c0 = performance.now();
      const outcome = classify(() => entry.call(applyMutation(entry.baseline, m)));
      const ms = performance.now() - c0;
      try {
        assertPrototypeIntact();
      } catch (error) {
        prototypeChanged++;
        kinds.set(String(error), (kinds.get(String(error)) ?? 0) + 1);
      }
      if (ms > 5) {
        slowest.push([ms, describeMutation(m)]);
        slowest.sort((a, b) => b[0] - a[0]).splice(3);
      }
      total++;
      if (outcome.kind === 'untyped') {
        untyped++;
        const k = kindOf(outcome.error);
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      } else if (outcome.kind === 'nonJson') {
        nonJson++;
        const k = `nonJson ${outcome.why.replace(/\[\d+\]/g, '[i]')}`;
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
    }),
    // The seeds of the CI suite, so a finding here is one the suite would report.
    { numRuns: perEntry, seed: Number(process.env.FUZZ_SEED ?? 4242) + index },
  );
  console.log(`${entry.name}: ${Math.round(performance.now() - t0)} ms`);
  for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${k}`);
  for (const [ms, what] of slowest) console.log(`  slow ${Math.round(ms)} ms: ${what}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `fuzz: ${total} calls over ${entries.length} entry points, ${untyped} untyped exceptions, ` +
    `${nonJson} non-JSON outputs, ${prototypeChanged} prototype changes, ${seconds} s`,
);
if (untyped + nonJson + prototypeChanged > 0) process.exitCode = 1;
