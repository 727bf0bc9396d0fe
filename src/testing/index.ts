/**
 * `sagemaker-workflow/testing`: local endpoints that speak the AWS protocols the operators use,
 * for offline tests (SageMaker with CloudWatch Logs, IAM and STS; S3; ECR). Nothing under `src/`
 * outside this folder imports it, and it needs no test framework: the fast-check arbitraries are
 * at `sagemaker-workflow/arbitraries`.
 *
 * @module sagemaker-workflow/testing
 */
export {
  startLocalEcr,
  type LocalEcr,
  type LocalEcrOptions,
  type LocalEcrImage,
  type LocalEcrAction,
  type LocalEcrRequest,
} from './localEcr/index.js';
export {
  startLocalSageMaker,
  type Fault,
  type JobBehaviour,
  type LocalResourceKind,
  type LocalSageMaker,
  type LocalSageMakerOptions,
  type RecordedRequest,
  type SeedLogEvent,
} from './localSageMaker/index.js';
export {
  startLocalS3,
  type LocalS3,
  type LocalS3Options,
  type S3Fault,
  type S3Operation,
  type S3RequestRecord,
  type S3StoredObject,
} from './localS3/index.js';
