/**
 * `sagemaker-workflow/testing/stepfunctions`: runs an exported state machine on
 * `aws-local-stepfunctions` (an ASL interpreter) with every SageMaker task routed to our
 * operators, against whatever endpoints the clients point at (the local SageMaker and S3 of
 * `sagemaker-workflow/testing` in tests). A task this helper does not map is refused before the
 * execution starts: the interpreter would otherwise call it as a Lambda function on AWS.
 * The interpreter needs Node 22 or newer (`Promise.withResolvers`).
 *
 * @module sagemaker-workflow/testing/stepfunctions
 */
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { SageMakerWorkflowError, errorGuard } from '../errors.js';
import { loadSageMakerSdk } from '../internal/loadPeer.js';
import type { OperatorClients, OperatorOptions } from '../operators/options.js';
import { runEndpointConfig } from '../operators/runEndpointConfig.js';
import { runModel } from '../operators/runModel.js';
import { runProcessingJob } from '../operators/runProcessingJob.js';
import { runTrainingJob } from '../operators/runTrainingJob.js';
import { runTransformJob } from '../operators/runTransformJob.js';
import { runTuningJob } from '../operators/runTuningJob.js';
import type { AslDefinition } from '../stepfunctions/toStateMachine.js';

/** A Task state whose resource this helper does not run locally. */
export class UnmappedTaskError extends SageMakerWorkflowError {
  override readonly name = 'UnmappedTaskError';
  readonly code = 'UNMAPPED_TASK';

  constructor(
    readonly state: string,
    readonly resource: unknown,
  ) {
    super(
      `Task state ${JSON.stringify(state)} has resource ${JSON.stringify(resource)}, which the local runner does not map (it maps: ${LOCAL_TASK_RESOURCES.join(', ')})`,
    );
  }
}
/** Guard for {@link UnmappedTaskError}. */
export const isUnmappedTaskError = errorGuard<UnmappedTaskError>('UNMAPPED_TASK');

/** The interpreter cannot run here: Node older than 22. */
export class InterpreterUnavailableError extends SageMakerWorkflowError {
  override readonly name = 'InterpreterUnavailableError';
  readonly code = 'INTERPRETER_UNAVAILABLE';

  constructor() {
    super(
      `aws-local-stepfunctions needs Node 22 or newer (Promise.withResolvers); this is Node ${process.versions.node}`,
    );
  }
}
/** Guard for {@link InterpreterUnavailableError}. */
export const isInterpreterUnavailableError =
  errorGuard<InterpreterUnavailableError>('INTERPRETER_UNAVAILABLE');

type Json = Record<string, unknown>;
// The interpreter hands over the evaluated Parameters: the request, unchecked here (the operators
// validate it).
type Handler = (input: never, clients: OperatorClients, options: OperatorOptions) => Promise<Json>;

/** Dates and SDK metadata out, as the service's JSON has them. */
function plain(value: unknown): Json {
  const { $metadata: _metadata, ...rest } = JSON.parse(JSON.stringify(value)) as Json;
  return rest;
}

const HANDLERS: Readonly<Record<string, Handler>> = {
  'arn:aws:states:::sagemaker:createTrainingJob.sync': async (input, clients, options) =>
    plain((await runTrainingJob(input, clients, options)).Training),
  'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync': async (i, c, o) =>
    plain((await runTuningJob(i, c, o)).Tuning),
  'arn:aws:states:::sagemaker:createProcessingJob.sync': async (i, c, o) =>
    plain((await runProcessingJob(i, c, o)).Processing),
  'arn:aws:states:::sagemaker:createTransformJob.sync': async (i, c, o) =>
    plain((await runTransformJob(i, c, o)).Transform),
  // Request-response integrations return the create call's output: the ARN.
  'arn:aws:states:::sagemaker:createModel': async (i, c, o) => ({
    ModelArn: (await runModel(i, c, o)).Model.ModelArn,
  }),
  'arn:aws:states:::sagemaker:createEndpointConfig': async (i, c, o) => ({
    EndpointConfigArn: (await runEndpointConfig(i, c, o)).EndpointConfig.EndpointConfigArn,
  }),
  'arn:aws:states:::sagemaker:createEndpoint': async (i, c) => {
    const { CreateEndpointCommand } = await loadSageMakerSdk();
    return plain(await c.sagemaker.send(new CreateEndpointCommand(i)));
  },
  'arn:aws:states:::aws-sdk:sagemaker:describeModel': async (i, c) => {
    const { DescribeModelCommand } = await loadSageMakerSdk();
    return plain(await c.sagemaker.send(new DescribeModelCommand(i)));
  },
  'arn:aws:states:::aws-sdk:sagemaker:describeEndpointConfig': async (i, c) => {
    const { DescribeEndpointConfigCommand } = await loadSageMakerSdk();
    return plain(await c.sagemaker.send(new DescribeEndpointConfigCommand(i)));
  },
  'arn:aws:states:::aws-sdk:sagemaker:describeEndpoint': async (i, c) => {
    const { DescribeEndpointCommand } = await loadSageMakerSdk();
    return plain(await c.sagemaker.send(new DescribeEndpointCommand(i)));
  },
};

/** The Task resources the local runner maps to operators or SageMaker calls. */
export const LOCAL_TASK_RESOURCES: readonly string[] = Object.keys(HANDLERS);

/** Options of {@link runLocalExecution}. */
export interface LocalExecutionOptions {
  /** The clients the operators use (pointed at the local endpoints in tests). */
  readonly clients: OperatorClients;
  /** The execution input. @default {} */
  readonly input?: Json;
  /** `$$.Execution.Name`. @default 'local-execution' */
  readonly executionName?: string;
  /**
   * Passed to every operator. The S3 input check is off by default: a `.sync` task calls Create
   * directly and checks nothing first, so a local execution does the same.
   * @default { checkIntervalSeconds: 0.05, checkS3Inputs: false }
   */
  readonly operatorOptions?: OperatorOptions;
  /** Milliseconds every Wait state waits instead of its seconds. @default 10 */
  readonly waitMilliseconds?: number;
}

/** How an execution ended, and the Task states it ran in order. */
export type LocalExecutionResult =
  | { readonly status: 'SUCCEEDED'; readonly output: unknown; readonly tasks: readonly string[] }
  | {
      readonly status: 'FAILED';
      readonly error: string;
      readonly cause: string;
      readonly tasks: readonly string[];
    };

/**
 * Runs a definition locally, each SageMaker task through our operators.
 * @throws {@link UnmappedTaskError} before anything runs, for a Task this helper does not map;
 *   {@link InterpreterUnavailableError} on Node older than 22
 * @example
 * const result = await runLocalExecution(exported.definition, { clients: { sagemaker, s3 } });
 */
export async function runLocalExecution(
  definition: AslDefinition,
  options: LocalExecutionOptions,
): Promise<LocalExecutionResult> {
  const handlers: Record<string, (input: unknown) => Promise<Json>> = {};
  const waits: Record<string, number> = {};
  const tasks: string[] = [];
  const operatorOptions = options.operatorOptions ?? {
    checkIntervalSeconds: 0.05,
    checkS3Inputs: false,
  };
  for (const [name, state] of Object.entries(definition.States)) {
    if (state['Type'] === 'Wait') waits[name] = options.waitMilliseconds ?? 10;
    if (state['Type'] !== 'Task') continue;
    const resource = state['Resource'];
    const handler = typeof resource === 'string' ? HANDLERS[resource] : undefined;
    if (handler === undefined) throw new UnmappedTaskError(name, resource);
    handlers[name] = (input) => {
      tasks.push(name);
      return handler(input as never, options.clients, operatorOptions);
    };
  }
  if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
    throw new InterpreterUnavailableError();
  }
  const machine = new StateMachine(definition as unknown as StateMachineDefinition);
  const executionName = options.executionName ?? 'local-execution';
  const execution = machine.run((options.input ?? {}) as never, {
    overrides: { taskResourceLocalHandlers: handlers as never, waitTimeOverrides: waits },
    context: {
      Execution: {
        Id: `arn:aws:states:us-east-1:123456789012:execution:local:${executionName}`,
        Name: executionName,
        Input: (options.input ?? {}) as never,
        StartTime: new Date().toISOString(),
      },
    },
  });
  try {
    return { status: 'SUCCEEDED', output: await execution.result, tasks };
  } catch (error) {
    // The interpreter wraps the state's error; its cause is what the task threw.
    const cause = (error as { cause?: unknown }).cause ?? error;
    const e = cause as { name?: string; message?: string };
    return {
      status: 'FAILED',
      error: e.name ?? 'Error',
      cause: e.message ?? String(cause),
      tasks,
    };
  }
}
