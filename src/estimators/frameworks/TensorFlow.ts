/** TensorFlow script-mode training (Python's `sagemaker.tensorflow.estimator.TensorFlow`). */
import { OptionTypeError, ValidationError } from '../../errors.js';
import { tensorflowRegistry } from '../../imageUris/generated/registries/tensorflow.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import { retrieveFor } from '../../imageUris/retrieveFor.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import { s3PathJoin } from '../../pythonCompat/s3.js';
import type { Templated } from '../../templates.js';
import type { PyValue } from '../types.js';
import { distributionHyperparameters, validateDistribution } from './distribution/index.js';
import {
  compareFrameworkVersion,
  Framework,
  validateVersionOrImage,
  type FrameworkJob,
  type FrameworkModelRequest,
  type FrameworkProps,
  type PythonClass,
  type TransformerCallStyle,
} from './Framework.js';
import { TensorFlowModel } from './TensorFlowModel.js';

/** Options of {@link TensorFlow}. */
export interface TensorFlowProps extends FrameworkProps {
  /**
   * Where the script writes the model (`model_dir` hyperparameter); `false` leaves it out.
   * @default - `<outputPath>/<job name>/model` (`/opt/ml/model` with MPI)
   */
  readonly modelDir?: Templated<string> | false;
}

const OWNER = 'TensorFlow';

/**
 * A TensorFlow training job running a user script.
 * @example
 * const tf = new TensorFlow({ session, role, entryPoint: 'train.py', frameworkVersion: '2.13',
 *   pyVersion: 'py310', instanceCount: 1, instanceType: 'ml.c5.xlarge' });
 */
export class TensorFlow extends Framework {
  readonly pythonClass: PythonClass = {
    name: 'TensorFlow',
    module: 'sagemaker.tensorflow.estimator',
  };
  readonly modelDir: Templated<string> | false | undefined;

  /**
   * @throws {@link sagemaker-workflow!MissingOptionError} without versions or an image; {@link sagemaker-workflow!ValidationError} for
   * py2 with TensorFlow > 2.1.1, a legacy-mode-only version (<= 1.10) without an image, or a
   * distribution the instance type does not support.
   */
  constructor(props: TensorFlowProps) {
    validateVersionOrImage(OWNER, props?.frameworkVersion, props?.pyVersion, props?.imageUri);
    super(props, OWNER);
    if (props.distribution !== undefined && props.distribution !== null) {
      this.setDistribution(
        validateDistribution(props.distribution, {
          owner: OWNER,
          frameworkName: 'tensorflow',
          frameworkVersion: this.frameworkVersion,
          pyVersion: this.pyVersion,
          imageUri: this.imageUri,
          instanceType: this.options.instanceType,
          instanceGroups: this.options.instanceGroups,
          entryPoint: this.entryPoint,
        }),
      );
    }
    const modelDir = props.modelDir;
    if (
      modelDir !== undefined &&
      modelDir !== null &&
      modelDir !== false &&
      typeof modelDir !== 'string'
    ) {
      throw new OptionTypeError(
        `${OWNER}.modelDir`,
        modelDir,
        'an S3 URI, a local path in the container, or false',
      );
    }
    this.modelDir = modelDir ?? undefined;
    this.validateArgs();
  }

  protected get registry(): ImageRegistry {
    return tensorflowRegistry;
  }

  /** Python's `_validate_args`. */
  private validateArgs(): void {
    const version = this.frameworkVersion;
    if (
      this.pyVersion === 'py2' &&
      version &&
      compareFrameworkVersion(`${OWNER}.frameworkVersion`, version, '2.1.1') > 0
    ) {
      throw new ValidationError(
        `${OWNER}.pyVersion`,
        'py2',
        'py3 or later (Python 2 images stop at TensorFlow 2.1.1)',
      );
    }
    if (
      this.imageUri === undefined &&
      compareFrameworkVersion(`${OWNER}.frameworkVersion`, version ?? '', '1.10.0') <= 0
    ) {
      // Python builds its message with the legacy image's URI, so a failing lookup fails first.
      const legacy = retrieveFor(tensorflowRegistry, {
        region: this.session.region,
        instanceType: this.options.instanceType,
        version,
        pyVersion: this.pyVersion,
        imageScope: 'training',
      });
      throw new ValidationError(
        `${OWNER}.frameworkVersion`,
        version,
        `a script-mode version (> 1.10); for legacy mode give imageUri '${legacy}' and modelDir false`,
      );
    }
  }

  protected override additionalHyperparameters(
    job: FrameworkJob | undefined,
  ): Record<string, PyValue> {
    const extra = distributionHyperparameters(this.distribution, {
      owner: OWNER,
      instanceType: this.options.instanceType,
      instanceGroups: this.options.instanceGroups,
      imageUri: this.imageUri,
      frameworkName: 'tensorflow',
      frameworkVersion: this.frameworkVersion,
    });
    if (this.modelDir !== false) {
      // Python: `self.model_dir or self._default_s3_path("model", mpi=...)`.
      extra.model_dir = pyTruthy(this.modelDir)
        ? (this.modelDir as string)
        : defaultModelDir(job, pyTruthy(extra.sagemaker_mpi_enabled));
    }
    return extra;
  }

  /** The TensorFlow Serving model of the trained job. */
  createModel(request: FrameworkModelRequest): TensorFlowModel {
    return new TensorFlowModel({
      session: this.session,
      modelData: request.modelData,
      role: pyTruthy(request.role) ? (request.role as Templated<string>) : this.options.role,
      ...(this.frameworkVersion !== undefined && { frameworkVersion: this.frameworkVersion }),
      vpcConfig: request.vpcConfig ?? null,
      ...(typeof request.entryPoint === 'string' && { entryPoint: request.entryPoint }),
      imageUri: ('imageUri' in request ? request.imageUri : this.imageUri) ?? null,
      enableNetworkIsolation: this.options.enableNetworkIsolation,
      containerLogLevel: this.options.containerLogLevel,
    });
  }

  /** Python's Airflow code calls TensorFlow's `transformer` one argument off, without the tag fallback. */
  override transformerCallStyle(): TransformerCallStyle {
    return { tagsFallBackToEstimator: false, workersAsVolumeKmsKey: true };
  }
}

/** Python's `_default_s3_path("model", mpi)` outside local mode. */
function defaultModelDir(job: FrameworkJob | undefined, mpi: boolean): PyValue {
  if (mpi) return '/opt/ml/model';
  if (job === undefined || !job.jobName) return null;
  return s3PathJoin([job.outputPath, job.jobName, 'model']);
}
