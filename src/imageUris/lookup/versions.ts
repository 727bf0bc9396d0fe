/**
 * The version steps of the image lookup: the framework version (given, aliased, or the latest
 * listed) and the Python version of the image.
 * @internal
 */
import { InvalidVersion, compareVersions } from '../pep440.js';
import type { RegistryDict } from '../registryData.js';
import { truthy, type PyOps, type PyTree } from '../../pythonCompat/registryValues.js';
import { validateArg } from './validateArg.js';

/** `_validate_version_and_set_if_needed` */
export function validateVersion(
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
export function latestVersion(
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
export function validatePyVersion(
  py: PyOps,
  pyVersion: string | undefined,
  versionConfig: PyTree,
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
