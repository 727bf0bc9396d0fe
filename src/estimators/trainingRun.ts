/**
 * `TrainingRun`: what Python remembers on an estimator after building its training config (job
 * name, output path, uploaded code), as a value the later builders take instead.
 */
import { freezeWalked, frozenCopyOf } from '../internal/checkInput.js';
import { Stamp } from '../internal/Stamp.js';
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

// The brand is a private field (see Stamp): a copy (`{ ...run }`) is no run, and no listing of
// the run shows it.
class Owned extends Stamp {
  readonly #owner: object;

  private constructor(run: object, owner: object) {
    super(run);
    this.#owner = owner;
  }

  static stamp(run: object, owner: object): void {
    new Owned(run, owner);
  }

  static ownerOf(value: object): object | undefined {
    return #owner in value ? value.#owner : undefined;
  }
}

/** Makes a run of `estimator`. @internal */
export function makeTrainingRun(estimator: object, fields: TrainingRunFields): TrainingRun {
  // Frozen with the members it owns, so the later builders read what trainingJob built (and
  // walk it once: see checkInput). The run itself is a literal: V8 freezes one fast.
  const hyperparameters = frozenCopyOf(fields.hyperparameters);
  const uploadedCode = fields.uploadedCode && frozenCopyOf(fields.uploadedCode);
  const run = {
    jobName: fields.jobName,
    outputPath: fields.outputPath,
    baseJobName: fields.baseJobName,
    uploadedCode,
    hyperparameters,
    sourceDir: fields.sourceDir,
  };
  // Branded before it is frozen (see Stamp).
  Owned.stamp(run, estimator);
  return freezeWalked(run) as unknown as TrainingRun;
}

/** Whether `value` is a run made by `trainingJob` or `tuningJob`. */
export function isTrainingRun(value: unknown): value is TrainingRun {
  return typeof value === 'object' && value !== null && Owned.ownerOf(value) !== undefined;
}

/** Whether `run` was made for `estimator` (the very object, not an equal one). */
export function isTrainingRunOf(run: TrainingRun, estimator: object): boolean {
  return Owned.ownerOf(run) === estimator;
}
