/**
 * `TrainingRun`: what Python remembers on an estimator after building its training config (job
 * name, output path, uploaded code), as a value the later builders take instead.
 */
import { freezeWalked } from '../internal/checkInput.js';
import type { PyValue, UploadedCode } from './types.js';

declare const trainingRunBrand: unique symbol;

/**
 * The state of one training job built for one estimator. Made only by `trainingJob` (or
 * `tuningJob`), and branded with that estimator: the `*FromEstimator` builders refuse a run of
 * another estimator.
 */
export interface TrainingRun {
  readonly [trainingRunBrand]: true;
  /** The training job name. */
  readonly jobName: string;
  /** `S3OutputPath` of the job (the model artifacts go under `<outputPath>/<jobName>/output/`). */
  readonly outputPath: string;
  /** The base job name the generated names start with. */
  readonly baseJobName: string;
  /** The estimator's code in S3, when it has any. */
  readonly uploadedCode: UploadedCode | undefined;
  /** The hyperparameters after the job-specific additions (script mode, framework keys). */
  readonly hyperparameters: Readonly<Record<string, PyValue>>;
  /**
   * Absolute local folder that relative `S3Upload.Path`s of this job's code resolve against: the
   * estimator's `sourceDir`, or the folder of its entry point. `undefined` without local code.
   */
  readonly sourceDir: string | undefined;
}

/** The fields of a run, without its brand. @internal */
export type TrainingRunFields = Omit<TrainingRun, typeof trainingRunBrand>;

// The brand lives outside the object: a copy (`{ ...run }`) is no run, and the estimator is not
// kept alive by the run.
const owners = new WeakMap<object, object>();

/** Makes a run of `estimator`. @internal */
export function makeTrainingRun(estimator: object, fields: TrainingRunFields): TrainingRun {
  // Frozen with the members it owns, so the later builders read what trainingJob built (and
  // walk it once: see checkInput). Spread copies hold data properties only, so their heights are
  // noted here without a walk.
  const hyperparameters = freezeWalked({ ...fields.hyperparameters });
  const uploadedCode = fields.uploadedCode && freezeWalked({ ...fields.uploadedCode });
  const run = freezeWalked({ ...fields, hyperparameters, uploadedCode }) as TrainingRun;
  owners.set(run, estimator);
  return run;
}

/** Whether `value` is a run made by `trainingJob` or `tuningJob`. */
export function isTrainingRun(value: unknown): value is TrainingRun {
  return typeof value === 'object' && value !== null && owners.has(value);
}

/** Whether `run` was made for `estimator` (the very object, not an equal one). */
export function isTrainingRunOf(run: TrainingRun, estimator: object): boolean {
  return owners.get(run) === estimator;
}
