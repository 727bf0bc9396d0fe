import { describe, expect, it } from 'vitest';
import { validateConfig, type ConfigKind } from '../../../src/operators/validation/index.js';

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
function omit(config: Record<string, any>, key: string): Record<string, any> {
  return Object.fromEntries(Object.entries(config).filter(([k]) => k !== key));
}
const at = (kind: ConfigKind, config: unknown) =>
  validateConfig(kind, config).map((p) => [p.path, p.rule]);

function training(): Record<string, any> {
  return {
    TrainingJobName: 'xgb-1',
    RoleArn: ROLE,
    AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
    OutputDataConfig: { S3OutputPath: 's3://b/out' },
    ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    InputDataConfig: [
      {
        ChannelName: 'train',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/train' } },
      },
    ],
  };
}

/** As Python's `tuning_config` emits it for a single estimator. */
function tuning(): Record<string, any> {
  const definition = omit(training(), 'TrainingJobName');
  return {
    HyperParameterTuningJobName: 'xgb-tune-1',
    HyperParameterTuningJobConfig: {
      Strategy: 'Bayesian',
      HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'validation:auc' },
      ResourceLimits: { MaxNumberOfTrainingJobs: 10, MaxParallelTrainingJobs: 2 },
      ParameterRanges: {
        IntegerParameterRanges: [
          { Name: 'max_depth', MinValue: '1', MaxValue: '10', ScalingType: 'Auto' },
        ],
        ContinuousParameterRanges: [
          { Name: 'eta', MinValue: '0.01', MaxValue: '0.5', ScalingType: 'Logarithmic' },
        ],
        CategoricalParameterRanges: [{ Name: 'booster', Values: ['gbtree', 'dart'] }],
      },
      TrainingJobEarlyStoppingType: 'Off',
    },
    TrainingJobDefinition: { ...definition, StaticHyperParameters: { num_round: '100' } },
  };
}

function transform(): Record<string, any> {
  return {
    TransformJobName: 'xgb-transform-1',
    ModelName: 'xgb-model',
    TransformInput: {
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in' } },
      SplitType: 'Line',
    },
    TransformOutput: { S3OutputPath: 's3://b/out' },
    TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
    MaxConcurrentTransforms: 4,
    MaxPayloadInMB: 6,
    BatchStrategy: 'MultiRecord',
  };
}

/** A deploy config (Python's `deploy_config`): each part is checked under its own kind. */
function deploy(): Record<string, any> {
  return {
    Model: {
      ModelName: 'xgb-model',
      ExecutionRoleArn: ROLE,
      PrimaryContainer: { Image: 'img:1', ModelDataUrl: 's3://b/model.tar.gz', Environment: {} },
    },
    EndpointConfig: {
      EndpointConfigName: 'xgb-config',
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: 'xgb-model',
          InitialInstanceCount: 1,
          InstanceType: 'ml.m5.large',
          InitialVariantWeight: 1,
        },
      ],
    },
    Endpoint: { EndpointName: 'xgb-endpoint', EndpointConfigName: 'xgb-config' },
  };
}

function processing(): Record<string, any> {
  return {
    ProcessingJobName: 'prep-1',
    RoleArn: ROLE,
    AppSpecification: {
      ImageUri: 'img:1',
      ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/prep.py'],
    },
    ProcessingResources: {
      ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
    },
    ProcessingInputs: [
      {
        InputName: 'code',
        AppManaged: false,
        S3Input: {
          S3Uri: 's3://b/code',
          LocalPath: '/opt/ml/processing/input/code',
          S3DataType: 'S3Prefix',
          S3InputMode: 'File',
        },
      },
    ],
  };
}

describe('valid configs of every kind pass', () => {
  it.each([
    ['training', training()],
    ['tuning', tuning()],
    ['transform', transform()],
    ['model', deploy().Model],
    ['endpointConfig', deploy().EndpointConfig],
    ['endpoint', deploy().Endpoint],
    ['processing', processing()],
  ] as const)('%s', (kind, config) => {
    expect(validateConfig(kind, config)).toStrictEqual([]);
  });
});

describe('training', () => {
  it('spot training needs MaxWaitTimeInSeconds not below MaxRuntimeInSeconds', () => {
    const config: Record<string, any> = { ...training(), EnableManagedSpotTraining: true };
    expect(at('training', config)).toStrictEqual([
      ['StoppingCondition.MaxWaitTimeInSeconds', 'crossField:spotMaxWaitRequired'],
    ]);
    config.StoppingCondition = { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 1800 };
    const problems = validateConfig('training', config);
    expect(problems.map((p) => [p.path, p.rule])).toStrictEqual([
      ['StoppingCondition.MaxWaitTimeInSeconds', 'crossField:spotMaxWait'],
    ]);
    expect(problems[0]!.message).toContain('at least MaxRuntimeInSeconds (3600)');
    config.StoppingCondition = { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 };
    expect(at('training', config)).toStrictEqual([]);
    // Without spot training, the wait time is not compared.
    expect(
      at('training', {
        ...config,
        EnableManagedSpotTraining: false,
        StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 10 },
      }),
    ).toStrictEqual([]);
  });

  it('skips a templated wait time until it is rendered', () => {
    const config = {
      ...training(),
      EnableManagedSpotTraining: true,
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: '{{ params.wait }}' },
    };
    expect(at('training', config)).toStrictEqual([]);
  });

  it('needs instance type and count, or instance groups', () => {
    expect(at('training', { ...training(), ResourceConfig: { VolumeSizeInGB: 30 } })).toStrictEqual(
      [
        ['ResourceConfig.InstanceType', 'crossField:resourceInstances'],
        ['ResourceConfig.InstanceCount', 'crossField:resourceInstances'],
      ],
    );
    const groups = {
      VolumeSizeInGB: 30,
      InstanceGroups: [
        { InstanceGroupName: 'a', InstanceType: 'ml.m5.large', InstanceCount: 1 },
        { InstanceGroupName: 'a', InstanceType: 'ml.p3.2xlarge', InstanceCount: 1 },
      ],
    };
    expect(at('training', { ...training(), ResourceConfig: groups })).toStrictEqual([
      ['ResourceConfig.InstanceGroups[1].InstanceGroupName', 'crossField:uniqueInstanceGroupName'],
    ]);
    const withoutResources = omit(training(), 'ResourceConfig');
    expect(at('training', withoutResources)).toStrictEqual([
      ['ResourceConfig', 'crossField:resourceInstances'],
    ]);
  });

  it('names exactly one of TrainingImage and AlgorithmName', () => {
    const both = training();
    both.AlgorithmSpecification.AlgorithmName = 'my-algo';
    expect(at('training', both)).toStrictEqual([
      ['AlgorithmSpecification.AlgorithmName', 'crossField:algorithmOrImage'],
    ]);
    const neither = training();
    delete neither.AlgorithmSpecification.TrainingImage;
    expect(at('training', neither)).toStrictEqual([
      ['AlgorithmSpecification.TrainingImage', 'crossField:algorithmOrImage'],
    ]);
  });

  it('needs unique channel names and tag keys', () => {
    const config = training();
    config.InputDataConfig.push({ ...config.InputDataConfig[0] });
    config.Tags = [
      { Key: 'team', Value: 'a' },
      { Key: 'team', Value: 'b' },
    ];
    expect(at('training', config)).toStrictEqual([
      ['InputDataConfig[1].ChannelName', 'crossField:uniqueChannelName'],
      ['Tags[1].Key', 'crossField:uniqueTagKey'],
    ]);
  });

  it('needs both subnets and security groups in VpcConfig (model constraint)', () => {
    expect(at('training', { ...training(), VpcConfig: { Subnets: ['subnet-1'] } })).toStrictEqual([
      ['VpcConfig.SecurityGroupIds', 'required'],
    ]);
    expect(
      at('training', { ...training(), VpcConfig: { Subnets: [], SecurityGroupIds: ['sg-1'] } }),
    ).toStrictEqual([['VpcConfig.Subnets', 'minItems']]);
  });
});

describe('tuning', () => {
  it('runs no more parallel jobs than jobs in all', () => {
    const config = tuning();
    config.HyperParameterTuningJobConfig.ResourceLimits = {
      MaxNumberOfTrainingJobs: 2,
      MaxParallelTrainingJobs: 3,
    };
    expect(at('tuning', config)).toStrictEqual([
      [
        'HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs',
        'crossField:parallelJobs',
      ],
    ]);
  });

  it('checks numeric ranges: numbers in strings, order, integers, scaling', () => {
    const config = tuning();
    config.HyperParameterTuningJobConfig.ParameterRanges = {
      IntegerParameterRanges: [
        { Name: 'a', MinValue: '10', MaxValue: '1' },
        { Name: 'b', MinValue: '1.5', MaxValue: '3' },
        { Name: 'c', MinValue: '0', MaxValue: '3', ScalingType: 'Logarithmic' },
      ],
      ContinuousParameterRanges: [
        { Name: 'd', MinValue: 'low', MaxValue: '1' },
        { Name: 'e', MinValue: '0.5', MaxValue: '1', ScalingType: 'ReverseLogarithmic' },
        { Name: 'f', MinValue: '{{ params.lo }}', MaxValue: '1' },
      ],
    };
    const base = 'HyperParameterTuningJobConfig.ParameterRanges';
    expect(at('tuning', config)).toStrictEqual([
      [`${base}.IntegerParameterRanges[1].MinValue`, 'crossField:rangeValue'],
      [`${base}.ContinuousParameterRanges[0].MinValue`, 'crossField:rangeValue'],
      [`${base}.IntegerParameterRanges[0].MinValue`, 'crossField:rangeOrder'],
      [`${base}.IntegerParameterRanges[2].MinValue`, 'crossField:logScaling'],
      [`${base}.ContinuousParameterRanges[1].MaxValue`, 'crossField:logScaling'],
    ]);
  });

  it('allows at most 30 values per categorical range and 30 ranges in all', () => {
    const config = tuning();
    const values = Array.from({ length: 31 }, (_, i) => `v${i}`);
    config.HyperParameterTuningJobConfig.ParameterRanges = {
      CategoricalParameterRanges: [{ Name: 'c', Values: values }],
      IntegerParameterRanges: Array.from({ length: 30 }, (_, i) => ({
        Name: `p${i}`,
        MinValue: '1',
        MaxValue: '2',
      })),
    };
    expect(at('tuning', config)).toStrictEqual([
      [
        'HyperParameterTuningJobConfig.ParameterRanges.CategoricalParameterRanges[0].Values',
        'maxItems',
      ],
      ['HyperParameterTuningJobConfig.ParameterRanges', 'crossField:totalRanges'],
    ]);
  });

  it('keeps Hyperband with early stopping off and StrategyConfig for Hyperband', () => {
    const hyperband = tuning();
    hyperband.HyperParameterTuningJobConfig.Strategy = 'Hyperband';
    hyperband.HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType = 'Auto';
    expect(at('tuning', hyperband)).toStrictEqual([
      ['HyperParameterTuningJobConfig.TrainingJobEarlyStoppingType', 'crossField:hyperband'],
    ]);
    const bayesian = tuning();
    bayesian.HyperParameterTuningJobConfig.StrategyConfig = {
      HyperbandStrategyConfig: { MinResource: 1, MaxResource: 10 },
    };
    expect(at('tuning', bayesian)).toStrictEqual([
      ['HyperParameterTuningJobConfig.StrategyConfig', 'crossField:strategyConfig'],
    ]);
  });

  it('has one kind of training definition, with spot and resource rules applied inside it', () => {
    const both = { ...tuning(), TrainingJobDefinitions: [tuning().TrainingJobDefinition] };
    expect(at('tuning', both)).toStrictEqual([
      ['TrainingJobDefinitions', 'crossField:trainingJobDefinition'],
    ]);
    const spot = tuning();
    spot.TrainingJobDefinition.EnableManagedSpotTraining = true;
    delete spot.TrainingJobDefinition.ResourceConfig;
    expect(at('tuning', spot)).toStrictEqual([
      [
        'TrainingJobDefinition.StoppingCondition.MaxWaitTimeInSeconds',
        'crossField:spotMaxWaitRequired',
      ],
      ['TrainingJobDefinition.ResourceConfig', 'crossField:resourceInstances'],
    ]);
  });
});

describe('transform', () => {
  it('keeps MaxConcurrentTransforms x MaxPayloadInMB within 100 MB', () => {
    const config = { ...transform(), MaxConcurrentTransforms: 8, MaxPayloadInMB: 20 };
    const problems = validateConfig('transform', config);
    expect(problems.map((p) => [p.path, p.rule])).toStrictEqual([
      ['MaxConcurrentTransforms', 'crossField:payloadBudget'],
    ]);
    expect(problems[0]!.message).toContain('8 x 20 = 160');
    // 0 means chunked encoding: no budget applies.
    expect(at('transform', { ...config, MaxPayloadInMB: 0 })).toStrictEqual([]);
    expect(at('transform', { ...config, MaxConcurrentTransforms: 5 })).toStrictEqual([]);
  });

  it('needs a split type to batch records', () => {
    const config = transform();
    config.TransformInput.SplitType = 'None';
    expect(at('transform', config)).toStrictEqual([
      ['TransformInput.SplitType', 'crossField:batchStrategy'],
    ]);
  });
});

describe('model, endpoint config, endpoint', () => {
  it('has a primary container or a pipeline, not both', () => {
    const model = deploy().Model;
    expect(at('model', { ...model, Containers: [model.PrimaryContainer] })).toStrictEqual([
      ['Containers', 'crossField:containers'],
    ]);
    const none = omit(model, 'PrimaryContainer');
    expect(at('model', none)).toStrictEqual([['PrimaryContainer', 'crossField:containers']]);
  });

  it('names every container of a pipeline once one is named', () => {
    const { PrimaryContainer: container, ...model } = deploy().Model;
    const config = {
      ...model,
      Containers: [{ ...container, ContainerHostname: 'first' }, container],
    };
    expect(at('model', config)).toStrictEqual([
      ['Containers[1].ContainerHostname', 'crossField:containerHostname'],
    ]);
  });

  it('keeps all container environments within 32 KB', () => {
    const model = deploy().Model;
    model.PrimaryContainer.Environment = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`VAR_${i}`, 'x'.repeat(1000)]),
    );
    expect(at('model', model)).toStrictEqual([['PrimaryContainer', 'crossField:environmentSize']]);
  });

  it('only takes registry credentials for images in the VPC', () => {
    const model = deploy().Model;
    model.PrimaryContainer.ImageConfig = {
      RepositoryAccessMode: 'Platform',
      RepositoryAuthConfig: {
        RepositoryCredentialsProviderArn: 'arn:aws:lambda:us-east-1:123456789012:function:creds',
      },
    };
    expect(at('model', model)).toStrictEqual([
      ['PrimaryContainer.ImageConfig.RepositoryAuthConfig', 'crossField:repositoryAuth'],
    ]);
  });

  it('checks variants: unique names, serverless or instances, concurrency and scaling order', () => {
    const config = deploy().EndpointConfig;
    const variant = config.ProductionVariants[0];
    config.ProductionVariants = [
      variant,
      {
        ...variant,
        ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 3, MaxInstanceCount: 2 },
      },
      {
        VariantName: 'serverless',
        ModelName: 'xgb-model',
        ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5, ProvisionedConcurrency: 6 },
      },
      { VariantName: 'nothing', ModelName: 'xgb-model' },
    ];
    expect(at('endpointConfig', config)).toStrictEqual([
      ['ProductionVariants[1].ManagedInstanceScaling.MinInstanceCount', 'crossField:scalingOrder'],
      ['ProductionVariants[2].ServerlessConfig.ProvisionedConcurrency', 'crossField:concurrency'],
      ['ProductionVariants[3].InstanceType', 'crossField:variantCompute'],
      ['ProductionVariants[1].VariantName', 'crossField:uniqueVariantName'],
    ]);
  });

  it('checks endpoint names with the job-name pattern', () => {
    expect(at('endpoint', { EndpointName: 'my_endpoint', EndpointConfigName: 'c' })).toStrictEqual([
      ['EndpointName', 'pattern'],
    ]);
  });
});

describe('processing', () => {
  it('puts S3 inputs under /opt/ml/processing/', () => {
    const config = processing();
    config.ProcessingInputs[0].S3Input.LocalPath = '/tmp/code';
    config.ProcessingInputs.push({
      InputName: 'data',
      S3Input: { S3Uri: 's3://b/data', S3DataType: 'S3Prefix' },
    });
    expect(at('processing', config)).toStrictEqual([
      ['ProcessingInputs[0].S3Input.LocalPath', 'crossField:localPath'],
      ['ProcessingInputs[1].S3Input.LocalPath', 'crossField:localPath'],
    ]);
  });
});
