import { SageMakerWorkflowError, errorGuard } from '../errors.js';

/**
 * The buffer given as `into` to `encodeDenseTensor` or `encodeSparseTensor` is shorter than the
 * encoding. Refused before any byte is written, so the buffer's contents are left as they were.
 */
export class OutputBufferTooSmallError extends SageMakerWorkflowError {
  override readonly name = 'OutputBufferTooSmallError';
  readonly code = 'OUTPUT_BUFFER_TOO_SMALL';

  constructor(
    /** Bytes the encoding takes. */
    readonly needed: number,
    /** Bytes of the buffer given. */
    readonly given: number,
    options?: { cause?: unknown },
  ) {
    super(
      `options.into holds ${given} bytes but the encoding takes ${needed}: pass a buffer of at least ${needed} bytes, or omit into`,
      options,
    );
  }
}

/** Guard for {@link OutputBufferTooSmallError}. */
export const isOutputBufferTooSmallError =
  errorGuard<OutputBufferTooSmallError>('OUTPUT_BUFFER_TOO_SMALL');
