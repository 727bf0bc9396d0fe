/**
 * A transform or endpoint config that carries the model (or endpoint config) another task of the
 * DAG creates. This library's operators attach to a model made from the same config; the
 * provider's transform operator instead finds the name taken and creates a second model under
 * `<name>-<timestamp>`, and its endpoint operator fails on the existing model. So the part is left
 * out and the task runs after the one that creates it.
 * @internal
 */
import { deepEqual } from '../internal/deepEqual.js';
import { isPlainObject } from '../operators/validation/configPath.js';
import type { AirflowOperatorKind } from './operatorSpecs.js';

/** A task before its config is written. @internal */
export interface PartsInput {
  readonly task: { readonly taskId: string };
  readonly kind: AirflowOperatorKind;
  readonly config: Readonly<Record<string, unknown>>;
}

const PARTS = [
  { key: 'Model', creator: 'model', name: 'ModelName' },
  { key: 'EndpointConfig', creator: 'endpointConfig', name: 'EndpointConfigName' },
] as const;

function withoutOps(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const { S3Operations: _ops, ...rest } = value;
  return rest;
}

/**
 * The configs with the parts other tasks create left out, and the tasks they now depend on.
 * Parts with the same name but another config are kept, with a warning.
 * @internal
 */
export function dropDuplicateParts<T extends PartsInput>(
  items: readonly T[],
  warnings: string[],
): (T & { readonly extraUpstream: readonly string[] })[] {
  return items.map((item) => {
    if (item.kind !== 'transform' && item.kind !== 'endpoint')
      return { ...item, extraUpstream: [] };
    let config = item.config;
    const extraUpstream: string[] = [];
    for (const { key, creator, name } of PARTS) {
      const part = config[key];
      if (!isPlainObject(part)) continue;
      const owner = items.find(
        (other) => other.kind === creator && other.config[name] === part[name],
      );
      if (owner === undefined) continue;
      if (!deepEqual(withoutOps(owner.config), withoutOps(part))) {
        warnings.push(
          `${item.task.taskId}: ${key} ${String(part[name])} is also created by task ${owner.task.taskId} with another config`,
        );
        continue;
      }
      const { [key]: _dropped, ...rest } = config;
      config = rest;
      extraUpstream.push(owner.task.taskId);
    }
    return { ...item, config, extraUpstream };
  });
}
