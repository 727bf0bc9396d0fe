/**
 * Checks, before anything is created, that what a job will read from S3 is there: each input
 * channel, transform or processing input and model artifact, and the code archive script mode
 * names. A location an `S3Upload` of the same config will write counts as there. Airflow's
 * operators make the same check (`check_s3_url`); without it a job submitted without its code or
 * data fails minutes later on AWS (or runs stale code).
 * @internal
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { loadS3Sdk } from '../internal/loadPeer.js';
import type { OperatorClients } from './options.js';
import type { OperatorLogger } from './logger.js';
import { scopeSignal, throwIfEnded, type RequestScope } from './requestScope.js';
import { errorMessage, errorName, type Json } from './sagemakerCall.js';
import { isUploaded, s3InputsOf, type S3Input, type S3InputKind } from './s3Inputs.js';
import type { S3Operations } from './s3Operations.js';
import { S3InputNotFoundError } from './submitErrors.js';

/** What {@link checkS3Inputs} needs besides the request. @internal */
export interface S3InputCheck {
  readonly clients: OperatorClients;
  readonly logger: OperatorLogger;
  readonly scope: RequestScope;
  /** `checkS3Inputs` as resolved: false makes no S3 call. */
  readonly enabled: boolean;
}

const isCodeArchive = (input: S3Input): boolean => /SUBMIT_DIRECTORY$/i.test(input.channel);

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
}

/** The typed error for a failed HeadObject / ListObjectsV2 (the scope's end is rethrown as is). */
function checkError(input: S3Input, error: unknown, scope: RequestScope): S3InputNotFoundError {
  throwIfEnded(scope);
  const name = errorName(error);
  const status = httpStatus(error);
  if (name === 'NoSuchBucket')
    return new S3InputNotFoundError(input.channel, input.uri, {
      cause: error,
      detail: `bucket ${input.bucket} does not exist`,
    });
  if (name === 'NotFound' || name === 'NoSuchKey' || status === 404)
    return new S3InputNotFoundError(input.channel, input.uri, {
      cause: error,
      detail: 'no such object',
    });
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403)
    return new S3InputNotFoundError(input.channel, input.uri, {
      cause: error,
      problem: 'access-denied',
      detail: 'the check needs s3:ListBucket and s3:GetObject',
    });
  return new S3InputNotFoundError(input.channel, input.uri, {
    cause: error,
    problem: 'check-failed',
    detail: errorMessage(error),
  });
}

async function checkOne(
  s3: Pick<S3Client, 'send'>,
  input: S3Input,
  scope: RequestScope,
): Promise<void> {
  const sdk = await loadS3Sdk();
  throwIfEnded(scope);
  const { signal, dispose } = scopeSignal(scope);
  try {
    if (input.type === 'object') {
      await s3.send(new sdk.HeadObjectCommand({ Bucket: input.bucket, Key: input.key }), {
        abortSignal: signal,
      });
      return;
    }
    const out = await s3.send(
      new sdk.ListObjectsV2Command({ Bucket: input.bucket, Prefix: input.key, MaxKeys: 1 }),
      { abortSignal: signal },
    );
    if ((out.KeyCount ?? out.Contents?.length ?? 0) === 0) {
      throw new S3InputNotFoundError(input.channel, input.uri, {
        detail: 'no object under this prefix',
      });
    }
  } catch (error) {
    if (error instanceof S3InputNotFoundError) throw error;
    throw checkError(input, error, scope);
  } finally {
    dispose();
  }
}

/**
 * Checks every S3 location the request (and the model created with it) reads, in request order,
 * and throws for the first one missing. Without an S3 client nothing can be checked: a code
 * archive no upload of this config writes is then logged as a warning.
 * @throws S3InputNotFoundError naming the channel and URI; ScopeEndedError when the caller's
 *   signal or deadline ended the check (the caller turns it into its typed error)
 * @internal
 */
export async function checkS3Inputs(
  kind: S3InputKind,
  request: Json,
  ops: S3Operations | undefined,
  check: S3InputCheck,
  model?: Json,
): Promise<void> {
  const pending = s3InputsOf(kind, request, model).filter((input) => !isUploaded(input, ops));
  const { s3 } = check.clients;
  if (!check.enabled || !s3) {
    if (!s3) {
      for (const input of pending.filter(isCodeArchive)) {
        check.logger.warn(
          `${input.channel} names ${input.uri}, which this config does not upload and which cannot be checked without an S3 client (clients.s3): the job fails or runs stale code if it is not there`,
        );
      }
    }
    return;
  }
  for (const input of pending) await checkOne(s3, input, check.scope);
}
