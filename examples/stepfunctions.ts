/**
 * Exports the Iris KNN pipeline and the recommender's train-or-tune branch as Step Functions
 * state machines, prints the ASL, and runs the executions on the local ASL interpreter with
 * every SageMaker task run by our operators against the local SageMaker and S3 endpoints. Then
 * synthesizes a CDK stack of the two, plus a scikit-learn pipeline with code to upload, and prints
 * what it holds.
 *
 * Run: npm run example:stepfunctions (the interpreter needs Node 22: the script runs it via npx)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { toStateMachine } from 'sagemaker-workflow/stepfunctions';
import { startLocalS3, startLocalSageMaker } from 'sagemaker-workflow/testing';
import { runLocalExecution } from 'sagemaker-workflow/testing/stepfunctions';
import { synthesizeSummary } from './stepfunctionsCdk.js';
import {
  BUCKET,
  REGION,
  irisKnnSteps,
  recommenderSteps,
  sklearnSteps,
} from './stepfunctionsPipelines.js';

async function main(): Promise<void> {
  const iris = toStateMachine(irisKnnSteps(), { endpointPollSeconds: 5 });
  const recommender = toStateMachine(recommenderSteps());
  console.log('# Iris KNN\n' + JSON.stringify(iris.definition, null, 2));
  console.log('# Recommender train-or-tune\n' + JSON.stringify(recommender.definition, null, 2));
  const sagemaker = await startLocalSageMaker({ region: REGION, autoAdvanceSeconds: 20 });
  const s3 = await startLocalS3({ region: REGION, buckets: [BUCKET] });
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const clients = {
    sagemaker: new SageMakerClient({ endpoint: sagemaker.url, region: REGION, credentials }),
    s3: new S3Client({ ...s3.clientConfig, region: REGION }),
  };
  try {
    const runs = [
      ['iris', iris.definition, {}],
      ['recommender (train)', recommender.definition, { tune: false }],
      ['recommender (tune)', recommender.definition, { tune: true }],
    ] as const;
    for (const [label, definition, input] of runs) {
      const result = await runLocalExecution(definition, { clients, input });
      console.log(
        `${label}: ${result.status === 'SUCCEEDED' ? 'Succeeded' : `Failed: ${result.cause}`} (${result.tasks.join(' → ')})`,
      );
      if (result.status !== 'SUCCEEDED') process.exitCode = 1;
    }
  } finally {
    clients.sagemaker.destroy();
    clients.s3.destroy();
    await Promise.all([sagemaker.close(), s3.close()]);
  }
  const code = mkdtempSync(join(tmpdir(), 'sklearn-code-'));
  try {
    writeFileSync(join(code, 'train.py'), 'print("training")\n');
    const sklearn = toStateMachine(sklearnSteps(join(code, 'train.py')));
    console.log('# CDK stack (synthesized offline)');
    console.log(synthesizeSummary({ IrisKnn: iris, Recommender: recommender, SKLearn: sklearn }));
  } finally {
    rmSync(code, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
