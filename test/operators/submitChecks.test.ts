/**
 * What the operators check before their first AWS call (issue 12 items 4 and 5): validation
 * warnings are logged through the operator's logger and never thrown, `skipRules` turns a rule
 * off, and the idempotency tag counts against the 50-tag limit.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isValidationError } from '../../src/errors.js';
import { runTrainingJob } from '../../src/operators/runTrainingJob.js';
import { runTransformJob } from '../../src/operators/runTransformJob.js';
import { CONFIG_HASH_TAG } from '../../src/operators/submit.js';
import * as f from './fixtures.js';
import { FAST, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** The AWS blog's Factorization Machines transform: MultiRecord without SplitType. */
const blogTransform = (name: string) => {
  const request = f.transformRequest(name, `${name}-model`);
  delete request.TransformInput.SplitType;
  return {
    Model: f.modelConfig(`${name}-model`),
    Transform: { ...request, BatchStrategy: 'MultiRecord' },
  };
};

describe('validation warnings are logged, never thrown', () => {
  test('MultiRecord without SplitType: the transform runs and the warning is in the log', async () => {
    // GIVEN the blog's transform config WHEN it runs
    const { Transform } = await runTransformJob(
      blogTransform('fm-blog'),
      { sagemaker: h.sagemaker },
      { ...FAST, logger: h.logger },
    );
    // THEN it completed, and the operator's logger got the warning with the rule to skip it
    expect(Transform.TransformJobStatus).toBe('Completed');
    const warnings = h.logger.lines.filter((l) => l.startsWith('warn: Validation warning'));
    expect(warnings).toEqual([
      "warn: Validation warning (transform TransformInput.SplitType): should be Line, RecordIO or TFRecord when BatchStrategy is MultiRecord (without it each object is one record) [crossField:batchStrategy; pass skipRules: ['crossField:batchStrategy'] to silence it]",
    ]);
  });

  test('skipRules turns the rule off: no warning', async () => {
    await runTransformJob(
      blogTransform('fm-skip'),
      { sagemaker: h.sagemaker },
      { ...FAST, logger: h.logger, skipRules: ['crossField:batchStrategy'] },
    );
    expect(h.logger.lines.some((l) => l.startsWith('warn: Validation warning'))).toBe(false);
  });
});

describe('the idempotency tag counts against the 50-tag limit', () => {
  const tags = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));

  test('50 user tags are refused before any call, naming the tag', async () => {
    const error = await runTrainingJob(
      f.trainingConfig('tags-50', { Tags: tags(50) }),
      { sagemaker: h.sagemaker },
      { ...FAST, logger: h.logger },
    ).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain(CONFIG_HASH_TAG);
    expect((error as Error).message).toContain('idempotencyTag: false');
    expect(h.local.requests).toEqual([]);
  });

  test('49 user tags run, and 50 tags are sent (the 50th is the hash)', async () => {
    await runTrainingJob(
      f.trainingConfig('tags-49', { Tags: tags(49) }),
      { sagemaker: h.sagemaker },
      { waitForCompletion: false, logger: h.logger },
    );
    const sent = h.local.createRequest('training', 'tags-49')?.['Tags'] as { Key: string }[];
    expect(sent).toHaveLength(50);
    expect(sent.at(-1)?.Key).toBe(CONFIG_HASH_TAG);
  });

  test('with idempotencyTag: false, 50 user tags are accepted and sent as they are', async () => {
    await runTrainingJob(
      f.trainingConfig('tags-off', { Tags: tags(50) }),
      { sagemaker: h.sagemaker },
      { waitForCompletion: false, idempotencyTag: false, logger: h.logger },
    );
    const sent = h.local.createRequest('training', 'tags-off')?.['Tags'] as { Key: string }[];
    expect(sent).toEqual(tags(50));
  });

  test('51 user tags are refused by the service-model rule even without the tag', async () => {
    const error = await runTrainingJob(
      f.trainingConfig('tags-51', { Tags: tags(51) }),
      { sagemaker: h.sagemaker },
      { idempotencyTag: false, logger: h.logger },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    expect(h.local.requests).toEqual([]);
  });
});
