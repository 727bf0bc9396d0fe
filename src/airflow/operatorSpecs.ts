/**
 * What the Amazon provider's SageMaker operators accept and do, read from
 * `airflow/providers/amazon/aws/operators/sagemaker.py`: the keyword arguments of each
 * `__init__`, the fields `_create_integer_fields` casts back to `int` after templating, and the
 * request each part of the config is sent as.
 * @internal
 */
import type { ConfigKind } from '../operators/validation/configKind.js';

/** The seven SageMaker operators of the provider the exporter writes. */
export type AirflowOperatorKind =
  'training' | 'tuning' | 'model' | 'transform' | 'endpointConfig' | 'endpoint' | 'processing';

/** Keyword arguments of the operators, beyond `task_id`, `config` and the AWS connection. @internal */
export type OperatorKeyword =
  | 'wait_for_completion'
  | 'print_log'
  | 'check_interval'
  | 'max_attempts'
  | 'max_ingestion_time'
  | 'action_if_job_exists'
  | 'deferrable'
  | 'operation';

/** One part of an operator's config and the API request it is sent as. @internal */
export interface ConfigPart {
  /** Key of the part in the config, or `undefined` for the config itself. */
  readonly key: string | undefined;
  readonly kind: ConfigKind;
}

/** One operator of the provider. @internal */
export interface OperatorSpec {
  readonly className: string;
  readonly keywords: readonly OperatorKeyword[];
  /** The `integer_fields` of the operator for this config (`_create_integer_fields`). */
  integerFields(config: Readonly<Record<string, unknown>>): readonly (readonly string[])[];
  /** The parts of the config and their request types. */
  parts(config: Readonly<Record<string, unknown>>): readonly ConfigPart[];
}

const WAITING = [
  'wait_for_completion',
  'check_interval',
  'max_ingestion_time',
  'deferrable',
] as const;

/** The provider's operators by kind. @internal */
export const OPERATOR_SPECS: Readonly<Record<AirflowOperatorKind, OperatorSpec>> = {
  training: {
    className: 'SageMakerTrainingOperator',
    keywords: [...WAITING, 'print_log', 'max_attempts', 'action_if_job_exists'],
    integerFields: () => [
      ['ResourceConfig', 'InstanceCount'],
      ['ResourceConfig', 'VolumeSizeInGB'],
      ['StoppingCondition', 'MaxRuntimeInSeconds'],
    ],
    parts: () => [{ key: undefined, kind: 'training' }],
  },
  tuning: {
    className: 'SageMakerTuningOperator',
    keywords: WAITING,
    integerFields: () => [
      ['HyperParameterTuningJobConfig', 'ResourceLimits', 'MaxNumberOfTrainingJobs'],
      ['HyperParameterTuningJobConfig', 'ResourceLimits', 'MaxParallelTrainingJobs'],
      ['TrainingJobDefinition', 'ResourceConfig', 'InstanceCount'],
      ['TrainingJobDefinition', 'ResourceConfig', 'VolumeSizeInGB'],
      ['TrainingJobDefinition', 'StoppingCondition', 'MaxRuntimeInSeconds'],
    ],
    parts: () => [{ key: undefined, kind: 'tuning' }],
  },
  model: {
    className: 'SageMakerModelOperator',
    keywords: [],
    integerFields: () => [],
    parts: () => [{ key: undefined, kind: 'model' }],
  },
  transform: {
    className: 'SageMakerTransformOperator',
    keywords: [...WAITING, 'max_attempts', 'action_if_job_exists'],
    // The provider drops the leading 'Transform' when the config is the transform request itself.
    integerFields: (config) =>
      [
        ['TransformResources', 'InstanceCount'],
        ['MaxConcurrentTransforms'],
        ['MaxPayloadInMB'],
      ].map((field) => ('Transform' in config ? ['Transform', ...field] : field)),
    parts: (config) =>
      'Transform' in config
        ? [
            ...('Model' in config ? [{ key: 'Model', kind: 'model' } as const] : []),
            { key: 'Transform', kind: 'transform' },
          ]
        : [{ key: undefined, kind: 'transform' }],
  },
  endpointConfig: {
    className: 'SageMakerEndpointConfigOperator',
    keywords: [],
    integerFields: () => [['ProductionVariants', 'InitialInstanceCount']],
    parts: () => [{ key: undefined, kind: 'endpointConfig' }],
  },
  endpoint: {
    className: 'SageMakerEndpointOperator',
    keywords: [...WAITING, 'operation'],
    integerFields: (config) =>
      'EndpointConfig' in config
        ? [['EndpointConfig', 'ProductionVariants', 'InitialInstanceCount']]
        : [],
    // `config.get("Endpoint", config)`: without an Endpoint part the config is the request.
    parts: (config) =>
      'Endpoint' in config
        ? [
            ...('Model' in config ? [{ key: 'Model', kind: 'model' } as const] : []),
            ...('EndpointConfig' in config
              ? [{ key: 'EndpointConfig', kind: 'endpointConfig' } as const]
              : []),
            { key: 'Endpoint', kind: 'endpoint' },
          ]
        : [{ key: undefined, kind: 'endpoint' }],
  },
  processing: {
    className: 'SageMakerProcessingOperator',
    keywords: [...WAITING, 'print_log', 'max_attempts', 'action_if_job_exists'],
    integerFields: (config) => [
      ['ProcessingResources', 'ClusterConfig', 'InstanceCount'],
      ['ProcessingResources', 'ClusterConfig', 'VolumeSizeInGB'],
      ...('StoppingCondition' in config ? [['StoppingCondition', 'MaxRuntimeInSeconds']] : []),
    ],
    parts: () => [{ key: undefined, kind: 'processing' }],
  },
};

/**
 * The operator a config is for, from its keys: the name member of each Create request, or the
 * parts of a composite config (`{ Model, Transform }`, `{ Model, EndpointConfig, Endpoint }`).
 * @internal
 */
export function inferOperatorKind(
  config: Readonly<Record<string, unknown>>,
): AirflowOperatorKind | undefined {
  if ('TrainingJobName' in config) return 'training';
  if ('HyperParameterTuningJobName' in config) return 'tuning';
  if ('Transform' in config || 'TransformJobName' in config) return 'transform';
  if ('Endpoint' in config || 'EndpointName' in config) return 'endpoint';
  if ('EndpointConfigName' in config) return 'endpointConfig';
  if ('ProcessingJobName' in config) return 'processing';
  if ('ModelName' in config) return 'model';
  return undefined;
}
