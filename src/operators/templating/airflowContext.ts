import { ValidationError } from '../../errors.js';
import { makeDateTime, strftime, strptime } from './engine/pyDates.js';
import { str } from './engine/pyText.js';
import { renderFault } from './engine/TemplateFault.js';
import {
  fromHost,
  kindOf,
  numberValue,
  PyBuiltin,
  PyDateTime,
  Undefined,
} from './engine/values.js';

/** What an Airflow task run gives its templates; see {@link airflowContext}. */
export interface AirflowContextOptions {
  /** The run's logical date (`logical_date`, `ds`, `ts`, ...), read in UTC. */
  readonly logicalDate: Date;
  /** Start of the data interval. @default - the logical date */
  readonly dataIntervalStart?: Date;
  /** End of the data interval. @default - the logical date */
  readonly dataIntervalEnd?: Date;
  /** The DAG's `params`. @default {} */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Airflow Variables by key, as stored (strings; `var.json` parses them). @default {} */
  readonly variables?: Readonly<Record<string, string>>;
  /** The `return_value` XCom of each upstream task, by task id (for example a `run*` result). @default {} */
  readonly xcom?: Readonly<Record<string, unknown>>;
  /** The DAG run's id (`run_id`). @default - no `run_id` */
  readonly runId?: string;
}

const DAY_MS = 86_400_000;

function checkDate(option: string, value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new ValidationError(option, value, 'a valid Date');
  }
  return value;
}

function textArg(value: unknown): string {
  if (value instanceof Undefined) return str(value);
  return str(value);
}

/** Airflow's `macros.ds_add(ds, days)`. */
function dsAdd(args: unknown[], kwargs: Map<string, unknown>): string {
  const ds = textArg(args[0] ?? kwargs.get('ds'));
  const days = args[1] ?? kwargs.get('days');
  if (!['int', 'float', 'bool'].includes(kindOf(days)))
    throw renderFault('TypeError: ds_add needs a number of days');
  if (numberValue(days) === 0) return ds;
  const date = strptime(ds, '%Y-%m-%d');
  return strftime(
    new PyDateTime(date.ms + Math.round(numberValue(days) * DAY_MS), false, false),
    '%Y-%m-%d',
  );
}

/** Airflow's `macros.ds_format(ds, input_format, output_format)`. */
function dsFormat(args: unknown[], kwargs: Map<string, unknown>): string {
  const ds = textArg(args[0] ?? kwargs.get('ds'));
  const input = args[1] ?? kwargs.get('input_format');
  const output = args[2] ?? kwargs.get('output_format');
  if (typeof input !== 'string' || typeof output !== 'string')
    throw renderFault('TypeError: ds_format needs two format strings');
  return strftime(strptime(ds, input), output);
}

const DATETIME_FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond'];

/** Python's `datetime` class: `datetime(2024, 1, 2)` and `datetime.strptime(text, format)`. */
const DATETIME = new PyBuiltin(
  'datetime',
  (args, kwargs) => {
    const parts = DATETIME_FIELDS.map(
      (name, i) => args[i] ?? kwargs.get(name) ?? (i < 3 ? undefined : 0),
    );
    if (parts.some((p) => kindOf(p) !== 'int'))
      throw renderFault('TypeError: datetime() needs integer year, month and day');
    return makeDateTime(parts as number[], false, false);
  },
  (name) =>
    name === 'strptime'
      ? new PyBuiltin('strptime', (args) => {
          const [text, format] = args;
          if (typeof text !== 'string' || typeof format !== 'string')
            throw renderFault('TypeError: strptime() needs two strings');
          return strptime(text, format);
        })
      : undefined,
);

function attrs(table: Readonly<Record<string, unknown>>): (name: string) => unknown {
  return (name) => (Object.hasOwn(table, name) ? table[name] : undefined);
}

function variableAccessor(variables: Readonly<Record<string, string>>, json: boolean): PyBuiltin {
  const read = (key: unknown, fallback: unknown): unknown => {
    if (typeof key !== 'string' || !Object.hasOwn(variables, key)) {
      if (fallback !== undefined) return fallback;
      throw renderFault(`KeyError: Variable ${String(key)} does not exist`);
    }
    const raw = variables[key] ?? '';
    if (!json) return raw;
    try {
      return fromHost(JSON.parse(raw) as unknown, key);
    } catch (error) {
      throw renderFault(`JSONDecodeError: Variable ${key} is not JSON`, { cause: error });
    }
  };
  const get = new PyBuiltin('get', (args, kwargs) =>
    read(args[0] ?? kwargs.get('item'), args[1] ?? kwargs.get('default_var')),
  );
  return new PyBuiltin(json ? 'VariableAccessor(json)' : 'VariableAccessor', undefined, (name) =>
    name === 'get' ? get : read(name, undefined),
  );
}

function taskInstance(xcom: Readonly<Record<string, unknown>>): PyBuiltin {
  const pull = (taskId: unknown, fallback: unknown): unknown =>
    typeof taskId === 'string' && Object.hasOwn(xcom, taskId)
      ? fromHost(xcom[taskId], taskId)
      : fallback;
  const xcomPull = new PyBuiltin('xcom_pull', (args, kwargs) => {
    const taskIds = args[0] ?? kwargs.get('task_ids') ?? null;
    const key = args[2] ?? kwargs.get('key') ?? 'return_value';
    const fallback = kwargs.get('default') ?? null;
    if (key !== 'return_value') return fallback;
    if (Array.isArray(taskIds)) return taskIds.map((t) => pull(t, fallback));
    if (kindOf(taskIds) === 'tuple')
      return (taskIds as { items: unknown[] }).items.map((t) => pull(t, fallback));
    return pull(taskIds, fallback);
  });
  return new PyBuiltin('TaskInstance', undefined, attrs({ xcom_pull: xcomPull }));
}

const iso = (date: Date): string => date.toISOString().slice(0, 10);
const shift = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
const isoformat = (date: Date): string =>
  strftime(new PyDateTime(date.getTime(), true, true), '%Y-%m-%dT%H:%M:%S') +
  micro(date) +
  '+00:00';
const micro = (date: Date): string =>
  date.getUTCMilliseconds() === 0
    ? ''
    : `.${String(date.getUTCMilliseconds()).padStart(3, '0')}000`;

/**
 * The template context Airflow gives a task run, for `renderTemplates` or an operator's
 * `templateContext`: `ds`, `ds_nodash`, `ts`, `ts_nodash`, `ts_nodash_with_tz`, `logical_date`
 * (and `execution_date`), `data_interval_start`/`end`, `yesterday_ds`/`tomorrow_ds` (and
 * `prev_ds`/`next_ds`, one interval away, when both interval ends are given), `params`,
 * `var.value`/`var.json` (attributes and `get(key, default_var)`), `macros.ds_add`,
 * `macros.ds_format`, `macros.datetime`, `ti.xcom_pull(task_ids=...)` (also `task_instance`) and
 * `run_id`. `None`, `True` and `False` are literals in every template.
 * @throws ValidationError when a date is not a valid `Date`.
 * @example
 * const context = airflowContext({ logicalDate: new Date('2024-01-02'), xcom: { train: trainResult } });
 * renderTemplates({ ModelName: "{{ ti.xcom_pull(task_ids='train')['Training']['TrainingJobName'] }}" }, context);
 */
export function airflowContext(options: AirflowContextOptions): Readonly<Record<string, unknown>> {
  const logical = checkDate('logicalDate', options.logicalDate);
  const start =
    options.dataIntervalStart === undefined
      ? logical
      : checkDate('dataIntervalStart', options.dataIntervalStart);
  const end =
    options.dataIntervalEnd === undefined
      ? logical
      : checkDate('dataIntervalEnd', options.dataIntervalEnd);
  const ds = iso(logical);
  const ts = isoformat(logical);
  const ti = taskInstance(options.xcom ?? {});
  const context: Record<string, unknown> = {
    ds,
    ds_nodash: ds.replaceAll('-', ''),
    ts,
    ts_nodash: strftime(new PyDateTime(logical.getTime(), true, true), '%Y%m%dT%H%M%S'),
    ts_nodash_with_tz: ts.replace(/[-:]/g, ''),
    logical_date: logical,
    execution_date: logical,
    data_interval_start: start,
    data_interval_end: end,
    yesterday_ds: iso(shift(logical, -DAY_MS)),
    yesterday_ds_nodash: iso(shift(logical, -DAY_MS)).replaceAll('-', ''),
    tomorrow_ds: iso(shift(logical, DAY_MS)),
    tomorrow_ds_nodash: iso(shift(logical, DAY_MS)).replaceAll('-', ''),
    params: options.params ?? {},
    var: new PyBuiltin(
      'var',
      undefined,
      attrs({
        value: variableAccessor(options.variables ?? {}, false),
        json: variableAccessor(options.variables ?? {}, true),
      }),
    ),
    macros: new PyBuiltin(
      'macros',
      undefined,
      attrs({
        ds_add: new PyBuiltin('ds_add', dsAdd),
        ds_format: new PyBuiltin('ds_format', dsFormat),
        datetime: DATETIME,
      }),
    ),
    ti,
    task_instance: ti,
  };
  if (options.runId !== undefined) context.run_id = options.runId;
  if (options.dataIntervalStart !== undefined && options.dataIntervalEnd !== undefined) {
    const step = end.getTime() - start.getTime();
    for (const [name, date] of [
      ['prev', shift(logical, -step)],
      ['next', shift(logical, step)],
    ] as const) {
      context[`${name}_ds`] = iso(date);
      context[`${name}_ds_nodash`] = iso(date).replaceAll('-', '');
    }
  }
  return Object.freeze(context);
}
