/** TensorFlow Serving models (Python's `sagemaker.tensorflow.model.TensorFlowModel`). */
import { MissingOptionError } from '../../errors.js';
import { tensorflowRegistry } from '../../imageUris/generated/registries/tensorflow.js';
import { retrieveFor } from '../../imageUris/retrieveFor.js';
import { optionalNumber, optionalString } from '../../internal/check.js';
import type { Templated } from '../../templates.js';
import { FrameworkModel, type FrameworkModelProps } from '../Model.js';

/** Options of {@link TensorFlowModel}. */
export interface TensorFlowModelProps extends Omit<FrameworkModelProps, 'modelServerWorkers'> {
  /** TensorFlow version. @default - none: `imageUri` is then required */
  readonly frameworkVersion?: string;
}

/** Training versions whose serving image has another version (Python's mismatch table). */
const INFERENCE_VERSION: Readonly<Record<string, string>> = {
  '2.12.0': '2.12.1',
  '2.16.2': '2.16.1',
};

/**
 * A model served by TensorFlow Serving. Its `containerLogLevel` sets the NGINX log level of a
 * directly deployed model only: the Airflow config always writes `SAGEMAKER_CONTAINER_LOG_LEVEL`
 * 20, as Python's does.
 */
export class TensorFlowModel extends FrameworkModel {
  readonly frameworkVersion: string | undefined;
  /** The serving image's version (differs from the training version for a few releases). */
  readonly inferenceFrameworkVersion: string | undefined;
  /** The log level given; not written by the Airflow config (see the class comment). */
  readonly tfsContainerLogLevel: Templated<number> | undefined;

  /** @throws {@link sagemaker-workflow!MissingOptionError} without `frameworkVersion` or `imageUri`. */
  constructor(props: TensorFlowModelProps) {
    const owner = 'TensorFlowModel';
    if (
      (props.frameworkVersion === undefined || props.frameworkVersion === null) &&
      (props.imageUri === undefined || props.imageUri === null)
    ) {
      throw new MissingOptionError(
        `${owner}.frameworkVersion`,
        'give frameworkVersion or imageUri',
      );
    }
    const { containerLogLevel, ...rest } = props;
    super(rest, owner);
    this.frameworkVersion = optionalString(`${owner}.frameworkVersion`, props.frameworkVersion);
    this.inferenceFrameworkVersion =
      this.frameworkVersion === undefined
        ? undefined
        : (INFERENCE_VERSION[this.frameworkVersion] ?? this.frameworkVersion);
    this.tfsContainerLogLevel = optionalNumber(`${owner}.containerLogLevel`, containerLogLevel);
  }

  /** The TensorFlow Serving image for the instance type. */
  override servingImageUri(
    instanceType: Templated<string> | undefined,
  ): Templated<string> | undefined {
    return retrieveFor(tensorflowRegistry, {
      region: this.session.region,
      version: this.inferenceFrameworkVersion,
      instanceType,
      imageScope: 'inference',
    });
  }
}
