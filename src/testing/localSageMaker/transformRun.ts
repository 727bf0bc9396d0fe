/**
 * What a batch transform does with S3, decided when it is created: it reads every object under
 * its input `S3Uri` (none: the job fails), splits each by `SplitType`, sends the records to the
 * model one at a time (`SingleRecord`) or in batches of at most `MaxPayloadInMB`
 * (`MultiRecord`, the default here), and the completed job writes
 * `<S3OutputPath>/<input file name>.out` per input object, the answers joined by a newline when
 * `AssembleWith` is `Line` (each then ends with one), back to back otherwise.
 * @internal
 */
import { KnnError } from './algorithms/knn.js';
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

function records(object: S3Input, splitType: unknown): string[] {
  const text = Buffer.from(object.body).toString('utf8');
  if (splitType !== 'Line') return [text];
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

function batches(all: readonly string[], strategy: unknown, maxPayloadMb: number): string[][] {
  if (strategy === 'SingleRecord') return all.map((r) => [r]);
  const limit = maxPayloadMb * 1024 * 1024;
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const r of all) {
    const bytes = Buffer.byteLength(r) + 1;
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
  const writes: [string, string][] = [];
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
      ).map(predictor);
      const body = assembleLines ? answers.map((a) => `${a}\n`).join('') : answers.join('');
      writes.push([joinUri(outputPath, `${relativeName(str(source['S3Uri']), object)}.out`), body]);
    }
  } catch (error) {
    if (error instanceof MissingDataError || error instanceof KnnError) {
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
