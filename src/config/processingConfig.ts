/** `processingConfig`: the CreateProcessingJob request of Python's `processing_config`. */
import type { CreateProcessingJobRequest } from '@aws-sdk/client-sagemaker';
import { OptionTypeError } from '../errors.js';
import type { Processor } from '../estimators/Processor.js';
import { ProcessingInput, ProcessingOutput } from '../estimators/processingIO.js';
import type { PyValue } from '../estimators/types.js';
import { defined } from '../internal/defined.js';
import { checkOptionTypes } from '../internal/checkInput.js';
import { checkPlainJson } from '../internal/plainJson.js';
import { NetworkConfig } from '../estimators/NetworkConfig.js';
import { checkBuilderOptions, checkProcessor } from './builderInputs.js';
import { baseNameFromImage, nameFromBase } from '../pythonCompat/names.js';
import type { Templatable, Templated } from '../templates.js';

/** Options of {@link processingConfig}. */
export interface ProcessingConfigOptions {
  /** @default - none (`ProcessingInputs: null`, as Python) */
  readonly inputs?: readonly ProcessingInput[] | null;
  /** @default - none (`Outputs: null`, as Python) */
  readonly outputs?: readonly ProcessingOutput[] | null;
  /** @default - `<base job name>-<timestamp>`, or the image's repository name */
  readonly jobName?: string | null;
  /** `ExperimentName`, `TrialName`, `TrialComponentDisplayName`. @default - none */
  readonly experimentConfig?: Readonly<Record<string, PyValue>> | null;
  readonly containerArguments?: readonly string[] | null;
  readonly containerEntrypoint?: readonly string[] | null;
  /** KMS key of every output. @default - none */
  readonly kmsKeyId?: Templated<string> | null;
}

/** The processing config Airflow's SageMakerProcessingOperator takes. */
export type ProcessingConfig = Templatable<CreateProcessingJobRequest>;

function requests<T extends ProcessingInput | ProcessingOutput>(
  option: string,
  list: readonly T[] | null | undefined,
  cls: new (...args: never[]) => T,
): Record<string, unknown>[] | null {
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) throw new OptionTypeError(option, list, `a list of ${cls.name}`);
  return list.map((item, i) => {
    if (!(item instanceof cls)) throw new OptionTypeError(`${option}[${i}]`, item, `a ${cls.name}`);
    return item.toRequest();
  });
}

/** The types of the processor members the builder reads (each may also be absent). */
const PROCESSOR_FIELD_TYPES = Object.freeze({
  role: 'string',
  imageUri: 'string',
  instanceCount: 'number',
  instanceType: 'string',
  volumeSizeInGB: 'number',
  volumeKmsKey: 'string',
  maxRuntimeInSeconds: 'number',
  baseJobName: 'string',
  env: 'record',
  tags: 'list',
} as const);

/**
 * Python's `processing_config`.
 * @example
 * const config = processingConfig(processor, { inputs: [new ProcessingInput({ source, destination })] });
 */
export function processingConfig(
  processor: Processor,
  options: ProcessingConfigOptions = {},
): ProcessingConfig {
  checkProcessor('processor', processor);
  checkBuilderOptions('options', options);
  options ??= {};
  checkOptionTypes('options', options, {
    jobName: 'string',
    experimentConfig: 'record',
    containerArguments: 'stringList',
    containerEntrypoint: 'stringList',
    kmsKeyId: 'string',
  });
  checkOptionTypes('processor', processor, PROCESSOR_FIELD_TYPES);
  if (
    processor.networkConfig !== undefined &&
    !(processor.networkConfig instanceof NetworkConfig)
  ) {
    throw new OptionTypeError(
      'processor.networkConfig',
      processor.networkConfig,
      'a NetworkConfig',
    );
  }
  const jobName =
    options.jobName ??
    (processor.baseJobName !== undefined
      ? nameFromBase(processor.baseJobName, processor.session)
      : baseNameFromImage(processor.imageUri));
  return checkPlainJson(
    'processingConfig',
    defined({
      ProcessingJobName: jobName,
      ProcessingInputs: requests('inputs', options.inputs, ProcessingInput),
      ProcessingOutputConfig: defined({
        Outputs: requests('outputs', options.outputs, ProcessingOutput),
        KmsKeyId: options.kmsKeyId ?? undefined,
      }),
      ExperimentConfig: options.experimentConfig ?? undefined,
      AppSpecification: defined({
        ImageUri: processor.imageUri,
        ContainerArguments: options.containerArguments ?? undefined,
        ContainerEntrypoint: options.containerEntrypoint ?? undefined,
      }),
      RoleArn: processor.role,
      Environment: processor.env,
      NetworkConfig: processor.networkConfig?.toRequest(),
      ProcessingResources: {
        ClusterConfig: defined({
          InstanceCount: processor.instanceCount ?? null,
          InstanceType: processor.instanceType ?? null,
          VolumeSizeInGB: processor.volumeSizeInGB,
          VolumeKmsKeyId: processor.volumeKmsKey,
        }),
      },
      StoppingCondition:
        processor.maxRuntimeInSeconds !== undefined
          ? { MaxRuntimeInSeconds: processor.maxRuntimeInSeconds }
          : undefined,
      Tags: processor.tags,
    }),
  ) as unknown as ProcessingConfig;
}
