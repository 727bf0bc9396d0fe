/**
 * How each framework model prepares its container in Python (`<framework>/model.py`
 * `prepare_container_def`): when the code is repacked into the model archive instead of
 * uploaded beside it, and the framework's other differences.
 */
import { ValidationError } from '../errors.js';
import type { FrameworkModel } from '../estimators/Model.js';
import { ChainerModel } from '../estimators/frameworks/ChainerModel.js';
import { compareFrameworkVersion } from '../estimators/frameworks/Framework.js';
import { HuggingFaceModel } from '../estimators/frameworks/HuggingFaceModel.js';
import { MXNetModel } from '../estimators/frameworks/MXNetModel.js';
import { PyTorchModel } from '../estimators/frameworks/PyTorchModel.js';
import { SKLearnModel } from '../estimators/frameworks/SKLearnModel.js';
import { TensorFlowModel } from '../estimators/frameworks/TensorFlowModel.js';
import { XGBoostModel } from '../estimators/frameworks/XGBoostModel.js';

/** A framework model's container rules. */
export interface FrameworkRule {
  /** `tensorflow` repacks whenever there is an entry point and writes no script-mode keys. */
  readonly kind: 'script' | 'tensorflow';
  /** Whether the code is repacked (`_upload_code(..., repack=...)`). */
  readonly repacks: (model: FrameworkModel, isolated: boolean) => boolean;
  /** Without an image, the lookup needs an instance type (or a serverless endpoint). */
  readonly needsInstanceType: boolean;
  /** SKLearn refuses an Elastic Inference accelerator. */
  readonly refusesAccelerator: boolean;
  /** SKLearn and XGBoost point at the repacked archive only with network isolation. */
  readonly isolatedDataOnly: boolean;
  /** Writes `SAGEMAKER_MODEL_SERVER_WORKERS`. */
  readonly writesWorkers: boolean;
}

/** Python's `_is_mms_version`: the framework version at or above the first MMS image. */
function mmsFrom(lowest: string): FrameworkRule['repacks'] {
  return (model) => {
    const version = (model as { frameworkVersion?: unknown }).frameworkVersion;
    if (typeof version !== 'string')
      throw new ValidationError(`${model.constructor.name}.frameworkVersion`, version, 'a version');
    return compareFrameworkVersion('frameworkVersion', version, lowest) >= 0;
  };
}

const script = {
  kind: 'script',
  needsInstanceType: true,
  refusesAccelerator: false,
  isolatedDataOnly: false,
  writesWorkers: true,
} as const;

const RULES = new Map<unknown, FrameworkRule>([
  [PyTorchModel, { ...script, repacks: mmsFrom('1.2') }],
  [MXNetModel, { ...script, repacks: mmsFrom('1.4') }],
  [ChainerModel, { ...script, repacks: () => false }],
  [HuggingFaceModel, { ...script, repacks: () => true }],
  [
    SKLearnModel,
    {
      ...script,
      needsInstanceType: false,
      refusesAccelerator: true,
      isolatedDataOnly: true,
      repacks: (_m, isolated) => isolated,
    },
  ],
  [
    XGBoostModel,
    {
      ...script,
      needsInstanceType: false,
      isolatedDataOnly: true,
      repacks: (_m, isolated) => isolated,
    },
  ],
  [TensorFlowModel, { ...script, kind: 'tensorflow', writesWorkers: false, repacks: () => true }],
]);

/** The rules of a framework model's class; `undefined` for the generic `FrameworkModel`. */
export function frameworkRuleOf(model: FrameworkModel): FrameworkRule | undefined {
  return RULES.get(model.constructor);
}
