/**
 * Helpers shared by the benchmarks: the run's context (quick or full, the figures table), sample
 * statistics, bundling a snippet and timing whole processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Median and range of a set of samples. */
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly samples: number;
}

/** Median, min and max of `samples` (which must not be empty). */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    median,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    samples: sorted.length,
  };
}

/**
 * One row of the issue-18 table: our value and, where there is one, the floor measured in the
 * same process run, each with its median and range.
 */
export interface Figure {
  readonly figure: string;
  readonly unit: string;
  readonly ours: Stats;
  readonly floor?: { readonly name: string; readonly value: Stats };
  /** Whether more is better (throughput) or less (times, call counts); the ratio is ours / floor either way. */
  readonly better: 'higher' | 'lower';
  /** The goal, in words. */
  readonly goal?: string;
}

/** What `npm run bench` hands each module. */
export interface BenchContext {
  /** `--quick`: small inputs and few rounds, to check in CI that every bench runs. */
  readonly quick: boolean;
  /** Adds a row to the summary table printed at the end of the run. */
  report(figure: Figure): void;
}

export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** `median (min–max)` with digits chosen for the magnitude. */
export function fmtStats(s: Stats): string {
  const digits = s.median >= 100 ? 0 : s.median >= 10 ? 1 : 2;
  return `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}

/** Bundles `source` (which imports from the repo by absolute path) into one minified ESM file. */
export async function bundle(
  source: string,
  name = 'entry',
): Promise<{ file: string; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'smw-bench-'));
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  const outfile = join(dir, `${name}.mjs`);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
  return { file: outfile, bytes };
}

function runMs(args: readonly string[], cwd?: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', cwd });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${String(r.status)}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Wall times in ms of each command (`node args`), `runs` rounds after a warm-up, the commands in
 * a new random order each round so that none always follows another's exit.
 */
export function processTimes(
  commands: readonly (readonly string[])[],
  runs = 25,
  cwd?: string,
): number[][] {
  for (const args of commands) runMs(args, cwd);
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    const order = [...commands.keys()].sort(() => Math.random() - 0.5);
    for (const j of order) times[j]!.push(runMs(commands[j]!, cwd));
  }
  return times;
}

/** Median wall time in ms of each command; see {@link processTimes}. */
export function medianProcessMs(commands: readonly (readonly string[])[], runs = 25): number[] {
  return processTimes(commands, runs).map((t) => stats(t).median);
}
