/**
 * Hyperparameter ranges for tuning (Python's `sagemaker.parameter`): continuous and integer ranges
 * with a scaling type, and categorical values. Bounds are written with Python's `str()`, so a
 * template (`"{{ min_lr }}"`) or a float (`1e-05`) comes out as Python writes it.
 */
import { OptionTypeError } from '../../errors.js';
import { jsonDumps } from '../../pythonCompat/jsonDumps.js';
import type { PyNumber } from '../../pythonCompat/pyFloat.js';
import { pyStr } from '../../pythonCompat/pyStr.js';
import type { Templated } from '../../templates.js';
import type { PyValue } from '../types.js';

/** `Auto`, `Linear`, `Logarithmic` or `ReverseLogarithmic`. */
export type ScalingType = 'Auto' | 'Linear' | 'Logarithmic' | 'ReverseLogarithmic';

/** The three kinds of range, in the order Python writes them. */
export const RANGE_KINDS = ['Continuous', 'Categorical', 'Integer'] as const;
export type RangeKind = (typeof RANGE_KINDS)[number];

/** A bound of a numeric range: a number or a template. */
export type RangeBound = PyNumber | Templated<number>;

/** A `[min, max]` range of a numeric hyperparameter. */
abstract class NumericRange {
  abstract readonly kind: 'Continuous' | 'Integer';
  readonly scalingType: Templated<ScalingType>;

  constructor(
    readonly minValue: RangeBound,
    readonly maxValue: RangeBound,
    scalingType: Templated<ScalingType> = 'Auto',
  ) {
    this.scalingType = scalingType;
  }

  /** The raw values Python's tuner checks against an algorithm's hyperparameter. */
  checkedValues(): readonly unknown[] {
    return [this.minValue, this.maxValue];
  }

  /** The API request member for this range. */
  toRange(name: string): Record<string, unknown> {
    return {
      Name: name,
      MinValue: pyStr(this.minValue),
      MaxValue: pyStr(this.maxValue),
      ScalingType: this.scalingType,
    };
  }
}

/** A continuous (float) range. */
export class ContinuousParameter extends NumericRange {
  readonly kind = 'Continuous' as const;
}

/** An integer range. */
export class IntegerParameter extends NumericRange {
  readonly kind = 'Integer' as const;
}

/** A set of values; each kept as Python `str()` of the value, as Python does at construction. */
export class CategoricalParameter {
  readonly kind = 'Categorical' as const;
  readonly values: readonly string[];

  constructor(values: PyValue | readonly PyValue[]) {
    const list = Array.isArray(values) ? (values as readonly PyValue[]) : [values];
    this.values = list.map((v) => pyStr(v));
  }

  /** The values of the range, checked. */
  checkedValues(): readonly unknown[] {
    return this.values;
  }

  /** The range as written for most estimators. */
  toRange(name: string): Record<string, unknown> {
    return { Name: name, Values: [...this.values] };
  }

  /** The range as written for framework estimators: each value JSON-encoded again. */
  toJsonRange(name: string): Record<string, unknown> {
    return { Name: name, Values: this.values.map((v) => jsonDumps(v)) };
  }
}

/** Any hyperparameter range. */
export type ParameterRange = ContinuousParameter | IntegerParameter | CategoricalParameter;

/** Ranges by hyperparameter name. */
export type ParameterRanges = Readonly<Record<string, ParameterRange | null | undefined>>;

export function isParameterRange(value: unknown): value is ParameterRange {
  return (
    value instanceof ContinuousParameter ||
    value instanceof IntegerParameter ||
    value instanceof CategoricalParameter
  );
}

/**
 * `ParameterRanges` as Python's `_prepare_parameter_ranges_for_tuning` writes them: one list per
 * kind in the order Continuous, Categorical, Integer; categorical values JSON-encoded for
 * framework estimators.
 */
export function tuningRanges(
  ranges: ParameterRanges,
  jsonCategoricals: boolean,
): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const kind of RANGE_KINDS) {
    const list: Record<string, unknown>[] = [];
    for (const [name, range] of Object.entries(ranges)) {
      if (range === null || range === undefined) continue;
      if (!isParameterRange(range)) {
        throw new OptionTypeError(
          `hyperparameterRanges.${name}`,
          range,
          'a ContinuousParameter, IntegerParameter or CategoricalParameter',
        );
      }
      if (range.kind !== kind) continue;
      list.push(
        range instanceof CategoricalParameter && jsonCategoricals
          ? range.toJsonRange(name)
          : range.toRange(name),
      );
    }
    out[`${kind}ParameterRanges`] = list;
  }
  return out;
}
