/** Helpers shared by the benchmarks: bundling a snippet and timing whole processes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

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

function runMs(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${String(r.status)}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Median wall time in ms of each command (`node args`), run `runs` rounds after a warm-up, the
 * commands in a new random order each round so that none always follows another's exit.
 */
export function medianProcessMs(commands: readonly (readonly string[])[], runs = 25): number[] {
  for (const args of commands) runMs(args);
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    const order = [...commands.keys()].sort(() => Math.random() - 0.5);
    for (const j of order) times[j]!.push(runMs(commands[j]!));
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!);
}

export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits });
