/**
 * The packages each built entry point loads: at module load, its static imports (ESM `import …
 * from`, `export … from`, bare `import '…'`; CommonJS `require(…)`), followed through the shared
 * chunks they import statically; with `dynamic`, its `import('…')` too (how
 * `src/internal/loadPeer.ts` loads the optional peers, when a feature is first used).
 *
 * `check:package` calls {@link checkModuleLoads} and {@link checkCdkIsolation} on the fresh build;
 * run alone, `tsx scripts/checkPackageImports.ts [dist-parent]` checks an existing `dist/`.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const STATIC_ESM =
  /^[ \t]*(?:import|export)\b(?![ \t]*\()(?:[^'";]*?\bfrom)?[ \t]*['"]([^'"\n]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;
const REQUIRE = /\brequire\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/**
 * Packages no entry point may load at module load, whatever `package.json` says of them: the
 * root (config builders, image URIs, RecordIO writers, Python formatting) installs and runs with
 * no AWS service client, no `tar` and no template engine (issue 11), and the entry points that use
 * them load them on first use (`loadPeer`, `requirePeer`). Templates are rendered by our own
 * interpreter (src/operators/templating/engine); a template package coming back is named here.
 */
const NEVER_AT_LOAD: readonly { readonly what: string; readonly test: (p: string) => boolean }[] = [
  { what: 'an AWS SDK package', test: (p) => p.startsWith('@aws-sdk/') },
  { what: 'the archiver, an optional peer', test: (p) => p === 'tar' },
  {
    what: 'a template engine',
    test: (p) => ['nunjucks', '@huggingface/jinja', 'jinja-js', 'handlebars'].includes(p),
  },
];

/**
 * Optional peers an entry point may load at module load: the one feature it exists for. Any
 * other package it loads must be one of `package.json`'s `dependencies`.
 */
const ENTRY_PEERS: Readonly<Record<string, readonly string[]>> = {
  'dist/arbitraries/index': ['fast-check'],
  'dist/stepfunctions/cdk/index': ['aws-cdk-lib', 'constructs'],
  'dist/temporal/index': ['@temporalio/activity'],
  'dist/testing/stepfunctions': ['aws-local-stepfunctions'],
};

interface Manifest {
  readonly exports: Record<string, unknown>;
  readonly bin?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
}

const manifestOf = (root: string): Manifest =>
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

const packageOf = (spec: string): string =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

const isBuiltin = (spec: string): boolean =>
  spec.startsWith('node:') || builtinModules.includes(packageOf(spec));

/**
 * The bare packages `entry` loads, through its relative imports (the shared chunks): at module
 * load, or with `dynamic` at any time.
 */
export function packagesOf(entry: string, { dynamic = false } = {}): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const patterns = file.endsWith('.cjs') ? [REQUIRE] : [STATIC_ESM];
    if (dynamic) patterns.push(DYNAMIC_IMPORT);
    for (const pattern of patterns) {
      for (const [, spec] of text.matchAll(pattern)) {
        if (spec === undefined || isBuiltin(spec)) continue;
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
        else packages.add(packageOf(spec));
      }
    }
  };
  visit(resolve(entry));
  return packages;
}

/** Every JavaScript file `package.json` publishes as an entry point (exports and bin). */
export function builtEntries(root: string): string[] {
  const manifest = manifestOf(root);
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
 * Fails when a built entry point loads at module load a package it must not: one of
 * {@link NEVER_AT_LOAD} (an AWS SDK package, `tar`, a template engine), or any package that is
 * neither a dependency nor a peer {@link ENTRY_PEERS} grants that entry. Prints the packages
 * each entry loads at module load.
 * @throws Error naming every entry and the packages it must not import statically
 */
export function checkModuleLoads(root: string): void {
  const dependencies = new Set(Object.keys(manifestOf(root).dependencies ?? {}));
  const offenders: string[] = [];
  for (const entry of builtEntries(root)) {
    const loaded = [...packagesOf(entry)].sort();
    const name = entry.slice(root.length + 1);
    console.log(`${name} loads at import: ${loaded.length ? loaded.join(', ') : '(nothing)'}`);
    const granted = new Set(ENTRY_PEERS[name.replace(/\.c?js$/, '')] ?? []);
    for (const pkg of loaded) {
      const never = NEVER_AT_LOAD.find((rule) => rule.test(pkg));
      if (never) offenders.push(`${name}: ${pkg} (${never.what})`);
      else if (!dependencies.has(pkg) && !granted.has(pkg)) {
        offenders.push(`${name}: ${pkg} (neither a dependency nor a peer of this entry)`);
      }
    }
  }
  if (offenders.length) {
    throw new Error(
      `built entry points import packages at module load that they must load on first use (src/internal/loadPeer.ts):\n  ${offenders.join('\n  ')}`,
    );
  }
  console.log(
    'module load: no entry point imports an AWS SDK package, tar, a template engine or a peer not its own',
  );
}

/**
 * Only `./stepfunctions/cdk` may load the CDK, even on first use: it is a large optional peer,
 * and the root and `./stepfunctions` must work without it.
 * @throws Error naming the entry that loads it, or saying the CDK entry does not
 */
export function checkCdkIsolation(root: string): void {
  for (const entry of ['dist/index.js', 'dist/stepfunctions/index.js']) {
    const cdk = [...packagesOf(join(root, entry), { dynamic: true })].filter(
      (p) => p === 'aws-cdk-lib' || p === 'constructs',
    );
    if (cdk.length) throw new Error(`${entry} loads ${cdk.join(', ')}`);
  }
  if (!packagesOf(join(root, 'dist/stepfunctions/cdk/index.js')).has('aws-cdk-lib')) {
    throw new Error('dist/stepfunctions/cdk/index.js does not load aws-cdk-lib');
  }
  console.log('aws-cdk-lib: loaded by ./stepfunctions/cdk only');
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const root = resolve(process.argv[2] ?? '.');
  checkModuleLoads(root);
  checkCdkIsolation(root);
}
