/**
 * The CDK construct, synthesized offline with aws-cdk-lib/assertions: the state machine and its
 * definition (parsed back, tokens resolved, compared with the export), the role's policy, and the
 * code archives as S3 assets the definition points to.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Aws, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssetManifestArtifact } from 'aws-cdk-lib/cx-api';
import { describe, expect, it } from 'vitest';
import { irisKnnSteps } from '../../examples/stepfunctionsPipelines.js';
import { createSession, modelConfigFromEstimator, trainingJob } from '../../src/index.js';
import { SKLearn } from '../../src/estimators/frameworks/index.js';
import { tarToTempFile } from '../../src/operators/sourceArchive.js';
import {
  WorkflowStateMachine,
  isUnreferencedUploadError,
  type WorkflowStateMachineProps,
} from '../../src/stepfunctions/cdk/index.js';
import {
  toStateMachine,
  type ExportedStateMachine,
  type PolicyScope,
  type ToStateMachineOptions,
} from '../../src/stepfunctions/index.js';

const now = (): number => 1_790_000_000;
const ACCOUNT = '123456789012';
const REGION = 'us-east-2';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/SageMakerRole`;
const TRAIN_PY = fileURLToPath(
  new URL('../parity/cases/fixtures/scripts/train.py', import.meta.url),
);
const STACK_SCOPE: PolicyScope = {
  partition: Aws.PARTITION,
  region: Aws.REGION,
  account: Aws.ACCOUNT_ID,
};

/** What the pseudo parameters and the bootstrap bucket resolve to in this test's environment. */
function resolveCfn(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if ('Fn::Join' in v) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map(resolveCfn).join(sep);
  }
  if ('Fn::Sub' in v) {
    return (v['Fn::Sub'] as string)
      .replaceAll('${AWS::AccountId}', ACCOUNT)
      .replaceAll('${AWS::Region}', REGION)
      .replaceAll('${AWS::Partition}', 'aws');
  }
  if ('Ref' in v) {
    const refs: Record<string, string> = {
      'AWS::AccountId': ACCOUNT,
      'AWS::Region': REGION,
      'AWS::Partition': 'aws',
    };
    const ref = refs[v['Ref'] as string];
    if (ref !== undefined) return ref;
  }
  throw new Error(`unexpected intrinsic ${JSON.stringify(value)}`);
}

interface Synthesized {
  app: App;
  stack: Stack;
  construct: WorkflowStateMachine;
  template: Template;
  /** The state machine's definition, parsed back with its tokens resolved. */
  definition: unknown;
  /** The file assets of the stack's asset manifest, by hash. */
  assets: Record<string, { source: { path: string; packaging: string }; objectKey: string }>;
  outdir: string;
}

function synth(
  exported: ExportedStateMachine,
  props: Partial<WorkflowStateMachineProps> = {},
  extra: (stack: Stack) => Partial<WorkflowStateMachineProps> = () => ({}),
): Synthesized {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-test-')) });
  const stack = new Stack(app, 'Pipeline');
  const construct = new WorkflowStateMachine(stack, 'Workflow', {
    exported,
    ...props,
    ...extra(stack),
  });
  const template = Template.fromStack(stack);
  const machines = template.findResources('AWS::StepFunctions::StateMachine');
  const [machine] = Object.values(machines) as { Properties: { DefinitionString: unknown } }[];
  const definition: unknown = JSON.parse(resolveCfn(machine?.Properties.DefinitionString));
  const assembly = app.synth();
  const manifest = assembly.artifacts.find(
    (a): a is AssetManifestArtifact => a instanceof AssetManifestArtifact,
  );
  const files = manifest
    ? (JSON.parse(readFileSync(manifest.file, 'utf8')) as { files: Record<string, any> }).files
    : {};
  const assets = Object.fromEntries(
    Object.entries(files)
      .filter(([, f]) => !f.source.path.endsWith('.template.json'))
      .map(([hash, f]) => [
        hash,
        {
          source: f.source,
          objectKey: (Object.values(f.destinations)[0] as { objectKey: string }).objectKey,
        },
      ]),
  );
  return { app, stack, construct, template, definition, assets, outdir: assembly.directory };
}

/** SKLearn trained from a local script, then its model: one code upload, read by both. */
function sklearnExport(options: ToStateMachineOptions = {}, entryPoint = TRAIN_PY) {
  const sk = new SKLearn({
    session: createSession({ region: REGION, defaultBucket: 'sagemaker-bucket', now }),
    role: ROLE,
    entryPoint,
    frameworkVersion: '1.2-1',
    instanceType: 'ml.m5.large',
  });
  const training = trainingJob(sk, { inputs: 's3://sagemaker-bucket/train' });
  const model = modelConfigFromEstimator(sk, {
    from: { airflowTask: 'train', taskType: 'training', run: training.run },
  });
  return toStateMachine(
    [
      { id: 'train', type: 'training', config: training.config },
      { id: 'model', type: 'model', config: model },
    ],
    { policyScope: STACK_SCOPE, ...options },
  );
}

function tarEntries(file: string): string[] {
  return execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n').sort();
}

// The first synth loads most of aws-cdk-lib: seconds on a busy machine.
describe('WorkflowStateMachine', { timeout: 120_000 }, () => {
  it('deploys the exported definition as it is when there is no code to upload', () => {
    // GIVEN the Iris KNN export (train, model, transform, endpoint)
    const exported = toStateMachine(irisKnnSteps({ now }), { policyScope: STACK_SCOPE });
    expect(exported.s3Operations.S3Upload).toStrictEqual([]);
    // WHEN it is synthesized
    const { template, definition, assets, construct } = synth(exported);
    // THEN one standard state machine holds exactly the exported definition
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WorkflowRole'), 'Arn'] },
    });
    expect(definition).toStrictEqual(exported.definition);
    expect(construct.definition).toStrictEqual(exported.definition);
    // AND its role is Step Functions', with no asset and no job-role policy
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'states.amazonaws.com' },
          },
        ],
      },
    });
    template.resourceCountIs('AWS::IAM::Policy', 1);
    expect(assets).toStrictEqual({});
    expect(construct.codeAssets).toStrictEqual([]);
  });

  it("puts the exported statements on the role, in the stack's partition, region and account", () => {
    // GIVEN the Iris export scoped to the stack, and a tagged training request
    const steps = irisKnnSteps({ now });
    const [train] = steps;
    const tagged = {
      ...train!,
      config: { ...(train as { config: object }).config, Tags: [{ Key: 'team', Value: 'ml' }] },
    } as (typeof steps)[number];
    const exported = toStateMachine([tagged, ...steps.slice(1)], { policyScope: STACK_SCOPE });
    // WHEN synthesized
    const { template } = synth(exported);
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    const statements = (
      policies[0] as { Properties: { PolicyDocument: { Statement: any[] } } }
    ).Properties.PolicyDocument.Statement.map((s) => ({
      ...s,
      Resource: Array.isArray(s.Resource) ? s.Resource.map(resolveCfn) : resolveCfn(s.Resource),
    }));
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    // THEN every exported statement is there, tokens resolved to the stack's environment
    expect(statements).toHaveLength(exported.policyStatements.length);
    expect(bySid['SageMakerTrainingJob']).toStrictEqual({
      Sid: 'SageMakerTrainingJob',
      Effect: 'Allow',
      Action: [
        'sagemaker:CreateTrainingJob',
        'sagemaker:DescribeTrainingJob',
        'sagemaker:StopTrainingJob',
        'sagemaker:AddTags',
      ],
      Resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/*`,
    });
    expect(bySid['SageMakerTransformJob']?.Action).toStrictEqual([
      'sagemaker:CreateTransformJob',
      'sagemaker:DescribeTransformJob',
      'sagemaker:StopTransformJob',
    ]);
    expect(bySid['SageMakerEndpoint']?.Action).toStrictEqual([
      'sagemaker:CreateEndpoint',
      'sagemaker:DescribeEndpoint',
    ]);
    expect(bySid['SageMakerListTags']).toStrictEqual({
      Sid: 'SageMakerListTags',
      Effect: 'Allow',
      Action: 'sagemaker:ListTags',
      Resource: '*',
    });
    // AND the managed rules of the .sync jobs, in the stack's region and account
    expect(bySid['SyncEventRules']).toStrictEqual({
      Sid: 'SyncEventRules',
      Effect: 'Allow',
      Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
      Resource: [
        `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule`,
        `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule`,
      ],
    });
    // AND PassRole of the job role, to SageMaker only
    expect(bySid['PassRoleToSageMaker']).toStrictEqual({
      Sid: 'PassRoleToSageMaker',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: ROLE,
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
  });

  it('makes the code upload an S3 asset and points the definition at it', () => {
    // GIVEN a framework training and its model, whose code the export uploads
    const exported = sklearnExport();
    const [upload] = exported.s3Operations.S3Upload;
    const exportedUri = `s3://${upload!.Bucket}/${upload!.Key}`;
    // WHEN synthesized
    const { definition, assets, outdir, construct } = synth(exported);
    // THEN one file asset holds the tarball
    const entries = Object.entries(assets);
    expect(entries).toHaveLength(1);
    const [hash, asset] = entries[0]!;
    expect(asset.source.packaging).toBe('file');
    expect(asset.objectKey).toBe(`${hash}.gz`);
    const assetUri = `s3://cdk-hnb659fds-assets-${ACCOUNT}-${REGION}/${asset.objectKey}`;
    // AND the definition is the export with the asset's location for the upload's
    const expected = JSON.parse(
      JSON.stringify(exported.definition).split(exportedUri).join(assetUri),
    );
    expect(definition).toStrictEqual(expected);
    expect(definition).not.toStrictEqual(exported.definition);
    const train = (definition as any).States.train.Parameters;
    expect(train.HyperParameters.sagemaker_submit_directory).toBe(JSON.stringify(assetUri));
    // AND the model serves the same code, though its job is named per execution
    const model = (definition as any).States['model:CreateModel'].Parameters;
    expect(model.PrimaryContainer.Environment.SAGEMAKER_SUBMIT_DIRECTORY).toBe(assetUri);
    expect(construct.codeAssets.map((c) => c.exportedUri)).toStrictEqual([exportedUri]);
    // AND the archive is the one stageUploads uploads: the script at its root
    expect(tarEntries(join(outdir, asset.source.path))).toStrictEqual(['train.py']);
  });

  it('archives a source directory as stageUploads does, the same bytes on every synth', async () => {
    // GIVEN a source directory with a sub-folder and an inner symbolic link
    const dir = mkdtempSync(join(tmpdir(), 'cdk-code-'));
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'train.py'), 'import lib.util\n');
    writeFileSync(join(dir, 'lib', 'util.py'), 'X = 1\n');
    symlinkSync('train.py', join(dir, 'entry.py'));
    const sk = new SKLearn({
      session: createSession({ region: REGION, defaultBucket: 'sagemaker-bucket', now }),
      role: ROLE,
      entryPoint: 'train.py',
      sourceDir: dir,
      frameworkVersion: '1.2-1',
      instanceType: 'ml.m5.large',
    });
    const training = trainingJob(sk, { inputs: 's3://sagemaker-bucket/train' });
    const exported = toStateMachine([{ id: 'train', type: 'training', config: training.config }]);
    // WHEN synthesized twice
    const first = synth(exported);
    const second = synth(exported);
    // THEN the asset hash is the same, and the entries are those of the operators' archive
    expect(Object.keys(first.assets)).toStrictEqual(Object.keys(second.assets));
    const [asset] = Object.values(first.assets);
    const staged = await tarToTempFile(dir);
    try {
      expect(tarEntries(join(first.outdir, asset!.source.path))).toStrictEqual(
        tarEntries(staged.file),
      );
    } finally {
      await staged.cleanup();
    }
    expect(tarEntries(join(first.outdir, asset!.source.path))).toStrictEqual([
      'entry.py',
      'lib/',
      'lib/util.py',
      'train.py',
    ]);
  });

  it('lets the job roles read the code assets, or the roles given', () => {
    // GIVEN the framework export: its requests pass one literal role
    const exported = sklearnExport();
    // WHEN synthesized with the default readers
    const { template } = synth(exported);
    // THEN that role (imported by name) may read the asset bucket
    const read = {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
            Effect: 'Allow',
          }),
        ],
      },
    };
    template.hasResourceProperties('AWS::IAM::Policy', { ...read, Roles: ['SageMakerRole'] });
    // WHEN a role of the stack is given instead
    const given = synth(exported, {}, (stack) => ({
      codeReaders: [
        new iam.Role(stack, 'JobRole', {
          assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
        }),
      ],
    }));
    // THEN that role reads the asset, and the imported one is left alone
    given.template.hasResourceProperties('AWS::IAM::Policy', {
      ...read,
      Roles: [{ Ref: Match.stringLikeRegexp('^JobRole') }],
    });
    expect(
      Object.values(given.template.findResources('AWS::IAM::Policy')).filter((p: any) =>
        p.Properties.Roles.includes('SageMakerRole'),
      ),
    ).toStrictEqual([]);
  });

  it('warns when a job role is templated and no readers are given', () => {
    // GIVEN a training request whose role is an execution input
    const exported = sklearnExport();
    const definition = structuredClone(exported.definition) as any;
    const templated: ExportedStateMachine = {
      ...exported,
      definition,
      policyStatements: exported.policyStatements.map((s) =>
        s.Action.includes('iam:PassRole') ? { ...s, Resource: ['*'] } : s,
      ),
    };
    // WHEN synthesized
    const { stack } = synth(templated);
    // THEN a warning asks for codeReaders
    Annotations.fromStack(stack).hasWarning(
      '/Pipeline/Workflow',
      Match.stringLikeRegexp('pass codeReaders'),
    );
  });

  it("keeps the export's S3 locations with code: 'staged'", () => {
    const exported = sklearnExport();
    const { definition, assets, template } = synth(exported, { code: 'staged' });
    expect(definition).toStrictEqual(exported.definition);
    expect(assets).toStrictEqual({});
    template.resourceCountIs('AWS::IAM::Policy', 1);
  });

  it('refuses a directory uploaded with Tar: false, naming the field and what it takes', () => {
    // GIVEN an export whose one upload is a source directory with Tar: false
    const exported = sklearnExport();
    const [upload] = exported.s3Operations.S3Upload;
    if (upload === undefined) throw new Error('the export has no upload');
    const sourceDir = mkdtempSync(join(tmpdir(), 'cdk-src-'));
    writeFileSync(join(sourceDir, 'train.py'), 'print(1)\n');
    const directory: ExportedStateMachine = {
      ...exported,
      s3Operations: {
        ...exported.s3Operations,
        S3Upload: [{ ...upload, Path: sourceDir, Tar: false }],
      },
    };
    // WHEN synthesized
    let error: unknown;
    try {
      synth(directory);
    } catch (e) {
      error = e;
    }
    // THEN the typed error names the directory, the Tar field and what Tar: false accepts
    expect(error).toMatchObject({ code: 'UPLOAD_INPUT', problem: 'directory-needs-tar' });
    expect((error as Error).message).toBe(
      `Cannot upload ${JSON.stringify(sourceDir)}: ${JSON.stringify(sourceDir)} is a directory, and its S3Upload has Tar: false, which takes a regular file only: set Tar: true to upload the directory as a tar.gz`,
    );
  });

  it('refuses an upload the definition never names', () => {
    // GIVEN an export whose upload key no field holds
    const exported = sklearnExport();
    const orphan: ExportedStateMachine = {
      ...exported,
      s3Operations: {
        ...exported.s3Operations,
        S3Upload: [{ Path: TRAIN_PY, Bucket: 'other-bucket', Key: 'code/x.tar.gz', Tar: true }],
      },
    };
    // THEN the construct says which upload and where
    let error: unknown;
    try {
      synth(orphan);
    } catch (e) {
      error = e;
    }
    expect(isUnreferencedUploadError(error)).toBe(true);
    expect((error as Error).message).toContain('s3://other-bucket/code/x.tar.gz');
  });
});
