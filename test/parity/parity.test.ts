/**
 * Replays the Python SDK's parity cases (test/parity/cases, copied from shared/parity) through the
 * public API, one test per case file. Every file must pass in full; each test also asserts that
 * every case of its file was counted, so a runner that silently skips cases fails.
 *
 * The request cases (test/parity/requests, REQUESTS.md) replay through the direct API over real
 * SDK clients. Files still being ported have an expected-pass floor that only goes up; a file
 * whose floor is its case count must pass in full like the Airflow files.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapter } from './adapter/index.js';
import { collectCaseFiles, formatFailure, runFile } from './runFiles.js';

const CASES = join(import.meta.dirname, 'cases');
const REQUESTS = join(import.meta.dirname, 'requests');

/** Cases of each request file known to pass; raise these as the port grows, never lower them. */
const REQUEST_FLOORS: Readonly<Record<string, number>> = {
  'requests.attach.jsonl': 193,
  'requests.deploy.jsonl': 240,
  'requests.fit.amazon.jsonl': 220,
  'requests.fit.framework.jsonl': 220,
  'requests.fit.generic.jsonl': 220,
  'requests.process.jsonl': 240,
  'requests.recordset.jsonl': 179,
  'requests.transform.jsonl': 240,
  'requests.tune.jsonl': 240,
};

const countCases = (file: string): number =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '').length;

describe('Python parity', () => {
  for (const file of collectCaseFiles([CASES])) {
    const name = basename(file);
    const total = countCases(file);
    it(`${name}: ${total} cases`, async () => {
      // GIVEN the cases of one file WHEN replayed through our API
      const result = await runFile(adapter, file);
      // THEN every case is counted and none fails
      expect(result.passed + result.failed).toBe(total);
      expect(result.failures.slice(0, 10).map((f) => formatFailure(f))).toEqual([]);
    });
  }
});

describe('Python parity of the direct path (requests)', () => {
  for (const file of collectCaseFiles([REQUESTS])) {
    const name = basename(file);
    const total = countCases(file);
    const floor = REQUEST_FLOORS[name];
    it(`${name}: ${total} cases, at least ${String(floor)} passing`, async () => {
      // GIVEN the request cases of one file WHEN replayed over the recorded responses
      const result = await runFile(adapter, file);
      // THEN every case is counted, and no fewer pass than the file's floor (all, when full)
      expect(floor, `${name} needs a floor`).toBeDefined();
      expect(result.passed + result.failed).toBe(total);
      if (floor === total)
        expect(result.failures.slice(0, 10).map((f) => formatFailure(f))).toEqual([]);
      else expect(result.passed).toBeGreaterThanOrEqual(floor ?? total);
    });
  }
});
