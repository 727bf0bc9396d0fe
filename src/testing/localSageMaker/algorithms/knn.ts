/**
 * The built-in k-nearest-neighbours algorithm, for real on small data: training keeps the rows
 * (what an exact, unsampled KNN index holds), inference answers each row with the label of its
 * `k` nearest training rows by Euclidean distance (classifier: majority vote, ties to the label of
 * the nearest row; regressor: mean), in the algorithm's response formats for `application/json`,
 * `application/jsonlines` and `text/csv`
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/kNN-inference-formats.html).
 * @internal
 */
import type { Row } from './trainingRows.js';

/** Rows the local KNN trains on, at most. @internal */
export const KNN_MAX_ROWS = 100_000;

/** File in `model.tar.gz` holding the local KNN model. @internal */
export const KNN_MODEL_FILE = 'knn-model.json';

/** What `model.tar.gz` stores: the hyperparameters inference needs and the rows. @internal */
export interface KnnModel {
  readonly format: 'sagemaker-workflow/local-knn@1';
  readonly k: number;
  readonly predictorType: 'classifier' | 'regressor';
  readonly featureDim: number;
  readonly features: readonly (readonly number[])[];
  readonly labels: readonly number[];
}

/** A KNN hyperparameter or data problem; the message is the job's FailureReason. @internal */
export class KnnError extends Error {}

const intParam = (hp: Readonly<Record<string, unknown>>, name: string): number => {
  const raw = hp[name];
  const value = Number(raw);
  if (raw === undefined) {
    throw new KnnError(`ClientError: Missing required hyperparameter: ${name}`);
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new KnnError(
      `ClientError: Hyperparameter ${name} must be a positive integer, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
};

/** Trains on `rows` with the job's hyperparameters. @throws {KnnError} @internal */
export function trainKnn(hp: Readonly<Record<string, unknown>>, rows: readonly Row[]): KnnModel {
  const k = intParam(hp, 'k');
  const featureDim = intParam(hp, 'feature_dim');
  intParam(hp, 'sample_size');
  const predictorType = hp['predictor_type'];
  if (predictorType !== 'classifier' && predictorType !== 'regressor') {
    throw new KnnError(
      `ClientError: Hyperparameter predictor_type must be 'classifier' or 'regressor', got ${JSON.stringify(predictorType ?? null)}`,
    );
  }
  if (rows.length === 0) throw new KnnError('ClientError: No training data found in channel train');
  if (rows.length > KNN_MAX_ROWS) {
    throw new KnnError(
      `ClientError: the local KNN trains on at most ${KNN_MAX_ROWS} rows; channel train has ${rows.length}`,
    );
  }
  const bad = rows.findIndex((r) => r.features.length !== featureDim);
  if (bad >= 0) {
    throw new KnnError(
      `ClientError: feature_dim is ${featureDim} but row ${bad + 1} of channel train has ${rows[bad]?.features.length ?? 0} features`,
    );
  }
  return {
    format: 'sagemaker-workflow/local-knn@1',
    k,
    predictorType,
    featureDim,
    features: rows.map((r) => [...r.features]),
    labels: rows.map((r) => r.label),
  };
}

/** The predicted label of one row. @internal */
export function predictKnn(model: KnnModel, row: readonly number[]): number {
  const distances = model.features.map((f, i) => {
    let sum = 0;
    for (let j = 0; j < f.length; j++) {
      const d = (f[j] ?? 0) - (row[j] ?? 0);
      sum += d * d;
    }
    return { d: sum, i };
  });
  distances.sort((a, b) => a.d - b.d || a.i - b.i);
  const nearest = distances.slice(0, model.k).map(({ i }) => model.labels[i] ?? 0);
  if (model.predictorType === 'regressor') {
    return nearest.reduce((a, b) => a + b, 0) / nearest.length;
  }
  const votes = new Map<number, number>();
  for (const label of nearest) votes.set(label, (votes.get(label) ?? 0) + 1);
  const top = Math.max(...votes.values());
  // Ties go to the tied label met first, i.e. the one of the nearest row.
  return nearest.find((label) => votes.get(label) === top) ?? 0;
}

/** A float as Python's `json.dumps` writes it (`0.0`, `2.5`). @internal */
export const pyFloatText = (v: number): string => (Number.isInteger(v) ? v.toFixed(1) : String(v));

/** The algorithm's answer to one request of `labels`, for an `accept` type. @internal */
export function formatKnnResponse(labels: readonly number[], accept: string): string {
  const type = accept.toLowerCase();
  if (type.startsWith('text/csv')) return labels.map(pyFloatText).join('\n');
  if (type.startsWith('application/jsonlines')) {
    return labels.map((l) => `{"predicted_label": ${pyFloatText(l)}}`).join('\n');
  }
  return `{"predictions": [${labels.map((l) => `{"predicted_label": ${pyFloatText(l)}}`).join(', ')}]}`;
}
