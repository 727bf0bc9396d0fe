/** Chainer inference models (Python's `sagemaker.chainer.model.ChainerModel`). */
import { chainerRegistry } from '../../imageUris/generated/registries/chainer.js';
import { optionalString } from '../../internal/check.js';
import type { FrameworkModelProps } from '../Model.js';
import { RegistryFrameworkModel } from './RegistryFrameworkModel.js';
import { validateVersionOrImage } from './Framework.js';

/** Options of {@link ChainerModel}. */
export interface ChainerModelProps extends FrameworkModelProps {
  /** Chainer version. @default - none: `imageUri` is then required */
  readonly frameworkVersion?: string;
  /** Python version of the image. @default - none: `imageUri` is then required */
  readonly pyVersion?: string;
}

/** A model served by the Chainer inference container. */
export class ChainerModel extends RegistryFrameworkModel {
  override readonly frameworkVersion: string | undefined;
  override readonly pyVersion: string | undefined;

  /** @throws {@link sagemaker-workflow!MissingOptionError} without versions or an image. */
  constructor(props: ChainerModelProps) {
    const owner = 'ChainerModel';
    validateVersionOrImage(owner, props?.frameworkVersion, props?.pyVersion, props?.imageUri);
    super(props, owner, {
      registry: chainerRegistry,
      imageScope: 'inference',
      withPyVersion: true,
    });
    this.frameworkVersion = optionalString(`${owner}.frameworkVersion`, props.frameworkVersion);
    this.pyVersion = optionalString(`${owner}.pyVersion`, props.pyVersion);
  }
}
