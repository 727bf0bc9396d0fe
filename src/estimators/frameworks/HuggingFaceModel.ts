/** Hugging Face inference models (Python's `sagemaker.huggingface.model.HuggingFaceModel`). */
import { ValidationError } from '../../errors.js';
import { huggingfaceRegistry } from '../../imageUris/generated/registries/huggingface.js';
import { retrieveFor } from '../../imageUris/retrieveFor.js';
import { optionalString } from '../../internal/check.js';
import type { Templated } from '../../templates.js';
import { FrameworkModel, type FrameworkModelProps } from '../Model.js';
import { validateVersionOrImage } from './Framework.js';

/** Options of {@link HuggingFaceModel}. */
export interface HuggingFaceModelProps extends FrameworkModelProps {
  /** Transformers version. @default - none: `imageUri` is then required */
  readonly transformersVersion?: string;
  /** TensorFlow version of the image (or give `pytorchVersion`). @default - none */
  readonly tensorflowVersion?: string;
  /** PyTorch version of the image (or give `tensorflowVersion`). @default - none */
  readonly pytorchVersion?: string;
  /** Python version of the image. @default - none: `imageUri` is then required */
  readonly pyVersion?: string;
}

/**
 * Python's `_validate_pt_tf_versions`: exactly one of the two base framework versions.
 * @throws {@link sagemaker-workflow!ValidationError}.
 * @internal
 */
export function validateBaseFrameworkVersions(
  owner: string,
  pytorchVersion: unknown,
  tensorflowVersion: unknown,
): void {
  const hasTf = tensorflowVersion !== undefined && tensorflowVersion !== null;
  const hasPt = pytorchVersion !== undefined && pytorchVersion !== null;
  if (hasTf && hasPt)
    throw new ValidationError(
      `${owner}.tensorflowVersion`,
      tensorflowVersion,
      'tensorflowVersion or pytorchVersion, not both',
    );
  if (!hasTf && !hasPt)
    throw new ValidationError(
      `${owner}.pytorchVersion`,
      undefined,
      'tensorflowVersion or pytorchVersion (one of them)',
    );
}

/** A model served by the Hugging Face inference container. */
export class HuggingFaceModel extends FrameworkModel {
  readonly transformersVersion: string | undefined;
  readonly tensorflowVersion: string | undefined;
  readonly pytorchVersion: string | undefined;
  readonly pyVersion: string | undefined;

  /** @throws {@link sagemaker-workflow!MissingOptionError} or {@link sagemaker-workflow!ValidationError} for missing or conflicting versions, and py2. */
  constructor(props: HuggingFaceModelProps) {
    const owner = 'HuggingFaceModel';
    validateVersionOrImage(
      owner,
      props?.transformersVersion,
      props?.pyVersion,
      props?.imageUri,
      'transformersVersion',
    );
    if (props.imageUri === undefined || props.imageUri === null) {
      validateBaseFrameworkVersions(owner, props.pytorchVersion, props.tensorflowVersion);
    }
    if (props.pyVersion === 'py2')
      throw new ValidationError(
        `${owner}.pyVersion`,
        'py2',
        'py3 or later (no Python 2 Hugging Face images)',
      );
    super(props, owner, true);
    this.transformersVersion = optionalString(
      `${owner}.transformersVersion`,
      props.transformersVersion,
    );
    this.tensorflowVersion = optionalString(`${owner}.tensorflowVersion`, props.tensorflowVersion);
    this.pytorchVersion = optionalString(`${owner}.pytorchVersion`, props.pytorchVersion);
    this.pyVersion = optionalString(`${owner}.pyVersion`, props.pyVersion);
  }

  /** The Hugging Face inference image for the instance type. */
  override servingImageUri(
    instanceType: Templated<string> | undefined,
  ): Templated<string> | undefined {
    const base =
      this.tensorflowVersion !== undefined
        ? `tensorflow${this.tensorflowVersion}`
        : `pytorch${String(this.pytorchVersion)}`;
    return retrieveFor(huggingfaceRegistry, {
      region: this.session.region,
      version: this.transformersVersion,
      pyVersion: this.pyVersion,
      instanceType,
      imageScope: 'inference',
      baseFrameworkVersion: base,
    });
  }
}
