/**
 * The child side of {@link runScenario}: reads a scenario on stdin, starts the local SageMaker
 * and S3 endpoints, stages the uploads, runs each execution with `runLocalExecution`, and prints
 * one JSON line of results.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { stageUploads } from '../../src/stepfunctions/index.js';
import {
  startLocalS3,
  startLocalSageMaker,
  type LocalResourceKind,
} from '../../src/testing/index.js';
import {
  isUnmappedTaskError,
  runLocalExecution,
  type LocalExecutionResult,
} from '../../src/testing/stepfunctions.js';
import type { Scenario, ScenarioResult } from './scenario.js';

const KINDS: LocalResourceKind[] = [
  'training',
  'tuning',
  'transform',
  'processing',
  'model',
  'endpointConfig',
  'endpoint',
];

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

async function main(): Promise<void> {
  const scenario = JSON.parse(await readStdin()) as Scenario;
  const sagemaker = await startLocalSageMaker({ region: scenario.region, autoAdvanceSeconds: 20 });
  const s3 = await startLocalS3({ region: scenario.region, buckets: scenario.buckets ?? [] });
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const sagemakerClient = new SageMakerClient({
    endpoint: sagemaker.url,
    region: scenario.region,
    credentials,
  });
  const s3Client = new S3Client({ ...s3.clientConfig, region: scenario.region });
  try {
    for (const { pattern, behaviour } of scenario.behaviours ?? []) {
      sagemaker.setBehaviour(new RegExp(pattern), behaviour);
    }
    if (scenario.s3Operations) {
      await stageUploads({ s3Operations: scenario.s3Operations }, s3Client);
    }
    const executions: LocalExecutionResult[] = [];
    let refused: ScenarioResult['refused'];
    for (const execution of scenario.executions) {
      try {
        executions.push(
          await runLocalExecution(execution.definition, {
            clients: { sagemaker: sagemakerClient, s3: s3Client },
            input: execution.input ?? {},
            executionName: execution.name,
          }),
        );
      } catch (error) {
        if (!isUnmappedTaskError(error)) throw error;
        refused = { code: error.code, message: error.message };
      }
    }
    const created = Object.fromEntries(KINDS.map((k) => [k, sagemaker.names(k)]));
    const requests = Object.fromEntries(
      KINDS.map((k) => [
        k,
        Object.fromEntries(sagemaker.names(k).map((n) => [n, sagemaker.createRequest(k, n)])),
      ]),
    );
    const objects = s3
      .buckets()
      .flatMap((b) => [...s3.objects(b).keys()].map((key) => `${b}/${key}`));
    const result: ScenarioResult = {
      node: process.versions.node,
      executions,
      created: created as unknown as ScenarioResult['created'],
      requests: requests as ScenarioResult['requests'],
      objects,
      ...(refused ? { refused } : {}),
    };
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
  } finally {
    sagemakerClient.destroy();
    s3Client.destroy();
    await Promise.all([sagemaker.close(), s3.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
