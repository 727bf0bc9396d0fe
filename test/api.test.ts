/**
 * The public API, entry point by entry point: removing or renaming an export must be a deliberate
 * change of this snapshot (`npx vitest run test/api.test.ts -u`).
 */
import { describe, expect, it } from 'vitest';

const ENTRIES = {
  '.': () => import('../src/index.js'),
  './image-uris': () => import('../src/imageUris/index.js'),
  './operators': () => import('../src/operators/index.js'),
  './recordio': () => import('../src/recordio/index.js'),
  './testing': () => import('../src/testing/index.js'),
  './arbitraries': () => import('../src/arbitraries/index.js'),
} as const;

describe('public API', () => {
  for (const [entry, load] of Object.entries(ENTRIES)) {
    it(`exports of ${entry}`, async () => {
      const mod = (await load()) as Record<string, unknown>;
      expect(Object.keys(mod).sort()).toMatchSnapshot();
    });
  }
});
