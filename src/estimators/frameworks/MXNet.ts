/** MXNet training (Python's `sagemaker.mxnet.estimator.MXNet`). */
import { checkOptionTypes } from '../../internal/checkInput.js';
import { OptionTypeError, ValidationError } from '../../errors.js';
import { mxnetRegistry } from '../../imageUris/generated/registries/mxnet.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import type { PyValue } from '../types.js';
import {
  compareFrameworkVersion,
  Framework,
  validateVersionOrImage,
  type FrameworkModelRequest,
  type FrameworkProps,
  type PythonClass,
} from './Framework.js';
import { MXNetModel } from './MXNetModel.js';

const OWNER = 'MXNet';

/** Python compares `framework_version.split(".")` with `["1", "3"]`: lists of strings, element by element. */
function splitVersionBelow(version: string, lowest: readonly string[]): boolean {
  const parts = version.split('.');
  for (let i = 0; i < Math.min(parts.length, lowest.length); i++) {
    const a = parts[i] as string;
    const b = lowest[i] as string;
    if (a !== b) return a < b;
  }
  return parts.length < lowest.length;
}

const sectionOf = (
  value: PyValue | undefined,
  option: string,
): Readonly<Record<string, PyValue>> => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return value as Record<string, PyValue>;
  throw new ValidationError(option, value, 'an object such as { enabled: true }');
};

/**
 * An MXNet training job running a user script.
 * @example
 * const mx = new MXNet({ session, role, entryPoint: 'train.py', frameworkVersion: '1.9.0',
 *   pyVersion: 'py38', instanceCount: 1, instanceType: 'ml.c5.xlarge' });
 */
export class MXNet extends Framework {
  readonly pythonClass: PythonClass = { name: 'MXNet', module: 'sagemaker.mxnet.estimator' };

  /**
   * @throws {@link sagemaker-workflow!MissingOptionError} without versions and image; {@link sagemaker-workflow!ValidationError} for a
   * distribution with a version below 1.3 (compared as Python compares split strings).
   */
  constructor(props: FrameworkProps) {
    validateVersionOrImage(OWNER, props?.frameworkVersion, props?.pyVersion, props?.imageUri);
    super(props, OWNER);
    const distribution = props.distribution ?? undefined;
    if (distribution === undefined) return;
    const option = `${OWNER}.distribution`;
    checkOptionTypes(OWNER, props, { distribution: 'record' });
    if (this.frameworkVersion && splitVersionBelow(this.frameworkVersion, ['1', '3'])) {
      throw new ValidationError(
        `${OWNER}.frameworkVersion`,
        this.frameworkVersion,
        'version 1.3 or later for distribution (compared as split strings, as Python does)',
      );
    }
    // Python writes the distribution into the hyperparameters at construction, raw.
    if ('parameter_server' in distribution) {
      const ps = sectionOf(distribution.parameter_server, `${option}.parameter_server`);
      this.storeHyperparameter(
        'sagemaker_parameter_server_enabled',
        'enabled' in ps ? (ps.enabled ?? null) : false,
      );
    }
    if ('mpi' in distribution) {
      const mpi = sectionOf(distribution.mpi, `${option}.mpi`);
      this.storeHyperparameter(
        'sagemaker_mpi_enabled',
        'enabled' in mpi ? (mpi.enabled ?? null) : false,
      );
      if (pyTruthy(mpi.processes_per_host)) {
        this.storeHyperparameter(
          'sagemaker_mpi_num_of_processes_per_host',
          mpi.processes_per_host ?? null,
        );
        // Python sets the custom options only when processes_per_host is set (its indentation).
        this.storeHyperparameter(
          'sagemaker_mpi_custom_mpi_options',
          'custom_mpi_options' in mpi ? (mpi.custom_mpi_options ?? null) : '',
        );
      }
    }
  }

  protected get registry(): ImageRegistry {
    return mxnetRegistry;
  }

  /** The MXNet model of the trained job. */
  createModel(request: FrameworkModelRequest): MXNetModel {
    const props = this.modelProps(request, false);
    let entryPoint = request.entryPoint ?? undefined;
    if (entryPoint === undefined) {
      // Python: the training entry point for MMS versions (>= 1.4.0), else `_model_entry_point()`.
      if (this.frameworkVersion === undefined) {
        throw new OptionTypeError(
          `${OWNER}.frameworkVersion`,
          undefined,
          'a version to choose the model entry point',
        );
      }
      const mms =
        compareFrameworkVersion(`${OWNER}.frameworkVersion`, this.frameworkVersion, '1.4.0') >= 0;
      entryPoint = mms ? this.entryPoint : this.modelEntryPoint(request.uploadedCode);
    }
    return new MXNetModel({
      ...props,
      // MXNet's create_model takes `image_uri` itself: `image_uri or self.image_uri`.
      imageUri: pyTruthy(request.imageUri) ? (request.imageUri as string) : (this.imageUri ?? null),
      ...(entryPoint !== undefined && { entryPoint }),
      frameworkVersion: this.frameworkVersion as string,
      ...(this.pyVersion !== undefined && { pyVersion: this.pyVersion }),
    });
  }
}
