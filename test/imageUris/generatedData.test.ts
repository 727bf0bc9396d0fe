/**
 * The generated registries as committed. Whether they still hold exactly the facts of the
 * upstream `image_uri_config` files is `npm run check:generated` (those files are not in the
 * repository).
 */
import { describe, expect, it } from 'vitest';
import { frameworks, registryByName } from '../../src/imageUris/generated/index.js';
import type { RegistryNode } from '../../src/imageUris/registryData.js';

describe('generated registries', () => {
  it('load every framework they list', () => {
    // GIVEN the list of generated registries WHEN each is loaded THEN it is a non-empty map
    expect(frameworks.length).toBeGreaterThan(50);
    for (const framework of frameworks) {
      const registry = registryByName(framework);
      expect(registry, framework).toBeDefined();
      expect(registry?.load().size, framework).toBeGreaterThan(0);
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
