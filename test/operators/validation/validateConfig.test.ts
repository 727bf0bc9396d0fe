import { describe, expect, it } from 'vitest';
import { isSageMakerWorkflowError } from '../../../src/errors.js';
import {
  assertValidConfig,
  ConfigValidationError,
  isConfigValidationError,
  validateConfig,
  type ConfigProblem,
} from '../../../src/operators/validation/index.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';

/** A training config as `trainingConfig()` emits it for KNN (Python's `training_config`). */
function knnTraining(): Record<string, any> {
  return {
    AlgorithmSpecification: {
      TrainingImage: '382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1',
      TrainingInputMode: 'File',
    },
    OutputDataConfig: { S3OutputPath: 's3://bucket/prefix/' },
    StoppingCondition: { MaxRuntimeInSeconds: 86400 },
    ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
    RoleArn: ROLE,
    InputDataConfig: [
      {
        DataSource: {
          S3DataSource: {
            S3DataType: 'ManifestFile',
            S3Uri: 's3://bucket/prefix/iris.manifest',
            S3DataDistributionType: 'ShardedByS3Key',
          },
        },
        ChannelName: 'train',
      },
    ],
    HyperParameters: {
      feature_dim: '4',
      k: '3',
      predictor_type: 'classifier',
      mini_batch_size: '10',
    },
    TrainingJobName: 'knn-2024-01-01-00-00-00-000',
    S3Operations: { S3Upload: [{ Path: 'data', Bucket: 'bucket', Key: 'prefix/data', Tar: true }] },
  };
}

const at = (problems: readonly ConfigProblem[]) => problems.map((p) => [p.path, p.rule]);

describe('validateConfig', () => {
  it('accepts a valid training config, ignoring S3Operations', () => {
    // GIVEN a training config as the builders emit it
    // WHEN it is validated
    const problems = validateConfig('training', knnTraining());
    // THEN there is no problem
    expect(problems).toStrictEqual([]);
  });

  it('reports a missing required member with its path', () => {
    const config = knnTraining();
    delete config.RoleArn;
    delete config.OutputDataConfig.S3OutputPath;
    expect(at(validateConfig('training', config))).toStrictEqual([
      ['RoleArn', 'required'],
      ['OutputDataConfig.S3OutputPath', 'required'],
    ]);
  });

  it('treats null as absent, as the AWS SDK does when it serializes', () => {
    const config = { ...knnTraining(), VpcConfig: null, RoleArn: null };
    expect(at(validateConfig('training', config))).toStrictEqual([['RoleArn', 'required']]);
  });

  it('reports type, min, enum, pattern, length and list size problems all at once', () => {
    // GIVEN a config that breaks one rule of each kind
    const config = knnTraining();
    config.ResourceConfig.InstanceCount = '2';
    config.StoppingCondition.MaxRuntimeInSeconds = 0;
    config.AlgorithmSpecification.TrainingInputMode = 'Fast';
    config.TrainingJobName = 'knn_job';
    config.OutputDataConfig.S3OutputPath = 'x'.repeat(1025);
    config.InputDataConfig = [];
    config.EnableNetworkIsolation = 'yes';
    // WHEN it is validated
    const problems = validateConfig('training', config);
    // THEN every problem is reported, in document order, with its path and rule
    expect(at(problems)).toStrictEqual([
      ['AlgorithmSpecification.TrainingInputMode', 'enum'],
      ['OutputDataConfig.S3OutputPath', 'maxLength'],
      ['OutputDataConfig.S3OutputPath', 'pattern'],
      ['StoppingCondition.MaxRuntimeInSeconds', 'min'],
      ['ResourceConfig.InstanceCount', 'type'],
      ['InputDataConfig', 'minItems'],
      ['TrainingJobName', 'pattern'],
      ['EnableNetworkIsolation', 'type'],
    ]);
    expect(problems.find((p) => p.rule === 'enum')?.message).toContain('Pipe, File, FastFile');
  });

  it('names list elements and map keys in paths', () => {
    const config = knnTraining();
    config.InputDataConfig[0].ChannelName = 'bad name!';
    config.HyperParameters['bad key with spaces and a very long name'.repeat(10)] = '1';
    const problems = validateConfig('training', config);
    expect(at(problems)).toStrictEqual([
      ['InputDataConfig[0].ChannelName', 'pattern'],
      [
        `HyperParameters[${JSON.stringify('bad key with spaces and a very long name'.repeat(10))}]`,
        'maxLength',
      ],
    ]);
  });

  it('reports unknown members (typos) but not S3Operations', () => {
    const config = {
      ...knnTraining(),
      ResourceConfig: { InstanceCont: 1, InstanceType: 'ml.m5.large' },
    };
    expect(at(validateConfig('training', config))).toStrictEqual([
      ['ResourceConfig.InstanceCont', 'unknownMember'],
      ['ResourceConfig.InstanceCount', 'crossField:resourceInstances'],
    ]);
  });

  it('skips templated values, numeric fields included', () => {
    const config = knnTraining();
    config.ResourceConfig.InstanceCount = '{{ params.instance_count }}';
    config.TrainingJobName = "{{ ti.xcom_pull(task_ids='name') }}";
    config.InputDataConfig = '{{ inputs }}';
    expect(validateConfig('training', config)).toStrictEqual([]);
  });

  it('reports a non-object config at the root', () => {
    expect(at(validateConfig('model', 'nope'))).toStrictEqual([['', 'type']]);
    expect(at(validateConfig('model', null))).toStrictEqual([['', 'type']]);
    expect(at(validateConfig('model', [1]))).toStrictEqual([['', 'type']]);
  });

  it('limits tuning job names to 32 characters (the model constraint)', () => {
    const tuning = {
      HyperParameterTuningJobName: 'a'.repeat(33),
      HyperParameterTuningJobConfig: {
        Strategy: 'Bayesian',
        ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2 },
      },
      TrainingJobDefinition: {
        AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
        RoleArn: ROLE,
        OutputDataConfig: { S3OutputPath: 's3://b/p' },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
      },
    };
    expect(at(validateConfig('tuning', tuning))).toStrictEqual([
      ['HyperParameterTuningJobName', 'maxLength'],
      ['HyperParameterTuningJobName', 'pattern'],
    ]);
    expect(
      validateConfig('tuning', { ...tuning, HyperParameterTuningJobName: 'a'.repeat(32) }),
    ).toStrictEqual([]);
  });
});

describe('assertValidConfig', () => {
  it('returns for a valid config', () => {
    expect(() => {
      assertValidConfig('training', knnTraining());
    }).not.toThrow();
  });

  it('throws a ConfigValidationError that carries every problem', () => {
    const config = knnTraining();
    delete config.RoleArn;
    config.ResourceConfig.InstanceCount = -1;
    let thrown: unknown;
    try {
      assertValidConfig('training', config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigValidationError);
    expect(isConfigValidationError(thrown)).toBe(true);
    expect(isSageMakerWorkflowError(thrown)).toBe(true);
    const error = thrown as ConfigValidationError;
    expect(error.code).toBe('CONFIG_VALIDATION');
    expect(error.kind).toBe('training');
    expect(at(error.problems)).toStrictEqual([
      ['RoleArn', 'required'],
      ['ResourceConfig.InstanceCount', 'min'],
    ]);
    expect(error.message).toContain('Invalid training config: 2 problems');
    expect(error.message).toContain(
      'ResourceConfig.InstanceCount: must be at least 0, got -1 [min]',
    );
  });
});
