import { describe, expect, it } from 'vitest';
import { isSageMakerWorkflowError } from '../../src/errors.js';
import { frameworks, registryByName } from '../../src/imageUris/generated/index.js';
import { retrieve } from '../../src/imageUris/retrieve.js';
import type { ImageUriOptions } from '../../src/imageUris/imageUriOptions.js';
import type { RegistryDict, RegistryNode } from '../../src/imageUris/registryData.js';

const URI =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.(amazonaws\.com|amazonaws\.com\.cn|c2s\.ic\.gov|sc2s\.sgov\.gov|csp\.hci\.ic\.gov|cloud\.adc-e\.uk|amazonaws\.eu)\/[a-z0-9][a-z0-9._/-]*(:[\w][\w.-]*)?$/;

const isDict = (v: RegistryNode | undefined): v is RegistryDict => v instanceof Map;
const SAMPLE_INSTANCE: Record<string, string> = {
  cpu: 'ml.m5.large',
  gpu: 'ml.p3.2xlarge',
  inf: 'ml.inf1.xlarge',
  trn: 'ml.trn1.2xlarge',
  neuron: 'neuron',
};

/** Every version config (with the base framework and Python version keys leading to it). */
function* versionConfigs(
  node: RegistryNode | undefined,
  path: { baseFrameworkVersion?: string; pyVersion?: string },
): Generator<[RegistryDict, { baseFrameworkVersion?: string; pyVersion?: string }]> {
  if (!isDict(node)) return;
  if (node.has('registries')) {
    yield [node, path];
    return;
  }
  for (const [key, child] of node) {
    if (key === 'version_aliases' || !isDict(child)) continue;
    const next = /^(pytorch|tensorflow)/.test(key)
      ? { ...path, baseFrameworkVersion: key }
      : { ...path, pyVersion: key };
    yield* versionConfigs(child, next);
  }
}

/**
 * Registries such as `huggingface-neuronx` are read by `retrieve` for their base framework with
 * an option (`inferenceTool`, `trainingCompilerConfig`), not under their own name.
 */
function variantOptions(framework: string): Partial<ImageUriOptions> {
  const m = /^(huggingface|pytorch)-(neuronx?|training-compiler)$/.exec(framework);
  if (!m) return {};
  return m[2] === 'training-compiler'
    ? { framework: m[1]!, trainingCompilerConfig: {} }
    : { framework: m[1]!, inferenceTool: m[2]! };
}

describe('registry walk', () => {
  it('every framework × scope × version × region gives a well-formed URI or a typed error', () => {
    let calls = 0;
    let uris = 0;
    const problems: string[] = [];
    const succeeded = new Set<string>();

    for (const framework of frameworks) {
      const tree = registryByName(framework)!.load();
      const scopes = tree.has('scope')
        ? (tree.get('scope') as readonly string[])
        : [...tree.keys()];
      for (const scope of scopes) {
        const section = tree.has('scope') ? tree : tree.get(scope);
        const versions = isDict(section) ? section.get('versions') : undefined;
        if (!isDict(versions)) {
          // No versions under this scope (sagemaker-base-python, instance_gpu_info): one try.
          const options = {
            framework,
            region: 'us-east-1',
            imageScope: scope,
            instanceType: 'ml.m5.large',
          };
          calls++;
          try {
            retrieve(options);
            problems.push(`${JSON.stringify(options)}: expected a typed error`);
          } catch (error) {
            if (!isSageMakerWorkflowError(error))
              problems.push(`${JSON.stringify(options)}: ${String(error)}`);
          }
          continue;
        }
        const aliasMap =
          isDict(section) && isDict(section.get('version_aliases'))
            ? (section.get('version_aliases') as RegistryDict)
            : new Map<string, RegistryNode>();
        const aliases = [...aliasMap.keys()];
        const processors = isDict(section) ? section.get('processors') : undefined;
        for (const version of [...versions.keys(), ...aliases.slice(0, 2), undefined]) {
          const key =
            version === undefined
              ? [...versions.keys()].at(-1)!
              : ((aliasMap.get(version) as string | undefined) ?? version);
          const entry = versions.get(key);
          for (const [config, path] of versionConfigs(entry, {})) {
            const procs = (processors ?? config.get('processors') ?? ['cpu']) as readonly string[];
            const instanceTypes = [
              ...new Set([
                ...procs.map((p) => SAMPLE_INSTANCE[p] ?? `ml.${p}.xlarge`),
                'ml.c6g.large',
                undefined,
              ]),
            ];
            const pyVersions = (config.get('py_versions') as readonly string[] | undefined) ?? [
              path.pyVersion,
            ];
            const registries = config.get('registries') as RegistryDict;
            for (const region of [...registries.keys(), 'xx-nowhere-1']) {
              for (const instanceType of instanceTypes) {
                for (const pyVersion of pyVersions.slice(0, 2)) {
                  const options: ImageUriOptions = {
                    framework,
                    region,
                    version,
                    imageScope: scope,
                    instanceType,
                    pyVersion,
                    baseFrameworkVersion: path.baseFrameworkVersion,
                    ...variantOptions(framework),
                  };
                  calls++;
                  let uri: string;
                  try {
                    uri = retrieve(options);
                  } catch (error) {
                    if (!isSageMakerWorkflowError(error))
                      problems.push(`${JSON.stringify(options)}: ${String(error)}`);
                    continue;
                  }
                  uris++;
                  succeeded.add(framework);
                  const m = URI.exec(uri);
                  if (!m || m[2] !== region)
                    problems.push(`${JSON.stringify(options)}: malformed ${uri}`);
                  else if (
                    version !== undefined &&
                    m[1] !== registries.get(region) &&
                    !/inf|trn|c6g/.test(instanceType ?? '')
                  ) {
                    // (Neuron and Graviton instance types select another registry or scope)
                    problems.push(
                      `${JSON.stringify(options)}: account ${m[1]} != ${JSON.stringify(registries.get(region))}`,
                    );
                  }
                }
              }
            }
          }
        }
      }
    }

    expect(problems.slice(0, 20)).toStrictEqual([]);
    // Every image registry yields URIs; only the two files without per-scope versions do not.
    expect(frameworks.filter((f) => !succeeded.has(f))).toStrictEqual([
      'instance_gpu_info',
      'sagemaker-base-python',
    ]);
    expect(calls).toBeGreaterThan(50_000);
    expect(uris).toBeGreaterThan(calls / 5);
  });
});
