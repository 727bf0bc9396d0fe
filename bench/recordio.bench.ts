/**
 * RecordIO-protobuf writer throughput and memory. Each scenario runs in its own child process
 * (this file, with RECORDIO_BENCH_CHILD set) so that peak RSS belongs to that scenario alone.
 *
 * - dense: float32 1,000,000 x 10 with float32 labels (84 MB of records)
 * - sparse: CSR 100,000 x 10,000 at 1% density, float32, with labels
 *
 * MB/s counts encoded output bytes (1 MB = 10^6 bytes). Peak RSS is the child's maximum
 * resident set (`process.resourceUsage().maxRSS`), of which the inputs take the part shown.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { create, toBinary } from '@bufbuild/protobuf';
import {
  Float32TensorSchema,
  RecordSchema,
  RecordValueSchema,
  denseTensorChunks,
  encodeDenseTensor,
  encodeSparseTensor,
  sparseTensorChunks,
  writeDenseTensor,
  writeSparseTensor,
} from '../src/recordio/index.js';

const DENSE_ROWS = 1_000_000;
const DENSE_COLS = 10;
const SPARSE_ROWS = 100_000;
const SPARSE_COLS = 10_000;
const SPARSE_PER_ROW = 100; // 1% of 10,000 columns
const LIBRARY_ROWS = 100_000;

/** Deterministic pseudo-random floats in [0, 1): the same inputs in every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function denseInput(rows: number) {
  const next = random(1);
  const data = new Float32Array(rows * DENSE_COLS);
  for (let i = 0; i < data.length; i++) data[i] = next();
  const labels = new Float32Array(rows);
  for (let i = 0; i < rows; i++) labels[i] = i % 3;
  return { matrix: { shape: [rows, DENSE_COLS], data }, labels };
}

function sparseInput(rows: number) {
  const next = random(2);
  const indptr = new Int32Array(rows + 1);
  const indices = new Int32Array(rows * SPARSE_PER_ROW);
  const data = new Float32Array(rows * SPARSE_PER_ROW);
  const stride = SPARSE_COLS / SPARSE_PER_ROW;
  for (let r = 0; r < rows; r++) {
    indptr[r + 1] = (r + 1) * SPARSE_PER_ROW;
    for (let k = 0; k < SPARSE_PER_ROW; k++) {
      // One column in each band of 100, sorted as scipy keeps them.
      indices[r * SPARSE_PER_ROW + k] = k * stride + Math.floor(next() * stride);
      data[r * SPARSE_PER_ROW + k] = next();
    }
  }
  const labels = new Float32Array(rows);
  for (let i = 0; i < rows; i++) labels[i] = i % 2;
  return { matrix: { shape: [rows, SPARSE_COLS], data, indices, indptr }, labels };
}

interface Result {
  scenario: string;
  records: number;
  bytes: number;
  seconds: number;
  inputMB: number;
  peakRssMB: number;
}

function consume(chunks: Iterable<Uint8Array>): number {
  let bytes = 0;
  for (const chunk of chunks) bytes += chunk.length;
  return bytes;
}

async function toDevNull(write: (sink: NodeJS.WritableStream) => Promise<number>): Promise<number> {
  const sink = createWriteStream('/dev/null');
  const bytes = await write(sink);
  sink.end();
  await finished(sink);
  return bytes;
}

/** Runs one scenario in this process: warm up on a slice, then time one full run. */
async function child(scenario: string): Promise<Result> {
  const isDense = scenario.startsWith('dense');
  const rows = scenario === 'dense-library' ? LIBRARY_ROWS : isDense ? DENSE_ROWS : SPARSE_ROWS;
  const dense = isDense ? denseInput(rows) : undefined;
  const sparse = isDense ? undefined : sparseInput(rows);
  const inputBytes = dense
    ? dense.matrix.data.byteLength + dense.labels.byteLength
    : sparse
      ? sparse.matrix.data.byteLength +
        sparse.matrix.indices.byteLength +
        sparse.matrix.indptr.byteLength +
        sparse.labels.byteLength
      : 0;

  const run = async (): Promise<number> => {
    switch (scenario) {
      case 'dense-encode':
        return encodeDenseTensor(dense!.matrix, { labels: dense!.labels }).length;
      case 'dense-chunks':
        return consume(
          denseTensorChunks(dense!.matrix, { labels: dense!.labels, reuseChunks: true }),
        );
      case 'dense-stream':
        return toDevNull((sink) =>
          writeDenseTensor(sink as never, dense!.matrix, {
            labels: dense!.labels,
            reuseChunks: true,
          }),
        );
      case 'dense-library': {
        // The same records built and serialized by @bufbuild/protobuf, framing left out.
        let bytes = 0;
        const { data } = dense!.matrix;
        for (let r = 0; r < rows; r++) {
          const record = create(RecordSchema, {
            features: {
              values: create(RecordValueSchema, {
                value: {
                  case: 'float32Tensor',
                  value: create(Float32TensorSchema, {
                    values: Array.from(data.subarray(r * DENSE_COLS, r * DENSE_COLS + DENSE_COLS)),
                  }),
                },
              }),
            },
            label: {
              values: create(RecordValueSchema, {
                value: {
                  case: 'float32Tensor',
                  value: create(Float32TensorSchema, { values: [dense!.labels[r] ?? 0] }),
                },
              }),
            },
          });
          bytes += 8 + toBinary(RecordSchema, record).length;
        }
        return bytes;
      }
      case 'sparse-encode':
        return encodeSparseTensor(sparse!.matrix, { labels: sparse!.labels }).length;
      case 'sparse-chunks':
        return consume(
          sparseTensorChunks(sparse!.matrix, { labels: sparse!.labels, reuseChunks: true }),
        );
      case 'sparse-stream':
        return toDevNull((sink) =>
          writeSparseTensor(sink as never, sparse!.matrix, {
            labels: sparse!.labels,
            reuseChunks: true,
          }),
        );
      default:
        throw new Error(`unknown scenario ${scenario}`);
    }
  };

  // Warm up the JIT on the small library scenario itself, or on 1% of a large one.
  if (dense && scenario !== 'dense-library') {
    encodeDenseTensor(
      {
        shape: [rows / 100, DENSE_COLS],
        data: dense.matrix.data.subarray(0, (rows / 100) * DENSE_COLS),
      },
      { labels: dense.labels.subarray(0, rows / 100) },
    );
  }
  if (sparse) {
    const warm = rows / 100;
    const nnz = warm * SPARSE_PER_ROW;
    encodeSparseTensor(
      {
        shape: [warm, SPARSE_COLS],
        data: sparse.matrix.data.subarray(0, nnz),
        indices: sparse.matrix.indices.subarray(0, nnz),
        indptr: sparse.matrix.indptr.subarray(0, warm + 1),
      },
      { labels: sparse.labels.subarray(0, warm) },
    );
  }
  const start = process.hrtime.bigint();
  const bytes = await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    scenario,
    records: rows,
    bytes,
    seconds,
    inputMB: inputBytes / 1e6,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / 1e6,
  };
}

const SCENARIOS = [
  'dense-encode',
  'dense-chunks',
  'dense-stream',
  'dense-library',
  'sparse-encode',
  'sparse-chunks',
  'sparse-stream',
] as const;
const RUNS = 3;

function runChild(scenario: string): Result {
  const out = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, RECORDIO_BENCH_CHILD: scenario, NODE_NO_WARNINGS: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) throw new Error(`${scenario} failed: ${out.stderr}`);
  const line = out.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Result;
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints, per scenario, the median of three isolated runs. */
export default async function bench(): Promise<void> {
  const rows: Record<string, string>[] = [];
  for (const scenario of SCENARIOS) {
    const results = Array.from({ length: RUNS }, () => runChild(scenario)).sort(
      (a, b) => a.seconds - b.seconds,
    );
    const median = results[Math.floor(RUNS / 2)] as Result;
    rows.push({
      scenario,
      records: fmt(median.records),
      'output MB': fmt(median.bytes / 1e6, 1),
      'MB/s (median)': fmt(median.bytes / 1e6 / median.seconds),
      'MB/s (best)': fmt((results[0] as Result).bytes / 1e6 / (results[0] as Result).seconds),
      'records/s': fmt(median.records / median.seconds),
      'input MB': fmt(median.inputMB, 1),
      'peak RSS MB': fmt(median.peakRssMB),
    });
  }
  console.table(rows);
  console.log(
    'encode: one output buffer; chunks: 1 MiB reused chunks consumed in-process; stream: writeDenseTensor/writeSparseTensor into fs.createWriteStream("/dev/null") with reuseChunks; library: @bufbuild/protobuf create + toBinary per record (100,000 rows).',
  );
  await Promise.resolve();
}

const scenario = process.env['RECORDIO_BENCH_CHILD'];
if (scenario !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await child(scenario);
  console.log(JSON.stringify(result));
}
