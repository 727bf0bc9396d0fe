/**
 * One list of error codes: every error class of `src/` has a code in `ERROR_CODES` named after the
 * class, and `docs/errors.md` has a row for each, with the class and its code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/index.js';

const SRC = new URL('../src/', import.meta.url).pathname;
const PAGE = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** `[class, code]` of every class that extends SageMakerWorkflowError, read from the sources. */
const CLASSES = sourceFiles(SRC).flatMap((file) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /export class (\w+) extends SageMakerWorkflowError[^{]*\{[^}]*?readonly code = '(\w+)'/g,
    ),
  ].map(([, name = '', code = '']) => [name, code] as const),
);

/** `JobFailedError` → `JOB_FAILED` (RecordIO is one word). */
const codeFor = (name: string): string =>
  name
    .replace(/Error$/, '')
    .replace('RecordIO', 'Recordio')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase();

describe('error codes', () => {
  it('finds the error classes', () => {
    expect(CLASSES.length).toBeGreaterThanOrEqual(ERROR_CODES.length);
  });

  it.each(CLASSES)('%s has the code named after it, listed in ERROR_CODES', (name, code) => {
    expect(code).toBe(codeFor(name));
    expect(ERROR_CODES).toContain(code);
  });

  it('lists each code once and only the codes of classes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect([...ERROR_CODES].sort()).toStrictEqual(CLASSES.map(([, code]) => code).sort());
  });

  it.each(CLASSES)('docs/errors.md has a row for %s', (name, code) => {
    const row = PAGE.split('\n').find((line) => line.startsWith(`| \`${name}\``));
    expect(row, `no row for ${name}`).toBeDefined();
    expect(row).toContain(`| \`${code}\``);
    // A row says when it is thrown and what to do: two more cells with words in them.
    expect(row?.split(/(?<!\\)\|/).filter((cell) => cell.trim().length > 0).length).toBe(4);
  });
});
