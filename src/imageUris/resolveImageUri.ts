/**
 * The image-URI lookup of the Python SDK v2.257.6 (`sagemaker/image_uris.py`, `retrieve`), over
 * registry trees given by a loader: the scope, version, region, processor and tag steps, in
 * Python's order, so the same input fails for the same reason. The steps live in `lookup/`, the
 * Python value semantics in `pythonCompat/registryValues.ts`.
 * @internal
 */
import { UnsupportedOptionError, ValidationError } from '../errors.js';
import {
  PyOps,
  isDict,
  pyRepr,
  pyStrOrNone,
  truthy,
  type PyTree,
} from '../pythonCompat/registryValues.js';
import { ecrHostname } from './ecrHostname.js';
import { ImageUriLookupError } from './errors.js';
import type { ImageUriOptions } from './imageUriOptions.js';
import {
  GRAVITON_FAMILIES,
  GRAVITON_FRAMEWORKS,
  INFERENCE_GRAVITON,
  NEURON_SDK_REPOSITORIES,
  TRAINIUM_FRAMEWORKS,
  instanceTypeFamily,
} from './lookup/fwUtils.js';
import { selectProcessor } from './lookup/processor.js';
import { imageTag } from './lookup/tag.js';
import { validateArg } from './lookup/validateArg.js';
import { validatePyVersion, validateVersion } from './lookup/versions.js';
import { InvalidVersion, compareVersions } from './pep440.js';
import type { RegistryDict } from './registryData.js';

/** Returns the registry tree of a framework name, or undefined when there is none. */
export type RegistryLoader = (framework: string) => RegistryDict | undefined;

export { instanceTypeFamily };

/**
 * The image URI for `options`, reading registries through `load`. `frameworks` lists the
 * framework names `load` knows, for error messages.
 * @internal
 */
export function resolveImageUri(
  load: RegistryLoader,
  frameworks: () => readonly string[],
  options: ImageUriOptions,
): string {
  const { framework, region, instanceType, acceleratorType, imageScope } = options;
  const py = new PyOps((pythonError, reason) => {
    throw new ImageUriLookupError(framework, reason, pythonError);
  });

  // config_for_framework: a missing file is Python's FileNotFoundError.
  const configFor = (name: string): RegistryDict => {
    const tree = load(name);
    if (!tree) {
      throw new UnsupportedOptionError('framework', name, frameworks(), {
        detail: 'No image registry has this name',
      });
    }
    return tree;
  };

  // _config_for_framework_and_scope
  const configForScope = (name: string, scope: string | undefined): RegistryDict => {
    const config = configFor(name);
    if (acceleratorType) {
      if (!acceleratorType.startsWith('ml.eia') && acceleratorType !== 'local_sagemaker_notebook') {
        throw new ValidationError(
          'acceleratorType',
          acceleratorType,
          'an Elastic Inference type ml.eia*.* (see https://docs.aws.amazon.com/sagemaker/latest/dg/ei.html)',
        );
      }
      scope = 'eia';
    }
    const scopes = config.has('scope') ? py.list(config.get('scope')) : [...config.keys()];
    if (scopes.length === 1) scope = scopes[0];
    if (
      !truthy(scope) &&
      config.has('scope') &&
      new Set(scopes).size === 2 &&
      scopes.includes('training') &&
      scopes.includes('inference')
    ) {
      scope = scopes[0];
    }
    validateArg(scope, scopes, 'imageScope', `${name} images exist for other scopes`);
    if (config.has('scope')) return config;
    const section = py.item(config, scope);
    return isDict(section)
      ? section
      : py.fail('TypeError', `scope ${pyRepr(scope)} is not a mapping`);
  };

  let config: RegistryDict;
  let finalImageScope: string | undefined;
  let inferenceTool = options.inferenceTool;
  if (options.trainingCompilerConfig && (framework === 'huggingface' || framework === 'pytorch')) {
    finalImageScope = imageScope;
    config = configForScope(`${framework}-training-compiler`, finalImageScope);
  } else {
    let configName = framework;
    if (framework === 'huggingface' || TRAINIUM_FRAMEWORKS.includes(framework)) {
      // _get_inference_tool
      if (!truthy(inferenceTool)) {
        const family = instanceTypeFamily(instanceType);
        if (family.startsWith('inf') || family.startsWith('trn')) inferenceTool = 'neuron';
      }
      if (inferenceTool === 'neuron' || inferenceTool === 'neuronx') {
        configName = `${framework}-${inferenceTool}`;
      }
    }
    // _get_final_image_scope
    const family = instanceTypeFamily(instanceType);
    if (GRAVITON_FRAMEWORKS.includes(framework) && GRAVITON_FAMILIES.includes(family)) {
      finalImageScope = INFERENCE_GRAVITON;
    } else if (imageScope === undefined && (framework === 'xgboost' || framework === 'sklearn')) {
      finalImageScope = 'training';
    } else {
      finalImageScope = imageScope;
    }
    // _validate_for_suppported_frameworks_and_instance_type
    if (
      instanceType !== undefined &&
      instanceType.includes('trn') &&
      !TRAINIUM_FRAMEWORKS.includes(framework)
    ) {
      throw new UnsupportedOptionError('framework', framework, [TRAINIUM_FRAMEWORKS], {
        detail: `Trainium instances (${instanceType}) run only these frameworks`,
      });
    }
    if (
      instanceType !== undefined &&
      GRAVITON_FAMILIES.includes(family) &&
      !GRAVITON_FRAMEWORKS.includes(framework)
    ) {
      throw new UnsupportedOptionError('framework', framework, GRAVITON_FRAMEWORKS, {
        detail: `Graviton instances (${instanceType}) run only these frameworks`,
      });
    }
    config = configForScope(configName, finalImageScope);
  }

  const originalVersion = options.version;
  const version = validateVersion(py, options.version, config, framework, imageScope, configFor);
  const versions = py.item(config, 'versions');
  let versionKey = version;
  if (config.has('version_aliases')) {
    const aliases = config.get('version_aliases');
    if (py.keys(aliases).includes(version))
      versionKey = py.str(py.item(aliases, version), 'version alias');
  }
  let versionConfig: PyTree = py.item(versions, versionKey);

  const baseFrameworkVersion = options.baseFrameworkVersion;
  if (framework === 'huggingface') {
    const aliases = py.get(versionConfig, 'version_aliases');
    if (!truthy(aliases)) {
      py.fail('UnboundLocalError', `version ${version} lists no base framework versions`);
    }
    const aliased = py.get(aliases, baseFrameworkVersion);
    const fullBase =
      aliased === undefined ? baseFrameworkVersion : py.str(aliased, 'base framework alias');
    validateArg(
      fullBase,
      py.keys(versionConfig),
      'baseFrameworkVersion',
      `huggingface ${version} images are built on other base frameworks`,
    );
    versionConfig = py.get(versionConfig, fullBase);
  }

  const pyVersion = validatePyVersion(py, options.pyVersion, versionConfig, framework, version);
  const byPyVersion = py.get(versionConfig, pyVersion);
  versionConfig = truthy(byPyVersion) ? byPyVersion : versionConfig;

  // _registry_from_region
  const registries = py.item(versionConfig, 'registries');
  validateArg(
    region,
    py.list(registries),
    'region',
    `No ${framework} ${version} image is published there`,
  );
  const registry = py.str(py.item(registries, region), 'account id');
  const hostname =
    ecrHostname(region) ??
    py.fail(
      'TypeError',
      `no AWS partition knows region ${region} ('NoneType' object is not subscriptable)`,
    );

  let repo = py.str(py.item(versionConfig, 'repository'), 'repository');

  const scopeProcessors = config.get('processors');
  const processors = truthy(scopeProcessors)
    ? scopeProcessors
    : py.get(versionConfig, 'processors');
  const processor = selectProcessor(
    py,
    instanceType,
    processors,
    options.serverlessInferenceConfig !== undefined,
  );

  let containerVersion = options.containerVersion;
  const containerVersions = py.get(versionConfig, 'container_version');
  if (truthy(containerVersions)) {
    containerVersion = py.str(py.item(containerVersions, processor), 'container version');
  }

  let sdkVersion = options.sdkVersion;
  const latestSdk = (): string => {
    const sdks = [...py.list(py.item(versionConfig, 'sdk_versions'))];
    // Python's sorted(...)[-1]: plain string order, so "sdk2.9.1" > "sdk2.10.0".
    sdks.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return (
      sdks[sdks.length - 1] ?? py.fail('IndexError', 'the registry lists no Neuron SDK versions')
    );
  };
  if (NEURON_SDK_REPOSITORIES.includes(repo)) {
    // Python's `if not sdk_version`: an empty string is replaced too.
    sdkVersion = sdkVersion ? sdkVersion : latestSdk();
    if (containerVersion === undefined)
      py.fail('TypeError', 'no container version to append the Neuron SDK version to');
    containerVersion = `${sdkVersion}-${containerVersion}`;
  }

  let tagPrefix: string;
  if (framework === 'huggingface') {
    const baseVersionOf = (base: string | undefined): string => {
      if (base === undefined)
        return py.fail(
          'TypeError',
          'baseFrameworkVersion is required (expected string or bytes-like object)',
        );
      const m = /^(pytorch|tensorflow)(.*)$/.exec(base);
      return m
        ? (m[2] ?? '')
        : py.fail(
            'AttributeError',
            `baseFrameworkVersion ${base} does not start with pytorch or tensorflow ('NoneType' object has no attribute 'group')`,
          );
    };
    let ptOrTfVersion = baseVersionOf(baseFrameworkVersion);
    let tagVersion: string | undefined = originalVersion;
    if (
      repo === 'huggingface-pytorch-trcomp-training' ||
      repo === 'huggingface-tensorflow-trcomp-training'
    ) {
      tagVersion = version;
    }
    if (
      repo === 'huggingface-pytorch-inference-neuron' ||
      repo === 'huggingface-pytorch-inference-neuronx'
    ) {
      sdkVersion = sdkVersion ? sdkVersion : latestSdk();
      if (containerVersion === undefined)
        py.fail('TypeError', 'no container version to append the Neuron SDK version to');
      containerVersion = `${sdkVersion}-${containerVersion}`;
      const topAliases = config.get('version_aliases');
      if (topAliases === undefined)
        py.fail('AttributeError', "'NoneType' object has no attribute 'get'");
      const aliased =
        originalVersion === undefined ? undefined : py.get(topAliases, originalVersion);
      if (truthy(aliased)) tagVersion = py.str(aliased, 'version alias');
      const nested = (v: PyTree, key: string | undefined): PyTree => {
        const found = key === undefined ? undefined : py.get(v, key);
        return found === undefined ? new Map() : found;
      };
      const baseAlias = nested(
        nested(nested(config.get('versions') ?? new Map(), tagVersion), 'version_aliases'),
        baseFrameworkVersion,
      );
      if (truthy(baseAlias)) {
        ptOrTfVersion = baseVersionOf(py.str(baseAlias, 'base framework alias'));
      }
    }
    tagPrefix = `${ptOrTfVersion}-transformers${pyStrOrNone(tagVersion)}`;
  } else {
    const prefix = py.get(versionConfig, 'tag_prefix');
    tagPrefix = prefix === undefined ? version : py.str(prefix, 'tag prefix');
  }

  if (repo === `${framework}-inference-graviton`) {
    containerVersion = `${pyStrOrNone(containerVersion)}-sagemaker`;
  }

  // _validate_instance_deprecation
  if (instanceTypeFamily(instanceType) === 'p2') {
    const newer = (min: string): boolean => {
      try {
        return compareVersions(version, min) >= 0;
      } catch (error) {
        if (error instanceof InvalidVersion) py.fail('InvalidVersion', error.message);
        throw error;
      }
    };
    if (
      (framework === 'pytorch' && newer('1.13')) ||
      (framework === 'tensorflow' && newer('2.12'))
    ) {
      throw new ValidationError(
        'instanceType',
        instanceType,
        'a non-P2 instance type: P2 instances are deprecated from PyTorch 1.13 and TensorFlow 2.12 (see https://aws.amazon.com/sagemaker/pricing/)',
      );
    }
  }

  const tag = imageTag(py, {
    containerVersion,
    distribution: options.distribution,
    finalImageScope,
    framework,
    inferenceTool,
    instanceType,
    processor,
    pyVersion,
    tagPrefix,
    version,
  });
  if (tag) repo += `:${tag}`;
  return `${registry}.dkr.${hostname}/${repo}`;
}
