/** The `Code` and `Message` botocore would report for an AWS SDK v3 service error. */
import { STATUS_CODES } from 'node:http';

/** A service error's code and message as Python's `ClientError.response["Error"]` has them. */
export interface ServiceErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly status: number | undefined;
}

/** Reads `error` as a service error, or returns undefined for anything else. */
export function serviceError(error: unknown): ServiceErrorInfo | undefined {
  if (typeof error !== 'object' || error === null || !('$metadata' in error)) return undefined;
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  // A HEAD response has no body: botocore then reports the status and its reason phrase.
  if (e.name === 'NotFound' || e.name === 'Forbidden' || e.name === 'UnknownError' || !e.name) {
    if (status !== undefined)
      return { code: String(status), message: STATUS_CODES[status] ?? '', status };
  }
  return { code: e.name ?? 'Unknown', message: e.message ?? '', status };
}
