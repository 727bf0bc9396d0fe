/**
 * Untyped access to the SageMaker client for the operators' generic code paths (one table of job
 * kinds instead of seven copies of the same logic). Public functions keep the SDK's types.
 * @internal
 */

/** A plain JSON object as the SDK returns it. @internal */
export type Json = Record<string, unknown>;

/**
 * A SageMaker request by operation name (`'DescribeTrainingJob'`) and input. The command object is
 * built only when the request is sent, from `@aws-sdk/client-sagemaker` loaded on first use, so
 * importing the operators does not load (or need) the SDK.
 * @internal
 */
export interface AnyCommand {
  readonly operation: string;
  readonly input: Json;
}

/** A request for `operation` with `input`. @internal */
export const sageMakerRequest = (operation: string, input: Json): AnyCommand => ({
  operation,
  input,
});

/** The error name of an AWS SDK error (`ThrottlingException`, `ValidationException`, ...). @internal */
export function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error
    ? String(error.name)
    : undefined;
}

/** The message of an error-like value. @internal */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * True when SageMaker says the resource does not exist. Describe calls answer
 * `ValidationException` ("Requested resource not found", "Could not find model ...") for that;
 * some newer operations use `ResourceNotFound`.
 * @internal
 */
export function isNotFound(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'ResourceNotFound' || name === 'ResourceNotFoundException') return true;
  return (
    name === 'ValidationException' &&
    /not (be )?found|could not find|does not exist/i.test(errorMessage(error))
  );
}

/**
 * True when a Create call was refused because the name is taken: `ResourceInUse` for jobs,
 * `ValidationException` "Cannot create already existing ..." for models, endpoint configs and
 * endpoints.
 * @internal
 */
export function isAlreadyExists(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'ResourceInUse') return true;
  return name === 'ValidationException' && /already exist/i.test(errorMessage(error));
}
