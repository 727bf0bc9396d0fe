/**
 * The framework models whose inference image is a plain registry lookup (Chainer, MXNet,
 * PyTorch, scikit-learn, XGBoost): one `servingImageUri` instead of one per class.
 */
import type { ImageUriOptions } from '../../imageUris/imageUriOptions.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import { retrieveFor } from '../../imageUris/retrieveFor.js';
import type { Templated } from '../../templates.js';
import { FrameworkModel, type FrameworkModelProps } from '../Model.js';

/** How a framework model asks the registry for its image (as its Python class does). */
export interface ServingImageLookup {
  /** The framework's image registry. */
  readonly registry: ImageRegistry;
  /** The scope asked for. @default - none: the registry's default scope */
  readonly imageScope?: 'inference';
  /** Whether the model's Python version is part of the lookup (XGBoost's is not). */
  readonly withPyVersion: boolean;
}

/** A framework model served by its framework's registry image. */
export abstract class RegistryFrameworkModel extends FrameworkModel {
  /** The framework version of the image. */
  abstract readonly frameworkVersion: string | undefined;
  /** The Python version of the image. */
  abstract readonly pyVersion: string | undefined;
  // Plain fields, not `#private`: `withName` copies a model with Object.assign.
  private readonly lookup: ServingImageLookup;
  // Images by instance type: the other inputs are fixed once the constructor returns (a copy
  // shares the map, and its inputs).
  private readonly images = new Map<string | undefined, string>();

  /**
   * @param lookup how the model's image is found.
   * @throws the errors of {@link FrameworkModel}'s constructor.
   */
  protected constructor(props: FrameworkModelProps, owner: string, lookup: ServingImageLookup) {
    super(props, owner, true);
    this.lookup = lookup;
  }

  /** The framework's inference image for the instance type. */
  override servingImageUri(
    instanceType: Templated<string> | undefined,
  ): Templated<string> | undefined {
    const cached = this.images.get(instanceType);
    if (cached !== undefined) return cached;
    const { registry, imageScope, withPyVersion } = this.lookup;
    const options: Omit<ImageUriOptions, 'framework'> = {
      region: this.session.region,
      version: this.frameworkVersion,
      ...(withPyVersion && { pyVersion: this.pyVersion }),
      instanceType,
      ...(imageScope !== undefined && { imageScope }),
    };
    const uri = retrieveFor(registry, options);
    this.images.set(instanceType, uri);
    return uri;
  }
}
