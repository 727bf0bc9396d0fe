/**
 * `sagemaker-workflow/image-uris`: the ECR URIs of SageMaker's prebuilt images (the Python SDK's
 * `sagemaker.image_uris.retrieve`), per-framework registries for small bundles, and digest
 * pinning.
 *
 * @module sagemaker-workflow/image-uris
 */
// The pairs: `imageUri` throws where Python raises, `findImageUri` returns undefined instead; the
// `...For` pair looks in one registry only. `retrieve` is Python's name for `imageUri`.
export { retrieve as imageUri, findImageUri, retrieve } from './retrieve.js';
export { retrieveFor as imageUriFor, findImageUriFor } from './retrieveFor.js';
export type {
  ImageUriOptions,
  ServerlessInferenceConfig,
  TrainingCompilerConfig,
} from './imageUriOptions.js';
export type { ImageRegistry } from './registryData.js';
export { frameworks } from './generated/index.js';
export * from './generated/registries.js';
export { ecrHostname } from './ecrHostname.js';
export { partitionOf, partitionNames, type PartitionInfo } from '../partitions.js';
export { parseImageUri, type EcrImageUri } from './parseImageUri.js';
export { resolveImageDigest, imageExists, type EcrLookupOptions } from './resolveImageDigest.js';
export {
  ImageUriLookupError,
  isImageUriLookupError,
  ImageNotFoundError,
  isImageNotFoundError,
  RepositoryNotFoundError,
  isRepositoryNotFoundError,
  EcrAccessDeniedError,
  isEcrAccessDeniedError,
} from './errors.js';
