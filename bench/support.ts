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

/** Median wall time in ms of `runs` runs of `node args`, after one warm-up run. */
export function medianProcessMs(args: readonly string[], runs = 15): number {
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits });
