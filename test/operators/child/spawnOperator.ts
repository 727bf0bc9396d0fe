/** Starts {@link ./operatorProcess.ts} in a child Node process and reads its one-line answer. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./operatorProcess.ts', import.meta.url));

export interface ChildOutcome {
  readonly ok: boolean;
  readonly result?: Record<string, unknown>;
  readonly code?: string;
  readonly message?: string;
}

export function spawnOperator(args: Record<string, unknown>): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--no-warnings', script, JSON.stringify(args)],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').at(-1);
        if (!line) {
          reject(new Error(`child gave no answer: ${error?.message ?? ''} ${stderr}`));
          return;
        }
        resolve(JSON.parse(line) as ChildOutcome);
      },
    );
  });
}
