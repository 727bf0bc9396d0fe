/**
 * The generic, bring-your-own-image estimator (Python's `sagemaker.estimator.Estimator`).
 */
import { MissingOptionError, OptionTypeError } from '../errors.js';
import { checkRecord } from '../internal/check.js';
import { checkOwnLimits } from '../internal/checkInput.js';
import { jsonDumps } from '../pythonCompat/jsonDumps.js';
import type { Session } from '../session.js';
import type { Templated } from '../templates.js';
import {
  resolveEstimatorBase,
  type EstimatorBaseProps,
  type ResolvedEstimatorBase,
} from './EstimatorBase.js';
import type { Hyperparameters, PyValue } from './types.js';

/** Options of {@link Estimator}. */
export interface EstimatorProps extends EstimatorBaseProps {
  /** The training image. */
  readonly imageUri: Templated<string>;
}

/**
 * A training job on any image.
 * @example
 * const est = new Estimator({ session, role, imageUri: 'my-algo:1', instanceCount: 1, instanceType: 'ml.m5.large' });
 * est.setHyperparameters({ epochs: 10 });
 */
export class Estimator {
  readonly kind = 'byo' as const;
  /** The Python class this estimator stands for. */
  readonly pythonClass = { name: 'Estimator', module: 'sagemaker.estimator' } as const;
  readonly session: Session;
  readonly imageUri: Templated<string>;
  readonly options: ResolvedEstimatorBase;
  #hyperparameters: Record<string, PyValue> = {};

  /**
   * @throws {@link MissingOptionError} without `imageUri` or `role`, and the errors of
   * `resolveEstimatorBase`.
   */
  constructor(props: EstimatorProps) {
    this.options = resolveEstimatorBase(props, 'Estimator', true);
    this.session = props.session;
    if (typeof props.imageUri !== 'string') {
      if (props.imageUri === undefined || props.imageUri === null) {
        throw new MissingOptionError('Estimator.imageUri', 'the training image URI is required');
      }
      throw new OptionTypeError('Estimator.imageUri', props.imageUri, 'an image URI string');
    }
    this.imageUri = props.imageUri;
    if (props.hyperparameters !== undefined && props.hyperparameters !== null) {
      // A member of the options: checked one level down, as the walk of them would have.
      this.#setHyperparameters(props.hyperparameters, 1);
    }
  }

  /** The image the training job runs. */
  trainingImageUri(): Templated<string> {
    return this.imageUri;
  }

  /**
   * Adds or replaces hyperparameters. With a `sourceDir` Python JSON-encodes them on the way in
   * (so `"adam"` is later written as `"\"adam\""`); so does this.
   */
  setHyperparameters(values: Hyperparameters): this {
    return this.#setHyperparameters(values, 0);
  }

  /** {@link setHyperparameters} of `values` met at `depth` of the input limits. */
  #setHyperparameters(values: unknown, depth: number): this {
    const record = checkRecord('Estimator.hyperparameters', values);
    // The copy is checked, not `values`: it holds what the getters gave (the spread runs them),
    // and its members are data, read without a descriptor each.
    const copy = { ...record } as Record<string, PyValue>;
    checkOwnLimits('Estimator.hyperparameters', copy, depth);
    if (
      !this.options.sourceDir &&
      Object.keys(this.#hyperparameters).length === 0 &&
      !Object.hasOwn(copy, '__proto__') &&
      Object.getOwnPropertySymbols(copy).length === 0
    ) {
      // A spread copy of the members, rather than each assigned in turn: V8 turns an object
      // given members one by one past a dozen or so into a hash table, and every copy and read
      // of it after (several per job) slower. (Assignment would make `__proto__` the prototype,
      // and the copy holds symbol keys; with a source dir each value is encoded.)
      this.#hyperparameters = copy;
      return this;
    }
    for (const [key, value] of Object.entries(copy)) {
      this.#hyperparameters[key] = this.options.sourceDir ? jsonDumps(value) : value;
    }
    return this;
  }

  /** The hyperparameters as set, before any job-specific additions. */
  hyperparameters(): Readonly<Record<string, PyValue>> {
    return { ...this.#hyperparameters };
  }
}
