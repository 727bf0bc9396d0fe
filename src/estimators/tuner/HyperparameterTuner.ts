/**
 * The hyperparameter tuner (Python's `sagemaker.tuner.HyperparameterTuner`), for one estimator or,
 * through {@link HyperparameterTuner.create}, several under names.
 */
import { checkOptionTypes, checkOptionsObject } from '../../internal/checkInput.js';
import { MissingOptionError, ValidationError } from '../../errors.js';
import type { AnyEstimator } from '../AnyEstimator.js';
import type { Templated } from '../../templates.js';
import { FEATURE_DIM, MINI_BATCH_SIZE } from '../amazon/AlgorithmEstimator.js';
import { validateRawHyperparameter } from '../amazon/hyperparameters.js';
import { formatTags } from '../tags.js';
import type { MetricDefinition, Tags } from '../types.js';
import { isParameterRange, type ParameterRanges } from './parameterRanges.js';
import type {
  HyperbandStrategyConfig,
  StrategyConfig,
  TuningJobCompletionCriteriaConfig,
  WarmStartConfig,
} from './WarmStartConfig.js';

/** Options every tuner takes. */
export interface TunerCommonProps {
  /** `Bayesian`, `Random`, `Hyperband` or `Grid`. @default 'Bayesian' */
  readonly strategy?: Templated<string>;
  /** `Maximize` or `Minimize`. @default 'Maximize' */
  readonly objectiveType?: Templated<string>;
  /** Training jobs in total. @default 1, or none with the Grid strategy */
  readonly maxJobs?: Templated<number> | null;
  /** Training jobs at once. @default 1 */
  readonly maxParallelJobs?: Templated<number>;
  /** Accepted for Python compatibility; the Airflow path does not emit it. @default - none */
  readonly maxRuntimeInSeconds?: Templated<number> | null;
  readonly tags?: Tags | null;
  /** Prefix of generated names (at most 32 characters with the short timestamp). @default - the first estimator's image name */
  readonly baseTuningJobName?: string | null;
  readonly warmStartConfig?: WarmStartConfig | null;
  /** Accepted for Python compatibility; not emitted by the Airflow path. @default - none */
  readonly strategyConfig?: StrategyConfig | HyperbandStrategyConfig | null;
  /** Accepted for Python compatibility; not emitted by the Airflow path. @default - none */
  readonly completionCriteriaConfig?: TuningJobCompletionCriteriaConfig | null;
  /** `Off` or `Auto`. @default 'Off' */
  readonly earlyStoppingType?: Templated<string>;
  /** Accepted for Python compatibility; not emitted by the Airflow path. @default - none */
  readonly randomSeed?: number | null;
  /** Lets ranges be empty. @default false */
  readonly autotune?: boolean;
  /** Names kept static under autotune. @default - none */
  readonly hyperparametersToKeepStatic?: readonly string[] | null;
}

/** Options of a single-estimator {@link HyperparameterTuner}. */
export interface HyperparameterTunerProps extends TunerCommonProps {
  readonly estimator: AnyEstimator;
  /** Metric to optimize; without it no objective is written. */
  readonly objectiveMetricName?: Templated<string> | null;
  readonly hyperparameterRanges: ParameterRanges;
  readonly metricDefinitions?: readonly MetricDefinition[] | null;
}

/** Options of {@link HyperparameterTuner.create}: the same, per estimator name. */
export interface MultiHyperparameterTunerProps extends TunerCommonProps {
  readonly estimatorDict: Readonly<Record<string, AnyEstimator>>;
  readonly objectiveMetricNameDict: Readonly<Record<string, Templated<string>>>;
  readonly hyperparameterRangesDict: Readonly<Record<string, ParameterRanges>>;
  readonly metricDefinitionsDict?: Readonly<Record<string, readonly MetricDefinition[]>> | null;
  readonly hyperparametersToKeepStaticDict?: Readonly<Record<string, readonly string[]>> | null;
}

/** One tuned estimator: its name (`""` for a single-estimator tuner), ranges, objective and metrics. */
export interface TunedEstimator {
  readonly name: string;
  readonly estimator: AnyEstimator;
  readonly objectiveMetricName: Templated<string> | undefined;
  readonly hyperparameterRanges: ParameterRanges;
  readonly metricDefinitions: readonly MetricDefinition[] | undefined;
}

/**
 * Python's `_validate_dict_argument`: a dict (object) whose keys are the estimator names (all of
 * them with `sameKeys`, a subset otherwise).
 * @throws {@link sagemaker-workflow!ValidationError}.
 */
export function checkNamedArgument(
  name: string,
  value: unknown,
  names: readonly string[],
  sameKeys = false,
): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(
      name,
      value,
      `an object keyed by the estimator names ${names.join(', ')}`,
    );
  }
  const keys = Object.keys(value).sort();
  const ok = sameKeys
    ? keys.length === names.length && keys.every((k, i) => k === names[i])
    : keys.every((k) => names.includes(k));
  if (!ok) {
    throw new ValidationError(
      name,
      keys,
      `${sameKeys ? 'exactly' : 'a subset of'} the estimator names ${names.join(', ')}`,
    );
  }
}

/**
 * Python checks the range bounds of a built-in algorithm's hyperparameters against that
 * hyperparameter's own checks (on the raw bounds; categorical values are strings by then).
 */
function checkRangesForAlgorithm(estimator: AnyEstimator, ranges: ParameterRanges): void {
  if (estimator.kind !== 'algorithm') return;
  const specs = [
    FEATURE_DIM,
    estimator.spec(MINI_BATCH_SIZE.name),
    ...estimator.definition.hyperparameters,
  ];
  for (const spec of specs) {
    const range = ranges[spec.name];
    if (!isParameterRange(range)) continue;
    for (const value of range.checkedValues())
      validateRawHyperparameter(spec, value, `hyperparameterRanges.${spec.name}`);
  }
}

const sortedNames = (record: Readonly<Record<string, unknown>>): string[] =>
  Object.keys(record).sort();

/**
 * A hyperparameter tuning job's settings.
 * @example
 * const tuner = new HyperparameterTuner({ estimator, objectiveMetricName: 'validation:accuracy', hyperparameterRanges: { lr: new ContinuousParameter(1e-4, 0.1) } });
 * @throws {@link sagemaker-workflow!ValidationError} without ranges (unless `autotune`), or for a range outside an
 * algorithm hyperparameter's checks.
 */
export class HyperparameterTuner {
  /** One estimator, or several by name (sorted, as Python writes them). */
  readonly mode: 'single' | 'multi';
  /** The tuned estimators, sorted by name (the first one names generated jobs). */
  readonly tuned: readonly [TunedEstimator, ...TunedEstimator[]];
  readonly strategy: Templated<string>;
  readonly objectiveType: Templated<string>;
  readonly maxJobs: Templated<number> | null;
  readonly maxParallelJobs: Templated<number>;
  readonly tags: Record<string, string>[] | undefined;
  readonly baseTuningJobName: string | undefined;
  readonly warmStartConfig: WarmStartConfig | undefined;
  readonly earlyStoppingType: Templated<string>;

  constructor(props: HyperparameterTunerProps) {
    checkOptionsObject('HyperparameterTuner', props);
    this.mode = 'single';
    this.tuned = [tunedEstimator(props, '', props)];
    checkRangesForAlgorithm(props.estimator, props.hyperparameterRanges ?? {});
    ({
      strategy: this.strategy,
      objectiveType: this.objectiveType,
      maxJobs: this.maxJobs,
      maxParallelJobs: this.maxParallelJobs,
      tags: this.tags,
      baseTuningJobName: this.baseTuningJobName,
      warmStartConfig: this.warmStartConfig,
      earlyStoppingType: this.earlyStoppingType,
    } = commonSettings(props));
  }

  /**
   * A tuner over several estimators by name (Python's `HyperparameterTuner.create`).
   * @throws {@link sagemaker-workflow!ValidationError} without estimators, or when the per-estimator objects do not
   * use the estimator names as Python requires.
   */
  static create(props: MultiHyperparameterTunerProps): HyperparameterTuner {
    const dict = props.estimatorDict;
    if (dict === null || dict === undefined || Object.keys(dict).length === 0) {
      throw new ValidationError('estimatorDict', dict, 'at least one estimator');
    }
    const names = sortedNames(dict);
    for (const option of ['objectiveMetricNameDict', 'hyperparameterRangesDict'] as const) {
      if (props[option] === null || props[option] === undefined) {
        throw new MissingOptionError(option, 'an object keyed by the estimator names');
      }
    }
    checkNamedArgument('objectiveMetricNameDict', props.objectiveMetricNameDict, names, true);
    checkNamedArgument('hyperparameterRangesDict', props.hyperparameterRangesDict, names, true);
    checkNamedArgument('metricDefinitionsDict', props.metricDefinitionsDict, names);
    checkNamedArgument(
      'hyperparametersToKeepStaticDict',
      props.hyperparametersToKeepStaticDict,
      names,
    );
    const [first, ...rest] = Object.entries(dict)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, estimator]) => ({
        name,
        estimator,
        objectiveMetricName: props.objectiveMetricNameDict[name] ?? null,
        hyperparameterRanges: props.hyperparameterRangesDict[name] as ParameterRanges,
        metricDefinitions: props.metricDefinitionsDict?.[name] ?? null,
      }));
    if (!first) throw new ValidationError('estimatorDict', dict, 'at least one estimator');
    // Python builds the tuner on the first estimator (checked like a single tuner) and adds the
    // others without checks.
    const keep = props.hyperparametersToKeepStaticDict?.[first.name] ?? null;
    const tuned: [TunedEstimator, ...TunedEstimator[]] = [
      tunedEstimator({ ...props, hyperparametersToKeepStatic: keep }, first.name, first),
      ...rest.map((t) => ({
        name: t.name,
        estimator: t.estimator,
        objectiveMetricName: t.objectiveMetricName ?? undefined,
        hyperparameterRanges: t.hyperparameterRanges ?? {},
        metricDefinitions: t.metricDefinitions ?? undefined,
      })),
    ];
    checkRangesForAlgorithm(first.estimator, first.hyperparameterRanges ?? {});
    const tuner = blankTuner();
    Object.assign(tuner, { mode: 'multi', tuned, ...commonSettings(props) });
    return tuner;
  }

  /** The estimator that names generated jobs: the only one, or the first by name. */
  firstEstimator(): AnyEstimator {
    return this.tuned[0].estimator;
  }
}

/** One estimator's part of a tuner, checked as Python checks it. */
function tunedEstimator(
  props: TunerCommonProps,
  name: string,
  one: Pick<
    HyperparameterTunerProps,
    'estimator' | 'objectiveMetricName' | 'hyperparameterRanges' | 'metricDefinitions'
  >,
): TunedEstimator {
  if (!one.estimator)
    throw new MissingOptionError('HyperparameterTuner.estimator', 'an estimator to tune');
  // A plain object before Object.keys: the keys of a 10^6-character string are 10^6 indexes.
  checkOptionTypes('HyperparameterTuner', one, { hyperparameterRanges: 'record' });
  const ranges = one.hyperparameterRanges;
  if (
    (ranges === null || ranges === undefined || Object.keys(ranges).length === 0) &&
    !props.autotune
  ) {
    throw new ValidationError(
      'HyperparameterTuner.hyperparameterRanges',
      ranges,
      'at least one range, or autotune: true',
    );
  }
  if (!props.autotune && props.hyperparametersToKeepStatic != null) {
    throw new ValidationError(
      'HyperparameterTuner.hyperparametersToKeepStatic',
      props.hyperparametersToKeepStatic,
      'no value unless autotune is on',
    );
  }
  const keep = props.hyperparametersToKeepStatic;
  if (keep != null && new Set(keep).size !== keep.length) {
    throw new ValidationError(
      'HyperparameterTuner.hyperparametersToKeepStatic',
      keep,
      'names without duplicates',
    );
  }
  return {
    name,
    estimator: one.estimator,
    objectiveMetricName: one.objectiveMetricName ?? undefined,
    hyperparameterRanges: ranges ?? {},
    metricDefinitions: one.metricDefinitions ?? undefined,
  };
}

/** The settings a tuner over one estimator and one over several share, with Python's defaults. */
function commonSettings(props: TunerCommonProps) {
  const strategy = props.strategy ?? 'Bayesian';
  return {
    strategy,
    objectiveType: props.objectiveType ?? 'Maximize',
    // Python defaults max_jobs to 1 except for the Grid strategy, which runs every combination.
    maxJobs: props.maxJobs ?? (strategy === 'Grid' ? null : 1),
    maxParallelJobs: props.maxParallelJobs ?? 1,
    tags: formatTags(props.tags ?? undefined, 'HyperparameterTuner.tags'),
    baseTuningJobName: props.baseTuningJobName ?? undefined,
    warmStartConfig: props.warmStartConfig ?? undefined,
    earlyStoppingType: props.earlyStoppingType ?? 'Off',
  };
}

/** A tuner without fields, for `create` to fill (named from outside the class: esbuild renames a
 * class that names itself in its body, and so changes its `name`). */
function blankTuner(): HyperparameterTuner {
  return Object.create(HyperparameterTuner.prototype) as HyperparameterTuner;
}
