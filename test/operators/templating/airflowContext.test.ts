import { describe, expect, it } from 'vitest';
import { airflowContext, renderTemplates } from '../../../src/operators/templating/index.js';
import { renderWithJinja2, type JinjaCase } from '../../jinja/jinja2.js';

const spec = {
  logicalDate: new Date('2024-01-02T03:04:05Z'),
  dataIntervalStart: new Date('2024-01-01T03:04:05Z'),
  dataIntervalEnd: new Date('2024-01-02T03:04:05Z'),
  params: { epochs: 10, name: 'knn', lr: 0.01 },
  variables: { bucket: 'my-bucket', cfg: '{"k": [1, 2], "on": true}' },
  xcom: {
    train: {
      Training: {
        TrainingJobName: 'knn-2024',
        ModelArtifacts: { S3ModelArtifacts: 's3://b/m.tar.gz' },
      },
    },
  },
  runId: 'manual__2024',
};

/** Templates our builders emit (xcom_pull of earlier results) and the common Airflow ones. */
const TEMPLATES = [
  "{{ ti.xcom_pull(task_ids='train')['Training']['TrainingJobName'] }}",
  "{{ ti.xcom_pull(task_ids='train')['Training']['ModelArtifacts']['S3ModelArtifacts'] }}",
  "{{ task_instance.xcom_pull('train')['Training']['TrainingJobName'] }}",
  "{{ ti.xcom_pull(task_ids='missing') }}",
  "{{ ti.xcom_pull(task_ids=['train', 'missing']) | length }}",
  '{{ ds }} {{ ds_nodash }} {{ ts }} {{ ts_nodash }} {{ ts_nodash_with_tz }}',
  '{{ logical_date }} {{ execution_date }} {{ data_interval_start }} {{ data_interval_end }}',
  '{{ logical_date | ds }} {{ data_interval_end | ts_nodash }} {{ logical_date.strftime("%Y") }}',
  '{{ yesterday_ds }} {{ tomorrow_ds_nodash }} {{ prev_ds }} {{ next_ds_nodash }} {{ run_id }}',
  '{{ macros.ds_add(ds, 1) }} {{ macros.ds_add(ds, -31) }} {{ macros.ds_add(ds, 0) }}',
  "{{ macros.ds_format(ds, '%Y-%m-%d', '%d/%m/%Y') }} {{ macros.ds_format(ds_nodash, '%Y%m%d', '%Y') }}",
  '{{ macros.datetime(2024, 1, 1) }} {{ macros.datetime(2024, 2, 29, 12, 30) }}',
  "{{ macros.datetime.strptime(ds, '%Y-%m-%d').strftime('%j') }}",
  // A run of whitespace in a format is one `\s+`, as in Python's _strptime.
  "{{ macros.datetime.strptime('2024  01 \t 02', '%Y %m  \t%d').strftime('%Y%m%d') }}",
  '{{ var.value.bucket }} {{ var.value.get("bucket") }} {{ var.value.get("nope", "dflt") }}',
  '{{ var.json.cfg.k }} {{ var.json.get("cfg")["on"] }}',
  '{{ var.value.nope }}',
  '{{ params.epochs }} {{ params.lr }} {{ params.name | upper }} {{ params }}',
  '{{ None }} {{ True }} {{ False }}',
  's3://{{ var.value.bucket }}/{{ params.name }}/{{ ds_nodash }}/output',
  'knn-{{ ts_nodash }}-{{ params.epochs * 2 }}',
];

describe('airflowContext', () => {
  it(`renders ${TEMPLATES.length} Airflow templates as Jinja2 with the same context built in Python`, () => {
    const cases: JinjaCase[] = TEMPLATES.map((template) => ({ template, airflow: spec }));
    const expected = renderWithJinja2(cases);
    const context = airflowContext(spec);
    const diffs = TEMPLATES.flatMap((template, i) => {
      let ours: { ok: boolean; out?: string };
      try {
        ours = { ok: true, out: renderTemplates(template, context) };
      } catch {
        ours = { ok: false };
      }
      const theirs = expected[i]!;
      const same = ours.ok && theirs.ok ? ours.out === theirs.out : ours.ok === theirs.ok;
      return same ? [] : [{ template, ours, theirs }];
    });
    expect(diffs).toStrictEqual([]);
  });

  it('refuses an invalid date', () => {
    expect(() => airflowContext({ logicalDate: new Date('nope') })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
