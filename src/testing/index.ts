/**
 * `sagemaker-workflow/testing`: arbitraries for property tests of pipelines, and local endpoints
 * that speak the AWS protocols the operators use, for offline tests. Nothing under `src/` outside
 * this folder imports it.
 */
export {
  startLocalSageMaker,
  type Fault,
  type JobBehaviour,
  type LocalResourceKind,
  type LocalSageMaker,
  type LocalSageMakerOptions,
  type RecordedRequest,
  type SeedLogEvent,
} from './localSageMaker.js';
export {
  LOCAL_S3_CREDENTIALS,
  startLocalS3Server,
  type LocalS3Server,
  type LocalS3ServerOptions,
} from './localS3.js';
