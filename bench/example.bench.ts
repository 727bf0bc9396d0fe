/**
 * The main example (`npm run example`): the whole Iris KNN pipeline against the local endpoints,
 * as a process (tsx start-up, SDK loading, servers, four steps) and in-process (the pipeline
 * alone: uploads, three operators and their status checks over loopback HTTP).
 */
import { fileURLToPath } from 'node:url';
import { main } from '../examples/irisKnn.js';
import { fmt, medianProcessMs } from './support.js';

export default async function bench(): Promise<void> {
  const script = fileURLToPath(new URL('../examples/irisKnn.ts', import.meta.url));
  const [processMs = 0, bare = 0] = medianProcessMs(
    [
      ['--import', 'tsx', script],
      ['-e', ''],
    ],
    5,
  );

  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    await main({ print: () => undefined });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const inProcess = times[Math.floor(times.length / 2)] ?? Number.NaN;

  console.log(
    `example as a process (node --import tsx examples/irisKnn.ts), median of 5: ${fmt(processMs)} ms (bare node: ${fmt(bare)} ms)`,
  );
  console.log(
    `example main() in-process (endpoints started and stopped each run), median of 5: ${fmt(inProcess)} ms`,
  );
}
