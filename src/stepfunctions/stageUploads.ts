/**
 * `stageUploads`: runs the S3 operations lifted out of the steps (create the buckets, upload the
 * code, tarred as Python's `tar_and_s3_upload` does) with the operators' own implementation, so
 * the archives are the ones an in-process run would upload.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { silentLogger, type OperatorLogger } from '../operators/logger.js';
import {
  checkS3Operations,
  runS3Operations,
  type S3Operations,
} from '../operators/s3Operations.js';
import type { ExportedStateMachine } from './toStateMachine.js';

/** Options of {@link stageUploads}. */
export interface StageUploadsOptions {
  /** Receives a line per bucket created and file uploaded. @default - silent */
  readonly logger?: OperatorLogger;
  /** Stops the uploads. @default - none */
  readonly signal?: AbortSignal;
}

/**
 * Creates the buckets and uploads the files an exported state machine needs before it runs.
 * Every local path is checked before the first request.
 * @throws LocalPathNotFoundError or UploadInputError for a bad local path; S3OperationsError when
 *   a request fails (saying what was done and what was not)
 * @example
 * await stageUploads(toStateMachine(steps), new S3Client({}));
 */
export async function stageUploads(
  exported: { readonly s3Operations: ExportedStateMachine['s3Operations'] | S3Operations },
  s3: Pick<S3Client, 'send'>,
  options: StageUploadsOptions = {},
): Promise<void> {
  await checkS3Operations(exported.s3Operations);
  await runS3Operations(exported.s3Operations, s3, {
    logger: options.logger ?? silentLogger,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
