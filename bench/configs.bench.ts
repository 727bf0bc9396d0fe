/**
 * Config builders: KNN training + transform pipelines per second (a new estimator, its training
 * config and the transform config from it, as the Iris example builds them), through the public
 * API. Several timed rounds of a fixed length; no floor, the figure is compared with earlier runs.
 *
 * The reported figure comes from a child process: the loop bundled with esbuild (one file, no
 * source maps, as the built package ships) and run by plain `node`, which is what users run. The
 * same loop in this process (under tsx: one module per file, compiled on load, with source maps)
 * is printed beside it. Then, in the same child, the CPU time of a generic estimator's pipeline
 * with 1, 10 and 100 hyperparameters, and from it the cost of each one: flat up to the API's
 * limit when 10→100 costs what 1→10 does.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { HYPERPARAMETER_COUNTS, pipelineRates } from './configsLoop.js';
import { bundle, fmtStats, stats, type BenchContext, type Stats } from './support.js';

interface Rates {
  readonly perSecond: number[];
  readonly perCpuSecond: number[];
  /**
   * CPU µs per generic pipeline, per round, for each of HYPERPARAMETER_COUNTS (parsed records),
   * then for the largest count assigned in a loop.
   */
  readonly hyperparameterCosts: number[][];
}

async function inChild(rounds: number, roundMs: number): Promise<Rates> {
  const loop = JSON.stringify(resolve(import.meta.dirname, 'configsLoop.ts'));
  // The 1→10 cost is the difference of two pipelines ~2 µs apart on a ~20 µs base, so it needs
  // more, shorter rounds than the rate to keep its median steady on a shared host.
  const hpMs = Math.round(roundMs / 5);
  const hpRounds = rounds * 3;
  const { file } = await bundle(
    `import { hyperparameterCosts, pipelineRates } from ${loop};\n` +
      `const rates = pipelineRates(${rounds}, ${roundMs});\n` +
      `console.log(JSON.stringify({ ...rates, hyperparameterCosts: hyperparameterCosts(${hpRounds}, ${hpMs}) }));\n`,
    'configs',
  );
  const child = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the bundled loop exited ${String(child.status)}`);
  return JSON.parse(child.stdout) as Rates;
}

/** The cost of each hyperparameter between two counts, per round (µs). */
function perHyperparameter(costs: number[][], from: number, to: number): number[] {
  const low = costs[from] ?? [];
  const high = costs[to] ?? [];
  const span = (HYPERPARAMETER_COUNTS[to] ?? 0) - (HYPERPARAMETER_COUNTS[from] ?? 0);
  return high.map((t, round) => (t - (low[round] ?? 0)) / span);
}

const line = (wall: Stats, cpu: Stats): string =>
  `${fmtStats(wall)} per wall second, ${fmtStats(cpu)} per CPU-second`;

export default async function configsBench(context: BenchContext): Promise<void> {
  const roundMs = context.quick ? 100 : 500;
  const rounds = context.quick ? 3 : 9;
  const child = await inChild(rounds, roundMs);
  const cpu = stats(child.perCpuSecond);
  console.log(
    `KNN training + transform pipelines/s, bundled, plain node: ${line(stats(child.perSecond), cpu)} (${rounds} rounds of ${roundMs} ms)`,
  );
  const costs = child.hyperparameterCosts;
  console.log(
    `generic estimator pipeline, CPU µs: ${HYPERPARAMETER_COUNTS.map((n, i) => `${n} hyperparameters ${fmtStats(stats(costs[i] ?? []))}`).join(', ')}`,
  );
  const last = HYPERPARAMETER_COUNTS.length - 1;
  const assigned = costs[last + 1] ?? [];
  console.log(
    `  ${HYPERPARAMETER_COUNTS[last]} hyperparameters assigned one by one to an empty object (a hash table to V8) instead of parsed: ${fmtStats(stats(assigned))} µs, ${fmtStats(stats(assigned.map((t, round) => t - (costs[last]?.[round] ?? 0))))} µs more`,
  );
  const few = stats(perHyperparameter(costs, 0, 1));
  const many = stats(perHyperparameter(costs, 1, 2));
  console.log(
    `  per hyperparameter: 1→10 ${fmtStats(few)} µs, 10→100 ${fmtStats(many)} µs (flat: the same)`,
  );
  const here = pipelineRates(rounds, roundMs);
  console.log(
    `  the same loop in this process (tsx): ${line(stats(here.perSecond), stats(here.perCpuSecond))}`,
  );
  context.report({
    figure: 'KNN training + transform pipelines/s (bundled, per CPU-s)',
    unit: '/s',
    ours: cpu,
    better: 'higher',
    goal: '≥ 1.5× 25,634 (38,451)',
  });
  context.report({
    figure: 'CPU µs per hyperparameter, 10→100 (generic estimator pipeline)',
    unit: 'µs',
    ours: many,
    floor: { name: 'the same, 1→10', value: few },
    better: 'lower',
    goal: 'flat: ≈ 1× the 1→10 cost',
  });
}
