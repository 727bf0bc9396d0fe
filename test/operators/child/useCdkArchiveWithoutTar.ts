/**
 * Imports `sagemaker-workflow/stepfunctions/cdk` with the peers hidden (see hidePeers.mjs; the
 * CDK itself stays installed), then archives one file as an `S3Upload` with `Tar: true` does:
 * prints one JSON line saying whether the import worked and what the archive threw.
 */
import { fileURLToPath } from 'node:url';
import { printOutcome } from './printOutcome.js';

await printOutcome(
  async () => {
    await import('../../../src/stepfunctions/cdk/index.js');
    return import('../../../src/stepfunctions/cdk/codeArchive.js');
  },
  async ({ tarballBytes }) => {
    const path = fileURLToPath(import.meta.url);
    tarballBytes(path, { kind: 'file', path });
    await Promise.resolve();
  },
);
