import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isOptionTypeError,
  isUnsupportedOptionError,
  isValidationError,
} from '../../src/errors.js';
import {
  encodeDenseTensor,
  encodeSparseTensor,
  isRecordIOFormatError,
  readRecordIO,
  readRecords,
  readRecordsFromStream,
  writeDenseTensor,
} from '../../src/recordio/index.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

const tmp = await mkdtemp(join(tmpdir(), 'recordio-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('encodeDenseTensor', () => {
  it('writes the bytes Python writes for a float32 row with a float64 label', () => {
    // GIVEN one float32 row [1, 2] labelled 0.5 as float64
    const bytes = encodeDenseTensor(
      { shape: [1, 2], data: new Float32Array([1, 2]) },
      { labels: new Float64Array([0.5]) },
    );
    // THEN the framing, the features map entry and the label map entry are as Python has them
    expect(Buffer.from(bytes).toString('hex')).toBe(
      [
        '0a23d7ce',
        '30000000', // magic, record length 48 (a multiple of 4: no padding)
        '0a16',
        '0a0676616c756573',
        '120c',
        '120a',
        '0a08',
        '0000803f00000040', // features
        '1216',
        '0a0676616c756573',
        '120c',
        '1a0a',
        '0a08',
        '000000000000e03f', // label (Float64)
      ].join(''),
    );
  });

  it('accepts an array of rows, as numpy accepts a list of lists (float64)', () => {
    const fromRows = encodeDenseTensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const fromMatrix = encodeDenseTensor({
      shape: [2, 3],
      data: new Float64Array([1, 2, 3, 4, 5, 6]),
    });
    expect(Buffer.from(fromRows).equals(Buffer.from(fromMatrix))).toBe(true);
  });

  it('writes int64 data as Int32 tensors and refuses int32 arrays unless told int64', () => {
    const data = new Int32Array([1, -1]);
    expect(isUnsupportedOptionError(thrown(() => encodeDenseTensor({ shape: [1, 2], data })))).toBe(
      true,
    );
    const asInt64 = encodeDenseTensor({ shape: [1, 2], data, dtype: 'int64' });
    const fromBigInts = encodeDenseTensor({ shape: [1, 2], data: new BigInt64Array([1n, -1n]) });
    expect(Buffer.from(asInt64).equals(Buffer.from(fromBigInts))).toBe(true);
    const [record] = readRecords(asInt64);
    expect(record?.features['values']?.value).toMatchObject({
      case: 'int32Tensor',
      value: { values: [1, -1] },
    });
  });

  it.each([
    ['a vector', { shape: [3], data: new Float32Array(3) }, {}, isValidationError],
    ['a 3-D array', { shape: [1, 1, 1], data: new Float32Array(1) }, {}, isValidationError],
    [
      'data of the wrong length',
      { shape: [2, 2], data: new Float32Array(3) },
      {},
      isValidationError,
    ],
    ['a uint8 array', { shape: [1, 1], data: new Uint8Array(1) }, {}, isUnsupportedOptionError],
    [
      'a dtype Python refuses',
      { shape: [1, 1], data: [1], dtype: 'float16' },
      {},
      isUnsupportedOptionError,
    ],
    ['booleans', { shape: [1, 1], data: [true] }, {}, isUnsupportedOptionError],
    [
      'an int64 beyond int32',
      { shape: [1, 1], data: [2 ** 31], dtype: 'int64' },
      {},
      isValidationError,
    ],
    [
      'a non-integer as int64',
      { shape: [1, 1], data: [0.5], dtype: 'int64' },
      {},
      isValidationError,
    ],
    [
      'labels of rank 2',
      { shape: [2, 1], data: [1, 2] },
      { labels: { shape: [2, 1], data: [1, 2] } },
      isValidationError,
    ],
    [
      'labels of another length',
      { shape: [2, 3], data: new Float64Array(6) },
      { labels: [1] },
      isValidationError,
    ],
    // Python accepts labels as long as the columns, then fails part way with IndexError.
    [
      'labels as long as the columns only',
      { shape: [3, 2], data: new Float64Array(6) },
      { labels: [1, 2] },
      isValidationError,
    ],
    ['not a matrix', 'abc', {}, isOptionTypeError],
  ])('refuses %s with a typed error', (_what, matrix, options, guard) => {
    const error = thrown(() => encodeDenseTensor(matrix as never, options));
    expect(guard(error)).toBe(true);
  });
});

describe('encodeSparseTensor', () => {
  it('keeps explicit zeros and the stored order of columns', () => {
    const bytes = encodeSparseTensor({
      shape: [1, 300],
      data: new Float32Array([0, 7]),
      indices: [299, 3],
      indptr: [0, 2],
    });
    const tensor = readRecords(bytes)[0]?.features['values']?.value;
    expect(tensor).toMatchObject({
      case: 'float32Tensor',
      value: { values: [0, 7], keys: [299n, 3n], shape: [300n] },
    });
  });

  it.each([
    ['a dense matrix', { shape: [1, 1], data: [1] }, isOptionTypeError],
    [
      'indptr of the wrong length',
      { shape: [2, 2], data: [1], indices: [0], indptr: [0, 1] },
      isValidationError,
    ],
    [
      'a column out of range',
      { shape: [1, 2], data: [1], indices: [2], indptr: [0, 1] },
      isValidationError,
    ],
    [
      'decreasing indptr',
      { shape: [2, 2], data: [1], indices: [0], indptr: [0, 1, 0] },
      isValidationError,
    ],
  ])('refuses %s with a typed error', (_what, matrix, guard) => {
    expect(guard(thrown(() => encodeSparseTensor(matrix as never)))).toBe(true);
  });
});

describe('readRecords', () => {
  const bytes = encodeDenseTensor({ shape: [2, 1], data: new Float32Array([1, 2]) });

  it('reads a final record without its padding, as Python does', () => {
    // A zero-column row is a 14-byte record, padded with two zero bytes.
    const unpadded = encodeDenseTensor({ shape: [1, 0], data: new Float32Array(0) });
    expect(unpadded).toHaveLength(24);
    const payloads = [...readRecordIO(unpadded.subarray(0, unpadded.length - 2))];
    expect(payloads.map((p) => p.length)).toStrictEqual([14]);
  });

  it.each([
    ['a wrong magic number', Uint8Array.from([1, 2, 3, 4, 0, 0, 0, 0])],
    ['a truncated header', bytes.subarray(0, 4)],
    ['a truncated record', bytes.subarray(0, bytes.length - 8)],
    [
      'a payload that is not a Record',
      Uint8Array.from([0x0a, 0x23, 0xd7, 0xce, 2, 0, 0, 0, 0x0a, 0x05, 0, 0]),
    ],
  ])('refuses %s with RecordIOFormatError', (_what, input) => {
    expect(isRecordIOFormatError(thrown(() => readRecords(input)))).toBe(true);
  });
});

describe('readRecordsFromStream', () => {
  it('refuses a stream that ends inside a record', async () => {
    const bytes = encodeDenseTensor({ shape: [2, 3], data: new Float32Array(6) });
    const read = async () => {
      for await (const record of readRecordsFromStream([
        bytes.subarray(0, 10),
        bytes.subarray(10, 40),
      ])) {
        expect(record.features['values']).toBeDefined();
      }
    };
    await expect(read()).rejects.toSatisfy(isRecordIOFormatError);
  });

  it('reads a file written by writeDenseTensor', async () => {
    const path = join(tmp, 'read.pbr');
    const file = createWriteStream(path);
    await writeDenseTensor(file, { shape: [3, 2], data: new Float64Array([1, 2, 3, 4, 5, 6]) });
    file.end();
    await finished(file);
    const tensors = [];
    for await (const record of readRecordsFromStream(
      createReadStream(path, { highWaterMark: 7 }),
    )) {
      tensors.push(record.features['values']?.value.value);
    }
    expect(tensors.map((t) => (t && 'values' in t ? t.values : []))).toStrictEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
});

describe('writeDenseTensor', () => {
  it('streams to a file with recycled chunks, the same bytes as the one-buffer encoding', async () => {
    // GIVEN 5,000 rows and 1 KiB chunks, so that buffers are recycled many times
    const rows = 5000;
    const data = Float32Array.from({ length: rows * 7 }, (_, i) => Math.sin(i));
    const labels = Float32Array.from({ length: rows }, (_, i) => i % 2);
    const path = join(tmp, 'train.pbr');
    const file = createWriteStream(path);
    // WHEN it is written to the file
    const written = await writeDenseTensor(
      file,
      { shape: [rows, 7], data },
      { labels, chunkBytes: 1024, reuseChunks: true },
    );
    file.end();
    await finished(file);
    // THEN the file holds exactly the encoded bytes
    const expected = encodeDenseTensor({ shape: [rows, 7], data }, { labels });
    expect(written).toBe(expected.length);
    expect(readFileSync(path).equals(Buffer.from(expected))).toBe(true);
  });

  it("rejects with the writable's error", async () => {
    const failing = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('disk full'));
      },
    });
    const data = new Float32Array(10_000);
    await expect(
      writeDenseTensor(failing, { shape: [1000, 10], data }, { chunkBytes: 512 }),
    ).rejects.toThrow('disk full');
  });

  it('refuses bad input before writing anything', async () => {
    const chunks: unknown[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    });
    await expect(
      writeDenseTensor(sink, { shape: [2, 1], data: [1, 2 ** 40], dtype: 'int64' }),
    ).rejects.toSatisfy(isValidationError);
    expect(chunks).toStrictEqual([]);
  });
});
