/**
 * `sagemaker-workflow/operators`: run the configs the builders produce, as Airflow's SageMaker
 * operators do, and fix what users complain about in them: the job is stopped on timeout or abort,
 * `Stopped` is never success, templated numbers reach the API as numbers, and a re-run never
 * creates a duplicate job. Also exports the pre-submit validation and template rendering, for
 * users who submit configs through another orchestrator.
 *
 * @module sagemaker-workflow/operators
 */
export { runTrainingJob, type TrainingJobResult } from './runTrainingJob.js';
export { runTuningJob, type TuningJobResult } from './runTuningJob.js';
export { runProcessingJob, type ProcessingJobResult } from './runProcessingJob.js';
export { runModel, type ModelResult } from './runModel.js';
export {
  runTransformJob,
  type TransformJobConfig,
  type TransformJobResult,
} from './runTransformJob.js';
export { runEndpointConfig, type EndpointConfigResult } from './runEndpointConfig.js';
export { runEndpoint, type EndpointConfigBundle, type EndpointResult } from './runEndpoint.js';
export {
  DEFAULTS as OPERATOR_DEFAULTS,
  type ActionIfJobExists,
  type OnAbort,
  type OperatorClients,
  type OperatorOptions,
  type SubmitOptions,
  type WaitOptions,
} from './options.js';
export { submitJob, type JobConfigs, type SubmitJobOptions } from './submitJob.js';
export { waitForJob } from './waitForJob.js';
export { checkJob, stopJob, type JobControlOptions, type JobStatus } from './jobControl.js';
export {
  JOB_KINDS,
  parseJobHandle,
  type JobDescriptions,
  type JobHandle,
  type JobKind,
} from './jobHandle.js';
export { systemClock, type OperatorClock } from './clock.js';
export {
  CreateOutcomeError,
  InvalidJobHandleError,
  PermissionDeniedError,
  S3InputNotFoundError,
  isCreateOutcomeError,
  isInvalidJobHandleError,
  isPermissionDeniedError,
  isS3InputNotFoundError,
  type S3InputProblem,
} from './submitErrors.js';
export { consoleLogger, silentLogger, type OperatorLogger } from './logger.js';
export { poll, type PollOptions, type PollResult } from './poller.js';
export {
  checkS3Operations,
  runS3Operations,
  splitS3Operations,
  type RunS3OperationsOptions,
  type S3Operations,
  type SplitConfig,
} from './s3Operations.js';
export { CONFIG_HASH_TAG } from './submit.js';
export type { OperatorConfig, TemplatedDeep } from './types.js';
export {
  JobAbortedError,
  JobFailedError,
  JobStoppedError,
  ResourceExistsError,
  S3OperationsError,
  UploadInputError,
  WaiterTimeoutError,
  isJobAbortedError,
  isJobFailedError,
  isJobStoppedError,
  isResourceExistsError,
  isS3OperationsError,
  isUploadInputError,
  isWaiterTimeoutError,
  type ResourceKind,
  type OpenMultipartUpload,
  type S3OperationRef,
  type StopOutcome,
  type UploadInputProblem,
} from './errors.js';
export {
  CONFIG_KINDS,
  CROSS_FIELD_RULE_INFO,
  ConfigValidationError,
  assertValidConfig,
  coerceConfig,
  isConfigValidationError,
  validateConfig,
  type ConfigKind,
  type ConfigProblem,
  type ConfigRule,
  type CrossFieldRuleInfo,
  type ProblemSeverity,
  type RuleSource,
  type ValidateConfigOptions,
} from './validation/index.js';
export {
  TemplateForbiddenError,
  TemplateRenderError,
  TemplateUndefinedError,
  isTemplateForbiddenError,
  isTemplateRenderError,
  isTemplateUndefinedError,
  renderTemplates,
  TemplateLimitError,
  isTemplateLimitError,
  TEMPLATE_LIMIT_DEFAULTS,
  airflowContext,
  type AirflowContextOptions,
  type RenderTemplatesOptions,
  type TemplateLimits,
} from './templating/index.js';
export {
  uploadRecordSet,
  recordSetManifest,
  RecordSetUploadError,
  isRecordSetUploadError,
  type UploadRecordSetOptions,
  type UploadRecordSetCommonOptions,
  type RecordSetDestination,
  type RecordSetDescriptor,
} from './uploadRecordSet.js';
/** The direct path: Python's own calls (`fit`, `attach`, `record_set`, `transform`, ...) against AWS. */
export * as direct from './direct/index.js';
