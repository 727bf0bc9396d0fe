/**
 * `recordSet` at scale: a sparse one-hot matrix (10,000,000 rows by default, like the recommender
 * seed's customers × videos; `RECORDSET_BENCH_ROWS` to change) streamed to the local S3 server in
 * a child process; prints MB/s and the child's peak RSS (target: under 300 MB at any row count).
 * No Python figure: the SDK's dependencies (numpy, scipy, boto3) cannot be installed offline here.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalS3 } from '../src/testing/index.js';
import { fmt } from './support.js';

export default async function recordSetBench(): Promise<void> {
  const rows = Number(process.env.RECORDSET_BENCH_ROWS ?? 10_000_000);
  const s3 = await startLocalS3({ buckets: ['records'] });
  try {
    const worker = join(dirname(fileURLToPath(import.meta.url)), 'recordSetUpload.ts');
    // spawn, not spawnSync: the server in this process must keep answering.
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', worker, s3.endpoint, String(rows)],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve(text);
        else reject(new Error(`worker exited ${String(code)}`));
      });
    });
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
      seconds: number;
      bytes: number;
      maxRssMb: number;
    };
    console.log(
      `recordSet stream, ${fmt(rows, 0)} one-hot rows → ${fmt(r.bytes / 1e6)} MB in ${fmt(r.seconds)} s: ` +
        `${fmt(r.bytes / 1e6 / r.seconds)} MB/s, peak RSS ${fmt(r.maxRssMb, 0)} MB`,
    );
  } finally {
    await s3.close();
  }
}
