/**
 * `WorkflowStateMachine`: the CDK construct of an exported workflow. It deploys what
 * `toStateMachine` returned as it is: the ASL as the state machine's definition, the policy
 * statements on its role, and the code uploads as S3 assets that the definition points to.
 */
import { Annotations, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { UnreferencedUploadError } from '../errors.js';
import type { AslDefinition, ExportedStateMachine } from '../toStateMachine.js';
import { codeAssets, type CodeAsset } from './codeAssets.js';
import { replaceCodeUris } from './replaceCodeUris.js';

/** How the code archives reach S3. */
export type CodeStaging =
  /** As CDK assets, published by `cdk deploy`; the definition points at them. */
  | 'assets'
  /** By `stageUploads` before an execution starts; the definition stays as exported. */
  | 'staged';

/** Props of {@link WorkflowStateMachine}. */
export interface WorkflowStateMachineProps {
  /** What `toStateMachine` returned for the workflow. */
  readonly exported: ExportedStateMachine;
  /** How the code archives reach S3. @default 'assets' */
  readonly code?: CodeStaging;
  /**
   * Who may read the code assets: the SageMaker jobs' roles, which download the code.
   * @default - the roles whose literal ARNs the requests pass to SageMaker, imported (a
   *   templated role ARN cannot be imported: a warning asks for this prop)
   */
  readonly codeReaders?: readonly iam.IGrantable[];
  /** Folder the uploads' relative local paths are resolved against. @default - the current directory */
  readonly baseDir?: string;
  /** The state machine's role; the exported statements are added to it. @default - a new role */
  readonly role?: iam.IRole;
  /** The state machine's name. @default - a name CloudFormation generates */
  readonly stateMachineName?: string;
  /** Where the executions log. @default - no logging */
  readonly logs?: sfn.LogOptions;
  /** Whether X-Ray traces the executions. @default false */
  readonly tracingEnabled?: boolean;
  /** What happens to the state machine when it leaves the stack. @default RemovalPolicy.DESTROY */
  readonly removalPolicy?: RemovalPolicy;
}

const DEFAULTS = { code: 'assets', baseDir: '.' } as const satisfies Required<
  Pick<WorkflowStateMachineProps, 'code' | 'baseDir'>
>;

/** The role ARNs of the `iam:PassRole` statements; `*` when a role is templated. */
function passedRoles(exported: ExportedStateMachine): string[] {
  return exported.policyStatements
    .filter((s) => s.Action.includes('iam:PassRole'))
    .flatMap((s) => [...s.Resource]);
}

/**
 * A Step Functions state machine that runs an exported workflow: its definition is the exported
 * ASL, its role holds the exported policy statements (the SageMaker actions, `iam:PassRole` to
 * SageMaker only, the EventBridge rules of the `.sync` jobs), and each code upload is an S3 asset
 * whose bucket and key replace the exported `s3://<Bucket>/<Key>` in the definition.
 * The buckets of `S3CreateBucket` (the jobs' output buckets) are not created: they must exist.
 * @throws {@link UnreferencedUploadError} when the definition names an upload's S3 URI nowhere;
 *   `LocalPathNotFoundError` or `UploadInputError` for a local path `stageUploads` refuses too
 * @example
 * const exported = toStateMachine(steps, {
 *   policyScope: { partition: Aws.PARTITION, region: Aws.REGION, account: Aws.ACCOUNT_ID },
 * });
 * const pipeline = new WorkflowStateMachine(stack, 'Pipeline', { exported });
 * pipeline.stateMachine.grantStartExecution(scheduler);
 */
export class WorkflowStateMachine extends Construct {
  /** The state machine. */
  readonly stateMachine: sfn.StateMachine;
  /** The state machine's role. */
  readonly role: iam.IRole;
  /** The code assets, one per exported upload (empty with `code: 'staged'`). */
  readonly codeAssets: readonly CodeAsset[];
  /** The definition deployed: the exported one, with the assets' tokens for the code URIs. */
  readonly definition: AslDefinition;

  constructor(scope: Construct, id: string, props: WorkflowStateMachineProps) {
    super(scope, id);
    const { exported } = props;
    const code = props.code ?? DEFAULTS.code;
    const uploads = exported.s3Operations.S3Upload;
    this.codeAssets =
      code === 'assets' ? codeAssets(this, uploads, props.baseDir ?? DEFAULTS.baseDir) : [];
    const replaced = replaceCodeUris(
      exported.definition,
      new Map(this.codeAssets.map((c) => [c.exportedUri, c.asset.s3ObjectUrl])),
    );
    for (const c of this.codeAssets) {
      if (replaced.counts.get(c.exportedUri) === 0) {
        throw new UnreferencedUploadError(c.upload.Path, c.exportedUri);
      }
    }
    this.definition = replaced.value;

    this.role =
      props.role ??
      new iam.Role(this, 'Role', {
        assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
        description: 'Runs the SageMaker steps of an exported workflow',
      });
    this.stateMachine = new sfn.StateMachine(this, 'Resource', {
      // .sync job integrations run on standard state machines only.
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(this.definition)),
      role: this.role,
      ...(props.stateMachineName === undefined ? {} : { stateMachineName: props.stateMachineName }),
      ...(props.logs === undefined ? {} : { logs: props.logs }),
      ...(props.tracingEnabled === undefined ? {} : { tracingEnabled: props.tracingEnabled }),
      ...(props.removalPolicy === undefined ? {} : { removalPolicy: props.removalPolicy }),
    });
    for (const statement of exported.policyStatements) {
      this.stateMachine.addToRolePolicy(iam.PolicyStatement.fromJson(statement));
    }
    this.grantCodeRead(props.codeReaders, passedRoles(exported));
  }

  private grantCodeRead(readers: readonly iam.IGrantable[] | undefined, roles: string[]): void {
    if (this.codeAssets.length === 0) return;
    let grantees = readers;
    if (grantees === undefined) {
      if (roles.includes('*')) {
        Annotations.of(this).addWarningV2(
          'sagemaker-workflow:codeReaders',
          'A job role ARN is templated: pass codeReaders so that the jobs can read the code assets',
        );
      }
      grantees = roles
        .filter((arn) => arn !== '*')
        .map((arn, i) => iam.Role.fromRoleArn(this, `JobRole${i}`, arn));
    }
    const assets = new Set(this.codeAssets.map((c) => c.asset));
    for (const asset of assets) {
      for (const grantee of grantees) asset.grantRead(grantee);
    }
  }
}
