/**
 * `recordSet` at scale: a sparse one-hot matrix (10,000,000 rows by default, like the recommender
 * seed's customers × videos; `RECORDSET_BENCH_ROWS` to change) streamed to the local S3 server in
 * a child process; prints MB/s and the child's peak RSS (target: under 300 MB at any row count).
 * Side by side, when `SAGEMAKER_PYTHON_SDK_SRC` names the `src` folder of a v2.257.6 checkout and
 * Python (`PYTHON`, else /usr/bin/python3) has numpy, scipy, boto3 and protobuf (Debian: python3-numpy python3-scipy
 * python3-boto3 python3-protobuf): the SDK's own shard and sparse-writer code uploads the same
 * matrix to the same server (`python/recordSet.py`; `RECORDSET_BENCH_PYTHON_ROWS`, default
 * 1,000,000, as Python holds the whole matrix in memory and encodes row by row).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalS3 } from '../src/testing/index.js';
import { fmt, type BenchContext } from './support.js';

interface UploadFigures {
  readonly seconds: number;
  readonly bytes: number;
  readonly maxRssMb: number;
}

/** Runs `command` apart (its peak RSS is its own) and parses the JSON on its last line. */
function runApart(command: string, args: readonly string[]): Promise<UploadFigures> {
  // spawn, not spawnSync: the server in this process must keep answering.
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(text.trim().split('\n').pop() ?? '{}') as UploadFigures);
      else reject(new Error(`${command} exited ${String(code)}`));
    });
  });
}

/** `PYTHON`, else Debian's python3 (where its packages go), else the first on the PATH. */
function pythonCommand(): string {
  return process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
}

function report(label: string, rows: number, r: UploadFigures): void {
  console.log(
    `${label}, ${fmt(rows, 0)} one-hot rows → ${fmt(r.bytes / 1e6)} MB in ${fmt(r.seconds)} s: ` +
      `${fmt(r.bytes / 1e6 / r.seconds)} MB/s, ${fmt(rows / r.seconds, 0)} rows/s, peak RSS ${fmt(r.maxRssMb, 0)} MB`,
  );
}

export default async function recordSetBench(context: BenchContext): Promise<void> {
  const rows = Number(process.env.RECORDSET_BENCH_ROWS ?? (context.quick ? 100_000 : 10_000_000));
  const here = dirname(fileURLToPath(import.meta.url));
  const s3 = await startLocalS3({ buckets: ['records'] });
  try {
    const worker = join(here, 'recordSetUpload.ts');
    const ours = await runApart(process.execPath, [
      '--import',
      'tsx',
      worker,
      s3.endpoint,
      String(rows),
    ]);
    report('recordSet stream', rows, ours);
    const sdk = process.env.SAGEMAKER_PYTHON_SDK_SRC;
    if (!sdk) {
      console.log(
        'Python record_set: skipped (set SAGEMAKER_PYTHON_SDK_SRC to a v2.257.6 src folder)',
      );
      return;
    }
    const pyRows = Math.min(rows, Number(process.env.RECORDSET_BENCH_PYTHON_ROWS ?? 1_000_000));
    const python = await runApart(pythonCommand(), [
      join(here, 'python', 'recordSet.py'),
      sdk,
      s3.endpoint,
      String(pyRows),
    ]);
    report('Python record_set (SDK shards + sparse writer + boto3 put)', pyRows, python);
    console.log(
      `  ours / Python: ${fmt(ours.bytes / ours.seconds / (python.bytes / python.seconds))}× MB/s`,
    );
  } finally {
    await s3.close();
  }
}
