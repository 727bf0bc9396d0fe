/**
 * Python's `Framework._distribution_configuration`: the `sagemaker_*` hyperparameters a
 * distribution becomes.
 * @internal
 */
import { ValidationError } from '../../../errors.js';
import { pyTruthy } from '../../../pythonCompat/truthy.js';
import type { InstanceGroup } from '../../inputs.js';
import type { PyValue } from '../../types.js';
import { type Distribution, section, enabled } from './settings.js';
import { SM_PARALLELISM_UNSUPPORTED_IMAGES } from './supportedVersions.js';
import { mpParameters } from './modelParallel.js';

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
 * @throws {@link sagemaker-workflow!ValidationError} for smdistributed on p5 or on an unsupported image, multi-worker
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
