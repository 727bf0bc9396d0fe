import { SageMakerWorkflowError, errorGuard } from '../errors.js';

/** A command-line argument or input file the CLI cannot use (exit code 1, message only). */
export class CliInputError extends SageMakerWorkflowError {
  override readonly name = 'CliInputError';
  readonly code = 'CLI_INPUT';
}

/** True when `error` is a {@link CliInputError}. */
export const isCliInputError = errorGuard<CliInputError>('CLI_INPUT');
