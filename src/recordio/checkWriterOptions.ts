/**
 * The boundary check of the public RecordIO writers' options: JavaScript callers and parsed
 * JSON can pass anything, and a `chunkBytes` of `Infinity`, `2 ** 31` or `{}` used to surface as
 * an untyped `RangeError` from a typed-array allocation.
 * @internal
 */
import { OptionTypeError, ValidationError } from '../errors.js';
import { checkOptionsObject } from '../internal/checkInput.js';

/** Largest chunk a writer allocates: 1 GiB, far above the 1 MiB default. */
export const MAX_CHUNK_BYTES = 2 ** 30;

/**
 * The writer options, `{}` for `null`/`undefined`, else {@link OptionTypeError} (not an object,
 * `reuseChunks` not a boolean, `into` not a `Uint8Array`) or {@link ValidationError} (`chunkBytes` not an integer from 1 to
 * {@link MAX_CHUNK_BYTES}).
 */
export function checkWriterOptions<T extends object>(options: T | null | undefined): T {
  checkOptionsObject('options', options, true);
  const o = (options ?? {}) as T & { chunkBytes?: unknown; reuseChunks?: unknown };
  const { chunkBytes, reuseChunks, into } = o as typeof o & { into?: unknown };
  if (chunkBytes !== undefined) {
    if (typeof chunkBytes !== 'number') {
      throw new OptionTypeError('options.chunkBytes', chunkBytes, 'a number of bytes');
    }
    if (!Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) {
      throw new ValidationError(
        'options.chunkBytes',
        chunkBytes,
        `an integer from 1 to ${MAX_CHUNK_BYTES}`,
      );
    }
  }
  if (reuseChunks !== undefined && typeof reuseChunks !== 'boolean') {
    throw new OptionTypeError('options.reuseChunks', reuseChunks, 'true or false');
  }
  if (into !== undefined && !(into instanceof Uint8Array)) {
    throw new OptionTypeError('options.into', into, 'a Uint8Array (or Buffer)');
  }
  return o;
}
