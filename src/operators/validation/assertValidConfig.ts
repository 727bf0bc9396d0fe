import type { ConfigKind } from './configKind.js';
import { ConfigValidationError } from './ConfigValidationError.js';
import { validateConfig } from './validateConfig.js';

/**
 * Throws when {@link validateConfig} finds any problem in `config`; otherwise returns.
 * @throws ConfigValidationError listing every problem at once.
 * @example
 * assertValidConfig('transform', config.Transform);
 */
export function assertValidConfig(kind: ConfigKind, config: unknown): void {
  const problems = validateConfig(kind, config);
  if (problems.length > 0) throw new ConfigValidationError(kind, problems);
}
