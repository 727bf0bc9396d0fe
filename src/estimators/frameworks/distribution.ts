/**
 * Distribution options of the framework estimators (Python's `fw_utils.validate_distribution` and
 * `Framework._distribution_configuration`): checks at construction, and the `sagemaker_*`
 * hyperparameters they become.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ValidationError } from '../../errors.js';
import { isPlaceholder } from '../../templates.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import type { InstanceGroup } from '../inputs.js';
import type { PyValue } from '../types.js';

/** A distribution setting, e.g. `{ mpi: { enabled: true, processes_per_host: 8 } }` (Python's keys). */
export type Distribution = Readonly<Record<string, PyValue>>;

const SM_DATAPARALLEL_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  tensorflow: [
    '2.3',
    '2.3.1',
    '2.3.2',
    '2.4',
    '2.4.1',
    '2.4.3',
    '2.5',
    '2.5.0',
    '2.5.1',
    '2.6',
    '2.6.0',
    '2.6.2',
    '2.6.3',
    '2.7',
    '2.7.1',
    '2.8',
    '2.8.0',
    '2.9',
    '2.9.1',
    '2.9.2',
    '2.10',
    '2.10.1',
    '2.11',
    '2.11.0',
  ],
  pytorch: [
    '1.6',
    '1.6.0',
    '1.7',
    '1.7.1',
    '1.8',
    '1.8.0',
    '1.8.1',
    '1.9',
    '1.9.0',
    '1.9.1',
    '1.10',
    '1.10.0',
    '1.10.2',
    '1.11',
    '1.11.0',
    '1.12',
    '1.12.0',
    '1.12.1',
    '1.13.1',
    '2.0.0',
    '2.0.1',
    '2.1.0',
    '2.1.2',
    '2.2.0',
  ],
};
const TORCH_DISTRIBUTED_GPU_VERSIONS = [
  '1.13.1',
  '2.0.0',
  '2.0.1',
  '2.1.0',
  '2.1.2',
  '2.2.0',
  '2.3.0',
  '2.3.1',
  '2.4.1',
  '2.5.1',
  '2.6.0',
  '2.7.1',
  '2.8.0',
];
const TRAINIUM_TORCH_DISTRIBUTED_VERSIONS = [
  '1.11',
  '1.11.0',
  '1.12',
  '1.12.0',
  '1.12.1',
  '1.13.1',
  '2.0.0',
];
const SMDISTRIBUTED_STRATEGIES = ['dataparallel', 'modelparallel'];
/** DLC images SageMaker's parallelism libraries do not run on (Python's `UNSUPPORTED_DLC_IMAGE_FOR_SM_PARALLELISM`). */
const SM_PARALLELISM_UNSUPPORTED_IMAGES = ['2.0.1-gpu-py310-cu121'];

const isDict = (v: unknown): v is Readonly<Record<string, PyValue>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `d.get(key, {})` of a nested setting; refuses what Python could not `.get` from. */
function section(
  distribution: Distribution,
  key: string,
  option: string,
): Readonly<Record<string, PyValue>> {
  const value = distribution[key];
  if (value === undefined) return {};
  if (!isDict(value))
    throw new ValidationError(`${option}.${key}`, value, 'an object such as { enabled: true }');
  return value;
}

/** `section.get('enabled', fallback)`. */
const enabled = (s: Readonly<Record<string, PyValue>>, fallback: PyValue = false): PyValue =>
  'enabled' in s ? (s.enabled ?? null) : fallback;

/** `^ml[._](family)...`: the instance family, or undefined. */
function family(instanceType: unknown): string | undefined {
  if (typeof instanceType !== 'string') return undefined;
  return /^ml[._]([a-z\d-]+)\.?\w*$/.exec(instanceType)?.[1];
}
const isGpuInstance = (t: unknown): boolean => {
  const f = family(t);
  return (f !== undefined && (f.startsWith('p') || f.startsWith('g'))) || t === 'local_gpu';
};
const isTrainiumInstance = (t: unknown): boolean => family(t)?.startsWith('trn') ?? false;

/** What `validate_distribution` needs to know about the estimator. */
export interface DistributionContext {
  readonly owner: string;
  readonly frameworkName: string | undefined;
  readonly frameworkVersion: string | undefined;
  readonly pyVersion: string | undefined;
  readonly imageUri: string | undefined;
  readonly instanceType: string | undefined;
  readonly instanceGroups: readonly InstanceGroup[] | undefined;
  readonly entryPoint: string | undefined;
}

/**
 * Python's `validate_distribution`: checks the strategies for the instance type (or training
 * instance groups) and returns the distribution with the group names resolved.
 * @throws {@link ValidationError} naming the distribution option and what is accepted.
 */
export function validateDistribution(
  distribution: Distribution,
  ctx: DistributionContext,
): Distribution {
  const option = `${ctx.owner}.distribution`;
  if (!isDict(distribution))
    throw new ValidationError(option, distribution, 'an object of distribution strategies');
  const validated: Record<string, PyValue> = { ...distribution };
  const rawGroups: unknown = validated.instance_groups ?? [];
  if (!Array.isArray(rawGroups))
    throw new ValidationError(`${option}.instance_groups`, rawGroups, 'a list of InstanceGroup');
  let trainGroups = rawGroups as readonly InstanceGroup[];
  const groups = ctx.instanceGroups;
  if (groups === undefined) {
    if (trainGroups.length >= 1) {
      throw new ValidationError(
        `${option}.instance_groups`,
        'instance_groups',
        'none unless the estimator has instanceGroups',
      );
    }
  } else {
    if (trainGroups.length > groups.length) {
      throw new ValidationError(
        `${option}.instance_groups`,
        trainGroups.length,
        `at most the ${groups.length} instance groups of the estimator`,
      );
    }
    if (groups.length === 1 && trainGroups.length === 0) trainGroups = groups;
    else if (groups.length > 1 && trainGroups.length !== 1) {
      throw new ValidationError(
        `${option}.instance_groups`,
        trainGroups.length,
        'exactly one training instance group',
      );
    }
  }
  if (trainGroups.length !== 0) {
    const names: PyValue[] = [];
    for (const group of trainGroups) {
      if (!groups?.includes(group)) {
        throw new ValidationError(
          `${option}.instance_groups`,
          group.props.instanceGroupName,
          'instance groups of the estimator',
        );
      }
      checkForInstanceType(group.props.instanceType, validated, ctx);
      names.push(group.props.instanceGroupName ?? null);
    }
    validated.instance_groups = names;
  } else {
    checkForInstanceType(ctx.instanceType, validated, ctx);
  }
  return validated;
}

function checkForInstanceType(
  instanceType: unknown,
  distribution: Distribution,
  ctx: DistributionContext,
): void {
  const option = `${ctx.owner}.distribution`;
  // validate_distribution_for_instance_type: Trainium runs torch_distributed only.
  if (isTrainiumInstance(instanceType)) {
    const keys = Object.keys(distribution);
    if (keys.length > 1 || (keys.length === 1 && keys[0] !== 'torch_distributed')) {
      throw new ValidationError(
        option,
        keys.join(', '),
        `torch_distributed alone on Trainium instances (${String(instanceType)})`,
      );
    }
  }
  validateSmdistributed(instanceType, distribution, ctx);
  if (ctx.frameworkName === 'pytorch') validateTorchDistributed(instanceType, distribution, ctx);
}

function validateSmdistributed(
  instanceType: unknown,
  distribution: Distribution,
  ctx: DistributionContext,
): void {
  if (!('smdistributed' in distribution)) return;
  if (isPlaceholder(instanceType) || isPlaceholder(ctx.imageUri)) return;
  const option = `${ctx.owner}.distribution.smdistributed`;
  const sm = distribution.smdistributed;
  if (!isDict(sm))
    throw new ValidationError(option, sm, 'an object with one of dataparallel, modelparallel');
  const strategies = Object.keys(sm);
  if (strategies.length > 1)
    throw new ValidationError(
      option,
      strategies.join(', '),
      `one strategy of ${SMDISTRIBUTED_STRATEGIES.join(', ')}`,
    );
  for (const s of strategies) {
    if (!SMDISTRIBUTED_STRATEGIES.includes(s))
      throw new ValidationError(option, s, SMDISTRIBUTED_STRATEGIES.join(', '));
  }
  if (!('dataparallel' in sm)) return;
  if (!pyTruthy(enabled(section(sm, 'dataparallel', option)))) return;
  const problems: string[] = [];
  if (!pyTruthy(instanceType)) problems.push('an instanceType');
  if (!ctx.imageUri) {
    const supported = SM_DATAPARALLEL_VERSIONS[ctx.frameworkName ?? ''];
    if (supported === undefined) {
      throw new ValidationError(
        option,
        ctx.frameworkName,
        `smdistributed dataparallel with ${Object.keys(SM_DATAPARALLEL_VERSIONS).join(' or ')}`,
      );
    }
    if (!supported.includes(ctx.frameworkVersion ?? ''))
      problems.push(`frameworkVersion one of ${supported.join(', ')}`);
    if (!(ctx.pyVersion ?? '').includes('py3')) problems.push('pyVersion py3 or later');
  }
  if (problems.length > 0) {
    throw new ValidationError(
      `${option}.dataparallel`,
      { frameworkVersion: ctx.frameworkVersion, pyVersion: ctx.pyVersion },
      problems.join('; '),
    );
  }
}

function validateTorchDistributed(
  instanceType: unknown,
  distribution: Distribution,
  ctx: DistributionContext,
): void {
  const option = `${ctx.owner}.distribution.torch_distributed`;
  if (!pyTruthy(enabled(section(distribution, 'torch_distributed', option)))) return;
  const problems: string[] = [];
  if (!ctx.imageUri) {
    if (!(ctx.pyVersion ?? '').includes('py3')) problems.push('pyVersion py3 or later');
    if (isGpuInstance(instanceType)) {
      if (!TORCH_DISTRIBUTED_GPU_VERSIONS.includes(ctx.frameworkVersion ?? '')) {
        problems.push(
          `frameworkVersion one of ${TORCH_DISTRIBUTED_GPU_VERSIONS.join(', ')} on ${String(instanceType)}`,
        );
      }
    } else if (isTrainiumInstance(instanceType)) {
      if (!TRAINIUM_TORCH_DISTRIBUTED_VERSIONS.includes(ctx.frameworkVersion ?? '')) {
        problems.push(
          `frameworkVersion one of ${TRAINIUM_TORCH_DISTRIBUTED_VERSIONS.join(', ')} on ${String(instanceType)}`,
        );
      }
    } else {
      problems.push(`a GPU or Trainium instance type (not ${String(instanceType)})`);
    }
  }
  if (ctx.entryPoint !== undefined && !ctx.entryPoint.endsWith('.py'))
    problems.push('a Python (*.py) entry point');
  if (problems.length > 0)
    throw new ValidationError(option, distribution.torch_distributed, problems.join('; '));
}

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

/** What `_distribution_configuration` reads from the estimator. */
export interface DistributionConfigContext {
  readonly owner: string;
  readonly instanceType: string | undefined;
  readonly instanceGroups: readonly InstanceGroup[] | undefined;
  readonly imageUri: string | undefined;
  readonly frameworkName: string;
  readonly frameworkVersion: string | undefined;
}

/**
 * Python's `Framework._distribution_configuration`: the `sagemaker_*` keys of a distribution
 * (values raw, JSON-encoded by the caller).
 * @throws {@link ValidationError} for smdistributed on p5 or on an unsupported image, multi-worker
 * mirrored strategy outside TensorFlow >= 2.9, or instance groups without MPI or smdistributed.
 */
export function distributionHyperparameters(
  distribution: Distribution,
  ctx: DistributionConfigContext,
): Record<string, PyValue> {
  const option = `${ctx.owner}.distribution`;
  const out: Record<string, PyValue> = {};
  let mpiEnabled: PyValue = false;
  let smDataParallel: PyValue = false;
  if ('instance_groups' in distribution)
    out.sagemaker_distribution_instance_groups = distribution.instance_groups ?? null;
  if ('pytorchxla' in distribution) {
    out.sagemaker_pytorch_xla_multi_worker_enabled = enabled(
      section(distribution, 'pytorchxla', option),
    );
  }
  if ('parameter_server' in distribution) {
    out.sagemaker_parameter_server_enabled = enabled(
      section(distribution, 'parameter_server', option),
    );
  }
  if ('mpi' in distribution) {
    const mpi = section(distribution, 'mpi', option);
    mpiEnabled = enabled(mpi);
    out.sagemaker_mpi_enabled = mpiEnabled;
    if (pyTruthy(mpi.processes_per_host))
      out.sagemaker_mpi_num_of_processes_per_host = mpi.processes_per_host ?? null;
    out.sagemaker_mpi_custom_mpi_options =
      'custom_mpi_options' in mpi ? (mpi.custom_mpi_options ?? null) : '';
  }
  if ('smdistributed' in distribution) {
    const mp = mpParameters(distribution, ctx.owner);
    if (mp !== undefined && pyTruthy(mp)) out.mp_parameters = mp;
    const torchDistributed =
      'torch_distributed' in distribution &&
      pyTruthy(enabled(section(distribution, 'torch_distributed', option)));
    const sm = section(distribution, 'smdistributed', option);
    const dataParallel = section(sm, 'dataparallel', `${option}.smdistributed`);
    smDataParallel = enabled(dataParallel);
    let p5 = false;
    if (typeof ctx.instanceType === 'string') p5 = ctx.instanceType.includes('p5.48xlarge');
    else
      for (const g of ctx.instanceGroups ?? [])
        if ((g.props.instanceType ?? '').includes('p5.48xlarge')) p5 = true;
    const image = ctx.imageUri ?? '';
    for (const unsupported of SM_PARALLELISM_UNSUPPORTED_IMAGES) {
      if (image.includes(unsupported) && !torchDistributed) {
        throw new ValidationError(
          `${ctx.owner}.imageUri`,
          image,
          `an image other than ${unsupported} for smdistributed`,
        );
      }
    }
    if (!torchDistributed && p5) {
      throw new ValidationError(
        `${option}.smdistributed`,
        ctx.instanceType,
        'an instance type other than p5 (smdistributed does not support p5 without torch_distributed)',
      );
    }
    out.sagemaker_distributed_dataparallel_enabled = smDataParallel;
    out.sagemaker_instance_type = ctx.instanceType ?? null;
    if (pyTruthy(smDataParallel)) {
      out.sagemaker_distributed_dataparallel_custom_mpi_options =
        'custom_mpi_options' in dataParallel ? (dataParallel.custom_mpi_options ?? null) : '';
    }
  }
  if ('multi_worker_mirrored_strategy' in distribution) {
    const mwms = enabled(section(distribution, 'multi_worker_mirrored_strategy', option));
    if (pyTruthy(mwms)) validateMwms(distribution, ctx);
    out.sagemaker_multi_worker_mirrored_strategy_enabled = mwms;
  }
  const groups = out.sagemaker_distribution_instance_groups;
  if (
    !(pyTruthy(mpiEnabled) || pyTruthy(smDataParallel)) &&
    groups !== undefined &&
    groups !== null &&
    !(Array.isArray(groups) && groups.length === 0)
  ) {
    throw new ValidationError(
      `${option}.instance_groups`,
      groups,
      'training instance groups only with MPI or smdistributed dataparallel enabled',
    );
  }
  return out;
}

function validateMwms(distribution: Distribution, ctx: DistributionConfigContext): void {
  const option = `${ctx.owner}.distribution.multi_worker_mirrored_strategy`;
  if (ctx.frameworkName !== 'tensorflow')
    throw new ValidationError(option, ctx.frameworkName, 'the tensorflow framework');
  const parts = (ctx.frameworkVersion ?? '').split('.').map(Number);
  const [major = NaN, minor = 0] = parts;
  if (Number.isNaN(major) || major < 2 || (major === 2 && minor < 9)) {
    throw new ValidationError(option, ctx.frameworkVersion, 'frameworkVersion 2.9 or later');
  }
  for (const other of ['smdistributed', 'parameter_server']) {
    if (other in distribution)
      throw new ValidationError(option, other, 'no smdistributed or parameter_server beside it');
  }
}
