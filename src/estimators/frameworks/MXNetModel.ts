/** MXNet inference models (Python's `sagemaker.mxnet.model.MXNetModel`). */
import { mxnetRegistry } from '../../imageUris/generated/registries/mxnet.js';
import { optionalString } from '../../internal/check.js';
import type { FrameworkModelProps } from '../Model.js';
import { RegistryFrameworkModel } from './RegistryFrameworkModel.js';
import { validateVersionOrImage } from './Framework.js';

/** Options of {@link MXNetModel}. */
export interface MXNetModelProps extends FrameworkModelProps {
  /** MXNet version. @default '1.4.0' */
  readonly frameworkVersion?: string;
  /** Python version of the image. @default - none: `imageUri` is then required */
  readonly pyVersion?: string;
}

/** A model served by the MXNet inference container. */
export class MXNetModel extends RegistryFrameworkModel {
  override readonly frameworkVersion: string | undefined;
  override readonly pyVersion: string | undefined;

  /** @throws {@link sagemaker-workflow!MissingOptionError} without versions or an image. */
  constructor(props: MXNetModelProps) {
    const owner = 'MXNetModel';
    const frameworkVersion =
      props && 'frameworkVersion' in props ? props.frameworkVersion : '1.4.0';
    validateVersionOrImage(owner, frameworkVersion, props?.pyVersion, props?.imageUri);
    super(props, owner, { registry: mxnetRegistry, imageScope: 'inference', withPyVersion: true });
    this.frameworkVersion = optionalString(`${owner}.frameworkVersion`, frameworkVersion);
    this.pyVersion = optionalString(`${owner}.pyVersion`, props.pyVersion);
  }
}
