/**
 * `sagemaker-workflow/stepfunctions/cdk`: the AWS CDK construct of a workflow exported by
 * `toStateMachine`. Needs the optional peers `aws-cdk-lib` and `constructs` (and `tar` when the
 * workflow uploads code); the other entry points never load them.
 */
export {
  WorkflowStateMachine,
  type CodeStaging,
  type WorkflowStateMachineProps,
} from './WorkflowStateMachine.js';
export type { CodeAsset, CodeUpload } from './codeAssets.js';
export { UnreferencedUploadError, isUnreferencedUploadError } from '../errors.js';
