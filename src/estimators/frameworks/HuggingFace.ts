/** Hugging Face training (Python's `sagemaker.huggingface.estimator.HuggingFace`). */
import { checkOptionTypes, checkOptionsObject } from '../../internal/checkInput.js';
import { MissingOptionError, ValidationError } from '../../errors.js';
import { huggingfaceRegistry } from '../../imageUris/generated/registries/huggingface.js';
import { instanceTypeFamily } from '../../imageUris/resolveImageUri.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import type { ImageUriOptions } from '../../imageUris/imageUriOptions.js';
import { optionalString } from '../../internal/check.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import type { PyValue } from '../types.js';
import { distributionHyperparameters, validateDistribution } from './distribution/index.js';
import {
  Framework,
  type FrameworkJob,
  type FrameworkModelRequest,
  type FrameworkProps,
  type PythonClass,
} from './Framework.js';
import { HuggingFaceModel } from './HuggingFaceModel.js';

/** Options of {@link HuggingFace}. */
export interface HuggingFaceProps extends Omit<FrameworkProps, 'frameworkVersion' | 'pyVersion'> {
  /** Python version of the image, e.g. `py310`. */
  readonly pyVersion: string;
  /** Transformers version. @default - none: `imageUri` is then required */
  readonly transformersVersion?: string;
  /** TensorFlow version of the image (or give `pytorchVersion`). @default - none */
  readonly tensorflowVersion?: string;
  /** PyTorch version of the image (or give `tensorflowVersion`). @default - none */
  readonly pytorchVersion?: string;
}

const OWNER = 'HuggingFace';

const enabledOf = (value: PyValue | undefined): PyValue =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'enabled' in value
    ? ((value as Record<string, PyValue>).enabled ?? null)
    : false;

/**
 * A Hugging Face training job (PyTorch or TensorFlow based) running a user script.
 * @example
 * const hf = new HuggingFace({ session, role, entryPoint: 'train.py', transformersVersion: '4.28',
 *   pytorchVersion: '2.0', pyVersion: 'py310', instanceCount: 1, instanceType: 'ml.g5.xlarge' });
 */
export class HuggingFace extends Framework {
  readonly pythonClass: PythonClass = {
    name: 'HuggingFace',
    module: 'sagemaker.huggingface.estimator',
  };
  readonly tensorflowVersion: string | undefined;
  readonly pytorchVersion: string | undefined;

  /**
   * @throws {@link sagemaker-workflow!MissingOptionError} without a Python version, or without versions and image;
   * {@link sagemaker-workflow!ValidationError} for both or neither base framework version, mixed full and short
   * versions, pytorchxla, or a distribution the instance type does not support.
   */
  constructor(props: HuggingFaceProps) {
    // Checked before the spread below: spreading a 10^7-character string copies every character.
    checkOptionsObject(OWNER, props);
    if (props?.pyVersion === undefined || props.pyVersion === null) {
      throw new MissingOptionError(
        `${OWNER}.pyVersion`,
        'the Python version of the image is required',
      );
    }
    validateArgs(props);
    super({ ...props, frameworkVersion: props.transformersVersion } as FrameworkProps, OWNER);
    this.tensorflowVersion = optionalString(`${OWNER}.tensorflowVersion`, props.tensorflowVersion);
    this.pytorchVersion = optionalString(`${OWNER}.pytorchVersion`, props.pytorchVersion);
    const distribution = props.distribution ?? undefined;
    if (distribution !== undefined) {
      const validated = validateDistribution(distribution, {
        owner: OWNER,
        frameworkName: this.tensorflowVersion !== undefined ? 'tensorflow' : 'pytorch',
        frameworkVersion: this.tensorflowVersion ?? this.pytorchVersion,
        pyVersion: this.pyVersion,
        imageUri: this.imageUri,
        instanceType: this.options.instanceType,
        instanceGroups: this.options.instanceGroups,
        entryPoint: this.entryPoint,
      });
      this.setDistribution(validated);
      if ('pytorchxla' in validated) {
        throw new ValidationError(
          `${OWNER}.distribution.pytorchxla`,
          validated.pytorchxla,
          'pytorchxla only with the SageMaker Training Compiler, which is not supported here',
        );
      }
    }
  }

  protected get registry(): ImageRegistry {
    return huggingfaceRegistry;
  }

  /** Python's `get_training_image_uri` branch for a base framework version. */
  protected override trainingImageOptions(): Omit<ImageUriOptions, 'framework'> {
    const base = super.trainingImageOptions();
    const gpu = processor(base.instanceType) === 'gpu';
    return {
      ...base,
      baseFrameworkVersion:
        this.tensorflowVersion !== undefined
          ? `tensorflow${this.tensorflowVersion}`
          : `pytorch${String(this.pytorchVersion)}`,
      ...(gpu && { containerVersion: 'cu110-ubuntu18.04' }),
    };
  }

  /** Python's `_huggingface_distribution_configuration`. */
  protected override additionalHyperparameters(
    _job: FrameworkJob | undefined,
  ): Record<string, PyValue> {
    const d = this.distribution;
    const instanceType = this.options.instanceType;
    const pytorchDdp = 'pytorchddp' in d ? enabledOf(d.pytorchddp) : false;
    const torchDistributed =
      !('pytorchddp' in d) && 'torch_distributed' in d ? enabledOf(d.torch_distributed) : false;
    if (pyTruthy(pytorchDdp)) {
      return {
        sagemaker_pytorch_ddp_enabled: pytorchDdp,
        ...(instanceType !== undefined && { sagemaker_instance_type: instanceType }),
      };
    }
    if (pyTruthy(torchDistributed)) {
      return {
        sagemaker_torch_distributed_enabled: torchDistributed,
        ...(instanceType !== undefined && { sagemaker_instance_type: instanceType }),
      };
    }
    return distributionHyperparameters(d, {
      owner: OWNER,
      instanceType,
      instanceGroups: this.options.instanceGroups,
      imageUri: this.imageUri,
      frameworkName: 'huggingface',
      frameworkVersion: this.frameworkVersion,
    });
  }

  /** The Hugging Face model of the trained job. */
  createModel(request: FrameworkModelRequest): HuggingFaceModel {
    return new HuggingFaceModel({
      ...this.modelProps(request, false),
      ...(this.frameworkVersion !== undefined && { transformersVersion: this.frameworkVersion }),
      ...(this.tensorflowVersion !== undefined && { tensorflowVersion: this.tensorflowVersion }),
      ...(this.pytorchVersion !== undefined && { pytorchVersion: this.pytorchVersion }),
      ...(this.pyVersion !== undefined && { pyVersion: this.pyVersion }),
    });
  }
}

/** Python's `HuggingFace._validate_args`. */
function validateArgs(props: HuggingFaceProps): void {
  if (props.imageUri !== undefined && props.imageUri !== null) return;
  const { transformersVersion: tv, tensorflowVersion: tf, pytorchVersion: pt } = props;
  if (tv === undefined || tv === null) {
    throw new MissingOptionError(
      `${OWNER}.transformersVersion`,
      'give transformersVersion, or imageUri',
    );
  }
  if (tf != null && pt != null)
    throw new ValidationError(
      `${OWNER}.tensorflowVersion`,
      tf,
      'tensorflowVersion or pytorchVersion, not both',
    );
  if (tf == null && pt == null)
    throw new ValidationError(
      `${OWNER}.pytorchVersion`,
      undefined,
      'tensorflowVersion or pytorchVersion (one of them)',
    );
  checkOptionTypes(OWNER, props, {
    transformersVersion: 'string',
    tensorflowVersion: 'string',
    pytorchVersion: 'string',
  });
  const baseLength = String(tf ?? pt).split('.').length;
  if (tv.split('.').length !== baseLength) {
    throw new ValidationError(
      `${OWNER}.transformersVersion`,
      tv,
      `a version with as many parts as ${String(tf ?? pt)} (full or short versions for both)`,
    );
  }
}

/** Python's `_processor(instance_type, ["cpu", "gpu"])`. */
function processor(instanceType: string | undefined): 'cpu' | 'gpu' {
  if (!instanceType) {
    throw new MissingOptionError(
      `${OWNER}.instanceType`,
      'an instance type is needed to choose the cpu or gpu image',
    );
  }
  if (instanceType.startsWith('local')) return instanceType === 'local' ? 'cpu' : 'gpu';
  const family = instanceTypeFamily(instanceType);
  if (instanceType.startsWith('neuron') || family.startsWith('inf') || family.startsWith('trn')) {
    throw new ValidationError(`${OWNER}.instanceType`, instanceType, 'a cpu or gpu instance type');
  }
  if (!family)
    throw new ValidationError(
      `${OWNER}.instanceType`,
      instanceType,
      'ml.<family>.<size> (see https://aws.amazon.com/sagemaker/pricing/instance-types)',
    );
  return family[0] === 'g' || family[0] === 'p' ? 'gpu' : 'cpu';
}
