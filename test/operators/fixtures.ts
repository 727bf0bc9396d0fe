/** Small valid configs of each kind, shaped as the config builders emit them. */
import type { LocalS3 } from '../../src/testing/index.js';
export const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
export const IMAGE = '382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1';

export function trainingConfig(name: string, extra: Record<string, unknown> = {}): any {
  return {
    TrainingJobName: name,
    AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
    RoleArn: ROLE,
    InputDataConfig: [
      {
        ChannelName: 'train',
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: 's3://bucket/train',
            S3DataDistributionType: 'FullyReplicated',
          },
        },
      },
    ],
    OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
    ResourceConfig: { InstanceCount: 2, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 86400 },
    HyperParameters: { k: '5', feature_dim: '4' },
    ...extra,
  };
}

export function tuningConfig(name: string): any {
  const training = trainingConfig('unused');
  return {
    HyperParameterTuningJobName: name,
    HyperParameterTuningJobConfig: {
      Strategy: 'Bayesian',
      HyperParameterTuningJobObjective: { Type: 'Maximize', MetricName: 'test:accuracy' },
      ResourceLimits: { MaxNumberOfTrainingJobs: 4, MaxParallelTrainingJobs: 2 },
      ParameterRanges: {
        IntegerParameterRanges: [{ Name: 'k', MinValue: '1', MaxValue: '10', ScalingType: 'Auto' }],
      },
      TrainingJobEarlyStoppingType: 'Off',
    },
    TrainingJobDefinition: {
      AlgorithmSpecification: training.AlgorithmSpecification,
      RoleArn: ROLE,
      InputDataConfig: training.InputDataConfig,
      OutputDataConfig: training.OutputDataConfig,
      ResourceConfig: training.ResourceConfig,
      StoppingCondition: training.StoppingCondition,
      StaticHyperParameters: { feature_dim: '4' },
    },
  };
}

export function modelConfig(name: string): any {
  return {
    ModelName: name,
    PrimaryContainer: {
      Image: IMAGE,
      Environment: {},
      ModelDataUrl: 's3://bucket/output/model.tar.gz',
    },
    ExecutionRoleArn: ROLE,
  };
}

export function transformRequest(name: string, modelName: string): any {
  return {
    TransformJobName: name,
    ModelName: modelName,
    TransformInput: {
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/test' } },
      ContentType: 'text/csv',
      SplitType: 'Line',
    },
    TransformOutput: { S3OutputPath: 's3://bucket/transform' },
    TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
  };
}

export function processingConfig(name: string): any {
  return {
    ProcessingJobName: name,
    ProcessingResources: {
      ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeSizeInGB: 30 },
    },
    AppSpecification: {
      ImageUri: IMAGE,
      ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/prep.py'],
    },
    RoleArn: ROLE,
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    ProcessingInputs: [
      {
        InputName: 'input-1',
        S3Input: {
          S3Uri: 's3://bucket/raw',
          LocalPath: '/opt/ml/processing/input',
          S3DataType: 'S3Prefix',
          S3InputMode: 'File',
        },
      },
    ],
  };
}

export function deployConfig(endpoint: string, configName: string, model: string): any {
  return {
    Model: modelConfig(model),
    EndpointConfig: {
      EndpointConfigName: configName,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: model,
          InitialInstanceCount: 1,
          InstanceType: 'ml.m5.large',
          InitialVariantWeight: 1,
        },
      ],
    },
    Endpoint: { EndpointName: endpoint, EndpointConfigName: configName },
  };
}

/** Writes the S3 objects the configs above read (channels, model artifacts, inputs) to a local S3 server. */
export function seedFixtureInputs(s3: LocalS3): void {
  s3.putObject('bucket', 'train/data.csv', '1,2,3,4,0\n');
  s3.putObject('bucket', 'output/model.tar.gz', 'model');
  s3.putObject('bucket', 'test/data.csv', '1,2,3,4\n');
  s3.putObject('bucket', 'raw/data.csv', '1,2,3,4\n');
}
