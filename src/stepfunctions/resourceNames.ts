/**
 * Resource names per execution. The builders name each job, model and endpoint once, at build
 * time; a state machine runs many times, and SageMaker refuses a second job of the same name. So
 * by default every literal name is rewritten as `<name>-<token>`, where the token is 8 hex
 * characters drawn once per execution by the first state, within SageMaker's length limits (32
 * for a tuning job, 63 otherwise). Every field equal to that literal name (a transform's
 * `ModelName`, an endpoint's `EndpointConfigName`) gets the same expression.
 */
import { intrinsicString } from './translateParameters.js';

/**
 * How resources are named: `perExecution` (a per-execution token appended), `executionName`
 * (the execution's name appended: start executions with short names), or `asConfigured` (the
 * builders' names as they are: one execution per name).
 */
export type ResourceNaming = 'perExecution' | 'executionName' | 'asConfigured';

/** The state that draws the token, and where it keeps it. */
export const NAMES_STATE = 'ResourceNames';
/** Where the per-execution token is kept in the state. */
export const TOKEN_PATH = '$.ResourceNames.token';
/** 8 hex characters: the first group of a UUID drawn when the execution starts. */
export const TOKEN_EXPRESSION = "States.ArrayGetItem(States.StringSplit(States.UUID(), '-'), 0)";
const TOKEN_LENGTH = 8;
/** A default execution name is a UUID: 36 characters. */
const EXECUTION_NAME_LENGTH = 36;

/**
 * The ASL expression naming a resource in this execution, or `undefined` to keep the literal.
 * The builder's name is cut so the result fits `maxLength` (and its trailing dashes dropped).
 */
export function nameExpression(
  literal: string,
  maxLength: number,
  naming: ResourceNaming,
): string | undefined {
  if (naming === 'asConfigured') return undefined;
  const [suffixLength, suffix] =
    naming === 'perExecution'
      ? [TOKEN_LENGTH, TOKEN_PATH]
      : [EXECUTION_NAME_LENGTH, '$$.Execution.Name'];
  const room = Math.max(1, maxLength - suffixLength - 1);
  const base = literal.slice(0, room).replace(/-+$/, '') || literal.slice(0, 1);
  return `States.Format('${intrinsicString(base).slice(1, -1)}-{}', ${suffix})`;
}
