/**
 * What a batch transform does with S3, decided when it is created: it reads every object under
 * its input `S3Uri` (none: the job fails), splits each by `SplitType` (`Line`: lines; `RecordIO`:
 * records with their frames, a malformed object fails the job; else the whole object) with the
 * bytes unchanged (binary RecordIO-protobuf stays intact), sends the records to the model one at
 * a time (`SingleRecord`) or in batches of at most `MaxPayloadInMB` (`MultiRecord`, the default
 * here), and the completed job writes
 * `<S3OutputPath>/<input file name>.out` per input object, the answers joined by a newline when
 * `AssembleWith` is `Line` (each then ends with one), back to back otherwise.
 * @internal
 */
import { KnnError } from './algorithms/knn.js';
import { DataFormatError } from './algorithms/trainingRows.js';
import { predictorOf, type Predictor } from './algorithms/index.js';
import { str, type Json } from './protocol.js';
import type { JobRun, Resource } from './ResourceStore.js';
import {
  dataSourceObjects,
  joinUri,
  MissingDataError,
  objectAt,
  writeObject,
  type S3Input,
} from './s3Data.js';
import type { Simulation } from './Simulation.js';

/** The model data a model's (first) container names. @internal */
export function modelDataUrls(model: Json): string[] {
  const containers = [
    ...(model['PrimaryContainer'] ? [model['PrimaryContainer'] as Json] : []),
    ...((model['Containers'] ?? []) as Json[]),
  ];
  return containers
    .map((c) => c['ModelDataUrl'])
    .filter((url): url is string => typeof url === 'string');
}

/** RecordIO's magic number, as its first four bytes (little-endian 0xCED7230A). */
const RECORDIO_MAGIC = 0xced7230a;

/**
 * The RecordIO records of an object, each with its frame (magic, length, padding to four bytes),
 * as SageMaker sends them with `SplitType: RecordIO`.
 * @throws {DataFormatError} when the object is not a sequence of RecordIO frames.
 */
function recordIOFrames(object: S3Input): Uint8Array[] {
  const bytes = object.body;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    if (at + 8 > bytes.length || view.getUint32(at, true) !== RECORDIO_MAGIC) {
      throw new DataFormatError(
        `ClientError: ${object.uri} is not RecordIO: no record header at byte ${at}`,
      );
    }
    // The top three bits of the length word are the continuation flag.
    const length = view.getUint32(at + 4, true) & 0x1fffffff;
    const end = at + 8 + Math.ceil(length / 4) * 4;
    if (end > bytes.length) {
      throw new DataFormatError(
        `ClientError: ${object.uri} is not RecordIO: the record at byte ${at} is cut short`,
      );
    }
    frames.push(bytes.subarray(at, end));
    at = end;
  }
  return frames;
}

/** Blank lines (whitespace only) are not records. */
const isBlank = (line: Uint8Array): boolean => Buffer.from(line).toString('utf8').trim() === '';

/** The records of an object by `SplitType`: lines, RecordIO frames, or the whole object. */
function records(object: S3Input, splitType: unknown): Uint8Array[] {
  const bytes = object.body;
  if (splitType === 'RecordIO') return recordIOFrames(object);
  if (splitType !== 'Line') return [bytes];
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    // A `\r\n` ending is not part of the line.
    const end = i > start && bytes[i - 1] === 0x0d ? i - 1 : i;
    const line = bytes.subarray(start, end);
    if (!isBlank(line)) lines.push(line);
    start = i + 1;
  }
  return lines;
}

function batches(
  all: readonly Uint8Array[],
  strategy: unknown,
  maxPayloadMb: number,
  separator: string,
): Uint8Array[][] {
  if (strategy === 'SingleRecord') return all.map((r) => [r]);
  const limit = maxPayloadMb * 1024 * 1024;
  const out: Uint8Array[][] = [];
  let current: Uint8Array[] = [];
  let size = 0;
  for (const r of all) {
    const bytes = r.length + separator.length;
    if (current.length > 0 && size + bytes > limit) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(r);
    size += bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The key of an input object below the input prefix's folder, as the `.out` is named. */
function relativeName(inputUri: string, object: S3Input): string {
  const prefixKey = inputUri.replace(/^s3:\/\/[^/]+\/?/, '');
  const folder = prefixKey.slice(0, prefixKey.lastIndexOf('/') + 1);
  return object.key.slice(folder.length);
}

/** The data plane's decision for a transform request. @internal */
export function transformRun(sim: Simulation, request: Json, model: Resource): JobRun | undefined {
  const s3 = sim.s3;
  if (!s3) return undefined;
  const input = (request['TransformInput'] ?? {}) as Json;
  const output = (request['TransformOutput'] ?? {}) as Json;
  const source = (((input['DataSource'] ?? {}) as Json)['S3DataSource'] ?? {}) as Json;
  const outputPath = str(output['S3OutputPath']);
  const assembleLines = output['AssembleWith'] === 'Line';
  const maxPayload =
    typeof request['MaxPayloadInMB'] === 'number' && request['MaxPayloadInMB'] > 0
      ? request['MaxPayloadInMB']
      : 6;
  const writes: [string, Uint8Array][] = [];
  // Lines are joined by a newline in a request; RecordIO frames and whole objects back to back.
  const separator = input['SplitType'] === 'Line' ? '\n' : '';
  try {
    const objects = dataSourceObjects(s3, source, sim.store.region, 'the model execution role');
    const modelUrl = modelDataUrls(model.request)[0];
    const predictor: Predictor = predictorOf(
      modelUrl ? objectAt(s3, modelUrl)?.body : undefined,
      request,
    );
    for (const object of objects) {
      const answers = batches(
        records(object, input['SplitType']),
        request['BatchStrategy'],
        maxPayload,
        separator,
      ).map((batch) => predictor(batch, separator));
      const newline = Buffer.from('\n');
      const body = Buffer.concat(assembleLines ? answers.flatMap((a) => [a, newline]) : answers);
      writes.push([joinUri(outputPath, `${relativeName(str(source['S3Uri']), object)}.out`), body]);
    }
  } catch (error) {
    if (
      error instanceof MissingDataError ||
      error instanceof KnnError ||
      error instanceof DataFormatError
    ) {
      return { failureReason: error.message };
    }
    throw error;
  }
  return {
    complete: () => {
      for (const [uri, body] of writes)
        writeObject(s3, uri, body, output['Accept'] as string | undefined);
    },
  };
}
