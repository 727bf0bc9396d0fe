/** The XGBoost package's version checks, shared by the estimator and the model. */
import { ValidationError } from '../../errors.js';

const UNSUPPORTED_VERSIONS: Readonly<Record<string, string>> = {
  '1.1':
    'a version other than 1.1 (XGBoost 1.1 cannot predict on LIBSVM input with fewer features; use 1.2-1)',
};

/**
 * Python's `validate_py_version` and `validate_framework_version` of the XGBoost package.
 * @throws {@link sagemaker-workflow!ValidationError}.
 * @internal
 */
export function validateXGBoostVersions(
  owner: string,
  pyVersion: string,
  frameworkVersion: string | undefined,
): void {
  if (pyVersion !== 'py3') throw new ValidationError(`${owner}.pyVersion`, pyVersion, 'py3');
  if (frameworkVersion === undefined) return;
  const accepted = UNSUPPORTED_VERSIONS[frameworkVersion.split('-')[0] ?? ''];
  if (accepted !== undefined)
    throw new ValidationError(`${owner}.frameworkVersion`, frameworkVersion, accepted);
}
