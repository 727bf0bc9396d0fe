/**
 * The packages each built entry point loads at module load: its static imports (ESM `import …
 * from`, `export … from`, bare `import '…'`; CommonJS `require(…)`), followed through the shared
 * chunks they import statically. A dynamic `import('…')` (how `src/internal/loadPeer.ts` loads
 * the optional peers) is not followed: it runs only when a feature is used.
 *
 * `check:package` calls {@link checkNoStaticAwsSdk} on the fresh build; run alone,
 * `tsx scripts/checkPackageImports.ts [dist-parent]` checks an existing `dist/`.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const STATIC_ESM =
  /^[ \t]*(?:import|export)\b(?![ \t]*\()(?:[^'";]*?\bfrom)?[ \t]*['"]([^'"\n]+)['"]/gm;
const REQUIRE = /\brequire\(\s*['"]([^'"\n]+)['"]\s*\)/g;

const packageOf = (spec: string): string =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

const isBuiltin = (spec: string): boolean =>
  spec.startsWith('node:') || builtinModules.includes(packageOf(spec));

/** The bare packages `entry` loads when it is imported, through its static relative imports. */
export function staticPackagesOf(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const pattern = file.endsWith('.cjs') ? REQUIRE : STATIC_ESM;
    for (const [, spec] of text.matchAll(pattern)) {
      if (spec === undefined || isBuiltin(spec)) continue;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.add(packageOf(spec));
    }
  };
  visit(resolve(entry));
  return packages;
}

/** Every JavaScript file `package.json` publishes as an entry point (exports and bin). */
export function builtEntries(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
    bin?: Record<string, string>;
  };
  const files = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/\.c?js$/.test(value)) files.add(value);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  return [...files].sort().map((f) => join(root, f));
}

/**
 * Fails when a built entry point loads an `@aws-sdk/*` package at module load: the AWS clients
 * are optional peers, loaded only by the feature that calls them (issue 11). Prints the packages
 * each entry loads at module load.
 * @throws Error naming every entry and the AWS SDK packages it imports statically
 */
export function checkNoStaticAwsSdk(root: string): void {
  const offenders: string[] = [];
  for (const entry of builtEntries(root)) {
    const loaded = [...staticPackagesOf(entry)].sort();
    const name = entry.slice(root.length + 1);
    console.log(`${name} loads at import: ${loaded.length ? loaded.join(', ') : '(nothing)'}`);
    const aws = loaded.filter((p) => p.startsWith('@aws-sdk/'));
    if (aws.length) offenders.push(`${name}: ${aws.join(', ')}`);
  }
  if (offenders.length) {
    throw new Error(
      `built entry points import AWS SDK packages at module load (use src/internal/loadPeer.ts):\n  ${offenders.join('\n  ')}`,
    );
  }
  console.log('AWS SDK: no entry point imports it at module load');
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  checkNoStaticAwsSdk(resolve(process.argv[2] ?? '.'));
}
