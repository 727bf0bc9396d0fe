/**
 * RecordIO-protobuf writer throughput against the floors of the same bytes, measured in the same
 * process, in rounds whose order is shuffled:
 *
 * - one buffer (`encodeDenseTensor`) against filling a fresh buffer of the output's size with a
 *   memcpy (the page faults of fresh memory, which a fresh one-buffer writer cannot avoid);
 * - one buffer into a reused buffer (`encodeDenseTensor(..., { into })`) against a memcpy into
 *   that reused buffer, and against the chunked writer's time with its output's copies into a
 *   cache-sized buffer (`floor:cache`) replaced by stores of as many bytes into the reused one
 *   (`floor:store`): the difference between the two writers; the same for one fresh buffer
 *   (`floor:store-fresh`);
 * - chunks (`denseTensorChunks` with `reuseChunks`) against a memcpy of the output through one
 *   reused 1 MiB buffer, and against a memcpy of the inputs it must read (the sparse indices
 *   twice: checked, then encoded) followed by the output's, through that buffer;
 * - stream (`writeDenseTensor` into `fs.createWriteStream`, with `reuseChunks`) against writing
 *   the already-encoded bytes to the same kind of stream in 1 MiB chunks (the chunks the stream
 *   writer hands over, so the same number of writes), and against the inputs' checks (`check`,
 *   which must pass before the first byte is written) followed by the slower of that write and
 *   the rest of the chunked encoder in the same round (a stream can beat neither). Each file write goes to a
 *   new file, deleted after its timing: rewriting one path made every open truncate the previous
 *   round's file, which waits for its pages under writeback (25 to 75 ms of an 80 ms write here),
 *   so both figures mostly timed the disk's writeback. The same write in 16 MiB chunks
 *   (`floor:write16M`, in the table only) shows what the file system's per-call cost adds.
 *
 * The stream needs two cores to overlap its encoder with the file system's thread; the floor
 * needs one. On a host whose other processes keep the cores busy, the thread the write wakes
 * runs on the encoder's core and the two take turns, so the stream's wall time tends to their
 * sum whatever the loop does. The stream is therefore also reported against the write of the
 * same round (paired, which cancels slow drifts of the load), and against the write in pairs
 * run after the rounds, for up to 40 s, kept when the host's other processes and its hypervisor
 * took less than a quarter of a core over the pair (from `/proc/stat`, Linux only; not in
 * `--quick`).
 *
 * Inputs: dense float32 1,000,000 × 10 with float32 labels (84 MB of records); CSR 100,000 ×
 * 10,000 at 1 % density, float32, with labels (66 MB). Each dataset runs in a child process (this
 * file bundled by esbuild and run by plain node, with RECORDIO_BENCH_CHILD set) so its peak RSS is
 * its own and no loader hook of tsx sits in its figures. Before timing, the child checks
 * that the three writers produce the same bytes. MB/s counts output bytes (1 MB = 10^6 bytes),
 * per second of wall time and per second of the process's CPU time: on a shared host the CPU
 * time is the steadier figure for the in-memory writers.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import {
  denseTensorChunks,
  encodeDenseTensor,
  encodeSparseTensor,
  sparseTensorChunks,
  writeDenseTensor,
  writeSparseTensor,
  type ChunkSink,
} from '../src/recordio/index.js';
import { resolveDense, resolveSparse } from '../src/recordio/resolveInputs.js';
import { fmt, fmtStats, stats, type BenchContext, type Stats } from './support.js';

const DENSE_COLS = 10;
const SPARSE_COLS = 10_000;
const SPARSE_PER_ROW = 100; // 1% of 10,000 columns
const CHUNK = 1 << 20;

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

/** The writers of one dataset, behind one shape. */
interface Writers {
  encode(into?: Uint8Array): Uint8Array;
  /** The writers' checks of the inputs alone, which end before a writer gives its first byte. */
  check(): unknown;
  chunks(): Iterable<Uint8Array>;
  stream(sink: ChunkSink): Promise<number>;
  /**
   * The input bytes a chunked writer must read, once per read: a sparse writer reads the column
   * indices twice (the check that every index is in range comes before the first chunk), then
   * the values and labels; a dense writer reads its values and labels once.
   */
  reads: readonly Uint8Array[];
}

const bytesOf = (a: ArrayBufferView): Uint8Array =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function writersFor(dataset: string, rows: number): Writers {
  if (dataset === 'dense') {
    const { matrix, labels } = denseInput(rows);
    return {
      encode: (into) => encodeDenseTensor(matrix, into ? { labels, into } : { labels }),
      check: () => resolveDense(matrix, labels),
      chunks: () => denseTensorChunks(matrix, { labels, reuseChunks: true }),
      stream: (sink) => writeDenseTensor(sink, matrix, { labels, reuseChunks: true }),
      reads: [bytesOf(matrix.data), bytesOf(labels)],
    };
  }
  const { matrix, labels } = sparseInput(rows);
  return {
    encode: (into) => encodeSparseTensor(matrix, into ? { labels, into } : { labels }),
    check: () => resolveSparse(matrix, labels),
    chunks: () => sparseTensorChunks(matrix, { labels, reuseChunks: true }),
    stream: (sink) => writeSparseTensor(sink, matrix, { labels, reuseChunks: true }),
    reads: [matrix.indices, matrix.indices, matrix.data, matrix.indptr, labels].map(bytesOf),
  };
}

/** Writes `bytes` in `chunk`-byte pieces to a new file stream at `path`, waiting for drain. */
async function writeFloor(path: string, bytes: Uint8Array, chunk = CHUNK): Promise<void> {
  const sink = createWriteStream(path);
  for (let off = 0; off < bytes.length; off += chunk) {
    if (!sink.write(bytes.subarray(off, off + chunk))) await once(sink, 'drain');
  }
  sink.end();
  await finished(sink);
}

async function streamTo(path: string, writers: Writers): Promise<number> {
  const sink = createWriteStream(path);
  const n = await writers.stream(sink);
  sink.end();
  await finished(sink);
  return n;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(b);

/**
 * Milliseconds the host's CPUs have been busy (user, nice, system, interrupts) or taken by the
 * hypervisor (steal: a shared virtual machine's cores are not always its own) since boot, from
 * `/proc/stat`; undefined where there is none.
 */
function hostBusyMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields
      .slice(1)
      .map(Number);
    // USER_HZ is 100 on every Linux that Node supports.
    return (user + nice + system + irq + softirq + steal) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Runs `task`, then says how many cores the host's other processes and its hypervisor took on
 * average meanwhile: the host's busy time (steal included) less this process's CPU time (all its
 * threads), over the wall time; NaN without `/proc/stat`.
 */
async function othersCoresDuring(task: () => Promise<void>): Promise<number> {
  const busy = hostBusyMs();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await task();
  const busyAfter = hostBusyMs();
  const own = process.cpuUsage(cpu);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (busy === undefined || busyAfter === undefined) return Number.NaN;
  return Math.max(0, busyAfter - busy - (own.user + own.system) / 1000) / ms;
}

/** Cores the rest of the host (processes, hypervisor) may take in a pair that counts as quiet. */
const QUIET_CORES = 0.25;
/** Quiet pairs of stream and write wanted, and how long to wait for them (ms), after the rounds. */
const QUIET_PAIRS = { wanted: 9, budgetMs: 40_000 } as const;
/** A pause before each pair, so that `/proc/stat`'s 10 ms ticks can tell a quiet host. */
const QUIET_PROBE_MS = 200;

interface ChildResult {
  dataset: string;
  rows: number;
  bytes: number;
  peakRssMB: number;
  /** The host's 1-minute load average when the child started and when it ended. */
  load: [number, number];
  /** Per round, the cores the rest of the host took ({@link othersCoresDuring}). */
  othersCores: number[];
  /**
   * Stream MB/s over write MB/s in pairs run after the rounds, kept only when the rest of the
   * host took less than {@link QUIET_CORES} over the pair and a pause before it.
   */
  quietPairs: number[];
  /** Pairs run to find {@link quietPairs}. */
  pairsTried: number;
  /** MB/s of wall time per task, one sample per round. */
  samples: Record<string, number[]>;
  /** MB per second of this process's CPU time (all threads) per task, one sample per round. */
  cpuSamples: Record<string, number[]>;
}

/** Measures one dataset in this process. */
async function child(dataset: string, quick: boolean): Promise<ChildResult> {
  const rows = dataset === 'dense' ? (quick ? 50_000 : 1_000_000) : quick ? 5_000 : 100_000;
  const rounds = quick ? 3 : 9;
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const writers = writersFor(dataset, rows);
  const dir = mkdtempSync(join(tmpdir(), 'smw-recordio-bench-files-'));
  let files = 0;
  // Files written by the timed tasks, deleted after each timing.
  const written: string[] = [];
  const newFile = (): string => {
    const path = join(dir, `${files++}.pbr`);
    written.push(path);
    return path;
  };
  const file = newFile();
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

  // The reference bytes, and a check that the three writers agree on them (this also warms up).
  const reference = writers.encode();
  const copies: Buffer[] = [];
  for (const chunk of writers.chunks()) copies.push(Buffer.from(chunk)); // reused: copy each
  const joined = Buffer.concat(copies);
  await streamTo(file, writers);
  if (!sameBytes(reference, joined) || !sameBytes(reference, readFileSync(file))) {
    throw new Error(`${dataset}: the writers disagree on the bytes`);
  }
  // One buffer of the output's size, reused by every `into` round (faulted in here, once).
  const reused = new Uint8Array(reference.length);
  if (!sameBytes(reference, writers.encode(reused))) {
    throw new Error(`${dataset}: encoding into a buffer gives other bytes`);
  }
  const scratch = new Uint8Array(CHUNK);
  const scratch2 = new Uint8Array(CHUNK);
  const scratch32 = new Int32Array(scratch.buffer);
  const reference32 = new Int32Array(reference.buffer, reference.byteOffset, reference.length >> 2);

  const tasks: Record<string, () => unknown> = {
    encode: () => writers.encode(),
    'encode:into': () => writers.encode(reused),
    chunks: () => {
      let n = 0;
      for (const c of writers.chunks()) n += c.length;
      return n;
    },
    // One buffer through the chunked path: each chunk copied where it goes, as a caller wanting
    // one buffer would do with the chunks (a fresh buffer of the known size, or the reused one).
    'chunks:fresh': () => {
      const out = new Uint8Array(reference.length);
      let off = 0;
      for (const c of writers.chunks()) {
        out.set(c, off);
        off += c.length;
      }
      return out;
    },
    'chunks:into': () => {
      let off = 0;
      for (const c of writers.chunks()) {
        reused.set(c, off);
        off += c.length;
      }
    },
    stream: () => streamTo(newFile(), writers),
    'floor:fresh': () => {
      const out = new Uint8Array(reference.length);
      out.set(reference);
      return out;
    },
    'floor:reused': () => {
      reused.set(reference);
    },
    'floor:memcpy': () => {
      for (let off = 0; off < reference.length; off += CHUNK) {
        scratch.set(reference.subarray(off, off + CHUNK));
      }
    },
    check: () => writers.check(),
    // What `into` stores that the chunked writer does not: every output byte into the reused
    // buffer, from a cache-sized buffer as the kernels' output window is (`floor:store`), where
    // the chunked writer copies it into another cache-sized buffer (`floor:cache`).
    'floor:store': () => {
      for (let off = 0; off < reused.length; off += CHUNK) {
        reused.set(scratch.subarray(0, Math.min(CHUNK, reused.length - off)), off);
      }
    },
    'floor:store-fresh': () => {
      const out = new Uint8Array(reference.length);
      for (let off = 0; off < out.length; off += CHUNK) {
        out.set(scratch.subarray(0, Math.min(CHUNK, out.length - off)), off);
      }
      return out;
    },
    'floor:cache': () => {
      for (let off = 0; off < reused.length; off += CHUNK) {
        scratch2.set(scratch.subarray(0, Math.min(CHUNK, reused.length - off)));
      }
    },
    'floor:write': () => writeFloor(newFile(), reference),
    'floor:write16M': () => writeFloor(newFile(), reference, 16 * CHUNK),
    // The reads no writer avoids: its input arrays (see `reads`) copied through the same 1 MiB
    // buffer, then the output copied through it, as the chunked writer must hand it over. MB/s
    // still counts the output bytes.
    'floor:inputs': () => {
      for (const input of [...writers.reads, reference]) {
        for (let off = 0; off < input.length; off += CHUNK) {
          scratch.set(input.subarray(off, off + CHUNK));
        }
      }
    },
    // What JavaScript itself stores per second: the output copied through the same 1 MiB buffer
    // by a loop of 32-bit stores (unrolled as the dense writer's) and by a loop of byte stores
    // (as the sparse writer's varint keys must be written).
    'floor:js-words': () => {
      const n = reference.length >> 2;
      const step = CHUNK >> 2;
      for (let off = 0; off < n; off += step) {
        const e = Math.min(n, off + step) - off;
        let k = 0;
        for (; k + 4 <= e; k += 4) {
          scratch32[k] = reference32[off + k] as number;
          scratch32[k + 1] = reference32[off + k + 1] as number;
          scratch32[k + 2] = reference32[off + k + 2] as number;
          scratch32[k + 3] = reference32[off + k + 3] as number;
        }
        for (; k < e; k++) scratch32[k] = reference32[off + k] as number;
      }
    },
    'floor:js-bytes': () => {
      for (let off = 0; off < reference.length; off += CHUNK) {
        const e = Math.min(reference.length, off + CHUNK) - off;
        for (let k = 0; k < e; k++) scratch[k] = reference[off + k] as number;
      }
    },
  };
  const samples: Record<string, number[]> = {};
  const cpuSamples: Record<string, number[]> = {};
  for (const name of Object.keys(tasks)) {
    samples[name] = [];
    cpuSamples[name] = [];
  }
  const othersCores: number[] = [];
  /** Times one task; returns its wall MB/s and its MB per CPU-s. */
  const time = async (name: string): Promise<[number, number]> => {
    gc();
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    await tasks[name]!();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    for (const path of written.splice(0)) rmSync(path, { force: true });
    return [reference.length / 1e6 / seconds, reference.length / (used.user + used.system)];
  };
  for (let round = 0; round < rounds; round++) {
    const order = Object.keys(tasks).sort(() => Math.random() - 0.5);
    const others = await othersCoresDuring(async () => {
      for (const name of order) {
        const [wall, cpu] = await time(name);
        samples[name]!.push(wall);
        cpuSamples[name]!.push(cpu);
      }
    });
    othersCores.push(others);
  }
  const quietPairs: number[] = [];
  let pairsTried = 0;
  const pairsUntil = performance.now() + (quick ? 0 : QUIET_PAIRS.budgetMs);
  while (quietPairs.length < QUIET_PAIRS.wanted && performance.now() < pairsUntil) {
    pairsTried++;
    const pair: Record<string, number> = {};
    const others = await othersCoresDuring(async () => {
      await new Promise((resolve) => setTimeout(resolve, QUIET_PROBE_MS));
      for (const name of ['stream', 'floor:write'].sort(() => Math.random() - 0.5)) {
        [pair[name]] = await time(name);
      }
    });
    if (others < QUIET_CORES) quietPairs.push(pair['stream']! / pair['floor:write']!);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    dataset,
    rows,
    bytes: reference.length,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / 1e6,
    load: [loadBefore, loadavg()[0] ?? Number.NaN],
    othersCores,
    quietPairs,
    pairsTried,
    samples,
    cpuSamples,
  };
}

/**
 * This file bundled into one ES module that plain node runs, so that the child's figures carry no
 * tsx loader. The bundle sits in a temporary directory with a link to the repository's
 * `node_modules`, where the packages left outside the bundle (esbuild, imported by the bench
 * helpers) resolve.
 */
async function bundleChild(): Promise<{ file: string; dir: string }> {
  const { build } = await import('esbuild');
  const self = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'smw-recordio-bench-'));
  symlinkSync(join(dirname(self), '..', 'node_modules'), join(dir, 'node_modules'), 'dir');
  const file = join(dir, 'recordio.bench.mjs');
  await build({
    entryPoints: [self],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outfile: file,
    external: ['esbuild'],
    logLevel: 'silent',
  });
  return { file, dir };
}

function runChild(file: string, dataset: string, quick: boolean): ChildResult {
  const out = spawnSync(process.execPath, ['--expose-gc', file], {
    env: {
      ...process.env,
      RECORDIO_BENCH_CHILD: dataset,
      RECORDIO_BENCH_QUICK: quick ? '1' : '',
      NODE_NO_WARNINGS: '1',
    },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) throw new Error(`${dataset} failed: ${out.stderr}`);
  const line = out.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildResult;
}

const LABELS = {
  dense: (rows: number) => `RecordIO dense ${fmt(rows / 1000, 0)}k×10 f32 + labels`,
  sparse: (rows: number) => `RecordIO sparse CSR ${fmt(rows / 1000, 0)}k×10k at 1 %`,
} as const;

/** Measures both datasets and reports the six RecordIO figures of issue 18. */
export default async function bench(context: BenchContext): Promise<void> {
  const rows: Record<string, string>[] = [];
  const child = await bundleChild();
  const results = (['dense', 'sparse'] as const).map((dataset) => ({
    dataset,
    result: runChild(child.file, dataset, context.quick),
  }));
  rmSync(child.dir, { recursive: true, force: true });
  for (const { dataset, result } of results) {
    const statsOf = (samples: Record<string, number[]>) =>
      Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])) as Record<
        string,
        Stats
      >;
    const wall = statsOf(result.samples);
    const cpu = statsOf(result.cpuSamples);
    for (const task of Object.keys(wall)) {
      rows.push({
        dataset,
        task,
        rows: fmt(result.rows, 0),
        'output MB': fmt(result.bytes / 1e6, 1),
        'MB/s wall': fmtStats(wall[task]!),
        'MB per CPU-s': fmtStats(cpu[task]!),
        'peak RSS MB': fmt(result.peakRssMB, 0),
        load: `${fmt(result.load[0], 2)}–${fmt(result.load[1], 2)}`,
        'others’ cores': fmtStats(stats(result.othersCores)),
      });
    }
    const label = LABELS[dataset](result.rows);
    // Floors built from several tasks of one round add their times: each sample (MB/s of wall or
    // CPU time) back in seconds.
    const megabytes = result.bytes / 1e6;
    const secondsIn = (samples: Record<string, number[]>) => (task: string, round: number) =>
      megabytes / samples[task]![round]!;
    context.report({
      figure: `${label}, chunked writer (per CPU-s)`,
      unit: 'MB/s',
      ours: cpu['chunks']!,
      floor: { name: 'memcpy through a 1 MiB buffer', value: cpu['floor:memcpy']! },
      better: 'higher',
      goal: dataset === 'dense' ? '≥ 3,000 MB/s' : '≥ 1,500 MB/s',
    });
    context.report({
      figure: `${label}, chunked writer against reading its inputs (per CPU-s)`,
      unit: 'MB/s',
      ours: cpu['chunks']!,
      floor: {
        name: 'memcpy of the inputs it must read, then of the output, through a 1 MiB buffer',
        value: cpu['floor:inputs']!,
      },
      better: 'higher',
      goal: 'what memory allows a writer that reads its inputs and writes its output once',
    });
    context.report({
      figure: `${label}, chunked writer against JS stores (per CPU-s)`,
      unit: 'MB/s',
      ours: cpu['chunks']!,
      floor:
        dataset === 'dense'
          ? { name: 'unrolled loop of 32-bit stores, same bytes', value: cpu['floor:js-words']! }
          : { name: 'loop of byte stores, same bytes', value: cpu['floor:js-bytes']! },
      better: 'higher',
      goal: 'the stores a JS writer cannot avoid',
    });
    context.report({
      figure: `${label}, one buffer (per CPU-s)`,
      unit: 'MB/s',
      ours: cpu['encode']!,
      floor: { name: 'memcpy into a fresh buffer of that size', value: cpu['floor:fresh']! },
      better: 'higher',
      // A fresh buffer of the output's size faults in every page once; when merely filling one
      // (the floor) is slower than the chunked writer, no one-buffer writer can reach it.
      goal: `≥ chunked (now ${(cpu['encode']!.median / cpu['chunks']!.median).toPrecision(2)}×; the fresh-buffer floor is ${(cpu['floor:fresh']!.median / cpu['chunks']!.median).toPrecision(2)}× chunked; the chunks copied into a fresh buffer ${(cpu['chunks:fresh']!.median / cpu['chunks']!.median).toPrecision(2)}×, and we are ${(cpu['encode']!.median / cpu['chunks:fresh']!.median).toPrecision(2)}× that)`,
    });
    context.report({
      figure: `${label}, one buffer into a reused \`into\` (per CPU-s)`,
      unit: 'MB/s',
      ours: cpu['encode:into']!,
      floor: { name: 'memcpy into the same reused buffer', value: cpu['floor:reused']! },
      better: 'higher',
      goal: `≥ chunked (now ${(cpu['encode:into']!.median / cpu['chunks']!.median).toPrecision(2)}×; the chunks copied into the same buffer ${(cpu['chunks:into']!.median / cpu['chunks']!.median).toPrecision(2)}×, and we are ${(cpu['encode:into']!.median / cpu['chunks:into']!.median).toPrecision(2)}× that)`,
    });
    // The chunked writer's output stays in a cache-sized buffer the bench never reads; a one-
    // buffer writer stores all of it to memory. Per round, the chunked writer's time with its
    // copies into cache replaced by the same stores into the reused or a fresh buffer: the
    // one-buffer writers that match it.
    const cpuSeconds = secondsIn(result.cpuSamples);
    const chunkedStoring = (store: string) =>
      stats(
        result.cpuSamples['chunks']!.map(
          (_, i) =>
            megabytes /
            (cpuSeconds('chunks', i) - cpuSeconds('floor:cache', i) + cpuSeconds(store, i)),
        ),
      );
    const stored = chunkedStoring('floor:store');
    const storedFresh = chunkedStoring('floor:store-fresh');
    context.report({
      figure: `${label}, one buffer against chunked with its stores (per CPU-s)`,
      unit: 'MB/s',
      ours: cpu['encode']!,
      floor: {
        name: 'per round, the chunked writer less copying its output within cache, plus storing it into a fresh buffer',
        value: storedFresh,
      },
      better: 'higher',
      goal: `≥ 0.95× floor (the floor is ${(storedFresh.median / cpu['chunks']!.median).toPrecision(2)}× chunked: storing the output into fresh memory takes ${(cpu['floor:cache']!.median / cpu['floor:store-fresh']!.median).toPrecision(2)}× as long as copying it within cache)`,
    });
    context.report({
      figure: `${label}, one buffer into a reused \`into\` against chunked with its stores (per CPU-s)`,
      unit: 'MB/s',
      ours: cpu['encode:into']!,
      floor: {
        name: 'per round, the chunked writer less copying its output within cache, plus storing it into the reused buffer',
        value: stored,
      },
      better: 'higher',
      goal: `≥ 0.95× floor (the floor is ${(stored.median / cpu['chunks']!.median).toPrecision(2)}× chunked: storing the output to memory takes ${(cpu['floor:cache']!.median / cpu['floor:store']!.median).toPrecision(2)}× as long as copying it within cache)`,
    });
    context.report({
      figure: `${label}, streamed to a file (wall)`,
      unit: 'MB/s',
      ours: wall['stream']!,
      floor: { name: 'sequential write of the same bytes', value: wall['floor:write']! },
      better: 'higher',
      goal: '≥ 0.95× floor',
    });
    const paired = result.samples['stream']!.map((s, i) => s / result.samples['floor:write']![i]!);
    const quiet = result.quietPairs;
    context.report({
      figure: `${label}, streamed to a file against the write of the same round (wall)`,
      unit: '×',
      ours: stats(paired),
      better: 'higher',
      goal: `≥ 0.95× (in ${quiet.length} of ${result.pairsTried} pairs run when the rest of the host used < ${QUIET_CORES} of its ${cpus().length} cores: ${quiet.length > 0 ? `${fmtStats(stats(quiet))}×` : '—'})`,
    });
    // Per round, what the stream can reach when it overlaps encoding and writing perfectly: the
    // checks of the inputs first (no byte may be written before they pass), then the slower of
    // the rest of the chunked encoding and the write.
    const seconds = secondsIn(result.samples);
    const bound = result.samples['chunks']!.map((_, i) => {
      const check = Math.min(seconds('check', i), seconds('chunks', i));
      const rest = Math.max(seconds('chunks', i) - check, seconds('floor:write', i));
      return megabytes / (check + rest);
    });
    const checkShare = stats(
      result.samples['chunks']!.map((_, i) => seconds('check', i) / seconds('chunks', i)),
    );
    context.report({
      figure: `${label}, streamed to a file against its checks, encoder and the write (wall)`,
      unit: 'MB/s',
      ours: wall['stream']!,
      floor: {
        name: 'per round, the input checks, then the slower of the rest of chunked encoding and the write',
        value: stats(bound),
      },
      better: 'higher',
      goal: `≥ 0.95× floor (the floor is ${(stats(bound).median / wall['floor:write']!.median).toPrecision(2)}× the write; the checks take ${(100 * checkShare.median).toPrecision(2)} % of chunked encoding)`,
    });
  }
  console.table(rows);
  console.log(
    'One sample per round per task, rounds in shuffled order, gc() before each; the floors use the same output bytes. In-memory writers are compared per CPU-second of this process (the host is shared, so wall time mostly measures the other processes); the stream by wall time, since overlapping I/O is its point.',
  );
  await Promise.resolve();
}

const dataset = process.env['RECORDIO_BENCH_CHILD'];
if (dataset !== undefined && process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await child(dataset, process.env['RECORDIO_BENCH_QUICK'] === '1');
  console.log(JSON.stringify(result));
}
