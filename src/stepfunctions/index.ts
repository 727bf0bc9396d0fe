/**
 * `sagemaker-workflow/stepfunctions`: run a pipeline of our builders' configs on AWS Step
 * Functions. `toStateMachine` exports the ASL definition (`.sync` jobs, XCom templates as
 * JSONPath, per-execution names), the uploads to stage, and the role's policy statements;
 * `stageUploads` performs the uploads. The CDK construct is at `sagemaker-workflow/stepfunctions/cdk`.
 *
 * @module sagemaker-workflow/stepfunctions
 */
export {
  toStateMachine,
  type AslDefinition,
  type ExportedStateMachine,
  type ToStateMachineOptions,
} from './toStateMachine.js';
export { stageUploads, type StageUploadsOptions } from './stageUploads.js';
export type { AslState } from './stepStates.js';
export type {
  ChoiceBranch,
  ChoiceCondition,
  ChoiceStep,
  SageMakerStep,
  SageMakerStepType,
  StepConfig,
  WorkflowStep,
} from './steps.js';
export type { ResourceNaming } from './resourceNames.js';
export type { PolicyScope, PolicyStatementJson } from './policyStatements.js';
export type { ResolvedReference } from './translateParameters.js';
export {
  InvalidStepError,
  UnresolvedReferenceError,
  UntranslatableTemplateError,
  isInvalidStepError,
  isUnresolvedReferenceError,
  isUntranslatableTemplateError,
  UnreferencedUploadError,
  isUnreferencedUploadError,
} from './errors.js';
