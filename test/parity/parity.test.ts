/**
 * Replays the Python SDK's parity cases (test/parity/cases, copied from shared/parity) through the
 * public API. Files whose issue is done must pass in full; the others are reported (their count
 * is asserted, so a runner that skips cases fails) until their issue lands.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapter } from './adapter/index.js';
import { collectCaseFiles, formatFailure, runFile } from './runFiles.js';

const CASES = join(import.meta.dirname, 'cases');

/** Files that must pass in full. */
const REQUIRED = new Set([
  'training.generic.jsonl',
  'model.generic.jsonl',
  'transform.generic.jsonl',
  'deploy.generic.jsonl',
  'processing.generic.jsonl',
  'training.framework.jsonl',
  'model.framework.jsonl',
  'transform.framework.jsonl',
  'deploy.framework.jsonl',
  'image_uris.jsonl',
  'recordio.jsonl',
]);

describe('Python parity', () => {
  for (const file of collectCaseFiles([CASES])) {
    const name = basename(file);
    const total = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
    it(`${name} (${REQUIRED.has(name) ? 'required' : 'reported'})`, () => {
      // GIVEN the cases of one file WHEN replayed THEN every case is counted
      const result = runFile(adapter, file);
      expect(result.passed + result.failed).toBe(total);
      console.log(`${name}: ${result.passed} passed, ${result.failed} failed`);
      if (REQUIRED.has(name)) {
        // AND a required file has no failure
        expect(result.failures.slice(0, 10).map((f) => formatFailure(f))).toEqual([]);
      }
    });
  }
});
