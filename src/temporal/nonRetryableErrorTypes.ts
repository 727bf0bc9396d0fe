/**
 * The errors a retry cannot fix, by the `name` Temporal records as the failure's type: put them in
 * the activity retry policy's `nonRetryableErrorTypes`. A job that Failed or was Stopped, a config
 * the API refuses, a missing local file or permission stay so on the next attempt; throttling,
 * network errors, an unknown Create outcome and a worker shutdown do not.
 * @example
 * const { runSageMakerJob } = proxyActivities<SageMakerActivities>({
 *   startToCloseTimeout: '1 day',
 *   heartbeatTimeout: '5 minutes',
 *   retry: { nonRetryableErrorTypes: [...SAGEMAKER_NON_RETRYABLE_ERROR_TYPES] },
 * });
 */
export const SAGEMAKER_NON_RETRYABLE_ERROR_TYPES = [
  'JobFailedError',
  'JobStoppedError',
  'ConfigValidationError',
  'ValidationError',
  'OptionTypeError',
  'UnsupportedOptionError',
  'MissingOptionError',
  'LocalPathNotFoundError',
  'UploadInputError',
  'S3InputNotFoundError',
  'ResourceExistsError',
  'PermissionDeniedError',
  'InvalidJobHandleError',
  'TemplateRenderError',
  'TemplateUndefinedError',
  'TemplateForbiddenError',
] as const;

/** One of {@link SAGEMAKER_NON_RETRYABLE_ERROR_TYPES}. */
export type SageMakerNonRetryableErrorType = (typeof SAGEMAKER_NON_RETRYABLE_ERROR_TYPES)[number];
