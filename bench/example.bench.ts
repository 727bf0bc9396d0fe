/**
 * The main example (`npm run example`): the whole Iris KNN pipeline against the local endpoints,
 * as a process (tsx start-up, SDK loading, servers, four steps) and in-process (the pipeline
 * alone: uploads, three operators and their status checks over loopback HTTP).
 */
import { fileURLToPath } from 'node:url';
import { main } from '../examples/irisKnn.js';
import { fmt, medianProcessMs, type BenchContext } from './support.js';

export default async function bench(context: BenchContext): Promise<void> {
  const runs = context.quick ? 1 : 5;
  const script = fileURLToPath(new URL('../examples/irisKnn.ts', import.meta.url));
  // --quick skips the whole-process runs (tsx compiling the example takes most of them).
  const [processMs = 0, bare = 0] = context.quick
    ? []
    : medianProcessMs(
        [
          ['--import', 'tsx', script],
          ['-e', ''],
        ],
        runs,
      );

  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await main({ print: () => undefined });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const inProcess = times[Math.floor(times.length / 2)] ?? Number.NaN;

  if (!context.quick) {
    console.log(
      `example as a process (node --import tsx examples/irisKnn.ts), median of ${runs}: ${fmt(processMs)} ms (bare node: ${fmt(bare)} ms)`,
    );
  }
  console.log(
    `example main() in-process (endpoints started and stopped each run), median of ${runs}: ${fmt(inProcess)} ms`,
  );
}
