import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOrdered, type Json } from '../../scripts/generateImageUris.js';
import { frameworks, registryByName } from '../../src/imageUris/generated/index.js';
import type { RegistryNode } from '../../src/imageUris/registryData.js';

const configDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/reference/image_uri_config',
);

/** Objects as ordered [key, value] lists, so that key order is compared too. */
function ordered(v: Json | RegistryNode): unknown {
  if (v instanceof Map) return [...v].map(([k, x]) => [k, ordered(x)]);
  if (Array.isArray(v)) return v.map((x) => ordered(x));
  return v;
}

describe('generated registries', () => {
  it('hold exactly the facts, in the key order, of the SDK v2.257.6 image_uri_config files', () => {
    // GIVEN the upstream files
    const files = readdirSync(configDir).filter((f) => f.endsWith('.json'));
    expect(frameworks).toStrictEqual(files.map((f) => f.slice(0, -5)).sort());
    for (const framework of frameworks) {
      if (framework === 'instance_gpu_info') continue; // kept as its top-level keys only
      // WHEN a registry is built THEN it equals the file, order included
      const upstream = parseOrdered(readFileSync(join(configDir, `${framework}.json`), 'utf8'));
      expect(ordered(registryByName(framework)!.load()), framework).toStrictEqual(
        ordered(upstream),
      );
    }
  });

  it('keep integer-like version keys where the file has them (xgboost lists "1" first)', () => {
    const training = registryByName('xgboost')!.load().get('training') as ReadonlyMap<
      string,
      RegistryNode
    >;
    const versions = training.get('versions') as ReadonlyMap<string, RegistryNode>;
    expect([...versions.keys()].slice(0, 2)).toStrictEqual(['1', '0.90-1']);
  });
});
