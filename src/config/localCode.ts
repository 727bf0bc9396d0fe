/**
 * The one read a builder does, as Python does it: the local entry point, source dir and
 * dependencies must exist (Python tars them, so a missing one fails there).
 */
import { LocalPathNotFoundError, MissingOptionError } from '../errors.js';

// Read through process.getBuiltinModule, not imported: an import from a built-in makes the ES
// module loader build a facade of it when the root loads, and fs's facade reads every lazy export
// (its streams, watchers, promises), loading those modules: ~2.4 ms of CPU on each import of the
// root, for checks only configs with local code make (issue 18).
const nodeFs = process.getBuiltinModule('node:fs');
const nodePath = process.getBuiltinModule('node:path');

const isFile = (path: string): boolean => nodeFs.existsSync(path) && nodeFs.statSync(path).isFile();
const isS3 = (path: string | undefined): boolean =>
  path !== undefined && path.toLowerCase().startsWith('s3://');

/**
 * Python's `validate_source_dir`: with a local source dir, the entry point must be a file in it.
 * @throws {@link LocalPathNotFoundError} or {@link MissingOptionError}.
 */
export function validateSourceDir(
  owner: string,
  entryPoint: string | undefined,
  sourceDir: string | undefined,
): void {
  if (!sourceDir || isS3(sourceDir)) return;
  if (entryPoint === undefined) {
    throw new MissingOptionError(
      `${owner}.entryPoint`,
      `an entry point inside sourceDir ${JSON.stringify(sourceDir)} is required`,
    );
  }
  if (!isFile(nodePath.join(sourceDir, entryPoint))) {
    throw new LocalPathNotFoundError(`${owner}.entryPoint`, entryPoint, {
      detail: `as a file in sourceDir ${JSON.stringify(sourceDir)}`,
    });
  }
}

/**
 * What Python would tar: the source dir (or the entry point alone) and the dependencies must exist.
 * @throws {@link LocalPathNotFoundError}.
 */
export function checkCodeToPack(
  owner: string,
  entryPoint: string | undefined,
  sourceDir: string | undefined,
  dependencies: readonly string[],
): void {
  if (sourceDir) {
    if (!nodeFs.existsSync(sourceDir) || !nodeFs.statSync(sourceDir).isDirectory()) {
      throw new LocalPathNotFoundError(`${owner}.sourceDir`, sourceDir);
    }
  } else if (entryPoint !== undefined && !nodeFs.existsSync(entryPoint)) {
    throw new LocalPathNotFoundError(`${owner}.entryPoint`, entryPoint);
  }
  for (const dependency of dependencies) {
    if (!nodeFs.existsSync(dependency))
      throw new LocalPathNotFoundError(`${owner}.dependencies`, dependency);
  }
}

export { isS3 as isS3Uri };
