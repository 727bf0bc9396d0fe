import { describe, expect, it } from 'vitest';
import { coerceConfig } from '../../../src/operators/validation/index.js';

describe('coerceConfig', () => {
  it('turns numeric and boolean strings into the types the API shape wants', () => {
    // GIVEN a rendered training config: every template came out as a string
    const rendered = {
      TrainingJobName: '123',
      ResourceConfig: { InstanceCount: '2', InstanceType: 'ml.m5.large', VolumeSizeInGB: ' 30 ' },
      StoppingCondition: { MaxRuntimeInSeconds: '3600', MaxWaitTimeInSeconds: '7.2e3' },
      EnableManagedSpotTraining: 'True',
      EnableNetworkIsolation: 'false',
      HyperParameters: { epochs: '10', use_bias: 'true' },
      S3Operations: { S3Upload: [{ Tar: 'True' }] },
    };
    // WHEN it is coerced
    const coerced = coerceConfig('training', rendered);
    // THEN integer and boolean members are converted; string members (names, hyperparameters)
    // and keys outside the API (S3Operations) are kept
    expect(coerced).toStrictEqual({
      TrainingJobName: '123',
      ResourceConfig: { InstanceCount: 2, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
      EnableManagedSpotTraining: true,
      EnableNetworkIsolation: false,
      HyperParameters: { epochs: '10', use_bias: 'true' },
      S3Operations: { S3Upload: [{ Tar: 'True' }] },
    });
    // AND the input is untouched
    expect(rendered.ResourceConfig.InstanceCount).toBe('2');
  });

  it('converts inside lists and maps, and floats', () => {
    const endpointConfig = {
      EndpointConfigName: 'c',
      ProductionVariants: [
        {
          VariantName: 'a',
          InitialInstanceCount: '1',
          InitialVariantWeight: '0.5',
          InstanceType: 'ml.m5.large',
        },
        {
          VariantName: 'b',
          InitialInstanceCount: '3',
          InitialVariantWeight: '1',
          InstanceType: 'ml.m5.large',
        },
      ],
    };
    expect(coerceConfig('endpointConfig', endpointConfig)).toStrictEqual({
      EndpointConfigName: 'c',
      ProductionVariants: [
        {
          VariantName: 'a',
          InitialInstanceCount: 1,
          InitialVariantWeight: 0.5,
          InstanceType: 'ml.m5.large',
        },
        {
          VariantName: 'b',
          InitialInstanceCount: 3,
          InitialVariantWeight: 1,
          InstanceType: 'ml.m5.large',
        },
      ],
    });
  });

  it('leaves what does not convert cleanly for the validator to report', () => {
    const config = {
      ResourceConfig: {
        InstanceCount: '2.5',
        VolumeSizeInGB: 'thirty',
        KeepAlivePeriodInSeconds: '0x10',
      },
      EnableManagedSpotTraining: 'yes',
      StoppingCondition: { MaxRuntimeInSeconds: '{{ params.max_run }}' },
    };
    expect(coerceConfig('training', config)).toStrictEqual(config);
  });

  it('leaves a boolean member named like an Object.prototype property as the string it is', () => {
    // fast-check found this one: 'valueOf' became Object.prototype.valueOf.
    const config = {
      NetworkConfig: {
        EnableNetworkIsolation: 'valueOf',
        EnableInterContainerTrafficEncryption: 'constructor',
      },
    };
    expect(coerceConfig('processing', config)).toStrictEqual(config);
  });

  it('leaves non-object configs and wrong-typed parts as they are', () => {
    expect(coerceConfig('model', 'x')).toBe('x');
    expect(coerceConfig('model', null)).toBe(null);
    expect(coerceConfig('training', { ResourceConfig: ['2'] })).toStrictEqual({
      ResourceConfig: ['2'],
    });
  });
});
