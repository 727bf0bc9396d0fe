/** Processing jobs on any image (Python's `Processor` and `ScriptProcessor`). */
import { MissingOptionError, OptionTypeError } from '../errors.js';
import { optionalNumber, optionalString, optionalStringList } from '../internal/check.js';
import type { Session } from '../session.js';
import type { Templated } from '../templates.js';
import type { NetworkConfig } from './NetworkConfig.js';
import { formatTags } from './tags.js';
import type { Tags } from './types.js';

/** Options of {@link Processor}. */
export interface ProcessorProps {
  readonly session: Session;
  readonly role: Templated<string>;
  readonly imageUri: Templated<string>;
  readonly instanceCount: Templated<number>;
  readonly instanceType: Templated<string>;
  /** Container entrypoint; not emitted by the Airflow path. @default - the image's */
  readonly entrypoint?: Templated<string> | readonly string[] | null;
  /** @default 30 */
  readonly volumeSizeInGB?: Templated<number>;
  readonly volumeKmsKey?: Templated<string> | null;
  /** Accepted for Python compatibility; `processingConfig` takes `kmsKeyId` instead. @default - none */
  readonly outputKmsKey?: Templated<string> | null;
  /** @default - no stopping condition */
  readonly maxRuntimeInSeconds?: Templated<number> | null;
  /** Prefix of generated job names. @default - the image's repository name, without a timestamp */
  readonly baseJobName?: string | null;
  readonly tags?: Tags | null;
  readonly env?: Readonly<Record<string, Templated<string>>> | null;
  readonly networkConfig?: NetworkConfig | null;
}

/** A processing job's settings. */
export class Processor {
  readonly kind: 'processor' | 'scriptProcessor' = 'processor';
  readonly session: Session;
  readonly role: Templated<string>;
  readonly imageUri: Templated<string>;
  readonly instanceCount: Templated<number> | undefined;
  readonly instanceType: Templated<string> | undefined;
  readonly volumeSizeInGB: Templated<number>;
  readonly volumeKmsKey: Templated<string> | undefined;
  readonly maxRuntimeInSeconds: Templated<number> | undefined;
  readonly baseJobName: string | undefined;
  readonly tags: Record<string, string>[] | undefined;
  readonly env: Readonly<Record<string, Templated<string>>> | undefined;
  readonly networkConfig: NetworkConfig | undefined;

  /** @throws {@link MissingOptionError} without a role, as Python. */
  constructor(props: ProcessorProps, owner = 'Processor') {
    if (props === null || typeof props !== 'object')
      throw new OptionTypeError(owner, props, 'an options object');
    const opt = (n: string): string => `${owner}.${n}`;
    if (!props.role)
      throw new MissingOptionError(
        opt('role'),
        'an IAM role is required to create a processing job',
      );
    this.session = props.session;
    this.role = props.role;
    this.imageUri = props.imageUri;
    this.instanceCount = optionalNumber(opt('instanceCount'), props.instanceCount);
    this.instanceType = optionalString(opt('instanceType'), props.instanceType);
    this.volumeSizeInGB = optionalNumber(opt('volumeSizeInGB'), props.volumeSizeInGB) ?? 30;
    this.volumeKmsKey = optionalString(opt('volumeKmsKey'), props.volumeKmsKey);
    this.maxRuntimeInSeconds = optionalNumber(
      opt('maxRuntimeInSeconds'),
      props.maxRuntimeInSeconds,
    );
    this.baseJobName = optionalString(opt('baseJobName'), props.baseJobName);
    this.tags = formatTags(props.tags ?? undefined, opt('tags'));
    if (props.env != null && (typeof props.env !== 'object' || Array.isArray(props.env))) {
      throw new OptionTypeError(opt('env'), props.env, 'an object of environment variables');
    }
    this.env = props.env ?? undefined;
    this.networkConfig = props.networkConfig ?? undefined;
  }
}

/** Options of {@link ScriptProcessor}. */
export interface ScriptProcessorProps extends Omit<ProcessorProps, 'entrypoint'> {
  /** The command that runs the script, e.g. `['python3']`. */
  readonly command: readonly string[];
}

/** A processing job that runs a script with a command (Python's `ScriptProcessor`). */
export class ScriptProcessor extends Processor {
  override readonly kind = 'scriptProcessor' as const;
  readonly command: readonly string[];

  constructor(props: ScriptProcessorProps) {
    super(props, 'ScriptProcessor');
    this.command = optionalStringList('ScriptProcessor.command', props.command) ?? [];
  }
}
