/**
 * Replays the Python SDK's parity cases (test/parity/cases, copied from shared/parity) through the
 * public API, one test per case file. Every file must pass in full; each test also asserts that
 * every case of its file was counted, so a runner that silently skips cases fails.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapter } from './adapter/index.js';
import { collectCaseFiles, formatFailure, runFile } from './runFiles.js';

const CASES = join(import.meta.dirname, 'cases');

describe('Python parity', () => {
  for (const file of collectCaseFiles([CASES])) {
    const name = basename(file);
    const total = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '').length;
    it(`${name}: ${total} cases`, async () => {
      // GIVEN the cases of one file WHEN replayed through our API
      const result = await runFile(adapter, file);
      // THEN every case is counted and none fails
      expect(result.passed + result.failed).toBe(total);
      expect(result.failures.slice(0, 10).map((f) => formatFailure(f))).toEqual([]);
    });
  }
});
