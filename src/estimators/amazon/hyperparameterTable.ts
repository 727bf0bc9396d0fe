/**
 * One table per algorithm: each row declares a hyperparameter once (its wire name, Python type,
 * checks and what it accepts, keyed by its option name), and the algorithm's props type, its
 * read accessors, its wire names and its input checks are all derived from that row.
 */
import type { PyFloat, PyNumber } from '../../pythonCompat/pyFloat.js';
import type { PyValue } from '../types.js';
import type {
  HyperparameterCheck,
  HyperparameterSpec,
  HyperparameterType,
} from './hyperparameters.js';

/**
 * A row of a hyperparameter table: a {@link HyperparameterSpec} whose type parameters keep its
 * Python type, its checks and whether Python requires it, so that types can be derived from it.
 */
export interface HyperparameterRow<
  T extends HyperparameterType = HyperparameterType,
  C extends readonly HyperparameterCheck[] = readonly HyperparameterCheck[],
  R extends boolean = boolean,
> extends HyperparameterSpec {
  readonly type: T;
  readonly checks: C;
  /** Whether the algorithm's constructor requires it (a positional parameter in Python). */
  readonly required: R;
}

/** An algorithm's hyperparameters: option name (camelCase) to row. */
export type HyperparameterTable = Readonly<Record<string, HyperparameterRow>>;

/**
 * Declares a hyperparameter row (optional; wrap it in {@link required} for a required one).
 * The checks are kept as literal types, so a `{ isin: [...] }` check types the option as the
 * union of its values.
 * @example
 * const K = hp('k', 'int', 'An integer greater than 0', { ge: 1 });
 */
export function hp<
  const T extends HyperparameterType,
  const C extends readonly HyperparameterCheck[],
>(name: string, type: T, accepts = '', ...checks: C): HyperparameterRow<T, C, false> {
  return { name, type, checks, accepts, required: false };
}

/** The same row, required by the algorithm's constructor. */
export function required<T extends HyperparameterType, C extends readonly HyperparameterCheck[]>(
  row: HyperparameterRow<T, C>,
): HyperparameterRow<T, C, true> {
  return { ...row, required: true };
}

type IsinValues<C> = C extends readonly (infer E)[]
  ? E extends { readonly isin: readonly (infer V)[] }
    ? V
    : never
  : never;

type HasSubset<C> = C extends readonly (infer E)[]
  ? E extends { readonly subsetOf: unknown }
    ? true
    : never
  : never;

/** A `str` row's option type: its `isin` values, a text for a subset check, else a text or number. */
type StrOption<C> = [IsinValues<C>] extends [never]
  ? [HasSubset<C>] extends [never]
    ? string | number
    : string
  : IsinValues<C>;

/** What a row's option accepts, by its Python type. */
export type HyperparameterOption<Row> =
  Row extends HyperparameterRow<infer T, infer C>
    ? T extends 'int'
      ? number
      : T extends 'float'
        ? PyNumber
        : T extends 'bool'
          ? boolean
          : T extends 'list'
            ? readonly (string | number)[]
            : StrOption<C>
    : never;

/** What a row's value is once converted (Python's `data_type(value)`). */
export type HyperparameterValueOf<Row> =
  Row extends HyperparameterRow<infer T, infer C>
    ? T extends 'int'
      ? number
      : T extends 'float'
        ? PyFloat
        : T extends 'bool'
          ? boolean
          : T extends 'list'
            ? PyValue[]
            : [IsinValues<C>] extends [never]
              ? string
              : IsinValues<C>
    : never;

type RequiredKeys<T extends HyperparameterTable> = {
  [K in keyof T]: T[K] extends HyperparameterRow<
    HyperparameterType,
    readonly HyperparameterCheck[],
    true
  >
    ? K
    : never;
}[keyof T];

/**
 * The constructor options a table declares: the required rows as required props, the others
 * optional (`null` is Python's `None`: not sent).
 */
export type HyperparameterProps<T extends HyperparameterTable> = {
  readonly [K in keyof T as K extends RequiredKeys<T> ? K : never]: HyperparameterOption<T[K]>;
} & {
  readonly [K in keyof T as K extends RequiredKeys<T> ? never : K]?: HyperparameterOption<
    T[K]
  > | null;
};

/** Changes to any row of a table ({@link AlgorithmEstimator.with}); `null` clears one. */
export type HyperparameterChanges<T extends HyperparameterTable> = {
  readonly [K in keyof T]?: HyperparameterOption<T[K]> | null;
};

/** `feature_dim`, set from the training record set. */
export const FEATURE_DIM = hp('feature_dim', 'int', 'An integer greater than 0', { gt: 0 });
/** `mini_batch_size`, set from the training call (some algorithms narrow it). */
export const MINI_BATCH_SIZE = hp('mini_batch_size', 'int', 'An integer greater than 0', {
  gt: 0,
});

/** The rows every algorithm has besides its own: Python's base class declares them. */
export interface SharedHyperparameters {
  readonly featureDim: typeof FEATURE_DIM;
  readonly miniBatchSize: typeof MINI_BATCH_SIZE;
}

/** A table's rows with the shared ones, as the estimator's accessors and `with` see them. */
export type WithShared<T extends HyperparameterTable> = Omit<SharedHyperparameters, keyof T> & T;

/** One row of a table in the order written: its option name and its spec. */
export interface TableEntry {
  readonly option: string;
  readonly spec: HyperparameterSpec;
}

/** A table's rows as entries, in the order written (computed once per algorithm). */
export function tableEntries(table: HyperparameterTable): readonly TableEntry[] {
  return Object.keys(table).map((option) => ({
    option,
    spec: table[option] as HyperparameterSpec,
  }));
}
