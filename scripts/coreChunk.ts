/**
 * The ES module build puts everything the root entry loads into one file, `dist/core.js`, shared
 * by every entry point. esbuild's code splitting would instead cut the root's module graph into
 * one chunk per set of entry points that use each part: 19 files for the root, and on Node each
 * ES module costs about 1.5 ms of CPU to resolve, read, compile and link, more than their 200 KB
 * of code costs to compile (issue 18: the cold start).
 *
 * How: {@link coreGraph} lists the modules the root reaches, the names each exports and which of
 * them the entry points import; {@link coreEntryPlugin} builds `core.js` from a virtual entry that
 * re-exports those names under a name made unique by the module's number (`KNN$12`), so that
 * esbuild drops the rest; {@link useCorePlugin} makes
 * the other build (all entry points, split as before) import each of those modules from
 * `core.js` instead of bundling its code again, so a class has one identity whichever entry point
 * it comes through (`instanceof` across `/tuner` and the root keeps working); and
 * {@link linkCorePlugin} writes the path of `core.js` relative to each output file.
 */
import { dirname, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { Options } from 'tsup';

type TsupPlugin = NonNullable<Options['plugins']>[number];

/** What the proxies import from until {@link linkCorePlugin} writes the real path. */
const CORE_SPECIFIER = 'sagemaker-workflow-core:core.js';
/** The built file's name inside the output folder. */
export const CORE_FILE = 'core.js';

/** The root's module graph: for each absolute source path, its number and runtime exports. */
export interface CoreGraph {
  readonly modules: ReadonlyMap<string, { readonly id: number; readonly names: readonly string[] }>;
  /** The unique names ({@link unique}) some entry point imports: all the core exports. */
  readonly used: ReadonlySet<string>;
}

/**
 * Lists the source modules the root entry (`entries.index`) reaches, packages excluded, the names
 * each exports, and which of those the entry points import, so that the core holds only those.
 */
export async function coreGraph(entries: Readonly<Record<string, string>>): Promise<CoreGraph> {
  const common = {
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outdir: resolve('.core-graph'),
    logLevel: 'silent',
  } as const;
  const reach = await build({ ...common, entryPoints: [resolve(entries.index!)] });
  const files = Object.keys(reach.metafile.inputs).map((f) => resolve(f));
  // One build with every module as an entry point gives each module's exports, `export *`
  // included, as esbuild resolves them.
  const each = await build({ ...common, entryPoints: files, splitting: true });
  const modules = new Map<string, { id: number; names: readonly string[] }>();
  for (const output of Object.values(each.metafile.outputs)) {
    if (output.entryPoint === undefined) continue;
    const path = resolve(output.entryPoint);
    modules.set(path, { id: files.indexOf(path), names: [...output.exports].sort() });
  }
  // The entry points built as they will be, to read which core names their code imports.
  const probe = await build({
    ...common,
    entryPoints: Object.values(entries).map((e) => resolve(e)),
    splitting: true,
    plugins: [useCorePlugin({ modules, used: new Set() })],
  });
  const used = new Set(probe.outputFiles.flatMap((file) => coreImports(file.text)));
  return { modules, used };
}

/** The unique names `code` imports or re-exports from the core. */
function coreImports(code: string): string[] {
  const names: string[] = [];
  const statement = new RegExp(
    `(?:import|export)\\s*\\{([^}]*)\\}\\s*from\\s*["']${CORE_SPECIFIER}["']`,
    'g',
  );
  for (const [, list] of code.matchAll(statement)) {
    for (const item of list!.split(',')) {
      const name = item.trim().split(/\s+as\s+/)[0];
      if (name) names.push(name);
    }
  }
  return names;
}

const unique = (name: string, id: number): string => `${name}$${id}`;

/** Builds the core from a virtual entry in place of `entry`'s text. */
export function coreEntryPlugin(graph: CoreGraph, entry: string): Plugin {
  const path = resolve(entry);
  const contents = [...graph.modules]
    .map(([file, m]) => {
      const names = m.names.filter((n) => graph.used.has(unique(n, m.id)));
      const list = names.map((n) => `${n} as ${unique(n, m.id)}`).join(', ');
      return names.length ? `export { ${list} } from ${JSON.stringify(file)};` : '';
    })
    .filter(Boolean)
    .join('\n');
  return {
    name: 'sagemaker-workflow-core-entry',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) =>
        args.path === path ? { contents, loader: 'ts', resolveDir: dirname(path) } : undefined,
      );
    },
  };
}

const SKIP = Symbol('core-resolve');

/** Imports every module of the core graph from the core instead of bundling it again. */
export function useCorePlugin(graph: CoreGraph): Plugin {
  return {
    name: 'sagemaker-workflow-use-core',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData === SKIP || args.kind === 'entry-point') return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: SKIP,
        });
        if (resolved.errors.length > 0 || !graph.modules.has(resolved.path)) return undefined;
        // One proxy per importer, so that esbuild puts each proxy in its importer's chunk rather
        // than in a chunk of its own when several entry points import the same module.
        return {
          path: `${resolved.path}?${args.importer}`,
          namespace: 'sagemaker-workflow-core',
          pluginData: resolved.path,
        };
      });
      b.onResolve({ filter: /^sagemaker-workflow-core:/ }, (args) => ({
        path: args.path,
        external: true,
      }));
      b.onLoad({ filter: /.*/, namespace: 'sagemaker-workflow-core' }, (args) => {
        const m = graph.modules.get(args.pluginData as string)!;
        const names = m.names.map((n) => `${unique(n, m.id)} as ${n}`).join(', ');
        return {
          contents: names ? `export { ${names} } from ${JSON.stringify(CORE_SPECIFIER)};` : '',
          loader: 'js',
        };
      });
    },
  };
}

/**
 * Writes the core's path relative to each output file (esbuild keeps external paths as given),
 * and fails the build if an output imports a name the core does not export.
 */
export function linkCorePlugin(outDir: string, graph: CoreGraph): TsupPlugin {
  return {
    name: 'sagemaker-workflow-link-core',
    renderChunk(code, info) {
      if (!code.includes(CORE_SPECIFIER)) return undefined;
      const missing = coreImports(code).filter((n) => !graph.used.has(n));
      if (missing.length)
        throw new Error(`${info.path} imports ${missing.join(', ')}: not in the core`);
      let path = relative(dirname(info.path), resolve(outDir, CORE_FILE)).replaceAll('\\', '/');
      if (!path.startsWith('.')) path = `./${path}`;
      return { code: code.replaceAll(CORE_SPECIFIER, path) };
    },
  };
}
