/** Scikit-learn training (Python's `sagemaker.sklearn.estimator.SKLearn`). */
import { ValidationError } from '../../errors.js';
import { sklearnRegistry } from '../../imageUris/generated/registries/sklearn.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import { retrieveFor } from '../../imageUris/retrieveFor.js';
import { optionalString } from '../../internal/check.js';
import { checkOptionsObject } from '../../internal/checkInput.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import { isPlaceholder } from '../../templates.js';
import {
  Framework,
  validateVersionOrImage,
  type FrameworkModelRequest,
  type FrameworkProps,
  type PythonClass,
} from './Framework.js';
import { SKLearnModel } from './SKLearnModel.js';

/** Options of {@link SKLearn}. */
export interface SKLearnProps extends FrameworkProps {
  /** Python version; only `py3` exists. @default 'py3' */
  readonly pyVersion?: string;
  /** Region of the looked-up image. @default - the session's region */
  readonly imageUriRegion?: string;
}

const OWNER = 'SKLearn';
const GPU_INSTANCE_TYPES = [
  'ml.p2.xlarge',
  'ml.p2.8xlarge',
  'ml.p2.16xlarge',
  'ml.p3.xlarge',
  'ml.p3.8xlarge',
  'ml.p3.16xlarge',
];

/**
 * A scikit-learn training job (one instance, CPU) running a user script. The image is looked
 * up at construction and, as in Python, also serves the model the estimator creates.
 * @example
 * const sk = new SKLearn({ session, role, entryPoint: 'train.py', frameworkVersion: '1.2-1',
 *   instanceType: 'ml.m5.large' });
 */
export class SKLearn extends Framework {
  readonly pythonClass: PythonClass = { name: 'SKLearn', module: 'sagemaker.sklearn.estimator' };

  /**
   * @throws {@link sagemaker-workflow!MissingOptionError} without version or image; {@link sagemaker-workflow!ValidationError} for a
   * py_version other than py3, a GPU instance type, or an instance count other than 1.
   */
  constructor(props: SKLearnProps) {
    // Checked before the spread below: spreading a 10^7-character string copies every character.
    checkOptionsObject(OWNER, props);
    const pyVersion = props?.pyVersion ?? 'py3';
    validateVersionOrImage(OWNER, props?.frameworkVersion, pyVersion, props?.imageUri);
    if (pyVersion && pyVersion !== 'py3')
      throw new ValidationError(
        `${OWNER}.pyVersion`,
        pyVersion,
        'py3 (scikit-learn images are Python 3 only)',
      );
    const instanceType = props.instanceType;
    if (
      !isPlaceholder(instanceType) &&
      typeof instanceType === 'string' &&
      GPU_INSTANCE_TYPES.includes(instanceType)
    ) {
      throw new ValidationError(
        `${OWNER}.instanceType`,
        instanceType,
        'a CPU instance type (scikit-learn does not train on GPUs)',
      );
    }
    // Python compares the count with 1, so a template is refused as well.
    if (pyTruthy(props.instanceCount) && props.instanceCount !== 1) {
      throw new ValidationError(
        `${OWNER}.instanceCount`,
        props.instanceCount,
        '1 (scikit-learn does not train distributed)',
      );
    }
    const withPy = { ...props, pyVersion, instanceCount: 1 };
    const imageUri = optionalString(`${OWNER}.imageUri`, props.imageUri);
    super(withPy, OWNER, {
      imageUri:
        imageUri ??
        retrieveFor(sklearnRegistry, {
          region:
            optionalString(`${OWNER}.imageUriRegion`, props.imageUriRegion) ??
            props.session?.region,
          version: props.frameworkVersion,
          pyVersion,
          instanceType,
        }),
    });
  }

  protected get registry(): ImageRegistry {
    return sklearnRegistry;
  }

  /** The scikit-learn model of the trained job (on the training image, as in Python). */
  createModel(request: FrameworkModelRequest): SKLearnModel {
    return new SKLearnModel({
      ...this.modelProps(request),
      ...(this.pyVersion !== undefined && { pyVersion: this.pyVersion }),
      ...(this.frameworkVersion !== undefined && { frameworkVersion: this.frameworkVersion }),
      enableNetworkIsolation: this.options.enableNetworkIsolation,
    });
  }
}
