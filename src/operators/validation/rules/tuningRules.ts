/**
 * Cross-field rules of hyperparameter tuning jobs.
 * @internal
 */
import { childPath, indexPath } from '../configPath.js';
import {
  exactlyOneOf,
  apiReference,
  fieldNotAbove,
  given,
  list,
  obj,
  observed,
  unknowable,
  type CrossFieldRule,
  type Obj,
  type RuleReport,
} from './ruleHelpers.js';

/** A tuning job runs no more training jobs at once than it runs in all. */
export const parallelJobs: CrossFieldRule = {
  id: 'crossField:parallelJobs',
  severity: 'warning',
  source: observed('MaxParallelTrainingJobs above MaxNumberOfTrainingJobs is meaningless'),
  check: fieldNotAbove('MaxParallelTrainingJobs', 'MaxNumberOfTrainingJobs'),
};

// "The maximum number of items specified for Array Members refers to the maximum number of
// hyperparameters for each range and also the maximum for the hyperparameter tuning job itself."
const MAX_TUNED_HYPERPARAMETERS = 30;
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const NUMERIC_RANGES = [
  ['IntegerParameterRanges', true],
  ['ContinuousParameterRanges', false],
] as const;

/** "The sum of the number of hyperparameters for all the ranges can't exceed the maximum." */
export const totalRanges: CrossFieldRule = {
  id: 'crossField:totalRanges',
  severity: 'error',
  source: apiReference('ParameterRanges'),
  check(value, path, report) {
    const ranges = obj(value);
    if (!ranges) return;
    const total =
      list(ranges.IntegerParameterRanges).length +
      list(ranges.ContinuousParameterRanges).length +
      list(ranges.CategoricalParameterRanges).length;
    if (total > MAX_TUNED_HYPERPARAMETERS) {
      report(
        path,
        `may tune at most ${MAX_TUNED_HYPERPARAMETERS} hyperparameters across all ranges, got ${total}`,
      );
    }
  },
};

/** Each numeric range with its path, and its bounds when both hold numbers. */
function eachRange(
  ranges: Obj,
  path: string,
  visit: (range: Obj, rangePath: string, integer: boolean) => void,
): void {
  for (const [key, integer] of NUMERIC_RANGES) {
    list(ranges[key]).forEach((item, i) => {
      const range = obj(item);
      if (range) visit(range, indexPath(childPath(path, key), i), integer);
    });
  }
}

/** A bound as a number, or `undefined` when it is a template, absent or not numeric. */
function bound(range: Obj, member: 'MinValue' | 'MaxValue', integer: boolean): number | undefined {
  const raw = range[member];
  if (typeof raw !== 'string' || unknowable(raw) || !NUMBER.test(raw)) return undefined;
  const parsed = Number(raw);
  return Number.isFinite(parsed) && (!integer || Number.isInteger(parsed)) ? parsed : undefined;
}

/** Numeric range bounds are strings holding numbers (integers for integer ranges). */
export const rangeValue: CrossFieldRule = {
  id: 'crossField:rangeValue',
  severity: 'warning',
  source: observed(
    'the service parses MinValue and MaxValue as numbers; the model types them as strings',
  ),
  check(value, path, report) {
    const ranges = obj(value);
    if (!ranges) return;
    eachRange(ranges, path, (range, rangePath, integer) => {
      for (const member of ['MinValue', 'MaxValue'] as const) {
        const raw = range[member];
        if (typeof raw !== 'string' || unknowable(raw)) continue;
        if (bound(range, member, integer) === undefined) {
          report(
            childPath(rangePath, member),
            `must hold ${integer ? 'an integer' : 'a number'}, got ${JSON.stringify(raw)}`,
          );
        }
      }
    });
  },
};

/** A range's `MinValue` does not exceed its `MaxValue`. */
export const rangeOrder: CrossFieldRule = {
  id: 'crossField:rangeOrder',
  severity: 'warning',
  source: observed('a range whose MinValue exceeds its MaxValue is empty'),
  check(value, path, report) {
    const ranges = obj(value);
    if (!ranges) return;
    eachRange(ranges, path, (range, rangePath, integer) => {
      const min = bound(range, 'MinValue', integer);
      const max = bound(range, 'MaxValue', integer);
      if (min !== undefined && max !== undefined && min > max) {
        report(childPath(rangePath, 'MinValue'), `must not exceed MaxValue (${max}), got ${min}`);
      }
    });
  },
};

function checkScaling(range: Obj, rangePath: string, integer: boolean, report: RuleReport): void {
  const min = bound(range, 'MinValue', integer);
  const max = bound(range, 'MaxValue', integer);
  if (min === undefined || max === undefined) return;
  if (range.ScalingType === 'Logarithmic' && min <= 0) {
    report(
      childPath(rangePath, 'MinValue'),
      `must be greater than 0 for Logarithmic scaling, got ${min}`,
    );
  }
  if (range.ScalingType === 'ReverseLogarithmic' && (min < 0 || max >= 1)) {
    report(
      childPath(rangePath, min < 0 ? 'MinValue' : 'MaxValue'),
      `ReverseLogarithmic scaling needs a range within 0 <= x < 1, got ${min}..${max}`,
    );
  }
}

/** "Logarithmic scaling works only for ranges that have only values greater than 0", etc. */
export const logScaling: CrossFieldRule = {
  id: 'crossField:logScaling',
  severity: 'error',
  source: apiReference('ContinuousParameterRange'),
  check(value, path, report) {
    const ranges = obj(value);
    if (ranges) {
      eachRange(ranges, path, (range, rangePath, integer) => {
        checkScaling(range, rangePath, integer, report);
      });
    }
  },
};

/** "TrainingJobEarlyStoppingType must be OFF to use Hyperband." */
export const hyperbandStopping: CrossFieldRule = {
  id: 'crossField:hyperband',
  severity: 'error',
  source: apiReference('HyperParameterTuningJobConfig'),
  check(value, path, report) {
    const config = obj(value);
    if (config?.Strategy !== 'Hyperband') return;
    const stopping = config.TrainingJobEarlyStoppingType;
    if (given(stopping) && stopping !== 'Off' && !unknowable(stopping)) {
      report(
        childPath(path, 'TrainingJobEarlyStoppingType'),
        `must be Off with the Hyperband strategy, got ${JSON.stringify(stopping)}`,
      );
    }
  },
};

/** "This parameter should be provided only if Hyperband is selected" (`StrategyConfig`). */
export const strategyConfig: CrossFieldRule = {
  id: 'crossField:strategyConfig',
  severity: 'warning',
  source: apiReference('HyperParameterTuningJobConfig'),
  check(value, path, report) {
    const config = obj(value);
    if (!config || unknowable(config.Strategy)) return;
    if (config.Strategy !== 'Hyperband' && given(config.StrategyConfig)) {
      report(childPath(path, 'StrategyConfig'), 'may only be given with the Hyperband strategy');
    }
  },
};

/** A tuning job has one training definition or a list of them, not both. */
export const tuningDefinitions: CrossFieldRule = {
  id: 'crossField:trainingJobDefinition',
  severity: 'warning',
  source: observed(
    'CreateHyperParameterTuningJob needs TrainingJobDefinition or TrainingJobDefinitions; the model requires neither',
  ),
  check(value, path, report) {
    const job = obj(value);
    if (!job) return;
    exactlyOneOf(job, path, 'TrainingJobDefinition', 'TrainingJobDefinitions', report);
  },
};
