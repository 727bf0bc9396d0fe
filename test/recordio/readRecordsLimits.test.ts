import { describe, expect, it } from 'vitest';
import { isOptionTypeError, isValidationError } from '../../src/errors.js';
import {
  DEFAULT_MAX_RECORD_BYTES,
  encodeDenseTensor,
  isRecordIOFormatError,
  readRecordsFromStream,
} from '../../src/recordio/index.js';

function header(magic: number, length: number): Uint8Array {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, true);
  view.setUint32(4, length, true);
  return bytes;
}

async function failure(run: () => Promise<void>): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

async function drain(source: Parameters<typeof readRecordsFromStream>[0], options?: object) {
  const out = [];
  for await (const record of readRecordsFromStream(source, options)) out.push(record);
  return out;
}

describe('readRecordsFromStream limits (findings §6)', () => {
  it('refuses a 0xFFFFFFFF length at its header, without pulling the rest of the stream', async () => {
    // GIVEN the findings' reproducer: a header of length 0xFFFFFFFF, then 1 GiB in 1 MiB chunks
    let pulled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      yield await Promise.resolve(header(0xced7230a, 0xffffffff));
      for (let i = 0; i < 1024; i++) {
        pulled++;
        yield new Uint8Array(1 << 20);
      }
    }
    // WHEN it is read
    const error = await failure(async () => {
      await drain(source());
    });
    // THEN a typed error comes at the header, before any payload chunk is buffered
    expect(isRecordIOFormatError(error)).toBe(true);
    expect(String(error)).toContain('record of 4294967295 bytes is longer than maxRecordBytes');
    expect(pulled).toBe(0);
  });

  it('refuses a record just over an explicit limit, and reads one at the limit', async () => {
    const record = encodeDenseTensor({ shape: [1, 4], data: new Float32Array([1, 2, 3, 4]) });
    const payload = new DataView(record.buffer, record.byteOffset).getUint32(4, true);
    expect(await drain([record], { maxRecordBytes: payload })).toHaveLength(1);
    const error = await failure(async () => {
      await drain([record], { maxRecordBytes: payload - 1 });
    });
    expect(isRecordIOFormatError(error)).toBe(true);
  });

  it('defaults to 64 MiB', () => {
    expect(DEFAULT_MAX_RECORD_BYTES).toBe(64 * 1024 * 1024);
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 32], ['10'], [null]])(
    'refuses maxRecordBytes %s with a typed error',
    async (maxRecordBytes) => {
      const error = await failure(async () => {
        await drain([], { maxRecordBytes });
      });
      expect(isValidationError(error)).toBe(true);
    },
  );

  it.each([[null], [5], ['bytes'], [{}]])(
    'refuses a source %s with a typed error',
    async (source) => {
      const error = await failure(async () => {
        await drain(source as never);
      });
      expect(isOptionTypeError(error)).toBe(true);
    },
  );

  it('refuses a chunk that is not bytes with a typed error', async () => {
    const error = await failure(async () => {
      await drain(['text' as never]);
    });
    expect(isOptionTypeError(error)).toBe(true);
  });
});
