import { describe, expect, it } from 'vitest';
import {
  CROSS_FIELD_RULE_INFO,
  assertValidConfig,
  coerceConfig,
  isConfigValidationError,
  validateConfig,
  type ConfigProblem,
} from '../../../src/operators/validation/index.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

function training(): Record<string, any> {
  return {
    TrainingJobName: 'xgb-1',
    RoleArn: ROLE,
    AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
    OutputDataConfig: { S3OutputPath: 's3://b/out' },
    ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  };
}

/** The AWS blog's Factorization Machines batch transform: MultiRecord with no SplitType. */
function fmBlogTransform(): Record<string, any> {
  return {
    TransformJobName: 'fm-transform-1',
    ModelName: 'fm-model',
    BatchStrategy: 'MultiRecord',
    TransformInput: {
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/test' } },
      ContentType: 'application/x-recordio-protobuf',
    },
    TransformOutput: { S3OutputPath: 's3://b/out' },
    TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
  };
}

const brief = (problems: readonly ConfigProblem[]) =>
  problems.map((p) => [p.path, p.rule, p.severity]);

describe('severity', () => {
  it('makes MultiRecord without SplitType a warning that assertValidConfig returns, not throws', () => {
    // GIVEN the transform the AWS blog published
    const config = fmBlogTransform();
    // WHEN it is validated and asserted
    const problems = validateConfig('transform', config);
    const warnings = assertValidConfig('transform', config);
    // THEN one warning comes back both times, and nothing is thrown
    expect(brief(problems)).toStrictEqual([
      ['TransformInput.SplitType', 'crossField:batchStrategy', 'warning'],
    ]);
    expect(warnings).toStrictEqual(problems);
  });

  it('throws only the errors, with the warnings beside them', () => {
    // GIVEN a config with one warning and one error
    const config = { ...fmBlogTransform(), MaxPayloadInMB: 101 };
    // WHEN it is asserted
    let thrown: unknown;
    try {
      assertValidConfig('transform', config);
    } catch (e) {
      thrown = e;
    }
    // THEN the error lists only the error, and carries the warning
    if (!isConfigValidationError(thrown)) throw new Error('expected a ConfigValidationError');
    expect(brief(thrown.problems)).toStrictEqual([
      ['MaxPayloadInMB', 'crossField:maxPayload', 'error'],
    ]);
    expect(brief(thrown.warnings)).toStrictEqual([
      ['TransformInput.SplitType', 'crossField:batchStrategy', 'warning'],
    ]);
  });

  it('reports shape problems as errors', () => {
    expect(brief(validateConfig('training', { ...training(), RoleArn: 'x' }))).toStrictEqual([
      ['RoleArn', 'minLength', 'error'],
      ['RoleArn', 'pattern', 'error'],
    ]);
  });

  it('gives every cross-field rule a source, and errors only from the model or the reference', () => {
    expect(CROSS_FIELD_RULE_INFO.length).toBeGreaterThanOrEqual(30);
    for (const info of CROSS_FIELD_RULE_INFO) {
      expect(info.rule).toMatch(/^crossField:\w+$/);
      expect(['serviceModel', 'apiReference', 'observed']).toContain(info.source.kind);
      expect(info.source.ref.length).toBeGreaterThan(10);
      if (info.source.kind === 'apiReference') expect(info.source.ref).toMatch(/^https:\/\//);
      if (info.severity === 'error') expect(info.source.kind).not.toBe('observed');
    }
    const severity = Object.fromEntries(CROSS_FIELD_RULE_INFO.map((i) => [i.rule, i.severity]));
    expect(severity['crossField:batchStrategy']).toBe('warning');
    expect(severity['crossField:maxPayload']).toBe('error');
  });
});

describe('skipRules', () => {
  it('turns a cross-field rule off', () => {
    const config = { ...fmBlogTransform(), MaxPayloadInMB: 101 };
    const skipRules = ['crossField:maxPayload', 'crossField:batchStrategy'] as const;
    expect(validateConfig('transform', config, { skipRules })).toStrictEqual([]);
    expect(assertValidConfig('transform', config, { skipRules })).toStrictEqual([]);
  });

  it('turns a service-model rule off', () => {
    const config = { ...training(), RoleArn: 'x' };
    expect(brief(validateConfig('training', config, { skipRules: ['pattern'] }))).toStrictEqual([
      ['RoleArn', 'minLength', 'error'],
    ]);
  });

  it('ignores a malformed options object from JavaScript', () => {
    const config = training();
    expect(validateConfig('training', config, null as never)).toStrictEqual([]);
    expect(validateConfig('training', config, { skipRules: 'pattern' as never })).toStrictEqual([]);
  });
});

describe('limits the model states only in words, or by its type (findings §3)', () => {
  it('refuses MaxPayloadInMB over 100 even without MaxConcurrentTransforms', () => {
    const config = {
      ...fmBlogTransform(),
      TransformInput: { ...fmBlogTransform().TransformInput, SplitType: 'RecordIO' },
    };
    expect(brief(validateConfig('transform', { ...config, MaxPayloadInMB: 101 }))).toStrictEqual([
      ['MaxPayloadInMB', 'crossField:maxPayload', 'error'],
    ]);
    expect(validateConfig('transform', { ...config, MaxPayloadInMB: 100 })).toStrictEqual([]);
  });

  it('refuses a training MaxRuntimeInSeconds over 28 days', () => {
    const config = training();
    config.StoppingCondition = { MaxRuntimeInSeconds: 3456000 };
    expect(brief(validateConfig('training', config))).toStrictEqual([
      ['StoppingCondition.MaxRuntimeInSeconds', 'crossField:maxRuntime', 'error'],
    ]);
    config.StoppingCondition = { MaxRuntimeInSeconds: 28 * 24 * 3600 };
    expect(validateConfig('training', config)).toStrictEqual([]);
  });

  it('refuses an InstanceCount beyond 32 bits', () => {
    const config = training();
    config.ResourceConfig.InstanceCount = 2 ** 31;
    expect(brief(validateConfig('training', config))).toStrictEqual([
      ['ResourceConfig.InstanceCount', 'max', 'error'],
    ]);
    config.ResourceConfig.InstanceCount = 2 ** 31 - 1;
    expect(validateConfig('training', config)).toStrictEqual([]);
  });

  it('refuses tag keys with the reserved aws: prefix, in any case', () => {
    const config = {
      ...training(),
      Tags: [
        { Key: 'aws:owner', Value: 'me' },
        { Key: 'AWS:cost', Value: 'x' },
        { Key: 'team', Value: 'aws:fine-as-a-value' },
      ],
    };
    expect(brief(validateConfig('training', config))).toStrictEqual([
      ['Tags[0].Key', 'crossField:reservedTagKey', 'error'],
      ['Tags[1].Key', 'crossField:reservedTagKey', 'error'],
    ]);
  });
});

describe('depth (findings §3: coerceConfig on a 10k-deep object)', () => {
  function deep(levels: number): Record<string, unknown> {
    let o: Record<string, unknown> = {};
    for (let i = 0; i < levels; i++) o = { a: o };
    return o;
  }

  it('coerceConfig throws a typed error on a 10k-deep object, not a RangeError', () => {
    let thrown: unknown;
    try {
      coerceConfig('endpoint', deep(10_000));
    } catch (e) {
      thrown = e;
    }
    if (!isConfigValidationError(thrown))
      throw new Error(`expected a typed error, got ${String(thrown)}`);
    expect(thrown.problems.map((p) => p.rule)).toStrictEqual(['maxDepth']);
  });

  it('coerceConfig refuses a cyclic config with the same typed error', () => {
    const cyclic: Record<string, unknown> = { EndpointName: 'e' };
    cyclic.Tags = [cyclic];
    expect(() => coerceConfig('endpoint', cyclic)).toThrow(/nested deeper than 100 levels/);
  });

  it('validateConfig reports deep values under a known member and returns', () => {
    const config = { ...training(), HyperParameters: deep(10_000) };
    const problems = validateConfig('training', config);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });
});
