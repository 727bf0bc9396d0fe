/**
 * `modelContainer`: the container definition and model name Python's `prepare_container_def`
 * and `_create_sagemaker_model` produce for a model about to be created (deploy or transform),
 * with the code staging it needs as data: an upload of `sourcedir.tar.gz`, or the repack of the
 * model artifacts with the inference code (`<model name>/model.tar.gz`).
 */
import { MissingOptionError, ValidationError } from '../errors.js';
import type { AnyModel, FrameworkModel, ModelData } from '../estimators/Model.js';
import { baseNameFromImage, nameFromBase } from '../pythonCompat/names.js';
import { pyStr } from '../pythonCompat/pyStr.js';
import { parseS3Url, posixBasename, s3PathJoin } from '../pythonCompat/s3.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { Templated } from '../templates.js';
import { frameworkRuleOf, type FrameworkRule } from './modelFrameworks.js';

/** Model settings Python takes that our model classes do not hold. */
export interface ModelCodeSettings {
  /** Python's `dependencies`: local paths packed beside the code. @default [] */
  readonly dependencies?: readonly string[] | null;
  /** Python's `model_kms_key`: encrypts the uploaded or repacked archive. @default - none */
  readonly modelKmsKey?: string | null;
  /** Python's `code_location` (`s3://bucket/prefix`): where the code goes. @default - the default bucket */
  readonly codeLocation?: string | null;
  /** Network isolation, instead of the model's. @default - the model's */
  readonly enableNetworkIsolation?: Templated<boolean> | null;
  /** Execution role, instead of the model's. @default - the model's */
  readonly role?: Templated<string> | null;
}

/** Where the inference code goes before the model is created. */
export type CodeStaging =
  | {
      /** `tar_and_upload_dir`: the code packed as `sourcedir.tar.gz`. */
      readonly kind: 'upload';
      readonly bucket: string;
      readonly key: string;
      readonly entryPoint: string;
      readonly sourceDir: string | undefined;
      readonly dependencies: readonly string[];
      readonly kmsKey: string | undefined;
    }
  | {
      /** `repack_model`: the model archive rewritten with the code under `code/`. */
      readonly kind: 'repack';
      /** The model artifacts to download. */
      readonly modelUri: string;
      readonly bucket: string;
      readonly key: string;
      readonly entryPoint: string;
      /** A local folder, or an `s3://` code tarball. */
      readonly sourceDir: string | undefined;
      readonly dependencies: readonly string[];
      readonly kmsKey: string | undefined;
    };

/** What creating a model needs: its name, container and staging. */
export interface ModelPlan {
  readonly name: string;
  /** Python's `_base_name` (set when the name was generated from the image). */
  readonly baseName: string | undefined;
  readonly container: Record<string, unknown>;
  readonly staging: CodeStaging | undefined;
  /** The environment the model ends with (a framework transformer starts from it). */
  readonly env: Readonly<Record<string, unknown>>;
}

/** Where the model will run. */
export interface ModelTarget {
  /** @default - none */
  readonly instanceType?: Templated<string> | null;
  /** @default - none */
  readonly acceleratorType?: string | null;
  /** A serverless endpoint (the image is picked without an instance type). @default false */
  readonly serverless?: boolean;
}

/** Python's `sagemaker.container_def` (without the EULA and hub keys). */
function containerDef(
  image: unknown,
  modelData: ModelData | undefined | null,
  env: Record<string, unknown>,
): Record<string, unknown> {
  const def: Record<string, unknown> = { Image: image, Environment: env };
  if (typeof modelData === 'string') def.ModelDataUrl = modelData;
  else if (modelData !== undefined && modelData !== null) def.ModelDataSource = modelData;
  return def;
}

function deployImage(model: AnyModel, rule: FrameworkRule | undefined, target: ModelTarget) {
  if (pyTruthy(model.imageUri)) return model.imageUri as Templated<string>;
  if (model.kind === 'model' || rule === undefined) {
    throw new MissingOptionError(`${model.constructor.name}.imageUri`, 'an inference image');
  }
  if (rule.needsInstanceType && !target.instanceType && !target.serverless) {
    throw new ValidationError(
      'instanceType',
      target.instanceType ?? null,
      'an instance type (for choosing CPU vs GPU) or an image URI',
    );
  }
  // Python picks the CPU image for a serverless endpoint; our models' lookups take an instance
  // type, so a CPU one stands for "serverless" (the image differs by processor only).
  const instanceType = target.instanceType ?? (target.serverless ? 'ml.m5.large' : undefined);
  const image = (model as FrameworkModel).servingImageUri(instanceType);
  if (image === undefined) throw new MissingOptionError('imageUri', 'an inference image');
  return image;
}

/** Python's `determine_bucket_and_prefix` for `model_code_key_prefix(prefix, name, image)`. */
function codePlace(
  model: AnyModel,
  settings: ModelCodeSettings,
  name: string,
): { bucket: string; prefix: string } {
  const location = settings.codeLocation
    ? parseS3Url(settings.codeLocation, 'codeLocation')
    : undefined;
  const bucket =
    location?.bucket ??
    (model.kind === 'frameworkModel' ? (model as FrameworkModel).codeBucket : undefined);
  const keyPrefix = s3PathJoin([location?.key, name]);
  if (bucket) return { bucket, prefix: keyPrefix };
  return {
    bucket: model.session.defaultBucket(),
    prefix: s3PathJoin([model.session.defaultBucketPrefix, keyPrefix]),
  };
}

/** The key prefix of `code_location` (the generic framework model repacks only without one). */
function codeKeyPrefix(settings: ModelCodeSettings): string {
  return settings.codeLocation ? parseS3Url(settings.codeLocation, 'codeLocation').key : '';
}

/** Python's `_script_mode_env_vars`. */
function scriptModeEnv(
  model: FrameworkModel,
  uploaded: { s3Prefix: string; scriptName: string } | undefined,
  repacked: boolean,
  isolated: boolean,
): Record<string, string> {
  let script = model.env.SAGEMAKER_PROGRAM ?? '';
  let dir = model.env.SAGEMAKER_SUBMIT_DIRECTORY ?? '';
  if (uploaded) {
    script = uploaded.scriptName;
    dir = repacked || isolated ? '/opt/ml/model/code' : uploaded.s3Prefix;
  } else if (model.entryPoint !== undefined) {
    script = model.entryPoint;
    if (model.sourceDir !== undefined)
      dir = model.sourceDir.startsWith('s3://') ? model.sourceDir : `file://${model.sourceDir}`;
  }
  return {
    SAGEMAKER_PROGRAM: script,
    SAGEMAKER_SUBMIT_DIRECTORY: dir,
    SAGEMAKER_CONTAINER_LOG_LEVEL: pyStr(model.containerLogLevel),
    SAGEMAKER_REGION: model.session.region,
  };
}

/** TensorFlow Serving's log level names (Python's `TensorFlowModel.LOG_LEVEL_MAP`). */
const TFS_LOG_LEVELS: Readonly<Record<number, string>> = {
  10: 'debug',
  20: 'info',
  30: 'warn',
  40: 'error',
  50: 'crit',
};

/** Python's `_upload_code(key_prefix, repack)`: what is staged, and the code it leaves. */
function stageCode(
  model: FrameworkModel,
  place: { bucket: string; prefix: string },
  repack: boolean,
  settings: ModelCodeSettings,
): {
  staging?: CodeStaging;
  uploaded?: { s3Prefix: string; scriptName: string };
  repacked?: string;
} {
  const entryPoint = model.entryPoint;
  if (entryPoint === undefined) return {};
  const common = {
    entryPoint,
    sourceDir: model.sourceDir,
    dependencies: settings.dependencies ?? [],
    kmsKey: settings.modelKmsKey ?? undefined,
  };
  if (!repack) {
    if (model.sourceDir?.toLowerCase().startsWith('s3://'))
      return { uploaded: { s3Prefix: model.sourceDir, scriptName: entryPoint } };
    const key = `${place.prefix}/sourcedir.tar.gz`;
    return {
      staging: { kind: 'upload', bucket: place.bucket, key, ...common },
      uploaded: {
        s3Prefix: `s3://${place.bucket}/${key}`,
        scriptName: model.sourceDir ? entryPoint : posixBasename(entryPoint),
      },
    };
  }
  // Python warns and skips the repack of a ModelDataSource object (or of no model data).
  if (typeof model.modelData !== 'string') return {};
  const key = [place.prefix, 'model.tar.gz'].join('/');
  const repacked = `s3://${place.bucket}/${key}`;
  return {
    staging: { kind: 'repack', modelUri: model.modelData, bucket: place.bucket, key, ...common },
    uploaded: { s3Prefix: repacked, scriptName: posixBasename(entryPoint) },
    repacked,
  };
}

/**
 * The container, name and staging of `model` as Python's `_create_sagemaker_model` prepares them.
 * @throws {@link MissingOptionError} without an inference image; {@link ValidationError} for
 * arguments the model class refuses (an accelerator for SKLearn, no instance type for a lookup).
 */
export function modelContainer(
  model: AnyModel,
  target: ModelTarget = {},
  settings: ModelCodeSettings = {},
): ModelPlan {
  const rule =
    model.kind === 'frameworkModel' ? frameworkRuleOf(model as FrameworkModel) : undefined;
  if (rule?.refusesAccelerator && target.acceleratorType) {
    throw new ValidationError(
      'acceleratorType',
      target.acceleratorType,
      'none: the model has no Elastic Inference support',
    );
  }
  const image = deployImage(model, rule, target);
  const baseName = model.name ? undefined : baseNameFromImage(image);
  const name = model.name || nameFromBase(baseName ?? '', model.session);
  const isolated = pyTruthy(settings.enableNetworkIsolation ?? model.enableNetworkIsolation);
  const env: Record<string, unknown> = { ...model.env };

  if (model.kind === 'model') {
    return {
      name,
      baseName,
      container: containerDef(image, model.modelData, env),
      staging: undefined,
      env,
    };
  }
  const fw = model as FrameworkModel;
  if (rule?.kind === 'tensorflow') {
    const level = (fw as { tfsContainerLogLevel?: unknown }).tfsContainerLogLevel;
    if (typeof level === 'number' && TFS_LOG_LEVELS[level])
      env.SAGEMAKER_TFS_NGINX_LOGLEVEL = TFS_LOG_LEVELS[level];
    const place = codePlace(model, settings, name);
    const staged = fw.entryPoint === undefined ? {} : stageCode(fw, place, true, settings);
    return {
      name,
      baseName,
      container: containerDef(image, staged.repacked ?? fw.modelData, env),
      staging: staged.staging,
      env,
    };
  }
  // The generic framework model stages code only when it has some; the framework models always
  // resolve the code location (and so the default bucket).
  const hasCode =
    fw.entryPoint !== undefined ||
    fw.sourceDir !== undefined ||
    (settings.dependencies ?? []).length > 0;
  if (rule === undefined && !hasCode) {
    return {
      name,
      baseName,
      container: containerDef(image, fw.modelData, env),
      staging: undefined,
      env,
    };
  }
  const place = codePlace(model, settings, name);
  const repack =
    rule === undefined
      ? fw.sourceDir !== undefined && fw.entryPoint !== undefined && !codeKeyPrefix(settings)
      : rule.repacks(fw, isolated);
  const staged = stageCode(fw, place, repack, settings);
  Object.assign(env, scriptModeEnv(fw, staged.uploaded, staged.repacked !== undefined, isolated));
  if (rule?.writesWorkers && pyTruthy(fw.modelServerWorkers))
    env.SAGEMAKER_MODEL_SERVER_WORKERS = pyStr(fw.modelServerWorkers);
  const modelData = rule?.isolatedDataOnly
    ? isolated
      ? staged.repacked
      : fw.modelData
    : (staged.repacked ?? fw.modelData);
  return {
    name,
    baseName,
    container: containerDef(image, modelData, env),
    staging: staged.staging,
    env,
  };
}
