/** What the deploy and transform handlers share: model settings from the build keywords, class names. */
import type { ModelCodeSettings } from '../../../../src/direct/modelContainer.js';
import type { AnyEstimator } from '../../../../src/estimators/AnyEstimator.js';
import { kwargsOf } from '../requests.js';

/** Whether a built object is an estimator. */
export const isEstimator = (v: unknown): v is AnyEstimator =>
  typeof v === 'object' && v !== null && 'kind' in v && 'options' in v;

/** The Python class a built object stands for. */
export function pythonClassOf(obj: object): string {
  const named = (obj as { pythonClass?: { name?: string } }).pythonClass?.name;
  return named ?? obj.constructor.name;
}

/** The model keywords our model classes do not hold (Python's `dependencies`, `model_kms_key`, ...). */
export function modelSettingsOf(model: object): ModelCodeSettings {
  const k = kwargsOf.get(model) ?? {};
  const out: Record<string, unknown> = {};
  if (Array.isArray(k.dependencies)) out.dependencies = k.dependencies;
  if (typeof k.modelKmsKey === 'string') out.modelKmsKey = k.modelKmsKey;
  if (typeof k.codeLocation === 'string') out.codeLocation = k.codeLocation;
  return out;
}
