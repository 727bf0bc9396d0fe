/**
 * `modelConfig`: the CreateModel request Python's `sagemaker.workflow.airflow.model_config`
 * returns, with the `S3Operations` of a framework model's code.
 */
import type { CreateModelInput } from '@aws-sdk/client-sagemaker';
import { MissingOptionError } from '../errors.js';
import type { AnyModel, FrameworkModel, ModelData } from '../estimators/Model.js';
import { checkOptionTypes, checkOwnLimits } from '../internal/checkInput.js';
import { checkPlainJson, NewObjects } from '../internal/plainJson.js';
import { checkBuilderOptions, checkModel } from './builderInputs.js';
import { baseNameFromImage, nameFromBase } from '../pythonCompat/names.js';
import { pyStr } from '../pythonCompat/pyStr.js';
import { posixBasename, s3PathJoin } from '../pythonCompat/s3.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { Templatable, Templated } from '../templates.js';
import type { S3Operations } from './s3Operations.js';
import type { UploadedCode } from '../estimators/types.js';

/** Options of {@link modelConfig}. */
export interface ModelConfigOptions {
  /** Instance type the model will serve on; picks a framework model's image. @default - none */
  readonly instanceType?: Templated<string> | null;
  /** Execution role, instead of the model's. @default - the model's role */
  readonly role?: Templated<string> | null;
  /** Inference image, instead of the model's. @default - the model's image */
  readonly imageUri?: Templated<string> | null;
}

/**
 * The model config Airflow's SageMakerModelOperator takes. `ModelName` is always set (given or
 * generated), so it can name the model in a transform or deploy config as it is.
 */
export type ModelConfig = Omit<Templatable<CreateModelInput>, 'ModelName'> & {
  ModelName: string;
  S3Operations?: S3Operations;
};

/** A model config and the name it gave the model. */
export interface BuiltModelConfig {
  readonly config: ModelConfig;
  readonly modelName: string;
}

/**
 * Python's `sagemaker.container_def` for the members the Airflow path uses. `made`: the builder's
 * objects, where the container and its environment (a copy) are noted.
 */
export function containerDef(
  image: Templated<string>,
  modelData: ModelData | undefined,
  env: Readonly<Record<string, unknown>>,
  made?: NewObjects,
): Record<string, unknown> {
  const environment = { ...env };
  const def: Record<string, unknown> = { Image: image, Environment: environment };
  made?.add(def);
  made?.add(environment);
  if (typeof modelData === 'string') def.ModelDataUrl = modelData;
  else if (modelData !== undefined) def.ModelDataSource = modelData;
  return def;
}

function requireImage(owner: string, image: Templated<string> | undefined): Templated<string> {
  if (image === undefined || image === '') {
    throw new MissingOptionError(
      `${owner}.imageUri`,
      'an inference image is required (on the model or as the imageUri option)',
    );
  }
  return image;
}

/** Python's `FrameworkModel._script_mode_env_vars` after the code is placed at `uploaded`. */
export function scriptModeEnv(
  model: FrameworkModel,
  uploaded: UploadedCode | undefined,
): Record<string, string> {
  let script = model.env.SAGEMAKER_PROGRAM ?? '';
  let dir = model.env.SAGEMAKER_SUBMIT_DIRECTORY ?? '';
  if (uploaded) {
    script = uploaded.scriptName;
    dir = pyTruthy(model.enableNetworkIsolation) ? '/opt/ml/model/code' : uploaded.s3Prefix;
  } else if (model.entryPoint !== undefined) {
    script = model.entryPoint;
    if (model.sourceDir !== undefined) {
      dir = model.sourceDir.startsWith('s3://') ? model.sourceDir : `file://${model.sourceDir}`;
    }
  }
  return {
    SAGEMAKER_PROGRAM: script,
    SAGEMAKER_SUBMIT_DIRECTORY: dir,
    SAGEMAKER_CONTAINER_LOG_LEVEL: pyStr(model.containerLogLevel),
    SAGEMAKER_REGION: model.session.region,
  };
}

/** Python's `prepare_framework_container_def`: image, name, code placement and environment. */
function frameworkContainer(
  model: FrameworkModel,
  image: Templated<string> | undefined,
  instanceType: Templated<string> | undefined,
  made: NewObjects,
): { container: Record<string, unknown>; name: string; s3Operations: S3Operations } {
  const deployImage = requireImage('FrameworkModel', image ?? model.servingImageUri(instanceType));
  const name = model.name || nameFromBase(baseNameFromImage(deployImage), model.session);
  // Python passes key_prefix=None here, so a code_location contributes its bucket only.
  const bucket = model.codeBucket ?? model.session.defaultBucket();
  const keyPrefix = model.codeBucket ? undefined : s3PathJoin([model.session.defaultBucketPrefix]);
  let uploaded: UploadedCode | undefined;
  let s3Operations: S3Operations = {};
  if (model.entryPoint !== undefined) {
    const script = posixBasename(model.entryPoint);
    const key = `${name}/source/sourcedir.tar.gz`;
    if (model.sourceDir && model.sourceDir.toLowerCase().startsWith('s3://')) {
      uploaded = { s3Prefix: model.sourceDir, scriptName: script };
    } else {
      uploaded = { s3Prefix: s3PathJoin(['s3://', bucket, keyPrefix, key]), scriptName: script };
      // Python uploads to the key without the default prefix while pointing the container at
      // the prefixed path; reproduced as is on this compatible path.
      s3Operations = {
        S3Upload: [{ Path: model.sourceDir || script, Bucket: bucket, Key: key, Tar: true }],
      };
    }
  }
  const env: Record<string, unknown> = { ...model.env, ...scriptModeEnv(model, uploaded) };
  if (pyTruthy(model.modelServerWorkers))
    env.SAGEMAKER_MODEL_SERVER_WORKERS = pyStr(model.modelServerWorkers);
  return { container: containerDef(deployImage, model.modelData, env, made), name, s3Operations };
}

const MODEL_OPTION_TYPES = Object.freeze({
  instanceType: 'string',
  role: 'string',
  imageUri: 'string',
} as const);

/** The types of the model members the builder reads (each may also be absent). */
const MODEL_FIELD_TYPES = Object.freeze({
  role: 'string',
  imageUri: 'string',
  name: 'string',
  env: 'record',
  vpcConfig: 'record',
} as const);

/**
 * Builds the model config and reports the model name it used (generated when the model has none).
 * @throws {@link MissingOptionError} when no inference image is known.
 */
export function buildModelConfig(
  model: AnyModel,
  options: ModelConfigOptions = {},
  ownOptions = false,
): BuiltModelConfig {
  checkModel('model', model);
  // Options the caller put together in a literal are checked without a descriptor per member.
  if (ownOptions) checkOwnLimits('options', options);
  else checkBuilderOptions('options', options);
  checkOptionTypes('options', options ?? {}, MODEL_OPTION_TYPES);
  checkOptionTypes('model', model, MODEL_FIELD_TYPES);
  options ??= {};
  // The objects of the config made here (the check reads them without descriptors).
  const made = new NewObjects();
  const image = options.imageUri || model.imageUri;
  let container: Record<string, unknown>;
  let name: string;
  let s3Operations: S3Operations = {};
  switch (model.kind) {
    case 'frameworkModel': {
      const built = frameworkContainer(
        model as FrameworkModel,
        image,
        options.instanceType ?? undefined,
        made,
      );
      ({ container, name, s3Operations } = built);
      break;
    }
    case 'model': {
      const plain = model;
      container = containerDef(requireImage('Model', image), plain.modelData, plain.env, made);
      name = plain.name || nameFromBase(baseNameFromImage(String(container.Image)), plain.session);
      break;
    }
  }
  const config = made.defined({
    ModelName: name,
    PrimaryContainer: container,
    ExecutionRoleArn: options.role || (model.role ?? null),
    VpcConfig: pyTruthy(model.vpcConfig) ? model.vpcConfig : undefined,
    S3Operations: Object.keys(s3Operations).length > 0 ? s3Operations : undefined,
  }) as unknown as ModelConfig;
  return { config: checkPlainJson('modelConfig', config, made), modelName: name };
}

/**
 * Python's `model_config`: the CreateModel request for Airflow's SageMakerModelOperator.
 * @example
 * const config = modelConfig(new Model({ session, imageUri, modelData, role }), { instanceType: 'ml.m5.large' });
 * @throws {@link MissingOptionError} when no inference image is known.
 */
export function modelConfig(model: AnyModel, options: ModelConfigOptions = {}): ModelConfig {
  return buildModelConfig(model, options).config;
}
