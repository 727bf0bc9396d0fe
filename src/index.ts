/**
 * sagemaker-workflow: SageMaker job configs identical to the Python SDK's
 * `sagemaker.workflow.airflow`, for TypeScript. The root holds what a config needs and nothing
 * else; every name comes through its folder's barrel:
 *
 * - estimators, models, transformers, processors, algorithms, frameworks, the tuner;
 * - the config builders (`trainingJob`, `trainingConfig`, `modelConfigFromEstimator`, ...);
 * - the session, templates, Python floats, and the errors every entry point shares.
 *
 * The rest has its own entry point, so that a config-only application loads none of it:
 * `sagemaker-workflow/image-uris`, `/operators`, `/recordio`, `/python-compat` (Python's
 * formatting and naming), `/testing` (local endpoints), `/stepfunctions`, `/airflow`, `/temporal`.
 *
 * @module sagemaker-workflow
 */
export * from './estimators/index.js';
export * from './config/index.js';
export { createSession, type Session, type SessionOptions } from './session.js';
export { isPlaceholder, type Placeholder, type Templated, type Templatable } from './templates.js';
// Python floats are option values (`pyFloat(1)` is Python's `1.0`), so they belong to the root too.
export { PyFloat, pyFloat, isPyFloat, type PyNumber } from './pythonCompat/pyFloat.js';
export {
  SageMakerWorkflowError,
  isSageMakerWorkflowError,
  ValidationError,
  isValidationError,
  UnsupportedOptionError,
  isUnsupportedOptionError,
  OptionTypeError,
  isOptionTypeError,
  MissingOptionError,
  isMissingOptionError,
  LocalPathNotFoundError,
  isLocalPathNotFoundError,
  InputLimitError,
  isInputLimitError,
  ERROR_CODES,
  type ErrorCode,
} from './errors.js';
