/** PyTorch training (Python's `sagemaker.pytorch.estimator.PyTorch`). */
import { MissingOptionError, UnsupportedOptionError, ValidationError } from '../../errors.js';
import { pytorchRegistry } from '../../imageUris/generated/registries/pytorch.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import type { Templated } from '../../templates.js';
import type { PyValue } from '../types.js';
import {
  distributionHyperparameters,
  validateDistribution,
  type Distribution,
} from './distribution/index.js';
import {
  Framework,
  validateVersionOrImage,
  type FrameworkJob,
  type FrameworkModelRequest,
  type FrameworkProps,
  type PythonClass,
} from './Framework.js';
import { PyTorchModel } from './PyTorchModel.js';

/** Options of {@link PyTorch}. */
export interface PyTorchProps extends FrameworkProps {
  /** Not supported: training recipes need downloads and a git clone at config time. @default - none */
  readonly trainingRecipe?: never;
}

const OWNER = 'PyTorch';

const enabledOf = (distribution: Distribution, key: string): PyValue => {
  const s = distribution[key];
  return s !== null && typeof s === 'object' && !Array.isArray(s) && 'enabled' in s
    ? ((s as Record<string, PyValue>).enabled ?? null)
    : false;
};

/**
 * A PyTorch training job running a user script.
 * @example
 * const pt = new PyTorch({ session, role, entryPoint: 'train.py', frameworkVersion: '2.1',
 *   pyVersion: 'py310', instanceCount: 2, instanceType: 'ml.p4d.24xlarge',
 *   distribution: { torch_distributed: { enabled: true } } });
 */
export class PyTorch extends Framework {
  readonly pythonClass: PythonClass = { name: 'PyTorch', module: 'sagemaker.pytorch.estimator' };

  /**
   * @throws {@link sagemaker-workflow!MissingOptionError} without an entry point, or without versions and image;
   * {@link sagemaker-workflow!ValidationError} for pytorchddp with smdistributed, pytorchxla (needs the Training
   * Compiler), or a distribution the instance type and version do not support.
   */
  constructor(props: PyTorchProps) {
    const p = props as PyTorchProps & { trainingRecipe?: unknown };
    if (p?.trainingRecipe !== undefined && p.trainingRecipe !== null) {
      throw new UnsupportedOptionError(`${OWNER}.trainingRecipe`, p.trainingRecipe, [], {
        detail: 'training recipes are not supported',
      });
    }
    if (p?.entryPoint === undefined || p.entryPoint === null) {
      throw new MissingOptionError(
        `${OWNER}.entryPoint`,
        'the training script is required (training recipes are not supported)',
      );
    }
    validateVersionOrImage(OWNER, props.frameworkVersion, props.pyVersion, props.imageUri);
    super(props, OWNER);
    let distribution = props.distribution ?? undefined;
    if (distribution !== undefined) {
      if (typeof distribution === 'object' && 'pytorchddp' in distribution) {
        if ('smdistributed' in distribution) {
          throw new ValidationError(
            `${OWNER}.distribution`,
            Object.keys(distribution).join(', '),
            'pytorchddp or smdistributed, not both',
          );
        }
        // Python rewrites pytorchddp as smdistributed data parallelism before validating.
        const { pytorchddp, ...rest } = distribution;
        distribution = { ...rest, smdistributed: { dataparallel: pytorchddp ?? null } };
      }
      distribution = validateDistribution(distribution, {
        owner: OWNER,
        frameworkName: 'pytorch',
        frameworkVersion: this.frameworkVersion,
        pyVersion: this.pyVersion,
        imageUri: this.imageUri,
        instanceType: this.options.instanceType,
        instanceGroups: this.options.instanceGroups,
        entryPoint: this.entryPoint,
      });
      this.setDistribution(distribution);
      if ('pytorchxla' in distribution) {
        throw new ValidationError(
          `${OWNER}.distribution.pytorchxla`,
          distribution.pytorchxla,
          'pytorchxla only with the SageMaker Training Compiler, which is not supported here',
        );
      }
    }
  }

  protected get registry(): ImageRegistry {
    return pytorchRegistry;
  }

  /** Python's `_pytorch_distribution_configuration`. */
  protected override additionalHyperparameters(
    _job: FrameworkJob | undefined,
  ): Record<string, PyValue> {
    const d = this.distribution;
    const instanceType = this.options.instanceType;
    const pytorchDdp = 'pytorchddp' in d ? enabledOf(d, 'pytorchddp') : false;
    const torchDistributed =
      !('pytorchddp' in d) && 'torch_distributed' in d ? enabledOf(d, 'torch_distributed') : false;
    const generic = () =>
      distributionHyperparameters(d, {
        owner: OWNER,
        instanceType,
        instanceGroups: this.options.instanceGroups,
        imageUri: this.imageUri,
        frameworkName: 'pytorch',
        frameworkVersion: this.frameworkVersion,
      });
    if (pyTruthy(pytorchDdp)) {
      return {
        sagemaker_pytorch_ddp_enabled: pytorchDdp,
        ...(instanceType !== undefined && { sagemaker_instance_type: instanceType }),
      };
    }
    if (pyTruthy(torchDistributed)) {
      const out = 'smdistributed' in d ? generic() : {};
      out.sagemaker_torch_distributed_enabled = torchDistributed;
      if (instanceType !== undefined) out.sagemaker_instance_type = instanceType;
      return out;
    }
    return generic();
  }

  /** The PyTorch model of the trained job. */
  createModel(request: FrameworkModelRequest): PyTorchModel {
    const uploaded = request.uploadedCode;
    const entryPoint = request.entryPoint || this.modelEntryPoint(uploaded);
    const sourceDir = this.modelSourceDir(uploaded);
    return new PyTorchModel({
      session: this.session,
      modelData: request.modelData,
      role: pyTruthy(request.role) ? (request.role as Templated<string>) : this.options.role,
      ...(entryPoint !== undefined && { entryPoint }),
      ...(this.frameworkVersion !== undefined && { frameworkVersion: this.frameworkVersion }),
      ...(this.pyVersion !== undefined && { pyVersion: this.pyVersion }),
      ...(sourceDir !== undefined && { sourceDir }),
      containerLogLevel: this.options.containerLogLevel,
      ...(this.options.codeLocation !== undefined && { codeLocation: this.options.codeLocation }),
      ...(request.modelServerWorkers != null && { modelServerWorkers: request.modelServerWorkers }),
      vpcConfig: request.vpcConfig ?? null,
      imageUri: this.imageUri ?? null,
    });
  }
}
