/** Invariants of the config builders over generated estimators, inputs and clocks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Estimator } from '../../src/estimators/Estimator.js';
import { trainingConfig } from '../../src/config/trainingConfig.js';
import { trainingJob } from '../../src/config/trainingJob.js';
import { transformConfigFromEstimator } from '../../src/config/transformConfigFromEstimator.js';
import { sagemakerTimestamp } from '../../src/pythonCompat/timestamps.js';
import { isPlaceholder } from '../../src/templates.js';
import { estimatorPropsArb, sessionArb, trainingInputsArb } from '../../src/arbitraries/index.js';

const caseArb = fc
  .record({ props: estimatorPropsArb(sessionArb()), inputs: trainingInputsArb() })
  .map(({ props, inputs }) => ({ session: props.session, props, inputs }));

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasUndefined);
  return false;
}

describe('trainingConfig properties', () => {
  it('gives the same config for the same inputs and clock', () => {
    fc.assert(
      fc.property(caseArb, ({ props, inputs }) => {
        expect(trainingConfig(new Estimator(props), { inputs })).toStrictEqual(
          trainingConfig(new Estimator(props), { inputs }),
        );
      }),
    );
  });

  it('is plain JSON with no undefined anywhere', () => {
    fc.assert(
      fc.property(caseArb, ({ props, inputs }) => {
        const config = trainingConfig(new Estimator(props), { inputs });
        expect(hasUndefined(config)).toBe(false);
        expect(JSON.parse(JSON.stringify(config))).toStrictEqual(config);
      }),
    );
  });

  it('renders every hyperparameter as a string', () => {
    fc.assert(
      fc.property(caseArb, ({ props, inputs }) => {
        const config = trainingConfig(new Estimator(props), { inputs });
        for (const value of Object.values(config.HyperParameters ?? {}))
          expect(typeof value).toBe('string');
      }),
    );
  });

  it('passes templates through untouched', () => {
    fc.assert(
      fc.property(caseArb, ({ props, inputs }) => {
        const config = trainingConfig(new Estimator(props), { inputs });
        if (isPlaceholder(props.role)) expect(config.RoleArn).toBe(props.role);
        if (isPlaceholder(props.instanceCount))
          expect(config.ResourceConfig?.InstanceCount).toBe(props.instanceCount);
        if (isPlaceholder(props.instanceType))
          expect(config.ResourceConfig?.InstanceType).toBe(props.instanceType);
        if (isPlaceholder(props.outputPath))
          expect(config.OutputDataConfig?.S3OutputPath).toBe(props.outputPath);
        if (isPlaceholder(inputs))
          expect(config.InputDataConfig?.[0]?.DataSource?.S3DataSource?.S3Uri).toBe(inputs);
      }),
    );
  });

  it('names jobs as Python: base truncated to fit 63 characters, then the timestamp', () => {
    fc.assert(
      fc.property(caseArb, ({ session, props }) => {
        const config = trainingConfig(new Estimator(props));
        const stamp = sagemakerTimestamp(session.now());
        const name = String(config.TrainingJobName);
        expect(name.endsWith(`-${stamp}`)).toBe(true);
        if (props.baseJobName) {
          expect(name).toBe(`${props.baseJobName.slice(0, 63 - stamp.length - 1)}-${stamp}`);
          expect(name.length).toBeLessThanOrEqual(63);
        }
      }),
    );
  });
});

describe('transformConfigFromEstimator properties', () => {
  it('names the model in both halves the same and stays plain JSON', () => {
    fc.assert(
      fc.property(caseArb, ({ props, inputs }) => {
        const estimator = new Estimator(props);
        const { run } = trainingJob(estimator, { inputs });
        const config = transformConfigFromEstimator(estimator, {
          from: { airflowTask: 'train', taskType: 'training', run },
          instanceCount: 1,
          instanceType: 'ml.m5.large',
          data: 's3://bucket/batch',
        });
        expect(config.Transform.ModelName).toBe(config.Model.ModelName);
        expect(hasUndefined(config)).toBe(false);
      }),
    );
  });
});
