/**
 * The image-URI lookup of the Python SDK v2.257.6 (`sagemaker/image_uris.py`, `retrieve` and its
 * helpers), over registry trees given by a loader. The order of the checks is Python's, so the
 * same input fails for the same reason.
 * @internal
 */
import { MissingOptionError, UnsupportedOptionError, ValidationError } from '../errors.js';
import { ecrHostname } from './ecrHostname.js';
import { ImageUriLookupError } from './errors.js';
import type { ImageUriOptions } from './imageUriOptions.js';
import { InvalidVersion, compareVersions } from './pep440.js';
import type { RegistryDict, RegistryNode } from './registryData.js';

/** Returns the registry tree of a framework name, or undefined when there is none. */
export type RegistryLoader = (framework: string) => RegistryDict | undefined;

/** A Python value the lookup handles: a registry node, or None. */
type Py = RegistryNode | undefined;

// fw_utils.py
const GRAVITON_FAMILIES = ['m6g', 'm6gd', 'c6g', 'c6gd', 'c6gn', 'c7g', 'r6g', 'r6gd'];
const GRAVITON_FRAMEWORKS = ['tensorflow', 'pytorch', 'xgboost', 'sklearn'];
// Python keeps this as the string "pytorch", so `framework in ...` is a substring test.
const TRAINIUM_FRAMEWORKS = 'pytorch';
const INFERENCE_GRAVITON = 'inference_graviton';
const NEURON_SDK_REPOSITORIES = [
  'pytorch-training-neuron',
  'pytorch-training-neuronx',
  'huggingface-vllm-inference-neuronx',
];
const ARM64_TAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  xgboost: { '1.5-1': '1.5-1-arm64', '1.3-1': '1.3-1-arm64' },
  sklearn: { '1.0-1': '1.0-1-arm64-cpu-py3' },
};
// Tags that get a CUDA 11 container suffix on p4d instances or with smdistributed.
const AUTO_CONTAINER_VERSIONS: Readonly<Record<string, string>> = {
  'tensorflow-2.3-gpu-py37': 'cu110-ubuntu18.04-v3',
  'tensorflow-2.3.1-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-2.3.2-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-1.15-gpu-py37': 'cu110-ubuntu18.04-v8',
  'tensorflow-1.15.4-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-1.15.5-gpu-py37': 'cu110-ubuntu18.04',
  'mxnet-1.8-gpu-py37': 'cu110-ubuntu16.04-v1',
  'mxnet-1.8.0-gpu-py37': 'cu110-ubuntu16.04',
  'pytorch-1.6-gpu-py36': 'cu110-ubuntu18.04-v3',
  'pytorch-1.6.0-gpu-py36': 'cu110-ubuntu18.04',
  'pytorch-1.6-gpu-py3': 'cu110-ubuntu18.04-v3',
  'pytorch-1.6.0-gpu-py3': 'cu110-ubuntu18.04',
};
const INSTANCE_TYPES_HELP = 'ml.<family>.<size>, ml_<family>, local, local_gpu or neuron…';

/**
 * `utils.get_instance_type_family`: the family of `ml.<family>.<size>` or `ml_<family>`, else
 * the empty string.
 */
export function instanceTypeFamily(instanceType: string | undefined): string {
  if (typeof instanceType !== 'string') return '';
  // Python's `$` also matches before one trailing newline.
  const m = /^ml[._]([a-z\d-]+)\.?\w*\n?$/.exec(instanceType);
  return m?.[1] ?? '';
}

/** Python truthiness of a registry value or an option. */
function truthy(v: Py | null): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (typeof v === 'string') return true;
  if (v instanceof Map) return v.size > 0;
  return (v as readonly string[]).length > 0;
}

const isDict = (v: Py): v is RegistryDict => v instanceof Map;
const pyRepr = (v: Py | null): string =>
  v === undefined || v === null
    ? 'None'
    : typeof v === 'string'
      ? `'${v}'`
      : isDict(v)
        ? 'dict'
        : 'list';
const pyType = (v: Py): string =>
  v === undefined ? 'NoneType' : typeof v === 'string' ? 'str' : isDict(v) ? 'dict' : 'list';

/** Python's `str()` of an optional string, as f-strings render it. */
const pyStr = (v: string | undefined): string => (v === undefined ? 'None' : v);

/** The Python operations the lookup applies to registry values, failing as Python does. */
class PyOps {
  constructor(readonly framework: string) {}

  fail(pythonError: string, reason: string): never {
    throw new ImageUriLookupError(this.framework, reason, pythonError);
  }

  /** `value[key]` */
  item(value: Py, key: string | undefined): RegistryNode {
    if (isDict(value)) {
      const found = key === undefined ? undefined : value.get(key);
      return found ?? this.fail('KeyError', `the registry has no entry ${pyRepr(key)} here`);
    }
    if (value === undefined)
      return this.fail(
        'TypeError',
        `'NoneType' object is not subscriptable (reading ${pyRepr(key)})`,
      );
    return this.fail('TypeError', `${pyType(value)} indices must be integers, not ${pyRepr(key)}`);
  }

  /** `value.get(key)` (None for a missing key) */
  get(value: Py, key: string | undefined): Py {
    if (!isDict(value))
      return this.fail('AttributeError', `'${pyType(value)}' object has no attribute 'get'`);
    return key === undefined ? undefined : value.get(key);
  }

  /** `list(value.keys())` */
  keys(value: Py): string[] {
    if (!isDict(value))
      return this.fail('AttributeError', `'${pyType(value)}' object has no attribute 'keys'`);
    return [...value.keys()];
  }

  /** `needle in container` */
  contains(container: Py, needle: string | undefined): boolean {
    if (isDict(container)) return needle !== undefined && container.has(needle);
    if (Array.isArray(container)) return needle !== undefined && container.includes(needle);
    if (typeof container === 'string') {
      if (needle === undefined)
        return this.fail(
          'TypeError',
          "'in <string>' requires string as left operand, not NoneType",
        );
      return container.includes(needle);
    }
    return this.fail('TypeError', "argument of type 'NoneType' is not iterable");
  }

  /** A list of strings (`list(...)` of a registry list, or of a dict's keys). */
  list(value: Py): readonly string[] {
    if (isDict(value)) return [...value.keys()];
    if (Array.isArray(value)) return value as readonly string[];
    if (typeof value === 'string') return Array.from(value);
    return this.fail('TypeError', "'NoneType' object is not iterable");
  }

  /** A value used as a string (`str + str`, `"-".join`). */
  str(value: Py, what: string): string {
    if (typeof value === 'string') return value;
    return this.fail('TypeError', `${what} is ${pyType(value)}, not str`);
  }
}

/** Python's `_validate_arg`: `arg` must be one of `options`. */
function validateArg(
  arg: string | undefined,
  options: readonly string[],
  option: string,
  detail: string,
): asserts arg is string {
  if (arg === undefined || !options.includes(arg)) {
    throw new UnsupportedOptionError(option, arg ?? null, options, { detail });
  }
}

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
  const py = new PyOps(framework);

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
  let versionConfig: Py = py.item(versions, versionKey);

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
      const nested = (v: Py, key: string | undefined): Py => {
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
    tagPrefix = `${ptOrTfVersion}-transformers${pyStr(tagVersion)}`;
  } else {
    const prefix = py.get(versionConfig, 'tag_prefix');
    tagPrefix = prefix === undefined ? version : py.str(prefix, 'tag prefix');
  }

  if (repo === `${framework}-inference-graviton`) {
    containerVersion = `${pyStr(containerVersion)}-sagemaker`;
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

/** `_validate_version_and_set_if_needed` */
function validateVersion(
  py: PyOps,
  requested: string | undefined,
  scopeConfig: RegistryDict,
  framework: string,
  imageScope: string | undefined,
  configFor: (name: string) => RegistryDict,
): string {
  const config = scopeConfig.size > 0 ? scopeConfig : configFor(framework);
  const available = py.keys(py.item(config, 'versions'));
  const aliases = config.has('version_aliases') ? py.keys(config.get('version_aliases')) : [];
  const [only] = available;
  if (
    available.length === 1 &&
    only !== undefined &&
    (requested === undefined || !aliases.includes(requested))
  ) {
    return only;
  }
  let version = requested;
  if (!truthy(version)) {
    // _get_latest_version reads the framework's own registry, not the variant in use.
    version = latestVersion(py, configFor(framework), imageScope);
  }
  validateArg(
    version,
    [...available, ...aliases],
    'version',
    `${framework} images exist for other versions`,
  );
  return version;
}

/** `_fetch_latest_version_from_config`: the larger of the first and last listed versions. */
function latestVersion(
  py: PyOps,
  config: RegistryDict,
  imageScope: string | undefined,
): string | undefined {
  if (imageScope !== undefined && config.has(imageScope)) {
    const scoped = config.get(imageScope);
    if (truthy(scoped) && py.contains(scoped, 'version_aliases')) {
      const aliases = py.item(scoped, 'version_aliases');
      if (py.contains(aliases, 'latest')) return py.str(py.item(aliases, 'latest'), 'latest alias');
    }
  }
  let versions: readonly string[] | undefined;
  if (config.has('versions')) {
    versions = py.keys(config.get('versions'));
    if (versions.length === 1) return versions[0];
    if (versions[0] === 'latest' || versions[versions.length - 1] === 'latest') return undefined;
  } else if (
    imageScope !== undefined &&
    config.has(imageScope) &&
    py.contains(config.get(imageScope), 'versions')
  ) {
    versions = py.keys(py.item(config.get(imageScope), 'versions'));
  } else if (config.has('processing') && py.contains(config.get('processing'), 'versions')) {
    versions = py.keys(py.item(config.get('processing'), 'versions'));
  }
  const top = versions?.[0];
  const bottom = versions?.[versions.length - 1];
  if (!top || !bottom) return undefined;
  if (top.endsWith('.x') || bottom.endsWith('.x')) {
    const major = (v: string): number => {
      const digits = v.slice(0, -2).trim().replace(/^\+/, '');
      // Python's int(): digits with optional single underscores between them.
      if (!/^-?\d+(?:_\d+)*$/.test(digits))
        py.fail('ValueError', `invalid literal for int() with base 10: '${v.slice(0, -2)}'`);
      return Number(digits.replace(/_/g, ''));
    };
    return `${Math.max(major(top), major(bottom))}.x`;
  }
  try {
    return compareVersions(top, bottom) >= 0 ? top : bottom;
  } catch (error) {
    if (error instanceof InvalidVersion) py.fail('InvalidVersion', error.message);
    throw error;
  }
}

/** `_validate_py_version_and_set_if_needed` */
function validatePyVersion(
  py: PyOps,
  pyVersion: string | undefined,
  versionConfig: Py,
  framework: string,
  version: string,
): string | undefined {
  const available = py.contains(versionConfig, 'repository')
    ? py.get(versionConfig, 'py_versions')
    : py.keys(versionConfig);
  if (!truthy(available)) return undefined;
  const list = py.list(available);
  if (pyVersion === undefined && framework === 'spark') return undefined;
  if (pyVersion === undefined && list.length === 1) return list[0];
  validateArg(
    pyVersion,
    list,
    'pyVersion',
    `${framework} ${version} images exist for other Python versions`,
  );
  return pyVersion;
}

/** `_processor`: cpu, gpu, inf, trn, neuron or an instance family the registry names. */
function selectProcessor(
  py: PyOps,
  instanceType: string | undefined,
  available: Py,
  serverless: boolean,
): string | undefined {
  if (!truthy(available)) return undefined;
  const list = py.list(available);
  if (list.length === 1 && !truthy(instanceType)) return list[0];
  if (serverless) return 'cpu';
  if (!instanceType) {
    throw new MissingOptionError(
      'instanceType',
      'the images differ by processor; see https://aws.amazon.com/sagemaker/pricing/instance-types',
    );
  }
  const type = instanceType;
  let processor: string;
  if (type.startsWith('local')) {
    processor = type === 'local' ? 'cpu' : 'gpu';
  } else if (type.startsWith('neuron')) {
    processor = 'neuron';
  } else {
    const family = instanceTypeFamily(type);
    if (!family) {
      throw new ValidationError(
        'instanceType',
        type,
        `${INSTANCE_TYPES_HELP} (see https://aws.amazon.com/sagemaker/pricing/instance-types)`,
      );
    }
    if (list.includes(family)) processor = family;
    else if (family.startsWith('inf')) processor = 'inf';
    else if (family.startsWith('trn')) processor = 'trn';
    else if (family[0] === 'g' || family[0] === 'p') processor = 'gpu';
    else processor = 'cpu';
  }
  validateArg(
    processor,
    list,
    'processor',
    `Instance type ${type} needs a ${processor} image, which this registry does not have`,
  );
  return processor;
}

interface TagParts {
  readonly containerVersion: string | undefined;
  readonly distribution: Readonly<Record<string, unknown>> | undefined;
  readonly finalImageScope: string | undefined;
  readonly framework: string;
  readonly inferenceTool: string | undefined;
  readonly instanceType: string | undefined;
  readonly processor: string | undefined;
  readonly pyVersion: string | undefined;
  readonly tagPrefix: string;
  readonly version: string;
}

/** `_format_tag`: the non-empty parts joined with `-`. */
function formatTag(p: TagParts): string {
  const middle = truthy(p.inferenceTool) ? p.inferenceTool : p.processor;
  return [p.tagPrefix, middle, p.pyVersion, p.containerVersion].filter((x) => truthy(x)).join('-');
}

/** `_get_image_tag` */
function imageTag(py: PyOps, p: TagParts): string {
  const family = instanceTypeFamily(p.instanceType);
  let tag: string;
  if (p.framework === 'xgboost' || p.framework === 'sklearn') {
    if (family && p.finalImageScope === INFERENCE_GRAVITON) {
      validateArg(
        family,
        GRAVITON_FAMILIES,
        'instanceType',
        'Graviton images run on these instance families',
      );
    }
    if (GRAVITON_FAMILIES.includes(family) || p.finalImageScope === INFERENCE_GRAVITON) {
      tag =
        ARM64_TAGS[p.framework]?.[p.version] ??
        py.fail('KeyError', `no arm64 (Graviton) image of ${p.framework} ${p.version}`);
    } else {
      tag = formatTag(p);
    }
  } else {
    tag = formatTag(p);
    if (p.instanceType !== undefined) {
      const smdistributed =
        p.distribution !== undefined && Object.hasOwn(p.distribution, 'smdistributed');
      if (family === 'p4d' || smdistributed) {
        const suffix = AUTO_CONTAINER_VERSIONS[`${p.framework}-${tag}`];
        if (suffix) tag = `${tag}-${suffix}`;
      }
    }
  }
  // Python strips with str.rstrip("-gpu"): any trailing run of the characters -, g, p, u.
  if (p.framework === 'sagemaker-tritonserver' && p.processor === 'gpu')
    tag = tag.replace(/[-gpu]+$/, '');
  return tag;
}
