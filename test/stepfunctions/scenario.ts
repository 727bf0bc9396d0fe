/**
 * A whole-execution scenario, run in a child process: the interpreter needs Node 22, and this
 * machine's Node (and CI's default) is 20, so the test sends the scenario as JSON to
 * `scenarioChild.ts` under Node 22 (`npx -p node@22`) and reads the result back.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { S3Operations } from '../../src/operators/s3Operations.js';
import type { AslDefinition } from '../../src/stepfunctions/index.js';
import type { LocalExecutionResult } from '../../src/testing/stepfunctions.js';
import type { JobBehaviour, LocalResourceKind } from '../../src/testing/index.js';

export interface Scenario {
  readonly region: string;
  readonly buckets?: readonly string[];
  /** Staged with stageUploads before the executions. */
  readonly s3Operations?: S3Operations;
  /** Job name pattern (RegExp source) → how such jobs end. */
  readonly behaviours?: readonly { readonly pattern: string; readonly behaviour: JobBehaviour }[];
  readonly executions: readonly {
    readonly name: string;
    readonly definition: AslDefinition;
    readonly input?: Record<string, unknown>;
  }[];
}

export interface ScenarioResult {
  readonly node: string;
  readonly executions: readonly LocalExecutionResult[];
  /** Resource names by kind, in creation order. */
  readonly created: Readonly<Record<LocalResourceKind, readonly string[]>>;
  /** The create request of every resource, by kind and name. */
  readonly requests: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>>;
  /** `bucket/key` of every S3 object after the run. */
  readonly objects: readonly string[];
  /** The Task error the helper raised before running, if any. */
  readonly refused?: { readonly code: string; readonly message: string };
}

const CHILD = fileURLToPath(new URL('./scenarioChild.ts', import.meta.url));
const MAJOR = Number(process.versions.node.split('.')[0]);

/** The command that runs a TypeScript file under Node 22 or newer. */
export function node22Command(script: string): [string, string[]] {
  // On Node 22+ the current binary does; otherwise the node@22 package from the npm registry.
  return MAJOR >= 22
    ? [process.execPath, ['--import', 'tsx', script]]
    : ['npx', ['--yes', '-p', 'node@22', '--', 'node', '--import', 'tsx', script]];
}

/** Runs a scenario under Node 22 and returns what happened; rejects if the child fails. */
export function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const [command, args] = node22Command(CHILD);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`scenario child exited ${code}:\n${stderr}\n${stdout}`));
        return;
      }
      resolve(JSON.parse(last) as ScenarioResult);
    });
    child.stdin.end(JSON.stringify(scenario));
  });
}
