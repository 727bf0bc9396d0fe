/**
 * The fuzz suite of issue 17 (item 4): every public entry point, called with mutations of a valid
 * baseline (hostile values in its options, a whole argument replaced, an own `__proto__` key),
 * either returns plain JSON or throws one of the library's typed errors, and `Object.prototype`
 * stays as it was. `npm test` runs 300 calls per entry point (`FUZZ_SCALE` multiplies them); CI
 * runs 100,000 with the same seeds as its own step (`npm run fuzz`, `report.ts`), which prints
 * the counts of calls, untyped exceptions and non-JSON outputs.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ENTRY_POINTS } from './entryPoints.js';
import { applyMutation, expectTypedOrJson, mutation, runs } from './harness.js';

/** Calls across all entry points, split evenly: 300 each, a quick subset of `npm run fuzz`. */
const TOTAL_RUNS = 300 * 32;
const perEntry = runs(Math.ceil(TOTAL_RUNS / ENTRY_POINTS.length));

describe(`fuzz: ${perEntry} calls per entry point, ${perEntry * ENTRY_POINTS.length} in all`, () => {
  for (const [index, entry] of ENTRY_POINTS.entries()) {
    it(`${entry.name}: typed errors or plain JSON`, { timeout: 600_000 }, () => {
      const keys = [...Object.keys(entry.baseline), ...(entry.extraKeys ?? [])];
      fc.assert(
        fc.property(mutation(keys), (m) => {
          expectTypedOrJson(() => entry.call(applyMutation(entry.baseline, m)));
        }),
        // A fixed seed per entry keeps CI reproducible; FUZZ_SEED explores further.
        { numRuns: perEntry, seed: Number(process.env.FUZZ_SEED ?? 4242) + index },
      );
    });
  }
});
