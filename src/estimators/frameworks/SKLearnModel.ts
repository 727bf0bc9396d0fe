/** Scikit-learn inference models (Python's `sagemaker.sklearn.model.SKLearnModel`). */
import { ValidationError } from '../../errors.js';
import { sklearnRegistry } from '../../imageUris/generated/registries/sklearn.js';
import { optionalString } from '../../internal/check.js';
import type { FrameworkModelProps } from '../Model.js';
import { RegistryFrameworkModel } from './RegistryFrameworkModel.js';
import { validateVersionOrImage } from './Framework.js';

/** Options of {@link SKLearnModel}. */
export interface SKLearnModelProps extends FrameworkModelProps {
  /** Scikit-learn version. @default - none: `imageUri` is then required */
  readonly frameworkVersion?: string;
  /** Python version; only `py3` exists. @default 'py3' */
  readonly pyVersion?: string;
}

/** A model served by the scikit-learn container. */
export class SKLearnModel extends RegistryFrameworkModel {
  override readonly frameworkVersion: string | undefined;
  override readonly pyVersion: string | undefined;

  /** @throws {@link sagemaker-workflow!MissingOptionError} without version or image; {@link sagemaker-workflow!ValidationError} for a py_version other than py3. */
  constructor(props: SKLearnModelProps) {
    const owner = 'SKLearnModel';
    const pyVersion = props?.pyVersion ?? 'py3';
    validateVersionOrImage(owner, props?.frameworkVersion, pyVersion, props?.imageUri);
    if (pyVersion && pyVersion !== 'py3')
      throw new ValidationError(
        `${owner}.pyVersion`,
        pyVersion,
        'py3 (scikit-learn images are Python 3 only)',
      );
    super(props, owner, { registry: sklearnRegistry, withPyVersion: true });
    this.frameworkVersion = optionalString(`${owner}.frameworkVersion`, props.frameworkVersion);
    this.pyVersion = pyVersion;
  }
}
