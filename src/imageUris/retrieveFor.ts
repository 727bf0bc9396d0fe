import { isSageMakerWorkflowError } from '../errors.js';
import { checkRetrieveOptions } from '../internal/checkInput.js';
import type { ImageUriOptions } from './imageUriOptions.js';
import type { ImageRegistry } from './registryData.js';
import { resolveImageUri } from './resolveImageUri.js';

/**
 * The ECR image URI of one framework's registry, without loading any other registry: a bundle
 * that imports only `imageUriFor` and, say, {@link knnRegistry} stays small. Same semantics as
 * `imageUri`; `options.framework` may be left out (it is the registry's). Exported as
 * `imageUriFor`, paired with {@link findImageUriFor}.
 *
 * @throws {UnsupportedOptionError} when an option (version, scope, region, Python version,
 *   processor, framework) is not one the registry supports; the error lists those it does.
 * @throws {ValidationError} for a malformed instance type or accelerator type.
 * @throws {MissingOptionError} when an instance type is needed to choose the processor.
 * @throws {ImageUriLookupError} where the Python SDK fails with an incidental KeyError or TypeError.
 * @example
 * import { knnRegistry, imageUriFor } from 'sagemaker-workflow/image-uris';
 * imageUriFor(knnRegistry, { region: 'us-west-2' });
 * // '174872318107.dkr.ecr.us-west-2.amazonaws.com/knn:1'
 */
export function retrieveFor(
  registry: ImageRegistry,
  options: Omit<ImageUriOptions, 'framework'> & { readonly framework?: string },
): string {
  const checked = checkRetrieveOptions(options);
  const framework = checked.framework ?? registry.framework;
  const reachable = [registry, ...registry.related];
  return resolveImageUri(
    (name) => reachable.find((r) => r.framework === name)?.load(),
    () => reachable.map((r) => r.framework),
    { ...checked, framework },
  );
}

/**
 * Like `imageUriFor`, but returns `undefined` where it would throw one of this library's
 * errors.
 * @example findImageUriFor(knnRegistry, { region: 'xx-nowhere-1' }) // undefined
 */
export function findImageUriFor(
  registry: ImageRegistry,
  options: Omit<ImageUriOptions, 'framework'> & { readonly framework?: string },
): string | undefined {
  try {
    return retrieveFor(registry, options);
  } catch (error) {
    if (isSageMakerWorkflowError(error)) return undefined;
    throw error;
  }
}
