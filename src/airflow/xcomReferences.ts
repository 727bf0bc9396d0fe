/**
 * The tasks a config reads through XCom: our builders reference an earlier task's result as
 * `{{ ti.xcom_pull(task_ids='train')['Training']['TrainingJobName'] }}`, so the task that reads it
 * must run after `train`.
 * @internal
 */
import { isPlainObject } from '../operators/validation/configPath.js';

// `xcom_pull(task_ids='a')`, `xcom_pull('a')`, `xcom_pull(task_ids=['a', "b"])`.
const CALL = /xcom_pull\s*\(\s*(?:task_ids\s*=\s*)?(\[[^\]]*\]|'[^']*'|"[^"]*")/g;
const QUOTED = /'([^']*)'|"([^"]*)"/g;
const ANY_CALL = /xcom_pull\s*\(/g;

/** What the strings of a config say about other tasks. @internal */
export interface XComReferences {
  /** Task ids named as string literals in `xcom_pull` calls, in first-seen order. */
  readonly taskIds: readonly string[];
  /** Number of `xcom_pull` calls whose task id is not a literal (computed in the template). */
  readonly unresolved: number;
}

function strings(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out);
  else if (isPlainObject(value)) for (const member of Object.values(value)) strings(member, out);
  return out;
}

/** The task ids the templates in `config` pull XComs from. @internal */
export function xcomReferences(config: unknown): XComReferences {
  const taskIds: string[] = [];
  let unresolved = 0;
  for (const text of strings(config, [])) {
    const calls = text.match(ANY_CALL)?.length ?? 0;
    let literal = 0;
    for (const [, argument] of text.matchAll(CALL)) {
      literal++;
      for (const [, single, double] of (argument ?? '').matchAll(QUOTED)) {
        const id = single ?? double ?? '';
        if (!taskIds.includes(id)) taskIds.push(id);
      }
    }
    unresolved += calls - literal;
  }
  return { taskIds, unresolved };
}
