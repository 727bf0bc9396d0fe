import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import { coreEntryPlugin, coreGraph, linkCorePlugin, useCorePlugin } from './scripts/coreChunk.js';

const ENTRIES = {
  index: 'src/index.ts',
  'imageUris/index': 'src/imageUris/index.ts',
  'frameworks/index': 'src/estimators/frameworks/index.ts',
  'tuner/index': 'src/estimators/tuner/index.ts',
  'operators/index': 'src/operators/index.ts',
  'recordio/index': 'src/recordio/index.ts',
  'pythonCompat/index': 'src/pythonCompat/index.ts',
  'testing/index': 'src/testing/index.ts',
  'testing/stepfunctions': 'src/testing/stepfunctions.ts',
  'stepfunctions/index': 'src/stepfunctions/index.ts',
  'stepfunctions/cdk/index': 'src/stepfunctions/cdk/index.ts',
  'airflow/index': 'src/airflow/index.ts',
  'temporal/index': 'src/temporal/index.ts',
  'arbitraries/index': 'src/arbitraries/index.ts',
  cli: 'src/cli.ts',
};

const COMMON = {
  dts: false,
  sourcemap: false,
  clean: false,
  treeshake: true,
  target: 'node22',
} satisfies Options;

/**
 * The builds, run side by side: the ES modules as the core (everything the root loads, in one
 * file: scripts/coreChunk.ts says why) plus every entry point importing from it; CommonJS split
 * as esbuild splits it; the declarations once for both formats.
 */
export async function buildOptions(outDir = 'dist'): Promise<Options[]> {
  const graph = await coreGraph(ENTRIES);
  return [
    {
      ...COMMON,
      name: 'esm-core',
      entry: { core: ENTRIES.index },
      format: ['esm'],
      splitting: false,
      // Fewer tokens for V8 to scan and parse on every import of the root (`void 0`, folded
      // constants, merged declarations): ~3.4M instructions, ~1.3 ms of CPU of a cold start. Names
      // are kept (nothing is renamed, so classes and errors keep theirs) and so is one statement
      // per line; minifying whitespace too saved nothing measurable and would make it one line.
      minifySyntax: true,
      outDir,
      esbuildPlugins: [coreEntryPlugin(graph, ENTRIES.index)],
    },
    {
      ...COMMON,
      name: 'esm',
      entry: ENTRIES,
      format: ['esm'],
      splitting: true,
      outDir,
      esbuildPlugins: [useCorePlugin(graph)],
      plugins: [linkCorePlugin(outDir, graph)],
      // esbuild makes every entry import its shared chunks, even one of helpers it does not use
      // (the root would load a 189-byte chunk for nothing); no chunk has side effects at load.
      treeshake: { moduleSideEffects: 'no-external' },
      // Rollup's tree shaking then drops the names esbuild imports from the core but does not
      // use, with one warning per chunk; that is the intended outcome, so the build stays quiet.
      silent: true,
    },
    { ...COMMON, name: 'cjs', entry: ENTRIES, format: ['cjs'], splitting: true, outDir },
    {
      ...COMMON,
      name: 'types',
      entry: ENTRIES,
      format: ['esm', 'cjs'],
      dts: { only: true },
      outDir,
    },
  ];
}

export default defineConfig(async () => {
  // The builds run at once, so none may clean the folder the others write to.
  rmSync('dist', { recursive: true, force: true });
  return buildOptions();
});
