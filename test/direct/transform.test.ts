/**
 * `transform` against the local SageMaker and S3 endpoints with binary RecordIO-protobuf input:
 * the local transform's echo carries bytes unchanged, split on record boundaries with
 * `SplitType: RecordIO`, and a job waited for returns its description.
 */
import { describe, expect, it } from 'vitest';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { DirectSession } from '../../src/operators/direct/DirectSession.js';
import { instantClock, useLocalDirectEndpoints } from './localDirectSession.js';
import { transform } from '../../src/operators/direct/transform.js';
import { modelTransformerFor } from '../../src/operators/direct/transformer.js';
import { Model } from '../../src/estimators/Model.js';
import type { Transformer } from '../../src/estimators/Transformer.js';
import { encodeDenseTensor, readRecords } from '../../src/recordio/index.js';
import { isJobFailedError, type JobFailedError } from '../../src/operators/errors.js';
import { silentLogger } from '../../src/operators/logger.js';

const local = useLocalDirectEndpoints({ linkS3: true });
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const RECORDIO = 'application/x-recordio-protobuf';

/** 30,000 rows of 7 float32 features with labels (over 3 MB), as `record_set` writes them. */
const ROWS = 32_000;
const rows = Array.from({ length: ROWS }, (_, i) =>
  Array.from({ length: 7 }, (_, j) => (i * 7 + j) / 10),
);
const encoded = encodeDenseTensor(rows, {
  labels: Array.from({ length: ROWS }, (_, i) => i % 2),
});

async function echoTransformer(direct: DirectSession, name: string): Promise<Transformer> {
  const model = new Model({
    session: direct.session,
    role: ROLE,
    imageUri: '123456789012.dkr.ecr.us-west-2.amazonaws.com/team/echo:1.0',
    name,
  });
  return modelTransformerFor(direct, model, {
    instanceCount: 1,
    instanceType: 'ml.m5.large',
    // A payload limit below the object's size: the records go in several requests.
    maxPayload: 1,
  });
}

async function put(direct: DirectSession, key: string, body: Uint8Array): Promise<void> {
  await direct.clients.s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: key, Body: body }));
}

const output = (jobName: string, file: string): Uint8Array => {
  const object = local.s3.getObject('bucket', `${jobName}/${file}.out`);
  if (!object) throw new Error(`no output for ${file}`);
  return object.body;
};

describe('transform of RecordIO-protobuf', () => {
  it('split by RecordIO: the output holds the input records, byte for byte', async () => {
    // GIVEN records written by the library's RecordIO writer, over three requests' payload
    const direct = session();
    expect(encoded.length).toBeGreaterThan(3 * 1024 * 1024);
    await put(direct, 'rio/split/rows.pbr', encoded);
    const transformer = await echoTransformer(direct, 'echo-split');
    // WHEN they are transformed in batches of whole records and the job is waited for
    const { jobName, description } = await transform(direct, transformer, {
      data: 's3://bucket/rio/split/',
      contentType: RECORDIO,
      splitType: 'RecordIO',
      waitOptions: { clock: instantClock(), logger: silentLogger },
    });
    // THEN the job completed and the echo wrote back the same bytes, so the same records
    expect(description?.TransformJobStatus).toBe('Completed');
    const out = output(jobName, 'rows.pbr');
    expect(Buffer.from(out).equals(Buffer.from(encoded))).toBe(true);
    expect(readRecords(out)).toHaveLength(ROWS);
  });

  it('without a split type: the whole object, bytes unchanged', async () => {
    // GIVEN the same records, with bytes that are not valid UTF-8
    const direct = session();
    expect(Buffer.from(Buffer.from(encoded).toString('utf8')).equals(Buffer.from(encoded))).toBe(
      false,
    );
    await put(direct, 'rio/whole/rows.pbr', encoded);
    const transformer = await echoTransformer(direct, 'echo-whole');
    // WHEN the object is transformed whole
    const { jobName } = await transform(direct, transformer, {
      data: 's3://bucket/rio/whole/',
      contentType: RECORDIO,
      waitOptions: { clock: instantClock(), logger: silentLogger },
    });
    // THEN the output is the input
    expect(Buffer.from(output(jobName, 'rows.pbr')).equals(Buffer.from(encoded))).toBe(true);
  });

  it('fails the job when an object split by RecordIO is not RecordIO', async () => {
    // GIVEN a CSV object where RecordIO is expected
    const direct = session();
    await put(direct, 'rio/bad/rows.csv', Buffer.from('1,2,3\n4,5,6\n'));
    const transformer = await echoTransformer(direct, 'echo-bad');
    // WHEN it is transformed split by RecordIO, THEN the job fails, naming the object
    const error = await transform(direct, transformer, {
      data: 's3://bucket/rio/bad/',
      contentType: RECORDIO,
      splitType: 'RecordIO',
      waitOptions: { clock: instantClock(), logger: silentLogger },
    }).catch((e: unknown) => e);
    expect(isJobFailedError(error)).toBe(true);
    expect((error as JobFailedError).failureReason).toMatch(
      /s3:\/\/bucket\/rio\/bad\/rows\.csv is not RecordIO/,
    );
  });
});

function session(): DirectSession {
  return local.session();
}
