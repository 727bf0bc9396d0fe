/**
 * Constraints between fields that the service model cannot express, keyed by the name of the
 * shape each applies to, so a rule follows its shape wherever it appears (a training job's
 * `StoppingCondition` and a tuning job's training definition alike). Each rule names its source:
 * a rejection documented in the API reference makes it an error; documentation prose or service
 * behaviour seen in use makes it a warning, reported and never thrown.
 * @internal
 */
import type { ConfigRule, ProblemSeverity, RuleSource } from './problems.js';
import {
  batchStrategy,
  containerHostname,
  environmentSize,
  maxPayload,
  modelContainers,
  payloadBudget,
  processingLocalPath,
  repositoryAuth,
  scalingOrder,
  serverlessConcurrency,
  uniqueVariantNames,
  variantCompute,
} from './rules/inferenceRules.js';
import { reservedTagKey, uniqueBy } from './rules/listRules.js';
import { apiReference, observed, type CrossFieldRule } from './rules/ruleHelpers.js';
import {
  algorithmOrImage,
  maxRuntime,
  spotMaxWait,
  spotMaxWaitRequired,
  trainingResources,
  tuningResources,
} from './rules/trainingRules.js';
import {
  hyperbandStopping,
  logScaling,
  parallelJobs,
  rangeOrder,
  rangeValue,
  strategyConfig,
  totalRanges,
  tuningDefinitions,
} from './rules/tuningRules.js';

export type { CrossFieldRule } from './rules/ruleHelpers.js';

const uniqueChannels = uniqueBy(
  'crossField:uniqueChannelName',
  'ChannelName',
  'channel name',
  'warning',
  observed('CreateTrainingJob refuses two channels with the same ChannelName'),
);
const uniqueRuleNames = uniqueBy(
  'crossField:uniqueRuleConfigurationName',
  'RuleConfigurationName',
  'rule configuration name',
  'error',
  apiReference('DebugRuleConfiguration'),
);

/** Rules by the shape name they apply to. @internal */
export const CROSS_FIELD_RULES: Readonly<Record<string, readonly CrossFieldRule[]>> = {
  CreateTrainingJobRequest: [spotMaxWaitRequired, spotMaxWait, trainingResources],
  HyperParameterTrainingJobDefinition: [spotMaxWaitRequired, spotMaxWait, tuningResources],
  StoppingCondition: [maxRuntime],
  AlgorithmSpecification: [algorithmOrImage],
  HyperParameterAlgorithmSpecification: [algorithmOrImage],
  InputDataConfig: [uniqueChannels],
  InstanceGroups: [
    uniqueBy(
      'crossField:uniqueInstanceGroupName',
      'InstanceGroupName',
      'instance group name',
      'warning',
      observed('CreateTrainingJob refuses two instance groups with the same InstanceGroupName'),
    ),
  ],
  DebugRuleConfigurations: [uniqueRuleNames],
  ProfilerRuleConfigurations: [uniqueRuleNames],
  TagList: [uniqueBy('crossField:uniqueTagKey', 'Key', 'tag key', 'error', apiReference('Tag'))],
  Tag: [reservedTagKey],
  CreateHyperParameterTuningJobRequest: [tuningDefinitions],
  HyperParameterTuningJobConfig: [hyperbandStopping, strategyConfig],
  ResourceLimits: [parallelJobs],
  ParameterRanges: [totalRanges, rangeValue, rangeOrder, logScaling],
  CreateTransformJobRequest: [maxPayload, payloadBudget, batchStrategy],
  CreateModelInput: [modelContainers, containerHostname, environmentSize],
  ImageConfig: [repositoryAuth],
  CreateEndpointConfigInput: [uniqueVariantNames],
  ProductionVariant: [variantCompute, scalingOrder],
  ProductionVariantServerlessConfig: [serverlessConcurrency],
  ProcessingInput: [processingLocalPath],
};

/** What each cross-field rule checks against: its severity and its source. */
export interface CrossFieldRuleInfo {
  readonly rule: ConfigRule;
  readonly severity: ProblemSeverity;
  readonly source: RuleSource;
}

/** Every cross-field rule once, with its severity and source, in a stable order. */
export const CROSS_FIELD_RULE_INFO: readonly CrossFieldRuleInfo[] = [
  ...new Map(
    Object.values(CROSS_FIELD_RULES)
      .flat()
      .map((r) => [r.id, { rule: r.id, severity: r.severity, source: r.source }] as const),
  ).values(),
];
