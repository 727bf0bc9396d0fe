import { isSageMakerWorkflowError } from '../errors.js';
import { checkRetrieveOptions } from '../internal/checkInput.js';
import { frameworks, registryByName } from './generated/index.js';
import type { ImageUriOptions } from './imageUriOptions.js';
import { resolveImageUri } from './resolveImageUri.js';

/**
 * The ECR URI of the SageMaker image for a framework or algorithm, version, region and instance
 * type: the answer of the Python SDK v2.257.6's `sagemaker.image_uris.retrieve` for the same
 * arguments, and a typed error where it refuses them. Only the named framework's registry is
 * built. JumpStart models (`model_id`) are not supported. Exported as `imageUri` (paired with
 * {@link findImageUri}) and under Python's name, `retrieve`.
 *
 * @throws {UnsupportedOptionError} when the framework, version, scope, region, Python version or
 *   processor is not one the registry supports; the error lists those it does.
 * @throws {ValidationError} for a malformed instance type or accelerator type, or a P2 instance
 *   with PyTorch >= 1.13 or TensorFlow >= 2.12.
 * @throws {MissingOptionError} when an instance type is needed to choose the processor.
 * @throws {ImageUriLookupError} where the Python SDK fails with an incidental KeyError or TypeError.
 * @example
 * imageUri({ framework: 'pytorch', region: 'us-east-1', version: '2.1', pyVersion: 'py310',
 *   instanceType: 'ml.p3.2xlarge', imageScope: 'training' });
 * // '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1-gpu-py310'
 */
export function retrieve(options: ImageUriOptions): string {
  return resolveImageUri(
    (name) => registryByName(name)?.load(),
    () => frameworks,
    checkRetrieveOptions(options),
  );
}

/**
 * Like `imageUri`, but returns `undefined` where `imageUri` would throw one of this
 * library's errors.
 * @example findImageUri({ framework: 'knn', region: 'xx-nowhere-1' }) // undefined
 */
export function findImageUri(options: ImageUriOptions): string | undefined {
  try {
    return retrieve(options);
  } catch (error) {
    if (isSageMakerWorkflowError(error)) return undefined;
    throw error;
  }
}
