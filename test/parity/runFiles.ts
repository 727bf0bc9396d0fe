/** Runs case files: each with the working directory at its folder, as FORMAT.md asks. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Difference } from './compare.js';
import { isRequestCase, runRequestCase } from './adapter/requestsRunner.js';
import { runCase, type Adapter, type ParityCase } from './runner.js';

export interface Failure {
  readonly id: string;
  readonly reason: string;
  readonly diffs?: readonly Difference[];
}

export interface FileResult {
  readonly file: string;
  readonly passed: number;
  readonly failed: number;
  readonly failures: readonly Failure[];
}

/** The `.jsonl` case files named, folders searched (not recursively into `fixtures/`). */
export function collectCaseFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const abs = resolve(p);
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) {
        if (name.endsWith('.jsonl')) out.push(join(abs, name));
      }
    } else out.push(abs);
  }
  return out;
}

/** Runs every case of `file`; request-format cases (REQUESTS.md) replay through the direct API. */
export async function runFile(adapter: Adapter, file: string): Promise<FileResult> {
  const folder = dirname(file);
  const previous = process.cwd();
  process.chdir(folder);
  const failures: Failure[] = [];
  let passed = 0;
  try {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    for (const [index, line] of lines.entries()) {
      let c: ParityCase;
      try {
        c = JSON.parse(line) as ParityCase;
      } catch (error) {
        failures.push({
          id: `${basename(file)}:${index + 1}`,
          reason: `unreadable case: ${String(error)}`,
        });
        continue;
      }
      const outcome = isRequestCase(c)
        ? await runRequestCase(c, folder)
        : runCase(adapter, c, folder);
      if (outcome.passed) passed++;
      else
        failures.push({
          id: c.id,
          reason: outcome.reason,
          ...(outcome.diffs ? { diffs: outcome.diffs } : {}),
        });
    }
  } finally {
    process.chdir(previous);
  }
  return { file, passed, failed: failures.length, failures };
}

const show = (v: unknown): string => {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/** A failure as readable lines: the case id, why, and each differing path. */
export function formatFailure(f: Failure, maxDiffs = 8): string {
  const lines = [`✗ ${f.id}: ${f.reason}`];
  for (const d of (f.diffs ?? []).slice(0, maxDiffs)) {
    lines.push(
      `    at ${d.path}\n      expected ${show(d.expected)}\n      actual   ${show(d.actual)}`,
    );
  }
  if ((f.diffs?.length ?? 0) > maxDiffs)
    lines.push(`    … ${(f.diffs?.length ?? 0) - maxDiffs} more differences`);
  return lines.join('\n');
}
