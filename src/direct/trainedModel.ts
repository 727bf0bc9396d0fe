/**
 * `trainedModel`: the model Python's `estimator.create_model(...)` makes after `fit` on the
 * direct path, with the model data read from DescribeTrainingJob, and the model settings our
 * model classes do not hold (dependencies, the code location's prefix, `model_kms_key`, network
 * isolation) as {@link ModelCodeSettings}.
 */
import { estimatorVpcConfig, type VpcConfigOverride } from '../config/fromEstimator.js';
import type { AnyEstimator } from '../estimators/AnyEstimator.js';
import { Model, type AnyModel, type ModelData } from '../estimators/Model.js';
import type { TrainingRun } from '../estimators/trainingRun.js';
import { ValidationError } from '../errors.js';
import { assertNever } from '../internal/assertNever.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { Templated } from '../templates.js';
import type { ModelCodeSettings } from './modelContainer.js';

/** The keywords of Python's `create_model` on the direct path. */
export interface TrainedModelOptions {
  /** @default - the estimator's role */
  readonly role?: Templated<string> | null;
  /** Generic estimator: the inference image. @default - the training image */
  readonly imageUri?: Templated<string> | null;
  /** @default - the estimator's VPC */
  readonly vpcConfigOverride?: VpcConfigOverride;
  /** Framework estimators: the inference script. @default - the framework's rule */
  readonly entryPoint?: string | null;
  /** Framework estimators. @default - one per vCPU */
  readonly modelServerWorkers?: Templated<number> | null;
  /** Framework estimators: code dependencies. @default - the estimator's */
  readonly dependencies?: readonly string[] | null;
  /** Python's `enable_network_isolation` keyword. @default - the class's rule */
  readonly enableNetworkIsolation?: Templated<boolean> | null;
}

/** A model of a trained estimator and its settings. */
export interface TrainedModel {
  readonly model: AnyModel;
  readonly settings: ModelCodeSettings;
}

/**
 * Python's `EstimatorBase.model_data` from a DescribeTrainingJob response: the artifacts' URI, or
 * an uncompressed `S3Prefix` data source when the job wrote no archive.
 * @throws {@link ValidationError} for an unknown output compression type.
 */
export function modelDataOf(description: Readonly<Record<string, unknown>>): ModelData {
  const uri = String(
    (description.ModelArtifacts as { S3ModelArtifacts?: unknown } | undefined)?.S3ModelArtifacts,
  );
  const compression =
    (description.OutputDataConfig as { CompressionType?: unknown } | undefined)?.CompressionType ??
    'GZIP';
  if (compression === 'GZIP') return uri;
  if (compression !== 'NONE')
    throw new ValidationError('CompressionType', compression, '"GZIP" or "NONE"');
  return {
    S3DataSource: {
      S3Uri: uri.endsWith('/') ? uri : `${uri}/`,
      S3DataType: 'S3Prefix',
      CompressionType: 'None',
    },
  };
}

/**
 * The run of the estimator's latest training job, which `deploy` needs.
 * @throws {@link ValidationError} when the estimator has none (Python: "Estimator is not
 * associated with a training job").
 */
export function requireTrainingRun(run: TrainingRun | undefined): TrainingRun {
  if (run === undefined)
    throw new ValidationError('run', run, 'the run of a training job (the estimator has none)');
  return run;
}

/**
 * Python's `estimator.deploy` reads each estimator tag's `Key` (looking for JumpStart tags), so a
 * tag without one fails there (`KeyError: 'Key'`).
 * @throws {@link ValidationError} for such a tag.
 */
export function checkEstimatorTags(estimator: AnyEstimator): void {
  for (const tag of estimator.options.tags ?? []) {
    if (!('Key' in tag)) throw new ValidationError('tags', tag, 'tags with a Key');
  }
}

/** Whether the class's `create_model` passes the estimator's network isolation on its own. */
function isolationByDefault(estimator: AnyEstimator): boolean {
  if (estimator.kind === 'byo') return true;
  if (estimator.kind !== 'framework') return false;
  return ['TensorFlow', 'SKLearn'].includes(estimator.pythonClass.name);
}

/** Estimators whose model reads the framework version at `prepare_container_def`. */
const MMS_VERSIONED = new Set(['PyTorch', 'MXNet']);

/**
 * The model `create_model` makes for `estimator`'s job `run` with artifacts at `modelData`.
 * @throws the errors of the estimator's model (no image for the version, ...).
 */
export function trainedModel(
  estimator: AnyEstimator,
  run: TrainingRun,
  modelData: ModelData,
  options: TrainedModelOptions = {},
): TrainedModel {
  const o = estimator.options;
  const vpcConfig = estimatorVpcConfig(estimator, options.vpcConfigOverride);
  const isolation =
    options.enableNetworkIsolation ??
    (isolationByDefault(estimator) ? o.enableNetworkIsolation : undefined);
  const base: ModelCodeSettings = {
    modelKmsKey: typeof o.outputKmsKey === 'string' ? o.outputKmsKey : null,
    ...(isolation !== undefined && { enableNetworkIsolation: isolation }),
  };
  switch (estimator.kind) {
    case 'byo':
      return {
        model: new Model({
          session: estimator.session,
          imageUri: pyTruthy(options.imageUri)
            ? (options.imageUri as Templated<string>)
            : estimator.trainingImageUri(),
          modelData,
          role: pyTruthy(options.role) ? (options.role as string) : o.role,
          vpcConfig: vpcConfig ?? null,
        }),
        settings: base,
      };
    case 'algorithm':
      return {
        model: estimator.createModel({ modelData: modelData as string, vpcConfig }),
        settings: base,
      };
    case 'framework': {
      // Python parity A5 (docs/python-parity.md): PyTorch and MXNet pass their framework version
      // to the model even when it is None (an attached custom image), and the model's container
      // definition then compares None as a version.
      const versioned = (estimator as { frameworkVersion?: unknown }).frameworkVersion;
      if (MMS_VERSIONED.has(estimator.pythonClass.name) && typeof versioned !== 'string')
        throw new ValidationError(
          `${estimator.pythonClass.name}.frameworkVersion`,
          versioned,
          'a framework version: the model compares it to the first MMS version',
        );
      const tensorflow = estimator.pythonClass.name === 'TensorFlow';
      const dependencies = tensorflow
        ? (options.dependencies ?? [])
        : options.dependencies && options.dependencies.length > 0
          ? options.dependencies
          : o.dependencies;
      const model = estimator.createModel({
        modelData,
        role: options.role ?? null,
        vpcConfig,
        uploadedCode: run.uploadedCode,
        ...(options.entryPoint !== undefined && { entryPoint: options.entryPoint }),
        ...(options.modelServerWorkers != null && {
          modelServerWorkers: options.modelServerWorkers,
        }),
      });
      return {
        model,
        settings: {
          ...base,
          dependencies,
          ...(!tensorflow && o.codeLocation !== undefined && { codeLocation: o.codeLocation }),
        },
      };
    }
    default:
      return assertNever(estimator);
  }
}
