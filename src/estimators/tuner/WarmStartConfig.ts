/** Warm start of a tuning job from earlier ones (Python's `sagemaker.tuner.WarmStartConfig`). */
import { UnsupportedOptionError, ValidationError } from '../../errors.js';

/** `IdenticalDataAndAlgorithm` or `TransferLearning`. */
export const WARM_START_TYPES = ['IdenticalDataAndAlgorithm', 'TransferLearning'] as const;
/** How a tuning job starts from its parents: Python's `WarmStartTypes`. */
export type WarmStartType = (typeof WARM_START_TYPES)[number];

/** Parent tuning jobs and how to use them. */
export class WarmStartConfig {
  readonly type: WarmStartType;
  /** Distinct parent job names (Python keeps a set, so their order is not defined). */
  readonly parents: readonly string[];

  /** @throws {@link sagemaker-workflow!UnsupportedOptionError} for an unknown type; {@link sagemaker-workflow!ValidationError} without parents. */
  constructor(props: {
    readonly warmStartType: WarmStartType;
    readonly parents: Iterable<string>;
  }) {
    if (!(WARM_START_TYPES as readonly string[]).includes(props.warmStartType)) {
      throw new UnsupportedOptionError(
        'WarmStartConfig.warmStartType',
        props.warmStartType,
        WARM_START_TYPES,
      );
    }
    const parents =
      props.parents === null || props.parents === undefined ? [] : [...new Set(props.parents)];
    if (parents.length === 0)
      throw new ValidationError(
        'WarmStartConfig.parents',
        props.parents,
        'at least one parent tuning job',
      );
    this.type = props.warmStartType;
    this.parents = parents;
  }

  /** The API request member for this warm start. */
  toRequest(): Record<string, unknown> {
    return {
      WarmStartType: this.type,
      ParentHyperParameterTuningJobs: this.parents.map((p) => ({ HyperParameterTuningJobName: p })),
    };
  }
}

/** Accepted for Python compatibility; the Airflow path does not emit strategy configs. */
export class StrategyConfig {
  constructor(
    readonly props: { readonly hyperbandStrategyConfig?: HyperbandStrategyConfig | null } = {},
  ) {}
}

/** Hyperband settings; accepted for Python compatibility, not emitted by the Airflow path. */
export class HyperbandStrategyConfig {
  constructor(
    readonly props: {
      readonly minResource?: number | null;
      readonly maxResource?: number | null;
    } = {},
  ) {}
}

/** Completion criteria; accepted for Python compatibility, not emitted by the Airflow path. */
export class TuningJobCompletionCriteriaConfig {
  constructor(
    readonly props: {
      readonly maxNumberOfTrainingJobsNotImproving?: number | null;
      readonly completeOnConvergence?: boolean | null;
      readonly targetObjectiveMetricValue?: number | null;
    } = {},
  ) {}
}
