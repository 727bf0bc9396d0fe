/** The errors of the Step Functions export: each names the field and the template at fault. */
import { SageMakerWorkflowError, errorGuard } from '../errors.js';

/**
 * A template the translator cannot express in Amazon States Language: anything other than an
 * XCom pull of an earlier step's result or an execution input (`params`) read.
 */
export class UntranslatableTemplateError extends SageMakerWorkflowError {
  override readonly name = 'UntranslatableTemplateError';
  readonly code = 'UNTRANSLATABLE_TEMPLATE';

  constructor(
    /** The step whose config holds the template. */
    readonly stepId: string,
    /** Dotted path of the field in the step's request (`Transform.ModelName`). */
    readonly field: string,
    /** The whole string value the template stands in. */
    readonly template: string,
    /** Why it cannot be translated. */
    readonly reason: string,
  ) {
    super(
      `Step ${stepId}, field ${field}: cannot translate ${JSON.stringify(template)}: ${reason}`,
    );
  }
}
/** Guard for {@link UntranslatableTemplateError}. */
export const isUntranslatableTemplateError =
  errorGuard<UntranslatableTemplateError>('UNTRANSLATABLE_TEMPLATE');

/**
 * A template pulls the XCom of a task that has not run before this step on every path to it
 * (unknown, later, or in only some branches of a choice): its JSONPath would read nothing.
 */
export class UnresolvedReferenceError extends SageMakerWorkflowError {
  override readonly name = 'UnresolvedReferenceError';
  readonly code = 'UNRESOLVED_REFERENCE';

  constructor(
    readonly stepId: string,
    readonly field: string,
    readonly template: string,
    /** The task id the template pulls. */
    readonly taskId: string,
    /** The steps that have run before this one on every path. */
    readonly available: readonly string[],
  ) {
    super(
      `Step ${stepId}, field ${field}: ${JSON.stringify(template)} pulls task '${taskId}', which has not run on every path before it. Available: ${available.length ? available.join(', ') : '(none)'}`,
    );
  }
}
/** Guard for {@link UnresolvedReferenceError}. */
export const isUnresolvedReferenceError =
  errorGuard<UnresolvedReferenceError>('UNRESOLVED_REFERENCE');

/** The steps themselves are malformed: a duplicate or empty id, an unknown type, a bad config. */
export class InvalidStepError extends SageMakerWorkflowError {
  override readonly name = 'InvalidStepError';
  readonly code = 'INVALID_STEP';

  constructor(
    readonly stepId: string,
    readonly problem: string,
  ) {
    super(`Step ${JSON.stringify(stepId)}: ${problem}`);
  }
}
/** Guard for {@link InvalidStepError}. */
export const isInvalidStepError = errorGuard<InvalidStepError>('INVALID_STEP');

/**
 * The CDK construct cannot point the definition at the code asset of an `S3Upload`: no string of
 * the definition holds the upload's `s3://<Bucket>/<Key>`. Stage such uploads with `stageUploads`
 * instead (`code: 'staged'`).
 */
export class UnreferencedUploadError extends SageMakerWorkflowError {
  override readonly name = 'UnreferencedUploadError';
  readonly code = 'UNREFERENCED_UPLOAD';

  constructor(
    /** The upload's local `Path`. */
    readonly path: string,
    /** Where the export would upload it: `s3://<Bucket>/<Key>`. */
    readonly s3Uri: string,
  ) {
    super(
      `No field of the definition holds ${s3Uri}, where ${JSON.stringify(path)} is uploaded: its code asset would be read by no step. Use code: 'staged' and stageUploads`,
    );
  }
}
/** Guard for {@link UnreferencedUploadError}. */
export const isUnreferencedUploadError = errorGuard<UnreferencedUploadError>('UNREFERENCED_UPLOAD');
