/**
 * Placeholder replaced in a later step: checks that the job's S3 inputs exist.
 * @internal
 */
import type { OperatorClients } from './options.js';
import type { RequestScope } from './requestScope.js';
import type { Json } from './sagemakerCall.js';
import type { S3Operations } from './s3Operations.js';

/** @internal */
export async function checkS3Inputs(
  _kind: string,
  _request: Json,
  _ops: S3Operations | undefined,
  _clients: OperatorClients,
  _scope: RequestScope,
  _model?: Json,
): Promise<void> {
  await Promise.resolve();
}
