/**
 * The AWS JSON 1.1 protocol as SageMaker and CloudWatch Logs speak it: the `X-Amz-Target` header
 * names the operation, errors carry `__type`, and the service's error wordings.
 * @internal
 */
import { jsonAnswer, type HttpAnswer } from '../internal/httpEndpoint.js';

/** A JSON object as the endpoints read and answer. @internal */
export type Json = Record<string, unknown>;

/** An error answer: HTTP status, AWS error type and message. @internal */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** SageMaker's 400 `ValidationException`. @internal */
export const validationError = (message: string): ApiError =>
  new ApiError(400, 'ValidationException', message);

/** SageMaker's 400 `ResourceNotFound`. @internal */
export const resourceNotFound = (message: string): ApiError =>
  new ApiError(400, 'ResourceNotFound', message);

/** An operation the local endpoint does not serve. @internal */
export const unsupported = (operation: string): ApiError =>
  new ApiError(
    400,
    'UnknownOperationException',
    `Operation ${operation} is not supported by the local endpoint`,
  );

/** A JSON 1.1 answer with a request id, and `x-amzn-errortype` for errors. @internal */
export function awsJsonAnswer(
  status: number,
  payload: Json,
  requestId: string,
  errorType?: string,
): HttpAnswer {
  return jsonAnswer(status, payload, {
    'x-amzn-requestid': requestId,
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
}

/** Seconds since the epoch, as the JSON protocol carries timestamps. @internal */
export const seconds = (ms: number): number => ms / 1000;

/** A request member that should be a string, or `''`. @internal */
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
