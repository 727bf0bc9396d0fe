/**
 * Typed errors of sagemaker-workflow. Every error carries a stable `code`, and each class has an
 * `isXxxError()` guard that checks a `Symbol.for` brand, so guards work across duplicated copies of
 * the package (two bundles, CJS and ESM side by side) where `instanceof` would not.
 */

const BRAND = Symbol.for('sagemaker-workflow.error');

const SHOWN_CHARS = 200;

function shorten(text: string): string {
  return text.length > SHOWN_CHARS
    ? `${text.slice(0, SHOWN_CHARS)}... (${text.length} characters)`
    : text;
}

/**
 * A `JSON.stringify` replacer that stops once the text is surely longer than what is shown: a
 * 10^7-character string or a 10,000-deep object in a bad option is described in microseconds,
 * not by serialising all of it. It counts a lower bound of the text written so far (keys and
 * string or number values, before quoting), so everything up to the cut is what
 * `JSON.stringify` alone writes; later members are left out (`undefined`).
 */
function boundedReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  let written = 0;
  return function (this: unknown, key: string, value: unknown): unknown {
    if (written > SHOWN_CHARS) return undefined;
    if (!Array.isArray(this)) written += key.length;
    if (typeof value === 'string') {
      written += Math.min(value.length, SHOWN_CHARS + 1);
      return value.length > SHOWN_CHARS ? value.slice(0, SHOWN_CHARS + 1) : value;
    }
    if (typeof value === 'number') written += 1;
    return value;
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return shorten(JSON.stringify(value.slice(0, SHOWN_CHARS + 1)));
  if (value === undefined) return 'undefined';
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  try {
    return shorten(JSON.stringify(value, boundedReplacer()) ?? typeof value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Every error code of the library, one per error class: the class's name without `Error`, in
 * upper snake case (`JobFailedError` has `JOB_FAILED`). `docs/errors.md` says when each is thrown
 * and what to do about it.
 */
export const ERROR_CODES = [
  // root (options and inputs)
  'VALIDATION',
  'UNSUPPORTED_OPTION',
  'OPTION_TYPE',
  'MISSING_OPTION',
  'LOCAL_PATH_NOT_FOUND',
  'INPUT_LIMIT',
  'MISSING_PEER_DEPENDENCY',
  // `./image-uris`
  'IMAGE_URI_LOOKUP',
  'IMAGE_NOT_FOUND',
  'REPOSITORY_NOT_FOUND',
  'ECR_ACCESS_DENIED',
  // `./recordio`
  'RECORDIO_FORMAT',
  'OUTPUT_BUFFER_TOO_SMALL',
  // `./operators`
  'CONFIG_VALIDATION',
  'CREATE_OUTCOME',
  'PERMISSION_DENIED',
  'INVALID_JOB_HANDLE',
  'S3_INPUT_NOT_FOUND',
  'JOB_FAILED',
  'JOB_STOPPED',
  'WAITER_TIMEOUT',
  'JOB_ABORTED',
  'RESOURCE_EXISTS',
  'UPLOAD_INPUT',
  'S3_OPERATIONS',
  'RECORD_SET_UPLOAD',
  'TEMPLATE_RENDER',
  'TEMPLATE_UNDEFINED',
  'TEMPLATE_FORBIDDEN',
  'TEMPLATE_LIMIT',
  'DEFAULT_BUCKET_PENDING',
  'DIRECT_CALL',
  // `./airflow`
  'PYTHON_LITERAL',
  'AIRFLOW_TEMPLATE',
  'AIRFLOW_DEPENDENCY',
  // `./stepfunctions`
  'UNTRANSLATABLE_TEMPLATE',
  'UNRESOLVED_REFERENCE',
  'INVALID_STEP',
  'UNREFERENCED_UPLOAD',
  // `./testing/stepfunctions`
  'UNMAPPED_TASK',
  'INTERPRETER_UNAVAILABLE',
  // the CLI
  'CLI_INPUT',
] as const;

/** The `code` of an error thrown by this library: one of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base class of every error this library throws on purpose. */
export abstract class SageMakerWorkflowError extends Error {
  /** Stable identifier of the error class, for logs and for code that must not rely on messages. */
  abstract readonly code: ErrorCode;
  readonly [BRAND] = true;
}

/** True when `error` is any error thrown on purpose by this library. */
export function isSageMakerWorkflowError(error: unknown): error is SageMakerWorkflowError {
  return typeof error === 'object' && error !== null && BRAND in error;
}

/**
 * Makes the `isXxxError()` guard of an error class: true for an error with the brand and the
 * class's `code`, whichever copy of the package threw it. The type argument ties `code` to the
 * class's own, so a guard cannot check another class's code.
 * @internal
 * @example
 * export const isValidationError = errorGuard<ValidationError>('VALIDATION');
 */
export function errorGuard<E extends SageMakerWorkflowError>(
  code: E['code'],
  name = `is${code
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}Error`,
): (e: unknown) => e is E {
  const guard = (e: unknown): e is E => isSageMakerWorkflowError(e) && e.code === code;
  // Named as exported (by default `MISSING_OPTION` → `isMissingOptionError`): an arrow made here
  // has no name of its own, and stack traces and API listings read it.
  return Object.defineProperty(guard, 'name', { value: name });
}

/**
 * An option has a value that is refused (Python's `ValueError` on the compatible path).
 * `accepted` says in words what would be accepted.
 */
export class ValidationError extends SageMakerWorkflowError {
  override readonly name = 'ValidationError';
  readonly code = 'VALIDATION';

  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly accepted: string,
    options?: { cause?: unknown },
  ) {
    super(`Invalid ${option}: ${describe(value)}. Accepted: ${accepted}`, options);
  }
}
/** Guard for {@link ValidationError}. */
export const isValidationError = errorGuard<ValidationError>('VALIDATION');

/** An option names a value outside a closed set (an enum, a framework, a region). */
export class UnsupportedOptionError extends SageMakerWorkflowError {
  override readonly name = 'UnsupportedOptionError';
  readonly code = 'UNSUPPORTED_OPTION';

  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly supported: readonly string[],
    options?: { cause?: unknown; detail?: string },
  ) {
    super(
      `Unsupported ${option}: ${describe(value)}.${options?.detail ? ` ${options.detail}.` : ''} Supported: ${supported.length ? supported.join(', ') : '(none)'}`,
      options,
    );
  }
}
/** Guard for {@link UnsupportedOptionError}. */
export const isUnsupportedOptionError = errorGuard<UnsupportedOptionError>('UNSUPPORTED_OPTION');

/** An option has the wrong type (Python's `TypeError`; a JavaScript caller's wrong type). */
export class OptionTypeError extends SageMakerWorkflowError {
  override readonly name = 'OptionTypeError';
  readonly code = 'OPTION_TYPE';

  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly expected: string,
    options?: { cause?: unknown },
  ) {
    super(`Invalid type for ${option}: ${describe(value)}. Expected ${expected}`, options);
  }
}
/** Guard for {@link OptionTypeError}. */
export const isOptionTypeError = errorGuard<OptionTypeError>('OPTION_TYPE');

/** A required option is missing, or a step that must come first has not happened. */
export class MissingOptionError extends SageMakerWorkflowError {
  override readonly name = 'MissingOptionError';
  readonly code = 'MISSING_OPTION';

  constructor(
    readonly option: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Missing ${option}: ${reason}`, options);
  }
}
/** Guard for {@link MissingOptionError}. */
export const isMissingOptionError = errorGuard<MissingOptionError>('MISSING_OPTION');

/** A local path named by an option (entry point, source dir, dependency) does not exist. */
export class LocalPathNotFoundError extends SageMakerWorkflowError {
  override readonly name = 'LocalPathNotFoundError';
  readonly code = 'LOCAL_PATH_NOT_FOUND';

  constructor(
    readonly option: string,
    readonly path: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(
      `${option} ${JSON.stringify(path)} does not exist${options?.detail ? ` ${options.detail}` : ''}`,
      options,
    );
  }
}
/** Guard for {@link LocalPathNotFoundError}. */
export const isLocalPathNotFoundError = errorGuard<LocalPathNotFoundError>('LOCAL_PATH_NOT_FOUND');

/**
 * An input is too large or too deep to be an option: a string longer than the limit, a value
 * nested deeper than the limit (a cyclic one included). Refused at once, before any work on it.
 */
export class InputLimitError extends SageMakerWorkflowError {
  override readonly name = 'InputLimitError';
  readonly code = 'INPUT_LIMIT';

  constructor(
    readonly option: string,
    readonly limit: string,
    options?: { cause?: unknown },
  ) {
    super(`${option} exceeds the input limit: ${limit}`, options);
  }
}
/** Guard for {@link InputLimitError}. */
export const isInputLimitError = errorGuard<InputLimitError>('INPUT_LIMIT');

/**
 * An optional peer dependency a feature needs is not installed (the AWS SDK clients, `lib-storage`,
 * `tar`): raised when the feature is first used, not when the library is imported.
 * `packageName` is what to install.
 */
export class MissingPeerDependencyError extends SageMakerWorkflowError {
  override readonly name = 'MissingPeerDependencyError';
  readonly code = 'MISSING_PEER_DEPENDENCY';

  constructor(
    readonly packageName: string,
    /** What uses it, e.g. `'the operators'` or `'S3 uploads'`. */
    readonly feature: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The package ${packageName} is not installed (used by ${feature}): npm install ${packageName}`,
      options,
    );
  }
}
/** Guard for {@link MissingPeerDependencyError}. */
export const isMissingPeerDependencyError =
  errorGuard<MissingPeerDependencyError>('MISSING_PEER_DEPENDENCY');
