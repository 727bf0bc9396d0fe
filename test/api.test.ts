/**
 * The public API, entry point by entry point: removing or renaming an export must be a deliberate
 * change of these snapshots (`npx vitest run test/api.test.ts -u`). The first snapshot holds the
 * run-time values each entry exports; the second holds every name the compiler sees, types
 * included, with its kind.
 */
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { apiReport, ENTRY_SOURCES } from './apiReport.js';

const ENTRIES = {
  '.': () => import('../src/index.js'),
  './image-uris': () => import('../src/imageUris/index.js'),
  './frameworks': () => import('../src/estimators/frameworks/index.js'),
  './tuner': () => import('../src/estimators/tuner/index.js'),
  './operators': () => import('../src/operators/index.js'),
  './recordio': () => import('../src/recordio/index.js'),
  './python-compat': () => import('../src/pythonCompat/index.js'),
  './testing': () => import('../src/testing/index.js'),
  './testing/stepfunctions': () => import('../src/testing/stepfunctions.js'),
  './arbitraries': () => import('../src/arbitraries/index.js'),
  './stepfunctions': () => import('../src/stepfunctions/index.js'),
  './stepfunctions/cdk': () => import('../src/stepfunctions/cdk/index.js'),
  './airflow': () => import('../src/airflow/index.js'),
  './temporal': () => import('../src/temporal/index.js'),
} as const satisfies Record<keyof typeof ENTRY_SOURCES, unknown>;

describe('public API', () => {
  for (const [entry, load] of Object.entries(ENTRIES)) {
    it(`values of ${entry}`, async () => {
      const mod = (await load()) as Record<string, unknown>;
      expect(Object.keys(mod).sort()).toMatchSnapshot();
    });
  }

  describe('as the compiler sees it', () => {
    const report = apiReport();

    it.each(Object.keys(ENTRY_SOURCES))('names and kinds of %s', (entry) => {
      const names = report[entry] ?? [];
      expect(names.map(({ name, kind }) => `${kind} ${name}`)).toMatchSnapshot();
    });

    it('gives each name one meaning across the entry points', () => {
      const meanings = new Map<string, Set<string>>();
      for (const names of Object.values(report)) {
        for (const { name, declaration } of names) {
          meanings.set(name, (meanings.get(name) ?? new Set()).add(declaration));
        }
      }
      const ambiguous = [...meanings].filter(([, m]) => m.size > 1).map(([name]) => name);
      expect(ambiguous).toStrictEqual([]);
    });

    it('covers every entry point of package.json', () => {
      const exported = Object.keys(pkg.exports).filter((e) => e !== './package.json');
      expect(exported.sort()).toStrictEqual(Object.keys(ENTRY_SOURCES).sort());
    });

    it('keeps the root narrow', () => {
      expect(report['.']?.length).toBeLessThanOrEqual(210);
    });
  });
});
