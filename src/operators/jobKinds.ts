/**
 * The table the generic operator code reads: for each kind of SageMaker resource, its name and
 * status members, its Create / Describe / Stop / List commands and its log group.
 * @internal
 */
import type { ResourceKind } from './errors.js';
import { sageMakerRequest, type AnyCommand, type Json } from './sagemakerCall.js';

/** How one resource kind is created, described, listed, stopped and awaited. @internal */
export interface KindSpec {
  readonly kind: ResourceKind;
  /** Request / Describe member holding the name. */
  readonly nameKey: string;
  /** Describe member holding the ARN. */
  readonly arnKey: string;
  /** Describe member holding the status; empty for resources without one. */
  readonly statusKey: string;
  /** Status that means success. */
  readonly successStatus: string;
  readonly create: (request: Json) => AnyCommand;
  readonly describe: (name: string) => AnyCommand;
  readonly stop?: (name: string) => AnyCommand;
  readonly list?: {
    readonly command: (nameContains: string, nextToken: string | undefined) => AnyCommand;
    readonly summariesKey: string;
  };
  /** CloudWatch log group whose streams are named `<job name>/...`. */
  readonly logGroup?: string;
}

const listInput = (nameContains: string, nextToken: string | undefined): Json => ({
  NameContains: nameContains,
  MaxResults: 100,
  ...(nextToken ? { NextToken: nextToken } : {}),
});

/** @internal */
export const KINDS = {
  training: {
    kind: 'training',
    nameKey: 'TrainingJobName',
    arnKey: 'TrainingJobArn',
    statusKey: 'TrainingJobStatus',
    successStatus: 'Completed',
    create: (r) => sageMakerRequest('CreateTrainingJob', r),
    describe: (name) => sageMakerRequest('DescribeTrainingJob', { TrainingJobName: name }),
    stop: (name) => sageMakerRequest('StopTrainingJob', { TrainingJobName: name }),
    list: {
      command: (n, t) => sageMakerRequest('ListTrainingJobs', listInput(n, t)),
      summariesKey: 'TrainingJobSummaries',
    },
    logGroup: '/aws/sagemaker/TrainingJobs',
  },
  tuning: {
    kind: 'tuning',
    nameKey: 'HyperParameterTuningJobName',
    arnKey: 'HyperParameterTuningJobArn',
    statusKey: 'HyperParameterTuningJobStatus',
    successStatus: 'Completed',
    create: (r) => sageMakerRequest('CreateHyperParameterTuningJob', r),
    describe: (name) =>
      sageMakerRequest('DescribeHyperParameterTuningJob', { HyperParameterTuningJobName: name }),
    stop: (name) =>
      sageMakerRequest('StopHyperParameterTuningJob', { HyperParameterTuningJobName: name }),
    list: {
      command: (n, t) => sageMakerRequest('ListHyperParameterTuningJobs', listInput(n, t)),
      summariesKey: 'HyperParameterTuningJobSummaries',
    },
  },
  transform: {
    kind: 'transform',
    nameKey: 'TransformJobName',
    arnKey: 'TransformJobArn',
    statusKey: 'TransformJobStatus',
    successStatus: 'Completed',
    create: (r) => sageMakerRequest('CreateTransformJob', r),
    describe: (name) => sageMakerRequest('DescribeTransformJob', { TransformJobName: name }),
    stop: (name) => sageMakerRequest('StopTransformJob', { TransformJobName: name }),
    list: {
      command: (n, t) => sageMakerRequest('ListTransformJobs', listInput(n, t)),
      summariesKey: 'TransformJobSummaries',
    },
    logGroup: '/aws/sagemaker/TransformJobs',
  },
  processing: {
    kind: 'processing',
    nameKey: 'ProcessingJobName',
    arnKey: 'ProcessingJobArn',
    statusKey: 'ProcessingJobStatus',
    successStatus: 'Completed',
    create: (r) => sageMakerRequest('CreateProcessingJob', r),
    describe: (name) => sageMakerRequest('DescribeProcessingJob', { ProcessingJobName: name }),
    stop: (name) => sageMakerRequest('StopProcessingJob', { ProcessingJobName: name }),
    list: {
      command: (n, t) => sageMakerRequest('ListProcessingJobs', listInput(n, t)),
      summariesKey: 'ProcessingJobSummaries',
    },
    logGroup: '/aws/sagemaker/ProcessingJobs',
  },
  model: {
    kind: 'model',
    nameKey: 'ModelName',
    arnKey: 'ModelArn',
    statusKey: '',
    successStatus: '',
    create: (r) => sageMakerRequest('CreateModel', r),
    describe: (name) => sageMakerRequest('DescribeModel', { ModelName: name }),
    list: {
      command: (n, t) => sageMakerRequest('ListModels', listInput(n, t)),
      summariesKey: 'Models',
    },
  },
  endpointConfig: {
    kind: 'endpointConfig',
    nameKey: 'EndpointConfigName',
    arnKey: 'EndpointConfigArn',
    statusKey: '',
    successStatus: '',
    create: (r) => sageMakerRequest('CreateEndpointConfig', r),
    describe: (name) => sageMakerRequest('DescribeEndpointConfig', { EndpointConfigName: name }),
    list: {
      command: (n, t) => sageMakerRequest('ListEndpointConfigs', listInput(n, t)),
      summariesKey: 'EndpointConfigs',
    },
  },
  endpoint: {
    kind: 'endpoint',
    nameKey: 'EndpointName',
    arnKey: 'EndpointArn',
    statusKey: 'EndpointStatus',
    successStatus: 'InService',
    create: (r) => sageMakerRequest('CreateEndpoint', r),
    describe: (name) => sageMakerRequest('DescribeEndpoint', { EndpointName: name }),
  },
} as const satisfies Record<ResourceKind, KindSpec>;
