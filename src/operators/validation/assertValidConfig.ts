import type { ConfigKind } from './configKind.js';
import { ConfigValidationError } from './ConfigValidationError.js';
import type { ConfigProblem, ValidateConfigOptions } from './problems.js';
import { validateConfig } from './validateConfig.js';

/**
 * Throws when {@link validateConfig} finds any problem of severity `'error'` in `config`;
 * otherwise returns the warnings (for the caller to log), which never throw.
 * @throws ConfigValidationError listing every error at once (the warnings ride along in its
 * `warnings`).
 * @example
 * for (const w of assertValidConfig('transform', config.Transform)) console.warn(w.message);
 */
export function assertValidConfig(
  kind: ConfigKind,
  config: unknown,
  options?: ValidateConfigOptions,
): readonly ConfigProblem[] {
  const problems = validateConfig(kind, config, options);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (errors.length > 0) throw new ConfigValidationError(kind, errors, { warnings });
  return warnings;
}
