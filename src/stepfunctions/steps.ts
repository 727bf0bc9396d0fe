/** The steps {@link toStateMachine} takes: our builders' configs under Airflow-style task ids. */

/** A config as the builders return it (or a request written by hand): any JSON object. */
export type StepConfig = object;

/** The SageMaker step kinds, named after the Airflow operators' XCom keys they produce. */
export type SageMakerStepType =
  'training' | 'tuning' | 'processing' | 'transform' | 'model' | 'endpointConfig' | 'endpoint';

/** One SageMaker step: its config and the task id its result is kept (and pulled) under. */
export interface SageMakerStep {
  /** The Airflow task id: XCom templates pull `task_ids='<id>'`; the state is named after it. */
  readonly id: string;
  readonly type: SageMakerStepType;
  /**
   * `trainingConfig()`, `tuningConfig()`, `processingConfig()`, `transformConfig*()` (with or
   * without its `Model` part), `modelConfig*()`, an endpoint config request, or `deployConfig*()`
   * (`{ Model, EndpointConfig, Endpoint }`) or a bare `CreateEndpoint` request.
   */
  readonly config: StepConfig;
}

/** An ASL choice rule without its `Next`, e.g. `{ Variable: '$.tune', BooleanEquals: true }`. */
export type ChoiceCondition = Readonly<Record<string, unknown>>;

/** A branch: the steps to run when the condition holds. */
export interface ChoiceBranch {
  readonly when: ChoiceCondition;
  readonly steps: readonly WorkflowStep[];
}

/**
 * A Choice state: the first branch whose condition holds runs, else `otherwise`; then the steps
 * after the choice. A later step may pull only tasks that ran on every branch.
 */
export interface ChoiceStep {
  readonly id: string;
  readonly type: 'choice';
  readonly branches: readonly ChoiceBranch[];
  /** @default - no steps: go straight on to what follows the choice */
  readonly otherwise?: readonly WorkflowStep[];
}

/** A step of the workflow. */
export type WorkflowStep = SageMakerStep | ChoiceStep;

/** What each SageMaker step kind is in Step Functions. @internal */
export interface StepKind {
  /** The Airflow XCom key of the main result (`Training`, ...). */
  readonly resultKey: string;
  /** The SageMaker action (`CreateTrainingJob`), its Describe and Stop, for the policy. */
  readonly create: string;
  readonly describe: string;
  readonly stop?: string;
  /** The ARN resource type (`training-job`). */
  readonly arnType: string;
  /** The field holding the resource name and SageMaker's limit on its length. */
  readonly nameField: string;
  readonly maxNameLength: number;
  /** The `.sync` job integration, or undefined for request-response. */
  readonly sync: boolean;
  /** The EventBridge managed rule `.sync` needs. */
  readonly eventsRule?: string;
}

/** The kinds of resource a step creates, by request. @internal */
export const KINDS = {
  training: {
    resultKey: 'Training',
    create: 'CreateTrainingJob',
    describe: 'DescribeTrainingJob',
    stop: 'StopTrainingJob',
    arnType: 'training-job',
    nameField: 'TrainingJobName',
    maxNameLength: 63,
    sync: true,
    eventsRule: 'StepFunctionsGetEventsForSageMakerTrainingJobsRule',
  },
  tuning: {
    resultKey: 'Tuning',
    create: 'CreateHyperParameterTuningJob',
    describe: 'DescribeHyperParameterTuningJob',
    stop: 'StopHyperParameterTuningJob',
    arnType: 'hyper-parameter-tuning-job',
    nameField: 'HyperParameterTuningJobName',
    maxNameLength: 32,
    sync: true,
    eventsRule: 'StepFunctionsGetEventsForSageMakerTuningJobsRule',
  },
  processing: {
    resultKey: 'Processing',
    create: 'CreateProcessingJob',
    describe: 'DescribeProcessingJob',
    stop: 'StopProcessingJob',
    arnType: 'processing-job',
    nameField: 'ProcessingJobName',
    maxNameLength: 63,
    sync: true,
    eventsRule: 'StepFunctionsGetEventsForSageMakerProcessingJobsRule',
  },
  transform: {
    resultKey: 'Transform',
    create: 'CreateTransformJob',
    describe: 'DescribeTransformJob',
    stop: 'StopTransformJob',
    arnType: 'transform-job',
    nameField: 'TransformJobName',
    maxNameLength: 63,
    sync: true,
    eventsRule: 'StepFunctionsGetEventsForSageMakerTransformJobsRule',
  },
  model: {
    resultKey: 'Model',
    create: 'CreateModel',
    describe: 'DescribeModel',
    arnType: 'model',
    nameField: 'ModelName',
    maxNameLength: 63,
    sync: false,
  },
  endpointConfig: {
    resultKey: 'EndpointConfig',
    create: 'CreateEndpointConfig',
    describe: 'DescribeEndpointConfig',
    arnType: 'endpoint-config',
    nameField: 'EndpointConfigName',
    maxNameLength: 63,
    sync: false,
  },
  endpoint: {
    resultKey: 'Endpoint',
    create: 'CreateEndpoint',
    describe: 'DescribeEndpoint',
    arnType: 'endpoint',
    nameField: 'EndpointName',
    maxNameLength: 63,
    sync: false,
  },
} as const satisfies Record<SageMakerStepType, StepKind>;

/** `createTrainingJob` from `CreateTrainingJob`: the integration's action name. @internal */
export function integrationAction(action: string): string {
  return action.charAt(0).toLowerCase() + action.slice(1);
}
