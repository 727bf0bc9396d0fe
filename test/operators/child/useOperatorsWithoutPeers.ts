/**
 * Imports the operators entry point with the peers hidden (see hidePeers.mjs), then uses it once:
 * prints one JSON line saying whether the import worked and what the first use threw.
 */
import { trainingConfig } from '../fixtures.js';
import { printOutcome } from './printOutcome.js';

await printOutcome(
  () => import('../../../src/operators/index.js'),
  async (operators) => {
    // A client-like object: the operator must fail before it sends anything.
    const sagemaker = { send: () => Promise.reject(new Error('sent without the SDK')) };
    await operators.runTrainingJob(
      trainingConfig('no-peer'),
      { sagemaker },
      { logger: operators.silentLogger },
    );
  },
  (operators) => ({ exports: Object.keys(operators).length }),
);
