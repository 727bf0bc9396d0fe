/**
 * The text of the DAG file: imports, one config constant per task (a pure literal, so
 * `ast.literal_eval` reads it), the `DAG` context, one operator per task and the dependencies.
 * @internal
 */
import { pythonLiteral, pythonString } from './pythonLiteral.js';

/** A keyword argument already written as Python source. @internal */
export type PythonArgument = readonly [name: string, source: string];

/** One task as written. @internal */
export interface DagSourceTask {
  readonly taskId: string;
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly arguments: readonly PythonArgument[];
  readonly upstream: readonly string[];
}

/** Everything the file says. @internal */
export interface DagSourceInput {
  readonly header: readonly string[];
  readonly dagArguments: readonly PythonArgument[];
  /** In dependency order. */
  readonly tasks: readonly DagSourceTask[];
}

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield match case type _'
  ).split(' '),
);
// Names the file itself binds.
const TAKEN = ['DAG', 'dag', 'datetime'];

/** A Python identifier for each task id, distinct from each other and from the file's names. */
function variableNames(taskIds: readonly string[]): Map<string, string> {
  const used = new Set(TAKEN);
  const names = new Map<string, string>();
  for (const id of taskIds) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (/^\d/.test(base) || PYTHON_KEYWORDS.has(base) || used.has(base)) base = `task_${base}`;
    let name = base;
    for (let n = 2; used.has(name) || used.has(`${name}_config`); n++) name = `${base}_${n}`;
    used.add(name).add(`${name}_config`);
    names.set(id, name);
  }
  return names;
}

function call(callee: string, args: readonly PythonArgument[], indent: string): string {
  const inner = `${indent}    `;
  const lines = args.map(([name, source]) => `${inner}${name}=${source},`);
  return `${callee}(\n${lines.join('\n')}\n${indent})`;
}

/** Writes the DAG file. @internal */
export function dagSource(input: DagSourceInput): string {
  const names = variableNames(input.tasks.map((task) => task.taskId));
  const classes = [...new Set(input.tasks.map((task) => task.className))].sort();
  const out: string[] = [];
  out.push('"""', ...input.header, '"""', '');
  out.push('import datetime', '');
  out.push('from airflow.providers.amazon.aws.operators.sagemaker import (');
  out.push(...classes.map((name) => `    ${name},`), ')', '');
  out.push('try:  # Airflow 3', '    from airflow.sdk import DAG');
  out.push('except ImportError:  # Airflow 2', '    from airflow import DAG', '');
  for (const task of input.tasks) {
    out.push('', `${names.get(task.taskId)}_config = ${pythonLiteral(task.config)}`);
  }
  out.push('', '', `with ${call('DAG', input.dagArguments, '')} as dag:`);
  for (const task of input.tasks) {
    const name = names.get(task.taskId) ?? '';
    const args: PythonArgument[] = [
      ['task_id', pythonString(task.taskId)],
      ['config', `${name}_config`],
      ...task.arguments,
    ];
    out.push(`    ${name} = ${call(task.className, args, '    ')}`);
  }
  const edges = input.tasks.flatMap((task) =>
    task.upstream.map((up) => `    ${names.get(up)} >> ${names.get(task.taskId)}`),
  );
  if (edges.length > 0) out.push('', ...edges);
  return `${out.join('\n')}\n`;
}
