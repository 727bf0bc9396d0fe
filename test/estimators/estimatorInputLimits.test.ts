/**
 * The generic estimator checks the input limits of its hyperparameters on its own copy of them
 * (not through the descriptors of the caller's object): the verdicts are those of a walk of the
 * whole options, and a getter's value is checked too, since the copy holds it.
 */
import { describe, expect, it } from 'vitest';
import { isInputLimitError } from '../../src/errors.js';
import { Estimator } from '../../src/estimators/Estimator.js';
import { checkInputLimits, MAX_INPUT_DEPTH } from '../../src/internal/checkInput.js';
import { createSession } from '../../src/session.js';

const session = createSession({ region: 'us-west-2', defaultBucket: 'bucket' });
const base = {
  session,
  role: 'SageMakerRole',
  imageUri: 'team/algo:1',
  instanceCount: 1,
  instanceType: 'ml.m5.large',
} as const;

/** `levels` nested objects around a string. */
function deep(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

const refused = (action: () => unknown): boolean => {
  try {
    action();
    return false;
  } catch (error) {
    if (isInputLimitError(error)) return true;
    throw error;
  }
};

describe('Estimator hyperparameters and the input limits', () => {
  it('refuses a nesting exactly where a walk of the whole options does', () => {
    const verdicts: boolean[] = [];
    for (let levels = MAX_INPUT_DEPTH - 4; levels <= MAX_INPUT_DEPTH; levels++) {
      // GIVEN options whose hyperparameter is nested `levels` deep
      const props = { ...base, hyperparameters: { a: deep(levels) as never } };
      // WHEN the estimator is made, THEN it is refused where the walk of the options is
      const verdict = refused(() => {
        checkInputLimits('o', props);
      });
      expect(refused(() => new Estimator(props))).toBe(verdict);
      verdicts.push(verdict);
      // AND setHyperparameters (the record one level up) agrees with a walk of the record
      const values = props.hyperparameters;
      expect(refused(() => new Estimator(base).setHyperparameters(values))).toBe(
        refused(() => {
          checkInputLimits('o', values);
        }),
      );
    }
    // (the range holds the limit)
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  it('refuses a string over the limit, from the options, setHyperparameters or a getter', () => {
    // GIVEN a string one character over the limit
    const long = 'y'.repeat(1_000_001);
    const getter = Object.defineProperty({}, 'lazy', { enumerable: true, get: () => long });
    // WHEN it is a hyperparameter, THEN each way in is refused
    expect(refused(() => new Estimator({ ...base, hyperparameters: { long } }))).toBe(true);
    expect(refused(() => new Estimator({ ...base, hyperparameters: getter }))).toBe(true);
    expect(refused(() => new Estimator(base).setHyperparameters({ long }))).toBe(true);
  });

  it('leaves the estimator as it was when setHyperparameters is refused', () => {
    // GIVEN an estimator with one hyperparameter
    const estimator = new Estimator({ ...base, hyperparameters: { epochs: 3 } });
    // WHEN a set with a string over the limit is refused
    expect(
      refused(() => estimator.setHyperparameters({ lr: 0.1, long: 'y'.repeat(1_000_001) })),
    ).toBe(true);
    // THEN it holds what it held
    expect(estimator.hyperparameters()).toStrictEqual({ epochs: 3 });
  });

  it('keeps the caller’s record unchanged and unshared', () => {
    // GIVEN a record of 100 hyperparameters
    const values: Record<string, string | number> = {};
    for (let i = 0; i < 100; i++) values[`param_${i}`] = i % 2 ? i : `value-${i}`;
    const before = { ...values };
    // WHEN an estimator takes it and the caller then changes it
    const estimator = new Estimator({ ...base, hyperparameters: values });
    values.param_0 = 'changed';
    // THEN the estimator holds the values as given, and the caller's record was not touched
    expect(estimator.hyperparameters()).toStrictEqual(before);
    expect(Object.isFrozen(values)).toBe(false);
  });
});
