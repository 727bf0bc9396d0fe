/**
 * Prints what the fuzz finds per entry point, grouped into distinct failure kinds (message and
 * first library frame): `npx tsx test/fuzz/report.ts [runsPerEntry] [filter]`. The CI suite is
 * `fuzz.prop.test.ts`; this is the tool for finding and fixing what it would report.
 */
import fc from 'fast-check';
import { ENTRY_POINTS } from './entryPoints.js';
import { applyMutation, classify, mutation } from './harness.js';

const perEntry = Number(process.argv[2] ?? '500');
const filter = process.argv[3];

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
const started = Date.now();
for (const entry of ENTRY_POINTS) {
  if (filter && !entry.name.includes(filter)) continue;
  const kinds = new Map<string, number>();
  const t0 = Date.now();
  const keys = [...Object.keys(entry.baseline), ...(entry.extraKeys ?? [])];
  fc.assert(
    fc.property(mutation(keys), (m) => {
      const outcome = classify(() => entry.call(applyMutation(entry.baseline, m)));
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
    { numRuns: perEntry, seed: 4242 },
  );
  console.log(`${entry.name}: ${Date.now() - t0} ms`);
  for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`  ${n} × ${k}`);
}
console.log(`runs ${total}, untyped ${untyped}, nonJson ${nonJson}, ${Date.now() - started} ms`);
