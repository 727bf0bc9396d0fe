/**
 * The algorithms the local SageMaker runs. The built-in KNN trains and predicts for real (see
 * `knn.ts`); every other image gets a documented placeholder:
 * - training writes a `model.tar.gz` holding `placeholder-model.json` (the image and the
 *   hyperparameters), so what comes after (CreateModel, transforms) finds its artifacts;
 * - a transform answers each request with its body, bytes unchanged (an echo: text or binary
 *   RecordIO alike), so the `.out` objects have the records and split a real model's answers
 *   would have, not its values.
 * @internal
 */
import { readTarGz, writeTarGz } from '../../internal/tarGz.js';
import type { Json } from '../protocol.js';
import type { S3Input } from '../s3Data.js';
import {
  formatKnnResponse,
  KNN_MODEL_FILE,
  KnnError,
  predictKnn,
  trainKnn,
  type KnnModel,
} from './knn.js';
import { trainingRows } from './trainingRows.js';

/** File in a placeholder `model.tar.gz`. @internal */
export const PLACEHOLDER_MODEL_FILE = 'placeholder-model.json';

/** True for the built-in KNN image (`.../knn:1`). @internal */
export const isKnnImage = (image: unknown): boolean =>
  typeof image === 'string' && /\/knn(:|@|$)/.test(image);

/**
 * Trains the algorithm of `image` on the job's channels and returns `model.tar.gz`.
 * @throws {KnnError | DataFormatError} worded as the job's FailureReason.
 * @internal
 */
export function trainModel(
  image: unknown,
  hyperParameters: Readonly<Record<string, unknown>>,
  channels: ReadonlyMap<string, { objects: S3Input[]; contentType: string }>,
  mtimeSeconds: number,
): Uint8Array {
  if (isKnnImage(image)) {
    const train = channels.get('train');
    if (!train) throw new KnnError("ClientError: KNN requires a channel named 'train'");
    const featureDim = Number(hyperParameters['feature_dim']);
    const rows = trainingRows(
      train.objects,
      train.contentType,
      'train',
      Number.isInteger(featureDim) ? featureDim : undefined,
    );
    const model = trainKnn(hyperParameters, rows);
    return writeTarGz({ [KNN_MODEL_FILE]: JSON.stringify(model) }, mtimeSeconds);
  }
  const placeholder = {
    placeholder: 'sagemaker-workflow local SageMaker: no model was trained for this image',
    image,
    hyperParameters,
  };
  return writeTarGz({ [PLACEHOLDER_MODEL_FILE]: JSON.stringify(placeholder) }, mtimeSeconds);
}

/**
 * Answers a batch of records (one request of a transform): each record's bytes as split from the
 * input, and the separator the request body joins them with (`\n` for `Line`, none otherwise).
 * @internal
 */
export type Predictor = (records: readonly Uint8Array[], separator: string) => Uint8Array;

/** The echo: the request body itself, bytes unchanged. */
const echo: Predictor = (records, separator) => {
  const sep = Buffer.from(separator);
  return Buffer.concat(records.flatMap((r, i) => (i === 0 ? [r] : [sep, r])));
};

/**
 * The predictor of a `model.tar.gz`: KNN when it holds a local KNN model, else the echo.
 * @throws {KnnError} when a KNN model is asked for a content type it does not read locally.
 * @internal
 */
export function predictorOf(modelTarGz: Uint8Array | undefined, request: Json): Predictor {
  const input = (request['TransformInput'] ?? {}) as Json;
  const output = (request['TransformOutput'] ?? {}) as Json;
  const contentType = typeof input['ContentType'] === 'string' ? input['ContentType'] : '';
  const accept = typeof output['Accept'] === 'string' ? output['Accept'] : 'application/json';
  const knnFile = modelTarGz ? readTarGz(modelTarGz).get(KNN_MODEL_FILE) : undefined;
  if (!knnFile) return echo;
  const model = JSON.parse(Buffer.from(knnFile).toString('utf8')) as KnnModel;
  if (!contentType.toLowerCase().startsWith('text/csv')) {
    throw new KnnError(
      `ClientError: the local KNN reads text/csv transform input; ContentType is '${contentType || '(none)'}'`,
    );
  }
  return (records) => {
    const labels = records.map((bytes, i) => {
      const line = Buffer.from(bytes).toString('utf8');
      const row = line.split(',').map(Number);
      if (row.length !== model.featureDim || row.some((v) => !Number.isFinite(v))) {
        throw new KnnError(
          `ClientError: record ${i + 1} has ${row.length} features; the model expects ${model.featureDim}: ${line.slice(0, 80)}`,
        );
      }
      return predictKnn(model, row);
    });
    return Buffer.from(formatKnnResponse(labels, accept));
  };
}
