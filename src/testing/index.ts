/**
 * `sagemaker-workflow/testing`: arbitraries for property tests of pipelines, and local endpoints
 * that speak the AWS protocols the operators use, for offline tests. Nothing under `src/` outside
 * this folder imports it.
 */
export {
  placeholderArb,
  regionArb,
  nowArb,
  sessionArb,
  pyValueArb,
  hyperparametersArb,
  estimatorPropsArb,
  trainingInputsArb,
} from './arbitraries.js';
export {
  startLocalEcr,
  type LocalEcr,
  type LocalEcrOptions,
  type LocalEcrImage,
  type LocalEcrAction,
  type LocalEcrRequest,
} from './ecrEndpoint.js';
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
  startLocalS3,
  type LocalS3,
  type LocalS3Options,
  type S3Fault,
  type S3Operation,
  type S3RequestRecord,
  type S3StoredObject,
} from './s3Server.js';
