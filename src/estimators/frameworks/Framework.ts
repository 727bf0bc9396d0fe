/**
 * What the framework estimators share (Python's `sagemaker.estimator.Framework`): a user entry
 * point run in a framework's prebuilt container, its code packed for upload, hyperparameters
 * JSON-encoded, and the image looked up from the framework, version and instance type.
 */
import { MissingOptionError, OptionTypeError, ValidationError } from '../../errors.js';
import type { ImageUriOptions } from '../../imageUris/imageUriOptions.js';
import { pytorchSmpRegistry } from '../../imageUris/generated/registries/pytorch-smp.js';
import type { ImageRegistry } from '../../imageUris/registryData.js';
import { compareVersions } from '../../imageUris/pep440.js';
import { retrieveFor } from '../../imageUris/retrieveFor.js';
import { checkRecord, optionalString } from '../../internal/check.js';
import { jsonDumps } from '../../pythonCompat/jsonDumps.js';
import { pyTruthy } from '../../pythonCompat/truthy.js';
import type { Session } from '../../session.js';
import { isPlaceholder, type Templated } from '../../templates.js';
import {
  resolveEstimatorBase,
  type EstimatorBaseProps,
  type ResolvedEstimatorBase,
} from '../EstimatorBase.js';
import type { FrameworkModel, FrameworkModelProps, ModelData } from '../Model.js';
import type { Hyperparameters, PyValue, UploadedCode, VpcConfig } from '../types.js';
import type { Distribution } from './distribution/index.js';

/** Regions without SageMaker Debugger (Python's `DEBUGGER_UNSUPPORTED_REGIONS`). */
const DEBUGGER_UNSUPPORTED_REGIONS = [
  'us-iso-east-1',
  'us-isob-east-1',
  'ap-southeast-3',
  'ap-southeast-4',
  'eu-south-2',
  'me-central-1',
  'ap-south-2',
  'eu-central-2',
  'us-gov-east-1',
];

/** The Python class an estimator stands for (what a tuner writes as class metadata). */
export interface PythonClass {
  readonly name: string;
  readonly module: string;
}

/** Options every framework estimator takes. */
export interface FrameworkProps extends EstimatorBaseProps {
  /** Script to run, a local path (relative to `sourceDir` when that is given). */
  readonly entryPoint: string;
  /** Framework version, e.g. `2.1`. @default - none: `imageUri` is then required */
  readonly frameworkVersion?: string;
  /** Python version of the image, e.g. `py310`. @default - none: `imageUri` is then required */
  readonly pyVersion?: string;
  /** Training image, instead of the framework's. @default - looked up from the framework, version and instance type */
  readonly imageUri?: Templated<string>;
  /** Distributed training (Python's `distribution` dict, its keys as in Python). @default - none */
  readonly distribution?: Distribution;
}

/** The job a framework estimator's hyperparameters are computed for. */
export interface FrameworkJob {
  readonly jobName: string;
  readonly outputPath: string;
  /** The script-mode keys (`sagemaker_program`, ...), raw values. */
  readonly scriptMode: Readonly<Record<string, PyValue>>;
}

/** What a framework estimator's `createModel` receives from the `*FromEstimator` builders. */
export interface FrameworkModelRequest {
  readonly modelData: ModelData;
  /** Python's `role` argument (`role or self.role`). */
  readonly role?: Templated<string> | null | undefined;
  readonly vpcConfig: VpcConfig | undefined;
  /** The code of the training job, with the job name already replaced by the task's template. */
  readonly uploadedCode: UploadedCode | undefined;
  /** Python's `entry_point` argument of `create_model`. @default - the estimator's rules */
  readonly entryPoint?: string | null | undefined;
  /** Python's `model_server_workers` argument. */
  readonly modelServerWorkers?: Templated<number> | null | undefined;
  /** Python's `image_uri` keyword of `create_model` (given, even `None`, it replaces the estimator's). */
  readonly imageUri?: Templated<string> | null | undefined;
}

/** How Python's Airflow code calls this estimator's `transformer` (TensorFlow's differs). */
export interface TransformerCallStyle {
  /** Tags fall back to the estimator's when none are given. */
  readonly tagsFallBackToEstimator: boolean;
  /**
   * The Airflow code passes `model_server_workers` where TensorFlow's `transformer` takes
   * `volume_kms_key`, so the workers land in `VolumeKmsKeyId`.
   */
  readonly workersAsVolumeKmsKey: boolean;
}

/** Python's `validate_version_or_image_args`. */
export function validateVersionOrImage(
  owner: string,
  frameworkVersion: unknown,
  pyVersion: unknown,
  imageUri: unknown,
  versionOption = 'frameworkVersion',
): void {
  if (
    (frameworkVersion === undefined ||
      frameworkVersion === null ||
      pyVersion === undefined ||
      pyVersion === null) &&
    (imageUri === undefined || imageUri === null)
  ) {
    throw new MissingOptionError(
      `${owner}.${frameworkVersion === undefined || frameworkVersion === null ? versionOption : 'pyVersion'}`,
      `give both ${versionOption} and pyVersion, or imageUri`,
    );
  }
}

/** A framework estimator: the shared part; see TensorFlow, PyTorch, ... for each framework. */
export abstract class Framework {
  readonly kind = 'framework' as const;
  /** The Python class (name and module) this estimator stands for. */
  abstract readonly pythonClass: PythonClass;
  readonly session: Session;
  readonly options: ResolvedEstimatorBase;
  /** The entry point (required). */
  readonly entryPoint: string;
  readonly frameworkVersion: string | undefined;
  readonly pyVersion: string | undefined;
  /** The training image override, or (SKLearn, XGBoost) the image looked up at construction. */
  readonly imageUri: Templated<string> | undefined;
  /** The distribution as validated; `{}` when none. */
  readonly distribution: Distribution;
  readonly #hyperparameters = new Map<string, PyValue>();
  // The resolved training image: its inputs (region, versions, instance type, distribution) are
  // fixed once the constructor returns, and a pipeline asks for it several times.
  #trainingImage: Templated<string> | undefined;

  /**
   * @throws {@link sagemaker-workflow!MissingOptionError} without an entry point; {@link sagemaker-workflow!ValidationError} for an
   * `s3://` entry point; the errors of `resolveEstimatorBase`.
   */
  protected constructor(
    props: FrameworkProps,
    owner: string,
    resolved?: { readonly imageUri?: Templated<string> | undefined },
  ) {
    this.options = resolveEstimatorBase(props, owner);
    this.session = props.session;
    const entryPoint = optionalString(`${owner}.entryPoint`, props.entryPoint);
    if (entryPoint === undefined)
      throw new MissingOptionError(`${owner}.entryPoint`, 'the training script is required');
    if (!isPlaceholder(entryPoint) && entryPoint.startsWith('s3://')) {
      throw new ValidationError(
        `${owner}.entryPoint`,
        entryPoint,
        'a path to a local file (use sourceDir for code in S3)',
      );
    }
    this.entryPoint = entryPoint;
    this.frameworkVersion = optionalString(`${owner}.frameworkVersion`, props.frameworkVersion);
    this.pyVersion = optionalString(`${owner}.pyVersion`, props.pyVersion);
    this.imageUri =
      resolved && 'imageUri' in resolved
        ? resolved.imageUri
        : optionalString(`${owner}.imageUri`, props.imageUri);
    this.distribution = {};
    if (props.hyperparameters !== undefined && props.hyperparameters !== null) {
      // Python keeps the constructor's hyperparameters raw (encoded once, on the way out).
      for (const [k, v] of Object.entries(
        checkRecord(`${owner}.hyperparameters`, props.hyperparameters),
      )) {
        this.#hyperparameters.set(k, v as PyValue);
      }
    }
  }

  /** The image registry of the framework. */
  protected abstract get registry(): ImageRegistry;

  /** The framework's name in the image registry (`pytorch`, `huggingface`, ...). */
  get frameworkName(): string {
    return this.registry.framework;
  }

  /**
   * Python's debugger defaults at training time (`_validate_and_set_debugger_configs`): with
   * checkpoints in a region that has the debugger, TensorFlow, PyTorch and MXNet compare the
   * instance count with 1, which fails for a template or a missing count.
   * @throws {@link sagemaker-workflow!OptionTypeError} for an instance count Python cannot compare.
   */
  checkDebuggerDefaults(): void {
    const o = this.options;
    if (DEBUGGER_UNSUPPORTED_REGIONS.includes(this.session.region.toLowerCase())) return;
    if (!pyTruthy(o.checkpointS3Uri) || !pyTruthy(o.checkpointLocalPath)) return;
    if (!['mxnet', 'pytorch', 'tensorflow'].includes(this.frameworkName)) return;
    if (typeof o.instanceCount !== 'number') {
      throw new OptionTypeError(
        `${this.pythonClass.name}.instanceCount`,
        o.instanceCount,
        'a number when checkpoints are set (Python compares it with 1 to configure the debugger)',
      );
    }
  }

  /** Sets the validated distribution (constructors only). @internal */
  protected setDistribution(distribution: Distribution): void {
    (this as { distribution: Distribution }).distribution = distribution;
    this.#trainingImage = undefined;
  }

  /** Stores a raw hyperparameter, as Python's constructors write `_hyperparameters`. @internal */
  protected storeHyperparameter(name: string, value: PyValue): void {
    this.#hyperparameters.set(name, value);
  }

  /**
   * Adds or replaces hyperparameters. Python JSON-encodes them here and again when it writes the
   * job, so a string set this way reaches the job double-encoded (`"\"adam\""`); so does this.
   */
  setHyperparameters(values: Hyperparameters): this {
    for (const [key, value] of Object.entries(checkRecord('hyperparameters', values))) {
      this.#hyperparameters.set(key, jsonDumps(value));
    }
    return this;
  }

  /**
   * The hyperparameters as a job gets them: every value JSON-encoded, the script-mode keys of the
   * job merged in, then the framework's own keys (distribution, TensorFlow's `model_dir`).
   */
  hyperparameters(job?: FrameworkJob): Record<string, string> {
    const merged = new Map(this.#hyperparameters);
    for (const [k, v] of Object.entries(job?.scriptMode ?? {})) merged.set(k, v);
    const out: Record<string, string> = {};
    for (const [k, v] of merged) out[k] = jsonDumps(v);
    for (const [k, v] of Object.entries(this.additionalHyperparameters(job))) out[k] = jsonDumps(v);
    return out;
  }

  /** The framework's keys added to the hyperparameters (raw values). */
  protected additionalHyperparameters(_job: FrameworkJob | undefined): Record<string, PyValue> {
    return {};
  }

  /** Python's `_get_instance_type`: the instance type, or the first GPU group's, or the first group's. */
  protected trainingInstanceType(): string | undefined {
    const { instanceType, instanceGroups } = this.options;
    if (instanceType !== undefined) return instanceType;
    if (instanceGroups === undefined || instanceGroups.length === 0) {
      throw new MissingOptionError(
        `${this.pythonClass.name}.instanceType`,
        'an instance type, or instance groups',
      );
    }
    for (const group of instanceGroups) {
      const type = group.props.instanceType;
      if (typeof type !== 'string' || isPlaceholder(type)) continue;
      const family = /^ml[._]([a-z\d-]+)\.?\w*$/.exec(type)?.[1];
      if (family === undefined) {
        throw new ValidationError(
          `${this.pythonClass.name}.instanceGroups`,
          type,
          'ml.<family>.<size> instance types',
        );
      }
      if (family[0] === 'g' || family[0] === 'p') return type;
    }
    return instanceGroups[0]?.props.instanceType;
  }

  /** The options of the training image lookup (Python's `get_training_image_uri`). */
  protected trainingImageOptions(): Omit<ImageUriOptions, 'framework'> & { framework?: string } {
    return {
      region: this.session.region,
      version: this.frameworkVersion,
      pyVersion: this.pyVersion,
      instanceType: this.trainingInstanceType(),
      imageScope: 'training',
      distribution: this.distribution,
    };
  }

  /**
   * The training image: the `imageUri` given, else the framework's image for the version,
   * Python version and instance type.
   * @throws the errors of `retrieve` when the framework has no such image.
   */
  trainingImageUri(): Templated<string> {
    if (pyTruthy(this.imageUri)) return this.imageUri as Templated<string>;
    if (this.#trainingImage !== undefined) return this.#trainingImage;
    const options = this.trainingImageOptions();
    this.#trainingImage = this.smpImage(options) ?? retrieveFor(this.registry, options);
    return this.#trainingImage;
  }

  /** Python's `pytorch-smp` branch: torch_distributed with smdistributed model parallelism. */
  private smpImage(options: Omit<ImageUriOptions, 'framework'>): string | undefined {
    const d = this.distribution;
    const sm = d.smdistributed as Record<string, PyValue> | undefined;
    const mp =
      sm && typeof sm === 'object'
        ? (sm.modelparallel as Record<string, PyValue> | undefined)
        : undefined;
    if (!('torch_distributed' in d) || mp === undefined || mp === null || typeof mp !== 'object')
      return undefined;
    if (!pyTruthy('enabled' in mp ? mp.enabled : true)) return undefined;
    const version = this.frameworkVersion ?? '';
    const instanceType = options.instanceType ?? '';
    let containerVersion = 'cu118';
    if (version.includes('2.5')) containerVersion = 'cu124';
    else if (
      instanceType.includes('p5') ||
      ['2.1', '2.2', '2.3', '2.4'].some((v) => version.includes(v))
    )
      containerVersion = 'cu121';
    return retrieveFor(pytorchSmpRegistry, {
      ...options,
      framework: 'pytorch-smp',
      containerVersion,
    });
  }

  /** Python's `_model_source_dir` (not local mode): the uploaded code's S3 prefix. */
  protected modelSourceDir(uploaded: UploadedCode | undefined): string | undefined {
    return uploaded?.s3Prefix;
  }

  /** Python's `_model_entry_point`. */
  protected modelEntryPoint(uploaded: UploadedCode | undefined): string | undefined {
    if (this.modelSourceDir(uploaded) === undefined) return this.entryPoint;
    return uploaded?.scriptName;
  }

  /**
   * The model options most `create_model`s share: the model data, `role or self.role`, the entry
   * point (`entry_point or self._model_entry_point()` unless `fallBack` is false), the uploaded
   * code as source dir, the log level, code location, workers, VPC and image.
   */
  protected modelProps(request: FrameworkModelRequest, fallBack = true): FrameworkModelProps {
    const uploaded = request.uploadedCode;
    const entryPoint = fallBack
      ? request.entryPoint || this.modelEntryPoint(uploaded)
      : (request.entryPoint ?? undefined);
    const sourceDir = this.modelSourceDir(uploaded);
    return {
      session: this.session,
      modelData: request.modelData,
      role: pyTruthy(request.role) ? (request.role as Templated<string>) : this.options.role,
      ...(entryPoint !== undefined && entryPoint !== null && { entryPoint }),
      ...(sourceDir !== undefined && { sourceDir }),
      containerLogLevel: this.options.containerLogLevel,
      ...(this.options.codeLocation !== undefined && { codeLocation: this.options.codeLocation }),
      ...(request.modelServerWorkers !== undefined &&
        request.modelServerWorkers !== null && { modelServerWorkers: request.modelServerWorkers }),
      vpcConfig: request.vpcConfig ?? null,
      imageUri: ('imageUri' in request ? request.imageUri : this.imageUri) ?? null,
    };
  }

  /** The model of a trained job (Python's `create_model` as the Airflow code calls it). */
  abstract createModel(request: FrameworkModelRequest): FrameworkModel;

  /** How the Airflow code calls this estimator's `transformer`. */
  transformerCallStyle(): TransformerCallStyle {
    return { tagsFallBackToEstimator: true, workersAsVolumeKmsKey: false };
  }
}

/** Refuses a non-string where Python would fail on string methods. @internal */
export function requireVersionString(option: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new OptionTypeError(option, value, 'a version string such as "2.1"');
  return value;
}

/**
 * PEP 440 comparison of a framework version with a threshold (Python's `Version(a) >= Version(b)`).
 * @throws {@link sagemaker-workflow!ValidationError} when the version is not a valid version (a template, say).
 * @internal
 */
export function compareFrameworkVersion(
  option: string,
  version: string,
  threshold: string,
): number {
  try {
    return compareVersions(version, threshold);
  } catch (cause) {
    throw new ValidationError(option, version, 'a version such as "2.1" or "1.13.1"', { cause });
  }
}
