/**
 * Python's `get_mp_parameters` and `validate_mp_config`: the model-parallel parameters of
 * smdistributed, read from a JSON file when given as a path (the one read a builder does).
 * @internal
 */
import { existsSync, readFileSync } from 'node:fs';
import { ValidationError } from '../../../errors.js';
import { pyTruthy } from '../../../pythonCompat/truthy.js';
import type { PyValue } from '../../types.js';
import { type Distribution, isDict } from './settings.js';

/** Python's `get_mp_parameters`: the model-parallel parameters when modelparallel is enabled. */
export function mpParameters(
  distribution: Distribution,
  owner: string,
): Readonly<Record<string, PyValue>> | undefined {
  const sm = distribution.smdistributed;
  if (!isDict(sm) || !isDict(sm.modelparallel)) return undefined;
  const mp = sm.modelparallel;
  if (mp.enabled !== true) return undefined;
  const option = `${owner}.distribution.smdistributed.modelparallel.parameters`;
  let params: PyValue = mp.parameters ?? {};
  if (typeof params === 'string') {
    if (!existsSync(params))
      throw new ValidationError(option, params, 'an object, or the path of an existing JSON file');
    try {
      params = JSON.parse(readFileSync(params, 'utf8')) as PyValue;
    } catch (cause) {
      throw new ValidationError(option, params, 'a readable JSON file', { cause });
    }
  }
  if (!isDict(params))
    throw new ValidationError(option, params, 'an object, or the path of an existing JSON file');
  validateMpConfig(params, option);
  return params;
}

/** Python's `validate_mp_config`. */
function validateMpConfig(config: Readonly<Record<string, PyValue>>, option: string): void {
  const oneOf = (key: string, values: readonly PyValue[]): void => {
    if (key in config && !values.includes(config[key] ?? null)) {
      throw new ValidationError(
        `${option}.${key}`,
        config[key],
        values.map((v) => JSON.stringify(v)).join(', '),
      );
    }
  };
  oneOf('pipeline', ['simple', 'interleaved', '_only_forward']);
  oneOf('placement_strategy', ['spread', 'cluster']);
  oneOf('optimize', ['speed', 'memory']);
  for (const key of ['microbatches', 'partitions', 'active_microbatches']) {
    const v = config[key];
    if (key in config && (typeof v !== 'number' || !Number.isInteger(v) || v < 1)) {
      throw new ValidationError(`${option}.${key}`, v, 'a positive integer');
    }
  }
  for (const key of [
    'auto_partition',
    'contiguous',
    'load_partition',
    'horovod',
    'ddp',
    'deterministic_server',
  ])
    oneOf(key, [true, false]);
  if ('partition_file' in config && typeof config.partition_file !== 'string') {
    throw new ValidationError(`${option}.partition_file`, config.partition_file, 'a string');
  }
  if (config.auto_partition === false && !('default_partition' in config)) {
    throw new ValidationError(
      `${option}.default_partition`,
      undefined,
      'a default partition when auto_partition is false',
    );
  }
  if (
    'default_partition' in config &&
    Number(config.default_partition) >= Number(config.partitions)
  ) {
    throw new ValidationError(
      `${option}.default_partition`,
      config.default_partition,
      'less than the number of partitions',
    );
  }
  if (
    'memory_weight' in config &&
    (Number(config.memory_weight) > 1 || Number(config.memory_weight) < 0)
  ) {
    throw new ValidationError(
      `${option}.memory_weight`,
      config.memory_weight,
      'between 0.0 and 1.0',
    );
  }
  for (const key of ['ddp_port', 'ddp_dist_backend']) {
    if (key in config && !('ddp' in config))
      throw new ValidationError(`${option}.${key}`, config[key], 'ddp to be set as well');
  }
  if ('ddp_port' in config) {
    const port = config.ddp_port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 0)
      throw new ValidationError(`${option}.ddp_port`, port, 'a port number');
  }
  if (pyTruthy(config.horovod) && pyTruthy(config.ddp)) {
    throw new ValidationError(`${option}.ddp`, true, 'ddp or horovod, not both');
  }
}
