/** Chainer inference models (Python's `sagemaker.chainer.model.ChainerModel`). */
import { chainerRegistry } from '../../imageUris/generated/registries/chainer.js';
import { retrieveFor } from '../../imageUris/retrieveFor.js';
import { optionalString } from '../../internal/check.js';
import type { Templated } from '../../templates.js';
import { FrameworkModel, type FrameworkModelProps } from '../Model.js';
import { validateVersionOrImage } from './Framework.js';

/** Options of {@link ChainerModel}. */
export interface ChainerModelProps extends FrameworkModelProps {
  /** Chainer version. @default - none: `imageUri` is then required */
  readonly frameworkVersion?: string;
  /** Python version of the image. @default - none: `imageUri` is then required */
  readonly pyVersion?: string;
}

/** A model served by the Chainer inference container. */
export class ChainerModel extends FrameworkModel {
  readonly frameworkVersion: string | undefined;
  readonly pyVersion: string | undefined;

  /** @throws {@link MissingOptionError} without versions or an image. */
  constructor(props: ChainerModelProps) {
    const owner = 'ChainerModel';
    validateVersionOrImage(owner, props?.frameworkVersion, props?.pyVersion, props?.imageUri);
    super(props, owner, true);
    this.frameworkVersion = optionalString(`${owner}.frameworkVersion`, props.frameworkVersion);
    this.pyVersion = optionalString(`${owner}.pyVersion`, props.pyVersion);
  }

  /** The Chainer inference image for the instance type. */
  override servingImageUri(
    instanceType: Templated<string> | undefined,
  ): Templated<string> | undefined {
    return retrieveFor(chainerRegistry, {
      region: this.session.region,
      version: this.frameworkVersion,
      pyVersion: this.pyVersion,
      instanceType,
      imageScope: 'inference',
    });
  }
}
