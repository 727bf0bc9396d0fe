/**
 * Config builders: KNN training + transform pipelines per second (a new estimator, its training
 * config and the transform config from it, as the Iris example builds them), through the public
 * API. Several timed rounds of a fixed length; no floor, the figure is compared with earlier runs.
 *
 * The reported figure comes from a child process: the loop bundled with esbuild (one file, no
 * source maps, as the built package ships) and run by plain `node`, which is what users run. The
 * same loop in this process (under tsx: one module per file, compiled on load, with source maps)
 * is printed beside it.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pipelineRates } from './configsLoop.js';
import { bundle, fmtStats, stats, type BenchContext, type Stats } from './support.js';

interface Rates {
  readonly perSecond: number[];
  readonly perCpuSecond: number[];
}

async function inChild(rounds: number, roundMs: number): Promise<Rates> {
  const loop = JSON.stringify(resolve(import.meta.dirname, 'configsLoop.ts'));
  const { file } = await bundle(
    `import { pipelineRates } from ${loop};\nconsole.log(JSON.stringify(pipelineRates(${rounds}, ${roundMs})));\n`,
    'configs',
  );
  const child = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the bundled loop exited ${String(child.status)}`);
  return JSON.parse(child.stdout) as Rates;
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
}
