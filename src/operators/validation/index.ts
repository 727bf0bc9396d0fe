/**
 * Pre-submit checks of configs against the SageMaker API's constraints, and coercion of rendered
 * template values back to the API's types. Both read the API shapes generated from the service
 * model (`generated/shapes.ts`, written by `scripts/generateValidation.ts`).
 */
export { CONFIG_KINDS, type ConfigKind } from './configKind.js';
export { validateConfig } from './validateConfig.js';
export type {
  ConfigProblem,
  ConfigRule,
  ProblemSeverity,
  RuleSource,
  ValidateConfigOptions,
} from './problems.js';
export { CROSS_FIELD_RULE_INFO, type CrossFieldRuleInfo } from './crossFieldRules.js';
export { assertValidConfig } from './assertValidConfig.js';
export { ConfigValidationError, isConfigValidationError } from './ConfigValidationError.js';
export { coerceConfig } from './coerceConfig.js';
