import { afterEach, describe, expect, it } from 'vitest';
import { isSageMakerWorkflowError } from '../../../src/errors.js';
import { coerceConfig, validateConfig } from '../../../src/operators/validation/index.js';
import {
  isTemplateForbiddenError,
  isTemplateRenderError,
  isTemplateUndefinedError,
  renderTemplates,
  type TemplateUndefinedError,
} from '../../../src/operators/templating/index.js';

/** An Airflow-like task instance whose `xcom_pull` reads keyword arguments. */
function taskInstance() {
  const calls: unknown[] = [];
  return {
    calls,
    xcom_pull(kwargs: { task_ids: string }) {
      calls.push(kwargs);
      return { Training: { TrainingJobName: `${kwargs.task_ids}-job-1` } };
    },
  };
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('renderTemplates', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).pwned;
  });

  it('renders every string value in objects and lists, and leaves keys and non-strings alone', () => {
    // GIVEN a config with templates in values, list items and a key
    const config = {
      TrainingJobName: 'knn-{{ ds_nodash }}',
      Tags: [{ Key: 'run', Value: '{{ run_id }}' }],
      HyperParameters: { '{{ key }}': '{{ k }}', epochs: 3 },
      Enabled: true,
      Nothing: null,
    };
    // WHEN it is rendered
    const rendered = renderTemplates(config, {
      ds_nodash: '20240102',
      run_id: 'manual',
      k: 5,
      key: 'x',
    });
    // THEN values are rendered to strings, keys are kept, other values untouched
    expect(rendered).toStrictEqual({
      TrainingJobName: 'knn-20240102',
      Tags: [{ Key: 'run', Value: 'manual' }],
      HyperParameters: { '{{ key }}': '5', epochs: 3 },
      Enabled: true,
      Nothing: null,
    });
    // AND the input is unchanged
    expect(config.TrainingJobName).toBe('knn-{{ ds_nodash }}');
  });

  it("supports Airflow's xcom_pull with keyword arguments and subscripts", () => {
    const ti = taskInstance();
    const rendered = renderTemplates(
      { ModelName: "{{ ti.xcom_pull(task_ids='train')['Training']['TrainingJobName'] }}" },
      { ti },
    );
    expect(rendered).toStrictEqual({ ModelName: 'train-job-1' });
    expect(ti.calls).toStrictEqual([{ task_ids: 'train' }]);
  });

  it("supports Airflow's date filters, loops and Jinja filters", () => {
    const logical_date = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(
      renderTemplates(
        [
          '{{ logical_date | ds }}',
          '{{ logical_date | ts_nodash }}',
          '{{ logical_date | ts }}',
          '{% for i in range(3) %}{{ i }}{% endfor %}',
          '{{ name | upper }}',
          '{{ missing | default("d") }}',
        ],
        { logical_date, name: 'knn' },
      ),
    ).toStrictEqual([
      '2024-01-02',
      '20240102T030405',
      '2024-01-02T03:04:05+00:00',
      '012',
      'KNN',
      'd',
    ]);
  });

  it('raises a typed error naming an undefined variable, with the config path', () => {
    const error = thrownBy(() =>
      renderTemplates({ Tags: [{ Key: 'a', Value: '{{ params.owner }}' }] }, { params: {} }),
    );
    expect(isTemplateUndefinedError(error)).toBe(true);
    expect(isSageMakerWorkflowError(error)).toBe(true);
    const e = error as TemplateUndefinedError;
    expect(e.code).toBe('TEMPLATE_UNDEFINED');
    expect(e.path).toBe('Tags[0].Value');
    expect(e.template).toBe('{{ params.owner }}');
    expect(e.variable).toBe('owner');
  });

  it('raises a typed error for syntax errors and failing functions', () => {
    const syntax = thrownBy(() => renderTemplates({ A: '{{ x.y' }, { x: {} }));
    expect(isTemplateRenderError(syntax)).toBe(true);
    const failing = thrownBy(() =>
      renderTemplates(
        { A: '{{ boom() }}' },
        {
          boom: () => {
            throw new Error('kaput');
          },
        },
      ),
    );
    expect(isTemplateRenderError(failing)).toBe(true);
    expect((failing as Error).message).toContain('kaput');
    expect(((failing as Error).cause as Error).message).toBe('kaput');
  });

  it('reads no template files: include and import find nothing', () => {
    expect(
      isTemplateRenderError(thrownBy(() => renderTemplates('{% include "package.json" %}', {}))),
    ).toBe(true);
    expect(
      isTemplateRenderError(thrownBy(() => renderTemplates('{% import "x.njk" as x %}', {}))),
    ).toBe(true);
  });

  describe('sandbox', () => {
    const escapes = [
      '{{ "".constructor.constructor("globalThis.pwned = 1; return process")() }}',
      '{{ range.constructor("globalThis.pwned = 1")() }}',
      '{{ cycler.constructor("globalThis.pwned = 1")() }}',
      '{{ joiner.constructor("globalThis.pwned = 1")() }}',
      '{{ ti.xcom_pull.constructor("globalThis.pwned = 1")() }}',
      '{{ x["con" ~ "structor"]["con" ~ "structor"]("globalThis.pwned = 1")() }}',
      '{% set f = "".constructor.constructor %}{{ f("globalThis.pwned = 1")() }}',
      '{{ x.__proto__.constructor.constructor("globalThis.pwned = 1")() }}',
      '{{ constructor.constructor("globalThis.pwned = 1")() }}',
      '{{ __proto__ }}',
      '{{ x.prototype }}',
    ];
    it.each(escapes)('refuses %s without running anything', (template) => {
      const error = thrownBy(() => renderTemplates({ A: template }, { ti: taskInstance(), x: {} }));
      expect(isTemplateForbiddenError(error)).toBe(true);
      expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    });

    it('finds no filter or test named after Object.prototype members', () => {
      for (const template of [
        '{{ "x" | constructor }}',
        '{{ "x" is constructor }}',
        '{{ "x" | valueOf }}',
      ]) {
        expect(isTemplateRenderError(thrownBy(() => renderTemplates(template, {})))).toBe(true);
      }
    });

    it('hides what objects inherit from Object.prototype', () => {
      for (const template of ['{{ toString }}', '{{ x.hasOwnProperty }}', '{{ valueOf }}']) {
        expect(isTemplateUndefinedError(thrownBy(() => renderTemplates(template, { x: {} })))).toBe(
          true,
        );
      }
    });

    it('does not reach the host through filters that read attributes', () => {
      const rendered = renderTemplates('{{ items | sum(attribute="constructor") }}', { items: [] });
      expect(rendered).toBe('0');
    });
  });

  it('renders then coerces numbers back, so the config validates', () => {
    // GIVEN a training config whose numbers are templates
    const config = {
      TrainingJobName: 'knn-{{ ds_nodash }}',
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
      AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
      OutputDataConfig: { S3OutputPath: 's3://bucket/out' },
      StoppingCondition: { MaxRuntimeInSeconds: '{{ params.max_run }}' },
      ResourceConfig: {
        InstanceCount: '{{ params.count }}',
        InstanceType: 'ml.m5.large',
        VolumeSizeInGB: 30,
      },
      EnableManagedSpotTraining: '{{ params.spot }}',
    };
    // WHEN rendered, the numbers are strings the API would refuse
    const rendered = renderTemplates(config, {
      ds_nodash: '20240102',
      params: { max_run: 3600, count: 2, spot: false },
    });
    expect(validateConfig('training', rendered).map((p) => [p.path, p.rule])).toStrictEqual([
      ['StoppingCondition.MaxRuntimeInSeconds', 'type'],
      ['ResourceConfig.InstanceCount', 'type'],
      ['EnableManagedSpotTraining', 'type'],
    ]);
    // THEN after coercion they are numbers and booleans again, and the config is valid
    const ready = coerceConfig('training', rendered) as typeof config;
    expect(ready.ResourceConfig.InstanceCount).toBe(2);
    expect(ready.StoppingCondition.MaxRuntimeInSeconds).toBe(3600);
    expect(ready.EnableManagedSpotTraining).toBe(false);
    expect(validateConfig('training', ready)).toStrictEqual([]);
  });
});
