/** toStateMachine: translated templates, refusals, names, uploads, policy; every definition valid ASL. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { irisKnnSteps, recommenderSteps } from '../../examples/stepfunctionsPipelines.js';
import {
  isInvalidStepError,
  isUnresolvedReferenceError,
  isUntranslatableTemplateError,
  toStateMachine,
  type AslDefinition,
  type WorkflowStep,
} from '../../src/stepfunctions/index.js';

// asl-validator ships CommonJS without types.
const validator = createRequire(import.meta.url)('asl-validator') as (definition: unknown) => {
  isValid: boolean;
  errors: unknown[];
};

function expectValid(definition: AslDefinition): void {
  // The validator writes QueryLanguage into the states it reads: give it a copy.
  const { isValid, errors } = validator(structuredClone(definition));
  expect(errors).toStrictEqual([]);
  expect(isValid).toBe(true);
}

const now = (): number => 1_790_000_000;
const ROLE = 'arn:aws:iam::123456789012:role/R';
const training = (name = 'job-1'): Record<string, unknown> => ({
  TrainingJobName: name,
  RoleArn: ROLE,
  AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
  OutputDataConfig: { S3OutputPath: 's3://b/out' },
  ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
});
const XCOM = "ti.xcom_pull(task_ids='train')";

function modelStep(fields: Record<string, unknown>, id = 'model'): WorkflowStep {
  return {
    id,
    type: 'model',
    config: { ModelName: 'm', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: 'i', ...fields } },
  };
}

function exportModel(fields: Record<string, unknown>, options = {}) {
  return toStateMachine(
    [{ id: 'train', type: 'training', config: training() }, modelStep(fields)],
    { resourceNaming: 'asConfigured', ...options },
  );
}

function containerOf(definition: AslDefinition): Record<string, unknown> {
  const state = definition.States['model:CreateModel'] as { Parameters: Record<string, unknown> };
  return state.Parameters['PrimaryContainer'] as Record<string, unknown>;
}

describe('toStateMachine', () => {
  it('exports valid ASL for the example pipelines and every naming mode', () => {
    for (const resourceNaming of ['perExecution', 'executionName', 'asConfigured'] as const) {
      expectValid(toStateMachine(irisKnnSteps({ now }), { resourceNaming }).definition);
      expectValid(toStateMachine(recommenderSteps({ now }), { resourceNaming }).definition);
    }
  });

  it('turns a whole-string XCom template into a JSONPath into the stored result', () => {
    // GIVEN a model whose artifacts are the training job's output
    const { definition, references } = exportModel({
      ModelDataUrl: `{{ ${XCOM}['Training']['ModelArtifacts']['S3ModelArtifacts'] }}`,
    });
    // THEN the field reads $.train.Training..., where the training task keeps its result
    expect(containerOf(definition)).toStrictEqual({
      Image: 'i',
      'ModelDataUrl.$': '$.train.Training.ModelArtifacts.S3ModelArtifacts',
    });
    expect(definition.States['train']).toMatchObject({
      Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
      ResultPath: '$.train.Training',
    });
    expect(references).toStrictEqual([
      {
        stepId: 'model',
        field: 'PrimaryContainer.ModelDataUrl',
        template: `${XCOM}['Training']['ModelArtifacts']['S3ModelArtifacts']`,
        taskId: 'train',
        expression: '$.train.Training.ModelArtifacts.S3ModelArtifacts',
      },
    ]);
    expectValid(definition);
  });

  it("uses States.Format inside a longer string, escaping ' { }, and StringToJson for strip", () => {
    const { definition } = exportModel({
      ModelDataUrl: `s3://b/{it's}{{ ${XCOM}['Training']['TrainingJobName'] }}/x`,
      Environment: {
        DIR: `s3://b/{{ ${XCOM}["Training"]["HyperParameters"]["sagemaker_job_name"].strip('"') }}/src`,
        P: '{{ params.stage }}',
      },
    });
    expect(containerOf(definition)).toStrictEqual({
      Image: 'i',
      'ModelDataUrl.$':
        "States.Format('s3://b/\\{it\\'s\\}{}/x', $.train.Training.TrainingJobName)",
      Environment: {
        'DIR.$':
          "States.Format('s3://b/{}/src', States.StringToJson($.train.Training.HyperParameters.sagemaker_job_name))",
        'P.$': '$$.Execution.Input.stage',
      },
    });
    expectValid(definition);
  });

  it('turns a list of templated strings into States.Array', () => {
    const config = {
      ...training(),
      VpcConfig: { Subnets: ['subnet-1', '{{ params.subnet }}'], SecurityGroupIds: ['sg'] },
    };
    const { definition } = toStateMachine([{ id: 'train', type: 'training', config }], {
      resourceNaming: 'asConfigured',
    });
    expect((definition.States['train'] as any).Parameters.VpcConfig).toStrictEqual({
      'Subnets.$': "States.Array('subnet-1', $$.Execution.Input.subnet)",
      SecurityGroupIds: ['sg'],
    });
    expectValid(definition);
  });

  it.each([
    ['{{ ds }}', /only ti.xcom_pull/],
    ['{{ execution_date | ds_nodash }}', /only ti.xcom_pull/],
    [`{{ ${XCOM}['Training'] | tojson }}`, /filters/],
    [`{{ ${XCOM}['Training']['TrainingJobName'].upper() }}`, /filters|calls/],
    [`{{ ${XCOM}['x'].strip('-') }}`, /strip/],
    ["{{ ti.xcom_pull(task_ids='train', key='k') }}", /task_ids alone/],
    ["{{ ti.xcom_pull(task_ids=['train']) }}", /one task id/],
    ['{% if x %}a{% endif %}', /statements/],
    ['{{ params }}', /at a key/],
    [`{{ ${XCOM}['a\\'b'] }}`, /cannot quote/],
    ['{{ unclosed', /unclosed/],
    [`a\\b{{ ${XCOM}['x'] }}`, /backslash/],
  ])('refuses %s with a typed error naming the field and the template', (template, reason) => {
    let error: unknown;
    try {
      exportModel({ ModelDataUrl: `s3://b/${template}` });
    } catch (e) {
      error = e;
    }
    expect(isUntranslatableTemplateError(error)).toBe(true);
    expect(error).toMatchObject({
      stepId: 'model',
      field: 'PrimaryContainer.ModelDataUrl',
      template: `s3://b/${template}`,
    });
    expect((error as Error).message).toMatch(reason);
  });

  it('refuses a pull of a task that has not run on every path before the step', () => {
    const pull = (task: string) => ({
      ModelDataUrl: `{{ ti.xcom_pull(task_ids='${task}')['Training']['TrainingJobName'] }}`,
    });
    // GIVEN a pull of a later task, of an unknown one, and of one run in a single branch
    expect(() =>
      toStateMachine([
        modelStep(pull('train')),
        { id: 'train', type: 'training', config: training() },
      ]),
    ).toThrow(/has not run on every path/);
    let error: unknown;
    try {
      toStateMachine([
        {
          id: 'branch',
          type: 'choice',
          branches: [
            {
              when: { Variable: '$.a', BooleanEquals: true },
              steps: [{ id: 'train', type: 'training', config: training() }],
            },
          ],
        },
        modelStep(pull('train')),
      ]);
    } catch (e) {
      error = e;
    }
    // THEN each is an UnresolvedReferenceError naming the task and what is available
    expect(isUnresolvedReferenceError(error)).toBe(true);
    expect(error).toMatchObject({
      taskId: 'train',
      available: [],
      field: 'PrimaryContainer.ModelDataUrl',
    });
  });

  it('refuses malformed steps', () => {
    const bad: [WorkflowStep[], RegExp][] = [
      [
        [
          { id: 'a', type: 'model', config: {} },
          { id: 'a', type: 'model', config: {} },
        ],
        /twice/,
      ],
      [[{ id: '', type: 'model', config: {} }], /non-empty id/],
      [[{ id: 'x', type: 'notAKind' as 'model', config: {} }], /unknown step type/],
      [[{ id: 'x', type: 'choice', branches: [] }], /at least one branch/],
      [[{ id: 'x', type: 'model', config: { 'A.$': 'b' } }], /reserves/],
      [[{ id: "it's", type: 'model', config: {} }], /step id may hold/],
    ];
    for (const [steps, message] of bad) {
      let error: unknown;
      try {
        toStateMachine(steps);
      } catch (e) {
        error = e;
      }
      expect(isInvalidStepError(error), String(message)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('names resources per execution within the limits, the same expression wherever the name stands', () => {
    // GIVEN a long training job name and a transform of a model of the same literal name
    const long = 'a'.repeat(70);
    const { definition } = toStateMachine([
      { id: 'train', type: 'training', config: training(long) },
      {
        id: 'model',
        type: 'model',
        config: { ModelName: 'mdl', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: 'i' } },
      },
      {
        id: 'transform',
        type: 'transform',
        config: {
          Model: { ModelName: 'mdl', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: 'i' } },
          Transform: {
            TransformJobName: 't',
            ModelName: 'mdl',
            TransformInput: {},
            TransformOutput: {},
            TransformResources: {},
          },
        },
      },
    ]);
    expect(definition.StartAt).toBe('ResourceNames');
    const params = (name: string) => (definition.States[name] as any).Parameters;
    expect(params('train')['TrainingJobName.$']).toBe(
      `States.Format('${'a'.repeat(54)}-{}', $.ResourceNames.token)`,
    );
    const model = "States.Format('mdl-{}', $.ResourceNames.token)";
    expect(params('model:CreateModel')['ModelName.$']).toBe(model);
    expect(params('transform')['ModelName.$']).toBe(model);
    // AND the transform's Model part, the model step's own model, is not created twice
    expect(definition.States['transform:CreateModel']).toBeUndefined();
    expectValid(definition);
  });

  it('keeps names within 32 characters for tuning jobs', () => {
    const { definition } = toStateMachine(recommenderSteps({ now }));
    const name = (definition.States['tune'] as any).Parameters['HyperParameterTuningJobName.$'];
    const base = /^States\.Format\('(.*)-\{\}', \$\.ResourceNames\.token\)$/.exec(name)?.[1];
    expect(base).toBeDefined();
    expect((base?.length ?? 99) + 9).toBeLessThanOrEqual(32);
  });

  it('lifts S3Operations out of the config and of a nested Model part', () => {
    const upload = { Path: 'code', Bucket: 'b', Key: 'k/sourcedir.tar.gz', Tar: true };
    const { definition, s3Operations } = toStateMachine([
      {
        id: 'transform',
        type: 'transform',
        config: {
          Model: {
            ModelName: 'm',
            ExecutionRoleArn: ROLE,
            PrimaryContainer: { Image: 'i' },
            S3Operations: { S3Upload: [upload] },
          },
          Transform: { TransformJobName: 't', ModelName: 'm' },
          S3Operations: { S3CreateBucket: [{ Bucket: 'b' }], S3Upload: [upload] },
        },
      },
    ]);
    expect(s3Operations).toStrictEqual({ S3CreateBucket: [{ Bucket: 'b' }], S3Upload: [upload] });
    expect(JSON.stringify(definition)).not.toContain('S3Operations');
  });

  it("points a framework model at its training job's staged code, not a per-execution path", () => {
    // GIVEN a training job whose code is uploaded, and a model whose env pulls the job's name
    const code = 's3://b/job-1/source/sourcedir.tar.gz';
    const steps: WorkflowStep[] = [
      {
        id: 'train',
        type: 'training',
        config: {
          ...training(),
          HyperParameters: { sagemaker_submit_directory: JSON.stringify(code) },
          S3Operations: {
            S3Upload: [
              { Path: 'code', Bucket: 'b', Key: 'job-1/source/sourcedir.tar.gz', Tar: true },
            ],
          },
        },
      },
      modelStep({
        Environment: {
          SAGEMAKER_SUBMIT_DIRECTORY: `s3://b/{{ ${XCOM}['Training']['TrainingJobName'] }}/source/sourcedir.tar.gz`,
          FROM_HYPERPARAMETER: `{{ ${XCOM}['Training']['HyperParameters']['sagemaker_submit_directory'].strip('"') }}`,
          OUTPUT: `s3://b/{{ ${XCOM}['Training']['TrainingJobName'] }}/output`,
        },
      }),
    ];
    for (const resourceNaming of ['perExecution', 'executionName', 'asConfigured'] as const) {
      // WHEN exported, the job named per execution or not
      const { definition } = toStateMachine(steps, { resourceNaming });
      expectValid(definition);
      // THEN the templates that render to the upload's URI are that URI, whatever the job's name
      const env = containerOf(definition)['Environment'];
      expect(env).toStrictEqual({
        SAGEMAKER_SUBMIT_DIRECTORY: code,
        FROM_HYPERPARAMETER: code,
        // AND any other template still reads the job's name at run time
        'OUTPUT.$': "States.Format('s3://b/{}/output', $.train.Training.TrainingJobName)",
      });
    }
  });

  it('lists the policy statements the role needs', () => {
    const { policyStatements } = toStateMachine(irisKnnSteps({ now }));
    expect(policyStatements.map((s) => s.Sid)).toStrictEqual([
      'SageMakerTrainingJob',
      'SageMakerTransformJob',
      'SageMakerModel',
      'SageMakerEndpointConfig',
      'SageMakerEndpoint',
      'SageMakerListTags',
      'SyncEventRules',
      'PassRoleToSageMaker',
    ]);
    const byId = Object.fromEntries(policyStatements.map((s) => [s.Sid, s]));
    expect(byId['SageMakerTrainingJob']).toStrictEqual({
      Sid: 'SageMakerTrainingJob',
      Effect: 'Allow',
      Action: [
        'sagemaker:CreateTrainingJob',
        'sagemaker:DescribeTrainingJob',
        'sagemaker:StopTrainingJob',
      ],
      Resource: ['arn:aws:sagemaker:*:*:training-job/*'],
    });
    expect(byId['SyncEventRules']?.Resource).toStrictEqual([
      'arn:aws:events:*:*:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule',
      'arn:aws:events:*:*:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule',
    ]);
    expect(byId['PassRoleToSageMaker']).toStrictEqual({
      Sid: 'PassRoleToSageMaker',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: ['arn:aws:iam::123456789012:role/SageMakerRole'],
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    });
    // AND a tuning step adds its own actions and rule; tags add AddTags
    const tuned = toStateMachine(recommenderSteps({ now }), {
      policyScope: { region: 'us-east-2', account: '123456789012' },
    }).policyStatements;
    expect(tuned.find((s) => s.Sid === 'SageMakerHyperParameterTuningJob')?.Action).toContain(
      'sagemaker:ListTrainingJobsForHyperParameterTuningJob',
    );
    expect(tuned.find((s) => s.Sid === 'SyncEventRules')?.Resource).toContain(
      'arn:aws:events:us-east-2:123456789012:rule/StepFunctionsGetEventsForSageMakerTuningJobsRule',
    );
    const tagged = toStateMachine([
      {
        id: 'train',
        type: 'training',
        config: { ...training(), Tags: [{ Key: 'a', Value: 'b' }] },
      },
    ]).policyStatements;
    expect(tagged[0]?.Action).toContain('sagemaker:AddTags');
  });

  it('lays a Choice out with each branch joining what follows it', () => {
    const { definition } = toStateMachine(
      [
        {
          id: 'pick',
          type: 'choice',
          branches: [
            { when: { Variable: '$.a', BooleanEquals: true }, steps: [modelStep({}, 'm1')] },
          ],
          otherwise: [],
        },
        modelStep({}, 'after'),
      ],
      { resourceNaming: 'asConfigured' },
    );
    expect(definition.StartAt).toBe('pick');
    expect(definition.States['pick']).toStrictEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.a', BooleanEquals: true, Next: 'm1:CreateModel' }],
      Default: 'after:CreateModel',
    });
    expect(definition.States['m1:DescribeModel']?.['Next']).toBe('after:CreateModel');
    expectValid(definition);
  });
});
