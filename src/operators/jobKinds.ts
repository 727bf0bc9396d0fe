/**
 * The table the generic operator code reads: for each kind of SageMaker resource, its name and
 * status members, its Create / Describe / Stop / List commands and its log group.
 * @internal
 */
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateHyperParameterTuningJobCommand,
  CreateModelCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeHyperParameterTuningJobCommand,
  DescribeModelCommand,
  DescribeProcessingJobCommand,
  DescribeTrainingJobCommand,
  DescribeTransformJobCommand,
  ListEndpointConfigsCommand,
  ListHyperParameterTuningJobsCommand,
  ListModelsCommand,
  ListProcessingJobsCommand,
  ListTrainingJobsCommand,
  ListTransformJobsCommand,
  StopHyperParameterTuningJobCommand,
  StopProcessingJobCommand,
  StopTrainingJobCommand,
  StopTransformJobCommand,
} from '@aws-sdk/client-sagemaker';
import type { ResourceKind } from './errors.js';
import type { AnyCommand, Json } from './sagemakerCall.js';

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
  /** `instanceof` check for Describe commands, to observe the waiter's own polls. */
  readonly describeCommand: abstract new (...args: never[]) => object;
  readonly stop?: (name: string) => AnyCommand;
  readonly list?: {
    readonly command: (nameContains: string, nextToken: string | undefined) => AnyCommand;
    readonly summariesKey: string;
  };
  /** CloudWatch log group whose streams are named `<job name>/...`. */
  readonly logGroup?: string;
}

const asCommand = (command: unknown): AnyCommand => command as AnyCommand;
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
    create: (r) => asCommand(new CreateTrainingJobCommand(r as never)),
    describe: (name) => asCommand(new DescribeTrainingJobCommand({ TrainingJobName: name })),
    describeCommand: DescribeTrainingJobCommand,
    stop: (name) => asCommand(new StopTrainingJobCommand({ TrainingJobName: name })),
    list: {
      command: (n, t) => asCommand(new ListTrainingJobsCommand(listInput(n, t))),
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
    create: (r) => asCommand(new CreateHyperParameterTuningJobCommand(r as never)),
    describe: (name) =>
      asCommand(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name })),
    describeCommand: DescribeHyperParameterTuningJobCommand,
    stop: (name) =>
      asCommand(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name })),
    list: {
      command: (n, t) => asCommand(new ListHyperParameterTuningJobsCommand(listInput(n, t))),
      summariesKey: 'HyperParameterTuningJobSummaries',
    },
  },
  transform: {
    kind: 'transform',
    nameKey: 'TransformJobName',
    arnKey: 'TransformJobArn',
    statusKey: 'TransformJobStatus',
    successStatus: 'Completed',
    create: (r) => asCommand(new CreateTransformJobCommand(r as never)),
    describe: (name) => asCommand(new DescribeTransformJobCommand({ TransformJobName: name })),
    describeCommand: DescribeTransformJobCommand,
    stop: (name) => asCommand(new StopTransformJobCommand({ TransformJobName: name })),
    list: {
      command: (n, t) => asCommand(new ListTransformJobsCommand(listInput(n, t))),
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
    create: (r) => asCommand(new CreateProcessingJobCommand(r as never)),
    describe: (name) => asCommand(new DescribeProcessingJobCommand({ ProcessingJobName: name })),
    describeCommand: DescribeProcessingJobCommand,
    stop: (name) => asCommand(new StopProcessingJobCommand({ ProcessingJobName: name })),
    list: {
      command: (n, t) => asCommand(new ListProcessingJobsCommand(listInput(n, t))),
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
    create: (r) => asCommand(new CreateModelCommand(r as never)),
    describe: (name) => asCommand(new DescribeModelCommand({ ModelName: name })),
    describeCommand: DescribeModelCommand,
    list: {
      command: (n, t) => asCommand(new ListModelsCommand(listInput(n, t))),
      summariesKey: 'Models',
    },
  },
  endpointConfig: {
    kind: 'endpointConfig',
    nameKey: 'EndpointConfigName',
    arnKey: 'EndpointConfigArn',
    statusKey: '',
    successStatus: '',
    create: (r) => asCommand(new CreateEndpointConfigCommand(r as never)),
    describe: (name) => asCommand(new DescribeEndpointConfigCommand({ EndpointConfigName: name })),
    describeCommand: DescribeEndpointConfigCommand,
    list: {
      command: (n, t) => asCommand(new ListEndpointConfigsCommand(listInput(n, t))),
      summariesKey: 'EndpointConfigs',
    },
  },
  endpoint: {
    kind: 'endpoint',
    nameKey: 'EndpointName',
    arnKey: 'EndpointArn',
    statusKey: 'EndpointStatus',
    successStatus: 'InService',
    create: (r) => asCommand(new CreateEndpointCommand(r as never)),
    describe: (name) => asCommand(new DescribeEndpointCommand({ EndpointName: name })),
    describeCommand: DescribeEndpointCommand,
  },
} as const satisfies Record<ResourceKind, KindSpec>;
