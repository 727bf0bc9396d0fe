/**
 * Optional peers load on first use (issue 11 item 2): the operators entry point imports without
 * `@aws-sdk/client-*`, `@aws-sdk/lib-storage` or `tar`, and its first use fails with a typed error
 * naming the package to install.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isMissingPeerDependencyError } from '../../src/errors.js';
import { loadPeer, requirePeer } from '../../src/internal/loadPeer.js';

const child = (script: string, hook: string) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--import', hook, '--no-warnings', script],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').at(-1);
        if (!line) reject(new Error(`child gave no answer: ${error?.message ?? ''} ${stderr}`));
        else resolve(JSON.parse(line) as Record<string, unknown>);
      },
    );
  });

describe('loadPeer', () => {
  test('requirePeer: a package that is not installed gives the typed error naming it', () => {
    // GIVEN a package name nothing installs
    const name = 'sagemaker-workflow-no-such-peer';
    // WHEN it is required synchronously, THEN the error names it and what needs it
    let error: unknown;
    try {
      requirePeer(name, 'a test feature');
    } catch (e) {
      error = e;
    }
    expect(isMissingPeerDependencyError(error)).toBe(true);
    expect(error).toMatchObject({ packageName: name, feature: 'a test feature' });
  });

  test('requirePeer: an installed package is the one require gives', () => {
    // GIVEN tar, installed as a dev dependency; WHEN it is required, THEN its create is there
    expect(typeof (requirePeer('tar', 'a test feature') as { create?: unknown }).create).toBe(
      'function',
    );
  });

  test('a package that is not installed gives the typed error naming it', async () => {
    const name = 'sagemaker-workflow-no-such-peer';
    const error = await loadPeer(name, 'a test feature', () => import(name)).catch(
      (e: unknown) => e,
    );
    expect(isMissingPeerDependencyError(error)).toBe(true);
    expect(error).toMatchObject({ packageName: name, feature: 'a test feature' });
    expect((error as Error).message).toBe(
      `The package ${name} is not installed (used by a test feature): npm install ${name}`,
    );
  });

  test('a failed load is not cached; a loaded one is loaded once', async () => {
    let calls = 0;
    const missing = Object.assign(new Error("Cannot find package 'pkg-x'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const importer = () => {
      calls += 1;
      return calls === 1 ? Promise.reject(missing) : Promise.resolve({ ok: calls });
    };
    await expect(loadPeer('pkg-x', 'f', importer)).rejects.toMatchObject({
      code: 'MISSING_PEER_DEPENDENCY',
    });
    expect(await loadPeer('pkg-x', 'f', importer)).toEqual({ ok: 2 });
    expect(await loadPeer('pkg-x', 'f', importer)).toEqual({ ok: 2 });
    expect(calls).toBe(2);
  });

  test("a peer that is there but misses a dependency of its own is the import's own error", async () => {
    const nested = Object.assign(new Error("Cannot find package '@smithy/x' imported from pkg-y"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const error = await loadPeer('pkg-y-2', 'f', () => Promise.reject(nested)).catch(
      (e: unknown) => e,
    );
    expect(error).toBe(nested);
  });
});

/** The outcome `script` (under ./child) prints when run with the optional peers hidden. */
const withoutPeers = (script: string) =>
  child(
    fileURLToPath(new URL(`./child/${script}`, import.meta.url)),
    new URL('./child/hidePeers.mjs', import.meta.url).href,
  );

/** The first use's error, as a child reports it: the typed one naming `packageName`. */
const missing = (packageName: string) => ({
  name: 'MissingPeerDependencyError',
  code: 'MISSING_PEER_DEPENDENCY',
  packageName,
});

test('the operators import without the peers and fail at first use, naming the package', async () => {
  // GIVEN the operators entry point imported with the AWS SDK hidden
  const outcome = await withoutPeers('useOperatorsWithoutPeers.ts');
  // WHEN runTrainingJob runs, THEN the import worked and the operator names the missing client
  expect(outcome['imported']).toBe(true);
  expect(outcome['exports']).toBeGreaterThan(50);
  expect(outcome['used']).toMatchObject(missing('@aws-sdk/client-sagemaker'));
});

test('the direct calls import without the peers and fail at first use, naming the package', async () => {
  // GIVEN the operators entry point imported with the AWS SDK hidden
  const outcome = await withoutPeers('useDirectWithoutPeers.ts');
  // WHEN direct.fit runs, THEN the import worked and the call names the missing client
  expect(outcome['imported']).toBe(true);
  expect(outcome['used']).toMatchObject(missing('@aws-sdk/client-sagemaker'));
});

test('the CDK entry imports without tar and a Tar archive fails at first use, naming it', async () => {
  // GIVEN sagemaker-workflow/stepfunctions/cdk imported with tar hidden (import and require)
  const outcome = await withoutPeers('useCdkArchiveWithoutTar.ts');
  // WHEN a file is archived, THEN the import worked and the archive names the missing package
  expect(outcome['imported']).toBe(true);
  expect(outcome['used']).toMatchObject(missing('tar'));
});
