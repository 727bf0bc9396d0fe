/**
 * Imports the operators entry point with the peers hidden (see hidePeers.mjs), then uses it once:
 * prints one JSON line saying whether the import worked and what the first use threw.
 */
export {};

const outcome: Record<string, unknown> = {};
try {
  const operators = await import('../../../src/operators/index.js');
  outcome['imported'] = true;
  outcome['exports'] = Object.keys(operators).length;
  const config = {
    TrainingJobName: 'no-peer',
    AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
    RoleArn: 'arn:aws:iam::123456789012:role/R',
    OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
    ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 1 },
    StoppingCondition: { MaxRuntimeInSeconds: 60 },
  };
  // A client-like object: the operator must fail before it sends anything.
  const sagemaker = { send: () => Promise.reject(new Error('sent without the SDK')) };
  try {
    await operators.runTrainingJob(
      config as never,
      { sagemaker },
      {
        logger: operators.silentLogger,
      },
    );
    outcome['used'] = 'no error';
  } catch (error) {
    const e = error as { name?: string; code?: string; packageName?: string; message?: string };
    outcome['used'] = {
      name: e.name,
      code: e.code,
      packageName: e.packageName,
      message: e.message,
    };
  }
} catch (error) {
  outcome['imported'] = false;
  outcome['importError'] = String(error);
}
console.log(JSON.stringify(outcome));
