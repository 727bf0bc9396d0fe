/**
 * The IAM policy statements the state machine's role needs, as the SageMaker integrations
 * document them: create, describe, stop, list and add tags on the resources; the EventBridge
 * managed rule of each `.sync` job integration; and `iam:PassRole` of the jobs' roles to
 * SageMaker only. See https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html
 */
import { KINDS, type SageMakerStepType, type StepKind } from './steps.js';

/** An IAM policy statement (the JSON form `PolicyStatement.fromJson` reads). */
export interface PolicyStatementJson {
  readonly Sid?: string;
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Where the resources live: each part defaults to `*`. */
export interface PolicyScope {
  /** @default 'aws' */
  readonly partition?: string;
  /** @default '*' */
  readonly region?: string;
  /** @default '*' */
  readonly account?: string;
}

/** What the steps use, collected while translating. @internal */
export interface PolicyNeeds {
  readonly kinds: ReadonlySet<SageMakerStepType>;
  /** Kinds whose requests carry `Tags`. */
  readonly tagged: ReadonlySet<SageMakerStepType>;
  /** Literal role ARNs passed to SageMaker; a templated one makes the resource `*`. */
  readonly roles: ReadonlySet<string>;
}

const ORDER: readonly SageMakerStepType[] = [
  'training',
  'tuning',
  'processing',
  'transform',
  'model',
  'endpointConfig',
  'endpoint',
];

/** The statements for what the steps use. @internal */
export function policyStatements(
  needs: PolicyNeeds,
  scope: PolicyScope = {},
): PolicyStatementJson[] {
  const partition = scope.partition ?? 'aws';
  const where = `${partition}:sagemaker:${scope.region ?? '*'}:${scope.account ?? '*'}`;
  const statements: PolicyStatementJson[] = [];
  for (const kind of ORDER.filter((k) => needs.kinds.has(k))) {
    const k = KINDS[kind];
    const actions = [`sagemaker:${k.create}`, `sagemaker:${k.describe}`];
    if ('stop' in k) actions.push(`sagemaker:${k.stop}`);
    if (kind === 'tuning') actions.push('sagemaker:ListTrainingJobsForHyperParameterTuningJob');
    if (needs.tagged.has(kind)) actions.push('sagemaker:AddTags');
    statements.push({
      Sid: `SageMaker${k.create.replace(/^Create/, '')}`,
      Effect: 'Allow',
      Action: actions,
      Resource: [`arn:${where}:${k.arnType}/*`],
    });
  }
  if (needs.kinds.size > 0) {
    // The .sync integrations read the tags of the job to match its events.
    statements.push({
      Sid: 'SageMakerListTags',
      Effect: 'Allow',
      Action: ['sagemaker:ListTags'],
      Resource: ['*'],
    });
  }
  const rules = ORDER.filter((k) => needs.kinds.has(k)).flatMap((k) => {
    const rule = (KINDS[k] as StepKind).eventsRule;
    return rule === undefined ? [] : [rule];
  });
  if (rules.length > 0) {
    statements.push({
      Sid: 'SyncEventRules',
      Effect: 'Allow',
      Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
      Resource: rules.map(
        (rule) =>
          `arn:${partition}:events:${scope.region ?? '*'}:${scope.account ?? '*'}:rule/${rule}`,
      ),
    });
  }
  if (needs.roles.size > 0) {
    statements.push({
      Sid: 'PassRoleToSageMaker',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: [...needs.roles].sort(),
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
  }
  return statements;
}
