/**
 * Image-URI lookup: bundle sizes (esbuild, minified), cold process time for import + one lookup
 * against a bare `node -e ''` measured side by side, and lookups per second.
 */
import type { BenchContext } from './support.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Bench } from 'tinybench';
import { imageUriFor, knnRegistry, retrieve } from '../src/imageUris/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/imageUris/index.ts');

const SCRIPTS = {
  'knn only (imageUriFor + knnRegistry)': `import { imageUriFor, knnRegistry } from ${JSON.stringify(entry)};
console.log(imageUriFor(knnRegistry, { region: 'us-east-1' }));`,
  'whole registry (retrieve)': `import { retrieve } from ${JSON.stringify(entry)};
console.log(retrieve({ framework: 'knn', region: 'us-east-1' }));`,
  'whole image-uris entry (every export)': `import * as all from ${JSON.stringify(entry)};
console.log(all.retrieve({ framework: 'knn', region: 'us-east-1' }), Object.keys(all).length);`,
} as const;

async function bundle(source: string, outfile: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The ECR client is loaded by digest pinning only, on demand; users install it, not bundle it.
    external: ['@aws-sdk/*'],
    outfile,
    write: true,
    metafile: true,
  });
  return Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function timeRun(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${String(r.status)}`);
  return ms;
}

export default async function imageUrisBench(context: BenchContext): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'image-uris-bench-'));
  try {
    const files: Record<string, string> = {};
    console.log('bundle size (esbuild --minify, ESM, node20):');
    for (const [name, source] of Object.entries(SCRIPTS)) {
      const file = join(dir, `${Object.keys(files).length}.mjs`);
      const bytes = await bundle(source, file);
      files[name] = file;
      console.log(`  ${name.padEnd(40)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB (${bytes} B)`);
    }

    const runs = context.quick ? 3 : 25;
    console.log(
      `\ncold process, import + one lookup (median of ${runs}, runs interleaved with bare node):`,
    );
    const targets = [
      files['knn only (imageUriFor + knnRegistry)']!,
      files['whole registry (retrieve)']!,
    ];
    for (const f of targets) timeRun([f]); // warm the file cache
    timeRun(['-e', '']);
    const bare: number[] = [];
    const each = targets.map(() => [] as number[]);
    // Shuffle the order each round: a fixed order lets the process right after another one pay
    // for its exit, which skewed the first target by 30-40 ms here.
    for (let i = 0; i < runs; i++) {
      const round = [-1, ...targets.keys()].sort(() => Math.random() - 0.5);
      for (const j of round) {
        if (j < 0) bare.push(timeRun(['-e', '']));
        else each[j]!.push(timeRun([targets[j]!]));
      }
    }
    const b = median(bare);
    console.log(`  ${"node -e ''".padEnd(40)} ${b.toFixed(1).padStart(7)} ms`);
    targets.forEach((_, j) => {
      const name = Object.keys(files)[j]!;
      const m = median(each[j]!);
      console.log(
        `  ${name.padEnd(40)} ${m.toFixed(1).padStart(7)} ms  (${(m / b).toFixed(2)}x bare node; target <= 1.30x)`,
      );
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('\nlookups per second (warm):');
  const bench = new Bench({ time: context.quick ? 50 : 500 });
  bench
    .add('imageUriFor(knnRegistry, { region })', () => {
      imageUriFor(knnRegistry, { region: 'eu-west-1' });
    })
    .add('retrieve knn', () => {
      retrieve({ framework: 'knn', region: 'eu-west-1', imageScope: 'training' });
    })
    .add('retrieve pytorch 2.1 gpu training', () => {
      retrieve({
        framework: 'pytorch',
        region: 'us-east-1',
        version: '2.1',
        pyVersion: 'py310',
        instanceType: 'ml.p3.2xlarge',
        imageScope: 'training',
      });
    })
    .add('retrieve huggingface (base framework, aliases)', () => {
      retrieve({
        framework: 'huggingface',
        region: 'us-west-2',
        version: '4.26',
        baseFrameworkVersion: 'pytorch1.13',
        pyVersion: 'py39',
        instanceType: 'ml.g5.xlarge',
        imageScope: 'inference',
      });
    })
    .add('retrieve data-wrangler latest (N.x versions)', () => {
      retrieve({ framework: 'data-wrangler', region: 'us-east-1', instanceType: 'ml.m5.large' });
    });
  await bench.run();
  for (const task of bench.tasks) {
    const hz = task.result && 'throughput' in task.result ? task.result.throughput.mean : NaN;
    console.log(
      `  ${task.name.padEnd(48)} ${Math.round(hz).toLocaleString('en-US').padStart(12)} ops/s`,
    );
  }
}
