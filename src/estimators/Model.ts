/**
 * Models to deploy or batch-transform: the generic `Model` (any inference image) and
 * `FrameworkModel` (an image plus a user inference script), as Python's `sagemaker.model` has them.
 */
import { OptionTypeError } from '../errors.js';
import { optionalBooleanOf, optionalNumberOf, optionalStringOf } from '../internal/check.js';
import { parseS3Url } from '../pythonCompat/s3.js';
import type { Session } from '../session.js';
import type { Templated } from '../templates.js';
import type { PyValue, VpcConfig } from './types.js';

/** Model artifacts: an S3 URI (or template), or a `ModelDataSource` object. */
export type ModelData = Templated<string> | Readonly<Record<string, PyValue>>;

/** Options of {@link Model}. */
export interface ModelProps {
  readonly session: Session;
  /** Inference image. @default - none: `modelConfig` then needs its `imageUri` argument */
  readonly imageUri?: Templated<string> | null;
  /** Model artifacts. @default - none */
  readonly modelData?: ModelData | null;
  /** Execution role. @default - none: `modelConfig` may give one */
  readonly role?: Templated<string>;
  /** Model name. @default - `<image repository>-<timestamp>` */
  readonly name?: string;
  /** Container environment. @default {} */
  readonly env?: Readonly<Record<string, Templated<string>>>;
  /** VPC of the model's containers. @default - none */
  readonly vpcConfig?: VpcConfig | null;
  /** Network isolation. @default false */
  readonly enableNetworkIsolation?: Templated<boolean>;
}

function checkModelData(owner: string, value: unknown): ModelData | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || (typeof value === 'object' && !Array.isArray(value)))
    return value as ModelData;
  throw new OptionTypeError(`${owner}.modelData`, value, 'an S3 URI or a ModelDataSource object');
}

function checkEnv(owner: string, value: unknown): Record<string, Templated<string>> {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value))
    return { ...(value as Record<string, Templated<string>>) };
  throw new OptionTypeError(`${owner}.env`, value, 'an object of environment variables');
}

/** A model on any inference image (Python's `sagemaker.model.Model`). */
export class Model {
  readonly kind: 'model' | 'frameworkModel' = 'model';
  readonly session: Session;
  readonly imageUri: Templated<string> | undefined;
  readonly modelData: ModelData | undefined;
  readonly role: Templated<string> | undefined;
  readonly name: string | undefined;
  readonly env: Readonly<Record<string, Templated<string>>>;
  readonly vpcConfig: VpcConfig | undefined;
  readonly enableNetworkIsolation: Templated<boolean>;

  constructor(props: ModelProps, owner = 'Model') {
    if (props === null || typeof props !== 'object')
      throw new OptionTypeError(owner, props, 'an options object');
    this.session = props.session;
    this.imageUri = optionalStringOf(owner, 'imageUri', props.imageUri);
    this.modelData = checkModelData(owner, props.modelData);
    this.role = optionalStringOf(owner, 'role', props.role);
    this.name = optionalStringOf(owner, 'name', props.name);
    this.env = checkEnv(owner, props.env);
    this.vpcConfig = props.vpcConfig ?? undefined;
    this.enableNetworkIsolation =
      optionalBooleanOf(owner, 'enableNetworkIsolation', props.enableNetworkIsolation) ?? false;
  }

  /** A copy of this model under another name (`undefined` lets the builders generate one). */
  withName(name: string | undefined): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(copy, this, { name });
    return copy;
  }
}

/** Options of {@link FrameworkModel}. */
export interface FrameworkModelProps extends ModelProps {
  /** Inference script; its base name becomes `SAGEMAKER_PROGRAM`. */
  readonly entryPoint?: string;
  /** Local directory (or `s3://` tarball) with the inference code. @default - the entry point alone */
  readonly sourceDir?: string;
  /** `s3://bucket/...` for the uploaded code; only its bucket is used, as in Python. @default - the default bucket */
  readonly codeLocation?: string;
  /** Log level of the container (Python `logging` levels). @default 20 */
  readonly containerLogLevel?: Templated<number>;
  /** Workers of the model server; written as `SAGEMAKER_MODEL_SERVER_WORKERS` by the framework models. @default - one per vCPU */
  readonly modelServerWorkers?: Templated<number>;
}

/** A model with a user inference script (Python's `sagemaker.model.FrameworkModel`). */
export class FrameworkModel extends Model {
  override readonly kind = 'frameworkModel' as const;
  readonly entryPoint: string | undefined;
  readonly sourceDir: string | undefined;
  /** Bucket of `codeLocation`. */
  readonly codeBucket: string | undefined;
  readonly containerLogLevel: Templated<number>;
  /** Only framework-specific models write this; the generic one has no such attribute in Python. */
  readonly modelServerWorkers: Templated<number> | undefined;

  /**
   * @param writesWorkers set by the framework-specific models, which (unlike the generic one)
   * write `modelServerWorkers` as `SAGEMAKER_MODEL_SERVER_WORKERS`.
   */
  constructor(props: FrameworkModelProps, owner = 'FrameworkModel', writesWorkers = false) {
    super(props, owner);
    this.entryPoint = optionalStringOf(owner, 'entryPoint', props.entryPoint);
    this.sourceDir = optionalStringOf(owner, 'sourceDir', props.sourceDir);
    const codeLocation = optionalStringOf(owner, 'codeLocation', props.codeLocation);
    this.codeBucket = codeLocation
      ? parseS3Url(codeLocation, `${owner}.codeLocation`).bucket
      : undefined;
    this.containerLogLevel =
      optionalNumberOf(owner, 'containerLogLevel', props.containerLogLevel) ?? 20;
    this.modelServerWorkers = writesWorkers
      ? optionalNumberOf(owner, 'modelServerWorkers', props.modelServerWorkers)
      : undefined;
  }

  /**
   * The inference image for an instance type when none is given. The generic framework model has
   * no lookup (Python fails there too); the framework-specific models resolve one.
   */
  servingImageUri(_instanceType: Templated<string> | undefined): Templated<string> | undefined {
    return undefined;
  }
}

/** Any model the model builders take. */
export type AnyModel = Model | FrameworkModel;
