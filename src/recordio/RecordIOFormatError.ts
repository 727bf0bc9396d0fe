import { SageMakerWorkflowError, errorGuard } from '../errors.js';

/**
 * Bytes given to the RecordIO reader are not a sequence of RecordIO records: a wrong magic
 * number, a record cut short, or a payload that is not a valid `Record` message.
 */
export class RecordIOFormatError extends SageMakerWorkflowError {
  override readonly name = 'RecordIOFormatError';
  readonly code = 'RECORDIO_FORMAT';

  constructor(
    /** Byte offset of the record (its magic number) where reading failed. */
    readonly offset: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Invalid RecordIO data at byte ${offset}: ${reason}`, options);
  }
}

/** Guard for {@link RecordIOFormatError}. */
export const isRecordIOFormatError = errorGuard<RecordIOFormatError>(
  'RECORDIO_FORMAT',
  'isRecordIOFormatError',
);
