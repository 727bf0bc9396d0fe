/**
 * Task order: every task after the tasks it reads from, otherwise in the order given.
 * @internal
 */
import { AirflowDependencyError } from './errors.js';

/** Sorts tasks so that each comes after its upstream tasks; upstream ids are de-duplicated. @internal */
export function orderTasks<
  T extends { readonly task: { readonly taskId: string }; readonly upstream: readonly string[] },
>(items: readonly T[]): (T & { readonly upstream: readonly string[] })[] {
  const byId = new Map(items.map((item) => [item.task.taskId, item]));
  for (const item of items) {
    for (const up of item.upstream) {
      if (up === item.task.taskId) {
        throw new AirflowDependencyError(up, 'the task reads its own result');
      }
      if (!byId.has(up)) {
        throw new AirflowDependencyError(
          item.task.taskId,
          `it reads from task ${up}, which is not in the DAG`,
        );
      }
    }
  }
  const done = new Set<string>();
  const visiting: string[] = [];
  const out: (T & { readonly upstream: readonly string[] })[] = [];
  const visit = (item: T): void => {
    const id = item.task.taskId;
    if (done.has(id)) return;
    if (visiting.includes(id)) {
      const cycle = [...visiting.slice(visiting.indexOf(id)), id];
      throw new AirflowDependencyError(id, `the tasks depend on each other: ${cycle.join(' -> ')}`);
    }
    visiting.push(id);
    const upstream = [...new Set(item.upstream)];
    for (const up of upstream) visit(byId.get(up) as T);
    visiting.pop();
    done.add(id);
    out.push({ ...item, upstream });
  };
  for (const item of items) visit(item);
  return out;
}
