/** PyTorch inference models (Python's `sagemaker.pytorch.model.PyTorchModel`). */
import { pytorchRegistry } from '../../imageUris/generated/registries/pytorch.js';
import { optionalString } from '../../internal/check.js';
import type { FrameworkModelProps } from '../Model.js';
import { RegistryFrameworkModel } from './RegistryFrameworkModel.js';
import { validateVersionOrImage } from './Framework.js';

/** Options of {@link PyTorchModel}. */
export interface PyTorchModelProps extends FrameworkModelProps {
  /** PyTorch version. @default '1.3' */
  readonly frameworkVersion?: string;
  /** Python version of the image. @default - none: `imageUri` is then required */
  readonly pyVersion?: string;
}

/** A model served by the PyTorch inference container. */
export class PyTorchModel extends RegistryFrameworkModel {
  override readonly frameworkVersion: string;
  override readonly pyVersion: string | undefined;

  /** @throws {@link sagemaker-workflow!MissingOptionError} without `pyVersion` or `imageUri`. */
  constructor(props: PyTorchModelProps) {
    const owner = 'PyTorchModel';
    const frameworkVersion = props?.frameworkVersion ?? '1.3';
    validateVersionOrImage(owner, frameworkVersion, props?.pyVersion, props?.imageUri);
    super(props, owner, {
      registry: pytorchRegistry,
      imageScope: 'inference',
      withPyVersion: true,
    });
    this.frameworkVersion = optionalString(`${owner}.frameworkVersion`, frameworkVersion) ?? '1.3';
    this.pyVersion = optionalString(`${owner}.pyVersion`, props.pyVersion);
  }
}
