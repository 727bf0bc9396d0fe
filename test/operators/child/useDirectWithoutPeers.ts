/**
 * Imports the operators entry point with the peers hidden (see hidePeers.mjs), then makes one
 * direct call (`direct.fit`): prints one JSON line saying whether the import worked and what the
 * call threw.
 */
import { printOutcome } from './printOutcome.js';

await printOutcome(
  async () => ({
    direct: (await import('../../../src/operators/index.js')).direct,
    Estimator: (await import('../../../src/index.js')).Estimator,
  }),
  async ({ direct, Estimator }) => {
    // Client-like objects: the call must fail before it sends anything.
    const refuse = { send: () => Promise.reject(new Error('sent without the SDK')) };
    const session = new direct.DirectSession({
      region: 'us-east-1',
      defaultBucket: 'bucket',
      clients: { sagemaker: refuse, s3: refuse },
    });
    const estimator = new Estimator({
      session: session.session,
      role: 'arn:aws:iam::123456789012:role/R',
      imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/algo:1',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      outputPath: 's3://bucket/out',
    });
    await direct.fit(session, estimator, { inputs: 's3://bucket/train' });
  },
);
