/**
 * What every estimator shares: the options the Airflow config path reads (Python's
 * `EstimatorBase.__init__`, v2.257.6), checked and resolved once at construction.
 */
import {
  checkOptionsObject,
  checkOptionsObjectExcept,
  freezeWalked,
} from '../internal/checkInput.js';
import { MissingOptionError, OptionTypeError, ValidationError } from '../errors.js';
import {
  checkOneOf,
  numberOf,
  optionalBooleanOf,
  optionalNumberOf,
  optionalStringListOf,
  optionalStringOf,
} from '../internal/check.js';
import type { Session } from '../session.js';
import { isPlaceholder, type Templated } from '../templates.js';
import type { InstanceGroup } from './inputs.js';
import { formatTags } from './tags.js';
import type { Hyperparameters, MetricDefinition, PyValue, Tags } from './types.js';

/** Training input modes. */
export const INPUT_MODES = ['File', 'Pipe', 'FastFile'] as const;
/** A training input mode. */
export type InputMode = (typeof INPUT_MODES)[number];

/**
 * Options the Python estimators accept but the Airflow config path ignores (Python parity Q34,
 * docs/python-parity.md). Not part of the estimator props: the builders ignore them, so only
 * code ported from Python (the parity replay) passes them.
 */
export interface PythonOnlyProps {
  /** Python accepts it; its Airflow path emits nothing for it. @default false */
  readonly encryptInterContainerTraffic?: Templated<boolean>;
  /** Python accepts it; its Airflow path emits nothing for it. @default - none */
  readonly enableSagemakerMetrics?: Templated<boolean>;
  /** Python accepts it; its Airflow path emits nothing for it. @default false */
  readonly disableProfiler?: boolean;
  /** Python accepts it; its Airflow path emits nothing for it. @default - none */
  readonly environment?: Readonly<Record<string, string>>;
  /** Python accepts it; its Airflow path emits nothing for it. @default - none */
  readonly maxRetryAttempts?: Templated<number>;
}

/** Options every estimator takes. */
export interface EstimatorBaseProps {
  /** Region, default bucket and clock. */
  readonly session: Session;
  /** IAM role ARN (or name) the job runs as; never expanded by the builders. */
  readonly role: Templated<string>;
  /** Number of training instances. @default - none: required unless `instanceGroups` */
  readonly instanceCount?: Templated<number>;
  /** Training instance type, e.g. `ml.m5.large`. @default - none: required unless `instanceGroups` */
  readonly instanceType?: Templated<string>;
  /** Warm-pool keep-alive period. @default - none */
  readonly keepAlivePeriodInSeconds?: Templated<number>;
  /** Storage volume size in GB. @default 30 */
  readonly volumeSize?: Templated<number>;
  /** KMS key of the storage volume. @default - none */
  readonly volumeKmsKey?: Templated<string>;
  /** Max training time in seconds. @default 86400 */
  readonly maxRun?: Templated<number>;
  /** `File`, `Pipe` or `FastFile`. @default 'File' */
  readonly inputMode?: Templated<InputMode>;
  /** S3 prefix for the model artifacts. @default - `s3://<default bucket>/<default prefix>/` */
  readonly outputPath?: Templated<string>;
  /** KMS key for the output. @default - none */
  readonly outputKmsKey?: Templated<string>;
  /** Prefix of generated job names. @default - the repository name of the training image */
  readonly baseJobName?: string;
  /** Tags of the training job. @default - none */
  readonly tags?: Tags;
  /** VPC subnets; requires `securityGroupIds`. @default - none */
  readonly subnets?: readonly string[];
  /** VPC security groups; requires `subnets`. @default - none */
  readonly securityGroupIds?: readonly string[];
  /** S3 URI of a model to fine-tune, added as a channel. @default - none */
  readonly modelUri?: Templated<string>;
  /** Channel name of `modelUri`. @default 'model' */
  readonly modelChannelName?: string;
  /** Metrics the container prints. @default - none */
  readonly metricDefinitions?: readonly MetricDefinition[];
  /** Managed spot training. @default false */
  readonly useSpotInstances?: Templated<boolean>;
  /** Max wait for spot capacity, in seconds. @default - none */
  readonly maxWait?: Templated<number>;
  /** S3 URI for checkpoints; emitted only with `checkpointLocalPath`. @default - none */
  readonly checkpointS3Uri?: Templated<string>;
  /** Local checkpoint path; emitted only with `checkpointS3Uri`. @default - none */
  readonly checkpointLocalPath?: Templated<string>;
  /** Network isolation; with an entry point it adds a `code` channel. @default false */
  readonly enableNetworkIsolation?: Templated<boolean>;
  /** Local directory (or `s3://` tarball) with the training code. @default - none */
  readonly sourceDir?: string;
  /** Script to run; relative to `sourceDir` when that is given. @default - none */
  readonly entryPoint?: string;
  /** Extra local paths packed with the code. @default - none */
  readonly dependencies?: readonly string[];
  /** S3 prefix for the uploaded code. @default - the output path */
  readonly codeLocation?: string;
  /** Log level of the training container (Python `logging` levels). @default 20 */
  readonly containerLogLevel?: Templated<number>;
  /** Hyperparameters. @default - none */
  readonly hyperparameters?: Hyperparameters;
  /** Heterogeneous cluster groups, instead of `instanceCount` and `instanceType`. @default - none */
  readonly instanceGroups?: readonly InstanceGroup[];
  /** Writes the model uncompressed (`CompressionType: NONE`). @default false */
  readonly disableOutputCompression?: boolean;
  /** Training plan ARN (reserved capacity). @default - none */
  readonly trainingPlan?: Templated<string>;
  /** Instance placement configuration, passed through. @default - none */
  readonly instancePlacementConfig?: Readonly<Record<string, PyValue>>;
}

const DEFAULTS = {
  volumeSize: 30,
  maxRun: 86_400,
  inputMode: 'File',
  modelChannelName: 'model',
  containerLogLevel: 20,
  useSpotInstances: false,
  enableNetworkIsolation: false,
  disableOutputCompression: false,
} as const satisfies Partial<Record<keyof EstimatorBaseProps, unknown>>;

/** The options after defaults and checks. */
export interface ResolvedEstimatorBase {
  readonly role: Templated<string>;
  readonly instanceCount: Templated<number> | undefined;
  readonly instanceType: Templated<string> | undefined;
  readonly keepAlivePeriodInSeconds: Templated<number> | undefined;
  readonly volumeSize: Templated<number>;
  readonly volumeKmsKey: Templated<string> | undefined;
  readonly maxRun: Templated<number>;
  readonly inputMode: Templated<InputMode>;
  readonly outputPath: Templated<string> | undefined;
  readonly outputKmsKey: Templated<string> | undefined;
  readonly baseJobName: string | undefined;
  readonly tags: Record<string, string>[] | undefined;
  readonly subnets: string[] | undefined;
  readonly securityGroupIds: string[] | undefined;
  readonly modelUri: Templated<string> | undefined;
  readonly modelChannelName: string | undefined;
  readonly metricDefinitions: readonly MetricDefinition[] | undefined;
  readonly useSpotInstances: Templated<boolean>;
  readonly maxWait: Templated<number> | undefined;
  readonly checkpointS3Uri: Templated<string> | undefined;
  readonly checkpointLocalPath: Templated<string> | undefined;
  readonly enableNetworkIsolation: Templated<boolean>;
  readonly sourceDir: string | undefined;
  readonly entryPoint: string | undefined;
  readonly dependencies: readonly string[];
  readonly codeLocation: string | undefined;
  readonly containerLogLevel: Templated<number>;
  readonly instanceGroups: readonly InstanceGroup[] | undefined;
  readonly disableOutputCompression: boolean;
  readonly trainingPlan: Templated<string> | undefined;
  readonly instancePlacementConfig: Readonly<Record<string, PyValue>> | undefined;
}

/**
 * Checks and resolves the shared options, refusing what Python's constructor refuses.
 * `ownHyperparameters`: the caller copies `hyperparameters` and checks the copy's input limits
 * itself, so the walk of `props` leaves them out.
 * @throws {@link MissingOptionError} without a role; {@link ValidationError} for subnets without
 * security groups (or the reverse), a `file://` output path or a local instance type.
 */
export function resolveEstimatorBase(
  props: EstimatorBaseProps,
  owner: string,
  ownHyperparameters = false,
): ResolvedEstimatorBase {
  const opt = (name: string): string => `${owner}.${name}`;
  if (ownHyperparameters) checkOptionsObjectExcept(owner, props, 'hyperparameters');
  else checkOptionsObject(owner, props);
  if (!props.session || typeof props.session.defaultBucket !== 'function') {
    throw new MissingOptionError(
      opt('session'),
      'create one with createSession({ region, defaultBucket })',
    );
  }
  const subnets = optionalStringListOf(owner, 'subnets', props.subnets);
  const securityGroupIds = optionalStringListOf(owner, 'securityGroupIds', props.securityGroupIds);
  if ((subnets === undefined) !== (securityGroupIds === undefined)) {
    throw new ValidationError(
      opt(subnets === undefined ? 'securityGroupIds' : 'subnets'),
      subnets ?? securityGroupIds,
      'subnets and securityGroupIds together (a custom VPC needs both), or neither',
    );
  }
  const instanceType = optionalStringOf(owner, 'instanceType', props.instanceType);
  if (instanceType === 'local' || instanceType === 'local_gpu') {
    throw new ValidationError(
      opt('instanceType'),
      instanceType,
      'an ml.* instance type (local mode is not supported)',
    );
  }
  const outputPath = optionalStringOf(owner, 'outputPath', props.outputPath);
  if (outputPath !== undefined && !isPlaceholder(outputPath) && outputPath.startsWith('file://')) {
    throw new ValidationError(
      opt('outputPath'),
      outputPath,
      'an s3:// path (file:// output needs local mode)',
    );
  }
  // Python tests the role for truthiness, so an empty string is refused too.
  if (typeof props.role !== 'string' || props.role === '') {
    if (props.role !== undefined && props.role !== null && typeof props.role !== 'string') {
      throw new OptionTypeError(opt('role'), props.role, 'an IAM role ARN or name');
    }
    throw new MissingOptionError(opt('role'), 'an IAM role is required to create an estimator');
  }
  if (
    props.metricDefinitions !== undefined &&
    props.metricDefinitions !== null &&
    !Array.isArray(props.metricDefinitions)
  ) {
    throw new OptionTypeError(
      opt('metricDefinitions'),
      props.metricDefinitions,
      'a list of { Name, Regex }',
    );
  }
  if (
    props.instanceGroups !== undefined &&
    props.instanceGroups !== null &&
    !Array.isArray(props.instanceGroups)
  ) {
    throw new OptionTypeError(
      opt('instanceGroups'),
      props.instanceGroups,
      'a list of InstanceGroup',
    );
  }
  const resolved: ResolvedEstimatorBase = {
    role: props.role,
    instanceCount: optionalNumberOf(owner, 'instanceCount', props.instanceCount),
    instanceType,
    keepAlivePeriodInSeconds: optionalNumberOf(
      owner,
      'keepAlivePeriodInSeconds',
      props.keepAlivePeriodInSeconds,
    ),
    volumeSize: numberOf(owner, 'volumeSize', props.volumeSize ?? DEFAULTS.volumeSize),
    volumeKmsKey: optionalStringOf(owner, 'volumeKmsKey', props.volumeKmsKey),
    maxRun: numberOf(owner, 'maxRun', props.maxRun ?? DEFAULTS.maxRun),
    inputMode: inputModeOf(owner, props.inputMode ?? DEFAULTS.inputMode),
    outputPath,
    outputKmsKey: optionalStringOf(owner, 'outputKmsKey', props.outputKmsKey),
    baseJobName: optionalStringOf(owner, 'baseJobName', props.baseJobName),
    tags: props.tags === undefined ? undefined : formatTags(props.tags, opt('tags')),
    subnets,
    securityGroupIds,
    modelUri: optionalStringOf(owner, 'modelUri', props.modelUri),
    modelChannelName:
      props.modelChannelName === undefined
        ? DEFAULTS.modelChannelName
        : optionalStringOf(owner, 'modelChannelName', props.modelChannelName),
    metricDefinitions: props.metricDefinitions ?? undefined,
    useSpotInstances:
      optionalBooleanOf(owner, 'useSpotInstances', props.useSpotInstances) ??
      DEFAULTS.useSpotInstances,
    maxWait: optionalNumberOf(owner, 'maxWait', props.maxWait),
    checkpointS3Uri: optionalStringOf(owner, 'checkpointS3Uri', props.checkpointS3Uri),
    checkpointLocalPath: optionalStringOf(owner, 'checkpointLocalPath', props.checkpointLocalPath),
    enableNetworkIsolation:
      optionalBooleanOf(owner, 'enableNetworkIsolation', props.enableNetworkIsolation) ??
      DEFAULTS.enableNetworkIsolation,
    sourceDir: optionalStringOf(owner, 'sourceDir', props.sourceDir),
    entryPoint: optionalStringOf(owner, 'entryPoint', props.entryPoint),
    dependencies:
      optionalStringListOf(owner, 'dependencies', props.dependencies) ?? NO_DEPENDENCIES,
    codeLocation: optionalStringOf(owner, 'codeLocation', props.codeLocation),
    containerLogLevel: numberOf(
      owner,
      'containerLogLevel',
      props.containerLogLevel ?? DEFAULTS.containerLogLevel,
    ),
    instanceGroups: props.instanceGroups ?? undefined,
    disableOutputCompression: props.disableOutputCompression ?? DEFAULTS.disableOutputCompression,
    trainingPlan: optionalStringOf(owner, 'trainingPlan', props.trainingPlan),
    instancePlacementConfig: props.instancePlacementConfig ?? undefined,
  };
  // Frozen, and its height noted: every builder checks an estimator's options (input limits and
  // types), and options that cannot change are checked once, not once per builder call.
  return freezeWalked(resolved);
}

function inputModeOf(owner: string, value: unknown): Templated<InputMode> {
  if (value === 'File' || value === 'Pipe' || value === 'FastFile') return value;
  return checkOneOf(`${owner}.inputMode`, value, INPUT_MODES);
}

/** `dependencies` when none are given: shared, so frozen (and walked once). */
const NO_DEPENDENCIES: readonly string[] = freezeWalked([]);
