/**
 * A separate Node process for the cross-process tests: runs one operator call against the
 * endpoint it is given and prints one JSON line with the outcome. Usage:
 * `node --import tsx operatorProcess.ts '<json>'` with `{ endpoint, action, config?, handleFile?, options? }`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { silentLogger } from '../../../src/operators/logger.js';
import { parseJobHandle } from '../../../src/operators/jobHandle.js';
import { runTrainingJob } from '../../../src/operators/runTrainingJob.js';
import { submitJob } from '../../../src/operators/submitJob.js';
import { waitForJob } from '../../../src/operators/waitForJob.js';

interface Args {
  readonly endpoint: string;
  readonly action: 'run' | 'submit' | 'wait';
  readonly config?: Record<string, unknown>;
  readonly handleFile?: string;
  readonly options?: Record<string, unknown>;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const sagemaker = new SageMakerClient({
  endpoint: args.endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  retryStrategy: new ConfiguredRetryStrategy(4, () => 5),
});
const clients = { sagemaker };
const options = {
  logger: silentLogger,
  checkIntervalSeconds: 0.01,
  maxCheckIntervalSeconds: 0.02,
  ...args.options,
};

async function main(): Promise<unknown> {
  switch (args.action) {
    case 'run': {
      const { Training } = await runTrainingJob(args.config as never, clients, options);
      return { name: Training.TrainingJobName, status: Training.TrainingJobStatus };
    }
    case 'submit': {
      const handle = await submitJob('training', args.config as never, clients, options);
      await writeFile(String(args.handleFile), JSON.stringify(handle));
      return { handle };
    }
    case 'wait': {
      const handle = parseJobHandle(JSON.parse(await readFile(String(args.handleFile), 'utf8')));
      const done = (await waitForJob(handle, clients, options)) as {
        TrainingJobName?: string;
        TrainingJobStatus?: string;
      };
      return { name: done.TrainingJobName, status: done.TrainingJobStatus, pid: process.pid };
    }
  }
}

main()
  .then((result) => {
    process.stdout.write(`${JSON.stringify({ ok: true, result })}\n`);
  })
  .catch((error: unknown) => {
    const e = error as { code?: string; name?: string; message?: string };
    process.stdout.write(
      `${JSON.stringify({ ok: false, code: e.code, name: e.name, message: e.message })}\n`,
    );
  })
  .finally(() => {
    sagemaker.destroy();
  });
