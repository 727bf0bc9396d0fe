/**
 * Checks the committed generated data against the upstream files it was generated from, which
 * are not in the repository:
 *
 * - `src/imageUris/generated/`: every registry holds exactly the facts, in key order, of the
 *   Python SDK's `image_uri_config/*.json`;
 * - `src/operators/validation/generated/shapes.ts`: it is what `generate:validation` writes for
 *   the service model, and every pattern of the whole model converts (so that a model update
 *   with a construct the converter does not know fails here, not at generation time).
 *
 * Usage: npm run check:generated -- <image_uri_config dir> <sagemaker-service-2.json[.gz]>
 * Exits 1 with a list of the differences, 2 on bad arguments.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { frameworks, registryByName } from '../src/imageUris/generated/index.js';
import type { RegistryNode } from '../src/imageUris/registryData.js';
import { parseOrdered, type Json } from './generateImageUris.js';
import { javaPatternToJs, renderShapesModule } from './generateValidation.js';

/** Objects as ordered [key, value] lists, so that key order is compared too. */
function ordered(v: Json | RegistryNode): unknown {
  if (v instanceof Map) return [...v].map(([k, x]) => [k, ordered(x)]);
  if (Array.isArray(v)) return v.map((x) => ordered(x));
  return v;
}

/** Differences between the generated registries and the upstream files. */
export function checkImageUris(configDir: string): string[] {
  const problems: string[] = [];
  const files = readdirSync(configDir).filter((f) => f.endsWith('.json'));
  const upstream = files.map((f) => f.slice(0, -5)).sort();
  if (!isDeepStrictEqual([...frameworks], upstream)) {
    const missing = upstream.filter((f) => !frameworks.includes(f));
    const extra = frameworks.filter((f) => !upstream.includes(f));
    problems.push(`registries differ: missing ${missing.join(', ')}; extra ${extra.join(', ')}`);
  }
  for (const framework of frameworks) {
    if (framework === 'instance_gpu_info') continue; // kept as its top-level keys only
    const path = join(configDir, `${framework}.json`);
    if (!existsSync(path)) continue;
    const want = ordered(parseOrdered(readFileSync(path, 'utf8')));
    const got = registryByName(framework)?.load();
    if (got === undefined || !isDeepStrictEqual(ordered(got), want)) {
      problems.push(`image URIs: ${framework} differs from ${path}`);
    }
  }
  return problems;
}

/** Differences between the committed shapes and the service model. */
export function checkShapes(modelPath: string): string[] {
  const raw = readFileSync(modelPath);
  const text = (modelPath.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const model = JSON.parse(text) as Parameters<typeof renderShapesModule>[0] & {
    shapes: Record<string, { pattern?: string }>;
  };
  const problems: string[] = [];
  const committed = readFileSync(
    new URL('../src/operators/validation/generated/shapes.ts', import.meta.url),
    'utf8',
  );
  if (renderShapesModule(model) !== committed) {
    problems.push(
      `validation shapes are out of date with ${modelPath}: npm run generate:validation`,
    );
  }
  const patterns = new Set(
    Object.values(model.shapes).flatMap((s) => (s.pattern === undefined ? [] : [s.pattern])),
  );
  for (const pattern of patterns) {
    try {
      const [source, flags] = javaPatternToJs(pattern);
      new RegExp(source, flags);
    } catch (error) {
      problems.push(`pattern does not convert: ${pattern}: ${(error as Error).message}`);
    }
  }
  return problems;
}

function main(argv: readonly string[]): number {
  const [configDir, modelPath] = argv;
  if (configDir === undefined || modelPath === undefined) {
    console.error('usage: check:generated <image_uri_config dir> <sagemaker-service-2.json[.gz]>');
    return 2;
  }
  for (const path of [configDir, modelPath]) {
    if (!existsSync(path)) {
      console.error(`check:generated: ${path} does not exist`);
      return 2;
    }
  }
  const problems = [...checkImageUris(configDir), ...checkShapes(modelPath)];
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) return 1;
  console.log(`check:generated: ${frameworks.length} registries and the validation shapes match`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
