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
  const key = cacheKey(framework, checked);
  const cache = key === undefined ? undefined : cacheOf(registry);
  const known = key === undefined ? undefined : cache?.get(key);
  if (known !== undefined) return known;
  const reachable = [registry, ...registry.related];
  const uri = resolveImageUri(
    (name) => reachable.find((r) => r.framework === name)?.load(),
    () => reachable.map((r) => r.framework),
    { ...checked, framework },
  );
  if (key !== undefined && cache) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, uri);
  }
  return uri;
}

/*
 * The lookup is a pure function of the options over static registry data, and every estimator
 * and model resolves its image: a URI found once for the same string options is kept (failures
 * are not, so they throw again). Options holding objects are looked up each time.
 */
const CACHE_SIZE = 512;
const CACHES = new WeakMap<ImageRegistry, Map<string, string>>();
const STRING_OPTIONS = [
  'region',
  'version',
  'pyVersion',
  'instanceType',
  'acceleratorType',
  'imageScope',
  'containerVersion',
  'baseFrameworkVersion',
  'sdkVersion',
  'inferenceTool',
] as const;
const CACHEABLE = new Set<string>(['framework', ...STRING_OPTIONS]);

function cacheOf(registry: ImageRegistry): Map<string, string> {
  let cache = CACHES.get(registry);
  if (!cache) CACHES.set(registry, (cache = new Map<string, string>()));
  return cache;
}

function cacheKey(framework: string, options: object): string | undefined {
  for (const key in options) {
    if (!Object.hasOwn(options, key)) continue;
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined && (!CACHEABLE.has(key) || typeof value !== 'string')) return undefined;
  }
  // JSON of the values in a fixed order: unambiguous whatever the strings hold (absent is null).
  return JSON.stringify([
    framework,
    ...STRING_OPTIONS.map((name) => (options as Record<string, unknown>)[name] ?? null),
  ]);
}

/*
 * The lookup of a registry's `version` in `region` alone (the built-in algorithms' images), which
 * every pipeline makes for each new estimator and model: kept by registry, version and region in
 * nested maps, without the option check and JSON key of the general cache. Failures throw again.
 */
const BY_VERSION = new WeakMap<ImageRegistry, Map<string, Map<unknown, string>>>();

/** {@link retrieveFor} of `{ region, version }`, cached by registry, version and region. */
export function retrieveVersionIn(
  registry: ImageRegistry,
  version: string,
  region: unknown,
): string {
  let byVersion = BY_VERSION.get(registry);
  let byRegion = byVersion?.get(version);
  const known = byRegion?.get(region);
  if (known !== undefined) return known;
  const uri = retrieveFor(registry, { region: region as string, version });
  // Only strings reach the cache: the lookup refuses anything else.
  if (typeof region === 'string') {
    if (!byVersion) BY_VERSION.set(registry, (byVersion = new Map<string, Map<unknown, string>>()));
    if (!byRegion) byVersion.set(version, (byRegion = new Map<unknown, string>()));
    if (byRegion.size >= CACHE_SIZE) byRegion.clear();
    byRegion.set(region, uri);
  }
  return uri;
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
