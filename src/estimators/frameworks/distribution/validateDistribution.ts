/**
 * Python's `fw_utils.validate_distribution`: the checks a framework estimator makes of its
 * distribution at construction.
 * @internal
 */
import { ValidationError } from '../../../errors.js';
import { pyTruthy } from '../../../pythonCompat/truthy.js';
import { isPlaceholder } from '../../../templates.js';
import type { InstanceGroup } from '../../inputs.js';
import type { PyValue } from '../../types.js';
import {
  type Distribution,
  isDict,
  section,
  enabled,
  isGpuInstance,
  isTrainiumInstance,
} from './settings.js';
import {
  SM_DATAPARALLEL_VERSIONS,
  TORCH_DISTRIBUTED_GPU_VERSIONS,
  TRAINIUM_TORCH_DISTRIBUTED_VERSIONS,
  SMDISTRIBUTED_STRATEGIES,
} from './supportedVersions.js';

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
 * @throws {@link sagemaker-workflow!ValidationError} naming the distribution option and what is accepted.
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
