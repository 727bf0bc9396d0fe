import { describe, expect, it } from 'vitest';
import {
  isAirflowDependencyError,
  isAirflowTemplateError,
  toAirflowDag,
  type AirflowDag,
  type AirflowTask,
} from '../../src/airflow/index.js';
import {
  isMissingOptionError,
  isUnsupportedOptionError,
  isValidationError,
} from '../../src/index.js';
import { renderTemplates, validateConfig, type ConfigKind } from '../../src/operators/index.js';
import { pyFloatRepr } from '../../src/pythonCompat/pyStr.js';
import { CONTEXTS, irisKnnDag, recommenderDag } from '../../examples/airflowDags.js';
import {
  checkDagSource,
  typedLikeChecker,
  untyped,
  type CheckContext,
  type CheckReport,
} from './checker/runChecker.js';

const typed = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(typedLikeChecker(value, pyFloatRepr)));

/** The context of the checker as renderTemplates takes it: `ti.xcom_pull` reads the XComs. */
function tsContext(context: CheckContext): Record<string, unknown> {
  const xcom = context.xcom ?? {};
  const pull = (arg: unknown): unknown => {
    const id = typeof arg === 'string' ? arg : (arg as { task_ids: string }).task_ids;
    return xcom[id] ?? null;
  };
  return { ...context.vars, ti: { xcom_pull: pull } };
}

/** Request parts of an operator's config after preprocessing, with the API kind of each. */
function requestParts(operator: string, request: Record<string, unknown>): [ConfigKind, unknown][] {
  switch (operator) {
    case 'SageMakerTrainingOperator':
      return [['training', request]];
    case 'SageMakerTuningOperator':
      return [['tuning', request]];
    case 'SageMakerModelOperator':
      return [['model', request]];
    case 'SageMakerTransformOperator':
      return 'Transform' in request
        ? [
            ...('Model' in request ? [['model', request.Model] as [ConfigKind, unknown]] : []),
            ['transform', request.Transform],
          ]
        : [['transform', request]];
    case 'SageMakerEndpointConfigOperator':
      return [['endpointConfig', request]];
    case 'SageMakerProcessingOperator':
      return [['processing', request]];
    default:
      throw new Error(operator);
  }
}

/** Everything the checker reports must agree with the DAG we wrote and with our rendering. */
function expectCheckedAsWritten(dag: AirflowDag, report: CheckReport, context: CheckContext): void {
  expect(report.dag_id).toBe(dag.dagId);
  expect(report.dag.render_template_as_native_obj).toBe(false);
  expect(report.tasks.map((t) => t.task_id)).toStrictEqual(dag.tasks.map((t) => t.taskId));
  report.tasks.forEach((checked, i) => {
    const task = dag.tasks[i]!;
    expect(checked.operator).toBe(task.className);
    expect(checked.upstream).toStrictEqual([...task.upstream].sort());
    // The literal Python read is the config we embedded, ints and floats apart.
    expect(checked.config).toStrictEqual(typed(task.config));
    // Jinja2 renders the config as renderTemplates does, with the DAG's Jinja options.
    expect(checked.rendered.config).toStrictEqual(
      typed(renderTemplates(task.config, tsContext(context), { keepTrailingNewline: true })),
    );
    // After the provider's casts, what boto3 gets has the API's types everywhere.
    const request = untyped(checked.request) as Record<string, unknown>;
    for (const [kind, part] of requestParts(checked.operator, request)) {
      expect(validateConfig(kind, part), `${task.taskId} ${kind}`).toStrictEqual([]);
    }
  });
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const training = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  TrainingJobName: 'job-1',
  AlgorithmSpecification: { TrainingImage: 'img:1', TrainingInputMode: 'File' },
  RoleArn: 'arn:aws:iam::123456789012:role/R',
  OutputDataConfig: { S3OutputPath: 's3://b/out' },
  ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
  StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  ...overrides,
});
const options = { dagId: 'd', startDate: '2024-01-01' } as const;

describe('toAirflowDag with the Python checker', () => {
  it('writes the Iris KNN pipeline: train, model, transform', () => {
    // GIVEN the tutorial pipeline WHEN its DAG is written and checked
    const dag = irisKnnDag();
    const report = checkDagSource(dag.source, CONTEXTS.iris_knn, dag.fileName);
    // THEN the checker reads, imports and renders it as we wrote it
    expectCheckedAsWritten(dag, report, CONTEXTS.iris_knn!);
    // AND the model waits for the training job it reads through XCom, the transform for the model
    expect(report.tasks.map((t) => [t.task_id, t.upstream])).toStrictEqual([
      ['train', []],
      ['model', ['train']],
      ['transform', ['model']],
    ]);
    // AND the transform does not create the model a second time
    expect(report.tasks[2]!.config).not.toHaveProperty('Model');
    const modelData = (report.tasks[1]!.rendered.config as any).PrimaryContainer.ModelDataUrl;
    expect(modelData).toBe(
      's3://sagemaker-us-east-2-123456789012/knn-2024-01-01-00-00-00-000/output/model.tar.gz',
    );
  });

  it('writes the recommender: templated names, a cast-back parallelism, deferred waits', () => {
    // GIVEN the daily Factorization Machines tuning pipeline
    const dag = recommenderDag();
    const report = checkDagSource(dag.source, CONTEXTS.fm_recommender, dag.fileName);
    expectCheckedAsWritten(dag, report, CONTEXTS.fm_recommender!);
    const [tune, , transform] = report.tasks;
    // THEN the tuning name renders per day and the templated parallelism reaches boto3 as an int
    expect((tune!.request as any).HyperParameterTuningJobName).toBe('fm-20240102');
    expect((tune!.request as any).HyperParameterTuningJobConfig.ResourceLimits).toStrictEqual({
      MaxNumberOfTrainingJobs: 20,
      MaxParallelTrainingJobs: 4,
    });
    // AND the deferred transform's attempts come from its time limit (4 h at 30 s)
    expect(transform!.arguments).toMatchObject({ deferrable: true, max_attempts: 480 });
    expect(tune!.arguments).toMatchObject({ deferrable: true, check_interval: 600 });
    expect(dag.warnings).toHaveLength(1);
    expect(dag.warnings[0]).toContain('480 checks');
  });

  it('keeps strings the way they went in: quotes, backslashes, trailing newlines, non-ASCII', () => {
    // GIVEN values that a naive writer or Airflow's default Jinja setup would change
    const env = {
      QUOTES: `it's "quoted"`,
      BACKSLASH: 'C:\\path\\n',
      NEWLINE: 'line\n',
      UNICODE: 'é😀\u2028',
      TEMPLATE: '{{ ds }}/x',
    };
    const config = {
      ModelName: 'm',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R',
      PrimaryContainer: { Image: 'img:1', Environment: env },
    };
    const dag = toAirflowDag([{ taskId: 'model', config }], options);
    const context = { vars: { ds: '2024-01-01' } };
    const report = checkDagSource(dag.source, context);
    expectCheckedAsWritten(dag, report, context);
    expect((report.tasks[0]!.request as any).PrimaryContainer.Environment).toStrictEqual({
      ...env,
      TEMPLATE: '2024-01-01/x',
    });
  });

  it("moves a transform's nested model S3Operations to where the provider runs them", () => {
    // GIVEN a transform config whose model carries its code upload, as Python's framework models do
    const upload = { Path: '/src/code', Bucket: 'b', Key: 'k/sourcedir.tar.gz', Tar: true };
    const config = {
      Model: {
        ModelName: 'm',
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/R',
        PrimaryContainer: { Image: 'img:1' },
        S3Operations: { S3Upload: [upload] },
      },
      Transform: {
        TransformJobName: 't',
        ModelName: 'm',
        TransformInput: {
          DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/in' } },
        },
        TransformOutput: { S3OutputPath: 's3://b/out' },
        TransformResources: { InstanceCount: '{{ params.n }}', InstanceType: 'ml.m5.large' },
      },
    };
    // WHEN the DAG is written with uploads in the DAG
    const dag = toAirflowDag([{ taskId: 'transform', config }], options);
    const context = { vars: { params: { n: '2' } } };
    const report = checkDagSource(dag.source, context);
    // THEN the provider pops them at the top, and none is left in the model part
    expect(report.tasks[0]!.s3_operations).toStrictEqual({ S3Upload: [upload] });
    expect((report.tasks[0]!.request as any).Model).not.toHaveProperty('S3Operations');
    expect((report.tasks[0]!.request as any).Transform.TransformResources.InstanceCount).toBe(2);
    expectCheckedAsWritten(dag, report, context);
    // AND with prestaged uploads the DAG holds none and the caller gets them
    const staged = toAirflowDag([{ taskId: 'transform', config }], {
      ...options,
      uploads: 'prestage',
    });
    expect(staged.prestage).toStrictEqual({ S3Upload: [upload] });
    expect(checkDagSource(staged.source, context).tasks[0]!.s3_operations).toBeNull();
  });

  it('the checker refuses an operator keyword the provider does not take', () => {
    // GIVEN a written DAG edited to pass max_attempts to the model operator
    const dag = toAirflowDag([{ taskId: 'train', config: training() }], options);
    const edited = dag.source.replace(
      "aws_conn_id='aws_default',",
      "aws_conn_id='aws_default',\n        bogus=1,",
    );
    // THEN importing it against the provider's signatures fails
    expect(() => checkDagSource(edited)).toThrow(/unexpected keyword argument 'bogus'/);
    // AND a config that is not a pure literal, or native rendering, is refused too
    expect(() => checkDagSource(dag.source.replace("'job-1'", "str('job-1')"))).toThrow(
      /not a pure literal/,
    );
    const native = dag.source.replace(
      'catchup=False,',
      'catchup=False,\n    render_template_as_native_obj=True,',
    );
    expect(() => checkDagSource(native)).toThrow(/native objects/);
  });
});

describe('toAirflowDag refuses what the provider would not run', () => {
  it('refuses a template in a number the provider does not cast back, and in a key', () => {
    const cases: Record<string, unknown>[] = [
      // Floats and booleans are never cast back.
      training({ EnableNetworkIsolation: '{{ params.isolate }}' }),
      // An integer outside the training operator's integer_fields.
      training({
        StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: '{{ w }}' },
      }),
      // Airflow renders dict values only.
      training({ HyperParameters: { '{{ name }}': '1' } }),
      // Jinja normalises newlines in every string it renders.
      training({ HyperParameters: { text: 'a\r\nb' } }),
      // renderTemplates drops a template's trailing newline; the DAG keeps it.
      training({ HyperParameters: { text: '{{ ds }}\n' } }),
    ];
    for (const config of cases) {
      const error = caught(() => toAirflowDag([{ taskId: 'train', config }], options));
      expect(isAirflowTemplateError(error), String(error)).toBe(true);
    }
    // The cast-back integers may be templates.
    const ok = training({
      ResourceConfig: {
        InstanceCount: '{{ n }}',
        InstanceType: 'ml.m5.large',
        VolumeSizeInGB: '{{ v }}',
      },
    });
    expect(() => toAirflowDag([{ taskId: 'train', config: ok }], options)).not.toThrow();
  });

  it('refuses unknown references, duplicate ids and cycles', () => {
    const reading = (id: string) =>
      training({
        TrainingJobName: `{{ ti.xcom_pull(task_ids='${id}')['Training']['TrainingJobName'] }}-x`,
      });
    const bad: AirflowTask[][] = [
      [{ taskId: 'a', config: reading('nowhere') }],
      [
        { taskId: 'a', config: training() },
        { taskId: 'a', config: training() },
      ],
      [
        { taskId: 'a', config: reading('b') },
        { taskId: 'b', config: reading('a') },
      ],
      [{ taskId: 'a', config: training(), dependsOn: ['a'] }],
    ];
    for (const tasks of bad) {
      expect(isAirflowDependencyError(caught(() => toAirflowDag(tasks, options)))).toBe(true);
    }
    // AND a task is written after the tasks it reads, whatever the order given
    const dag = toAirflowDag(
      [
        { taskId: 'b', config: reading('a') },
        { taskId: 'a', config: training() },
      ],
      options,
    );
    expect(dag.tasks.map((t) => [t.taskId, t.upstream])).toStrictEqual([
      ['a', []],
      ['b', ['a']],
    ]);
  });

  it('sizes max_attempts of a deferred task from the stopping condition', () => {
    const spot = training({
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
    });
    const attempts = (config: Record<string, unknown>, extra: Partial<AirflowTask> = {}) =>
      /max_attempts=(\d+)/.exec(
        toAirflowDag([{ taskId: 't', config, ...extra }], { ...options, deferrable: true }).source,
      )?.[1];
    // (3600 + 3600 margin) / 30, (7200 + 3600) / 30, bounded by max_ingestion_time, or given
    expect(attempts(training())).toBe('240');
    expect(attempts(spot)).toBe('360');
    expect(attempts(spot, { maxIngestionTimeSeconds: 600 })).toBe('20');
    expect(attempts(spot, { maxAttempts: 7 })).toBe('7');
    // A templated stopping condition cannot size it.
    const templated = training({ StoppingCondition: { MaxRuntimeInSeconds: '{{ params.max }}' } });
    expect(isMissingOptionError(caught(() => attempts(templated)))).toBe(true);
  });

  it('refuses options the provider does not have', () => {
    const model = { ModelName: 'm', PrimaryContainer: { Image: 'i' }, ExecutionRoleArn: 'r' };
    expect(
      isUnsupportedOptionError(
        caught(() =>
          toAirflowDag(
            [{ taskId: 't', config: training(), actionIfJobExists: 'increment' as 'fail' }],
            options,
          ),
        ),
      ),
    ).toBe(true);
    expect(
      isValidationError(
        caught(() => toAirflowDag([{ taskId: 't', config: model, deferrable: true }], options)),
      ),
    ).toBe(true);
    expect(
      isValidationError(caught(() => toAirflowDag([{ taskId: 'bad id', config: model }], options))),
    ).toBe(true);
    expect(
      isValidationError(
        caught(() =>
          toAirflowDag([{ taskId: 't', config: training() }], {
            ...options,
            checkIntervalSeconds: 0.5,
          }),
        ),
      ),
    ).toBe(true);
    // A multi-algorithm tuning config: the provider's tuning operator reads TrainingJobDefinition.
    const multi = {
      HyperParameterTuningJobName: 'x',
      HyperParameterTuningJobConfig: {},
      TrainingJobDefinitions: [],
    };
    expect(
      isValidationError(caught(() => toAirflowDag([{ taskId: 't', config: multi }], options))),
    ).toBe(true);
  });
});
