/**
 * `sagemaker-workflow/temporal`: Temporal activities that submit, wait on, check and stop
 * SageMaker jobs through the operators' durable job handles. The only entry point that imports
 * Temporal (`@temporalio/activity`, an optional peer dependency).
 *
 * @module sagemaker-workflow/temporal
 */
export {
  createSageMakerActivities,
  type SageMakerActivities,
  type SageMakerActivitiesOptions,
  type SageMakerHandleInput,
  type SageMakerJobInput,
  type SageMakerJobResult,
} from './createSageMakerActivities.js';
export type { SageMakerHeartbeat } from './heartbeatWait.js';
export {
  SAGEMAKER_NON_RETRYABLE_ERROR_TYPES,
  type SageMakerNonRetryableErrorType,
} from './nonRetryableErrorTypes.js';
