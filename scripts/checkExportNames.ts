/**
 * Every function and class a built entry point exports, in both formats, carries the name it is
 * exported under: esbuild renames a class whose body names itself (`var Transformer = class
 * _Transformer`), and an arrow made by a factory has no name, and users read `name` (in stack
 * traces, `instance.constructor.name`, API listings). Aliases exported on purpose are listed.
 *
 * `check:package` calls {@link checkExportNames} on the fresh build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Exports that are other names for a function on purpose: `export { retrieve as imageUri }`. */
const ALIASES: Readonly<Record<string, string>> = {
  imageUri: 'retrieve',
  imageUriFor: 'retrieveFor',
};

type Conditions =
  | string
  | { readonly import?: Conditions; readonly require?: Conditions; readonly default?: Conditions };

function target(spec: Conditions | undefined): string | undefined {
  if (spec === undefined || typeof spec === 'string') return spec;
  return target(spec.default);
}

/** Throws naming each export whose `name` differs from its export name, in `root`'s `dist/`. */
export async function checkExportNames(root: string): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, Conditions>;
  };
  const require = createRequire(join(root, 'package.json'));
  const wrong: string[] = [];
  for (const [entry, spec] of Object.entries(pkg.exports)) {
    if (typeof spec === 'string') continue; // package.json and other plain files
    const esm = target(spec.import);
    const cjs = target(spec.require);
    const modules: [string, Record<string, unknown>][] = [];
    if (esm?.endsWith('.js'))
      modules.push(['esm', await import(pathToFileURL(join(root, esm)).href)]);
    if (cjs?.endsWith('.cjs'))
      modules.push(['cjs', require(join(root, cjs)) as Record<string, unknown>]);
    for (const [format, mod] of modules) {
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== 'function') continue;
        const expected = ALIASES[name] ?? name;
        if (value.name !== expected)
          wrong.push(`${entry} (${format}) ${name}: name ${JSON.stringify(value.name)}`);
      }
    }
  }
  if (wrong.length > 0)
    throw new Error(`exports whose name is not their export name:\n  ${wrong.join('\n  ')}`);
  console.log('export names: ok');
}
