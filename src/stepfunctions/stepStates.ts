/**
 * The ASL states of one SageMaker step. Jobs use the `.sync` integrations; models and endpoint
 * configs are request-response, followed by their Describe so the result has the Airflow XCom
 * shape; an endpoint is created, then polled (Wait, DescribeEndpoint, Choice) until `InService`.
 * Each result is kept at `$.<step id>.<XCom key>`, e.g. `$.train.Training`.
 * See https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html
 */
import { KINDS, integrationAction, type SageMakerStepType } from './steps.js';
import { resultPath } from './translateParameters.js';

/** One state of an ASL definition (plain JSON). */
export type AslState = Record<string, unknown>;

/** A translated request of a step. @internal */
export interface TranslatedPart {
  readonly kind: SageMakerStepType;
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** Options of the generated states. @internal */
export interface StepStateOptions {
  /** Seconds between two DescribeEndpoint calls. */
  readonly endpointPollSeconds: number;
}

/** The statuses that end an endpoint's creation without success. */
const ENDPOINT_FAILURES = ['Failed', 'OutOfService', 'Deleting', 'UpdateRollbackFailed'] as const;

function syncResource(kind: SageMakerStepType): string {
  const action = integrationAction(KINDS[kind].create);
  return `arn:aws:states:::sagemaker:${action}${KINDS[kind].sync ? '.sync' : ''}`;
}

function describeResource(kind: SageMakerStepType): string {
  return `arn:aws:states:::aws-sdk:sagemaker:${integrationAction(KINDS[kind].describe)}`;
}

/** The name parameter (`ModelName` or `ModelName.$`) of a translated request. */
function nameParameter(part: TranslatedPart): Record<string, unknown> {
  const field = KINDS[part.kind].nameField;
  const dynamic = part.parameters[`${field}.$`];
  return dynamic === undefined ? { [field]: part.parameters[field] } : { [`${field}.$`]: dynamic };
}

/** The states of a step; the last one goes on to `next`. @internal */
export function stepStates(
  stepId: string,
  parts: readonly TranslatedPart[],
  next: string,
  options: StepStateOptions,
): { start: string; states: Record<string, AslState> } {
  const base = resultPath(stepId);
  const chain: [string, AslState][] = [];
  const main = parts[parts.length - 1];
  if (main === undefined) return { start: next, states: {} };
  const name = (suffix: string): string => `${stepId}:${suffix}`;

  for (const part of parts) {
    const kind = KINDS[part.kind];
    const isMain = part === main;
    const task: AslState = {
      Type: 'Task',
      Resource: syncResource(part.kind),
      Parameters: part.parameters,
      // A job's Describe output is its XCom value; a create call's ARN is replaced by the
      // Describe output below.
      ResultPath: kind.sync ? `${base}.${kind.resultKey}` : null,
    };
    chain.push([isMain && kind.sync ? stepId : name(kind.create), task]);
    // A model or endpoint config step's XCom is its Describe output; in a bundle, the main part's
    // result (the transform's or endpoint's) is described at the end instead.
    if (isMain && !kind.sync && part.kind !== 'endpoint') {
      chain.push([
        name(kind.describe),
        {
          Type: 'Task',
          Resource: describeResource(part.kind),
          Parameters: nameParameter(part),
          ResultPath: `${base}.${kind.resultKey}`,
        },
      ]);
    }
  }

  if (main.kind === 'transform') {
    // Airflow's transform operator returns the model's description beside the job's.
    chain.push([
      name('DescribeModel'),
      {
        Type: 'Task',
        Resource: describeResource('model'),
        Parameters: { 'ModelName.$': `${base}.Transform.ModelName` },
        ResultPath: `${base}.Model`,
      },
    ]);
  }

  const states: Record<string, AslState> = {};
  let endpointLoop: Record<string, AslState> | undefined;
  if (main.kind === 'endpoint') {
    const wait = name('Wait');
    const describe = name('DescribeEndpoint');
    const check = name('CheckEndpoint');
    const failed = name('EndpointFailed');
    const describeConfig = name('DescribeEndpointConfig');
    const status = `${base}.Endpoint.EndpointStatus`;
    endpointLoop = {
      [wait]: { Type: 'Wait', Seconds: options.endpointPollSeconds, Next: describe },
      [describe]: {
        Type: 'Task',
        Resource: describeResource('endpoint'),
        Parameters: nameParameter(main),
        ResultPath: `${base}.Endpoint`,
        Next: check,
      },
      [check]: {
        Type: 'Choice',
        Choices: [
          { Variable: status, StringEquals: 'InService', Next: describeConfig },
          {
            Or: ENDPOINT_FAILURES.map((s) => ({ Variable: status, StringEquals: s })),
            Next: failed,
          },
        ],
        Default: wait,
      },
      [failed]: {
        Type: 'Fail',
        Error: 'SageMaker.EndpointFailed',
        Cause: `The endpoint of step ${stepId} did not reach InService`,
      },
      [describeConfig]: {
        Type: 'Task',
        Resource: describeResource('endpointConfig'),
        Parameters: { 'EndpointConfigName.$': `${base}.Endpoint.EndpointConfigName` },
        ResultPath: `${base}.EndpointConfig`,
        Next: next,
      },
    };
    chain.push([wait, {}]);
  }

  for (const [i, [stateName, state]] of chain.entries()) {
    const following = chain[i + 1];
    if (endpointLoop && stateName === name('Wait')) continue;
    states[stateName] = { ...state, Next: following ? following[0] : next };
  }
  Object.assign(states, endpointLoop);
  const first = chain[0];
  return { start: first ? first[0] : next, states };
}
