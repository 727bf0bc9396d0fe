/**
 * Training input channels: `TrainingInput` (S3), `FileSystemInput` (EFS / FSx for Lustre),
 * `ShuffleConfig` and `InstanceGroup`, each rendering the request member the SDK writes.
 */
import { checkOptionsObject } from '../internal/checkInput.js';
import type { Channel, InstanceGroup as InstanceGroupRequest } from '@aws-sdk/client-sagemaker';
import { UnsupportedOptionError } from '../errors.js';
import { defined } from '../internal/defined.js';
import { checkOneOf, optionalString, optionalStringList } from '../internal/check.js';
import type { Templated } from '../templates.js';
import type { PyValue } from './types.js';

/** A channel's request member, before its name is set. */
export type ChannelConfig = Omit<Channel, 'ChannelName'>;

/** Something that renders a training channel. */
export interface ChannelInput {
  /** The channel as the API wants it, without `ChannelName`. */
  toChannel(): ChannelConfig;
}

/** Options of {@link TrainingInput}. */
export interface TrainingInputProps {
  /** S3 URI of the data (a prefix, a manifest or an augmented manifest). */
  readonly s3Data: Templated<string>;
  /** `FullyReplicated` or `ShardedByS3Key`. @default 'FullyReplicated' unless `targetAttributeName` is set */
  readonly distribution?: Templated<string>;
  /** `Gzip` or `None`. @default - none */
  readonly compression?: Templated<string>;
  /** MIME type of the data. @default - none */
  readonly contentType?: Templated<string>;
  /** `RecordIO` or `None`. @default - none */
  readonly recordWrapping?: Templated<string>;
  /** `S3Prefix`, `ManifestFile` or `AugmentedManifestFile`. @default 'S3Prefix' */
  readonly s3DataType?: Templated<string>;
  /** Instance groups that read this channel. @default - all */
  readonly instanceGroups?: readonly string[];
  /** `File`, `Pipe` or `FastFile` for this channel. @default - the estimator's */
  readonly inputMode?: Templated<'File' | 'Pipe' | 'FastFile'>;
  /** Attribute names of an augmented manifest. @default - none */
  readonly attributeNames?: readonly string[];
  /** Target attribute (Autopilot). @default - none */
  readonly targetAttributeName?: Templated<string>;
  /** Shuffles S3 objects per epoch. @default - none */
  readonly shuffleConfig?: ShuffleConfig;
  /** Hub access configuration (JumpStart). @default - none */
  readonly hubAccessConfig?: Readonly<Record<string, PyValue>>;
  /** Model access configuration (JumpStart EULA). @default - none */
  readonly modelAccessConfig?: Readonly<Record<string, PyValue>>;
}

/** A shuffle seed for an S3 channel. */
export class ShuffleConfig {
  constructor(readonly seed: Templated<number>) {}
}

/** An S3 training channel (Python's `sagemaker.inputs.TrainingInput`). */
export class TrainingInput implements ChannelInput {
  readonly props: TrainingInputProps;

  constructor(props: TrainingInputProps) {
    checkOptionsObject('TrainingInput', props);
    if (props.inputMode !== undefined && props.inputMode !== null) {
      checkOneOf('TrainingInput.inputMode', props.inputMode, ['File', 'Pipe', 'FastFile']);
    }
    optionalStringList('TrainingInput.instanceGroups', props.instanceGroups);
    optionalStringList('TrainingInput.attributeNames', props.attributeNames);
    optionalString('TrainingInput.contentType', props.contentType);
    this.props = props;
  }

  toChannel(): ChannelConfig {
    const p = this.props;
    // Python sets FullyReplicated only when neither a distribution nor a target attribute is given.
    const distribution =
      p.targetAttributeName || p.distribution ? p.distribution : 'FullyReplicated';
    const s3DataSource = defined({
      S3DataType: p.s3DataType ?? 'S3Prefix',
      S3Uri: p.s3Data,
      S3DataDistributionType: distribution ?? undefined,
      InstanceGroupNames: p.instanceGroups ? [...p.instanceGroups] : undefined,
      AttributeNames: p.attributeNames ? [...p.attributeNames] : undefined,
      HubAccessConfig: p.hubAccessConfig ?? undefined,
      ModelAccessConfig: p.modelAccessConfig ?? undefined,
    });
    return defined({
      DataSource: { S3DataSource: s3DataSource },
      CompressionType: p.compression ?? undefined,
      ContentType: p.contentType ?? undefined,
      RecordWrapperType: p.recordWrapping ?? undefined,
      InputMode: p.inputMode ?? undefined,
      TargetAttributeName: p.targetAttributeName ?? undefined,
      ShuffleConfig: p.shuffleConfig ? { Seed: p.shuffleConfig.seed } : undefined,
    }) as unknown as ChannelConfig;
  }
}

const FILE_SYSTEM_TYPES = ['FSxLustre', 'EFS'] as const;
const FILE_SYSTEM_ACCESS_MODES = ['ro', 'rw'] as const;

/** Options of {@link FileSystemInput}. */
export interface FileSystemInputProps {
  readonly fileSystemId: Templated<string>;
  /** `EFS` or `FSxLustre`. */
  readonly fileSystemType: 'EFS' | 'FSxLustre';
  readonly directoryPath: Templated<string>;
  /** `ro` or `rw`. @default 'ro' */
  readonly fileSystemAccessMode?: 'ro' | 'rw';
  /** MIME type of the data. @default - none */
  readonly contentType?: Templated<string>;
}

/** A file-system training channel (Python's `sagemaker.inputs.FileSystemInput`). */
export class FileSystemInput implements ChannelInput {
  readonly props: FileSystemInputProps;

  constructor(props: FileSystemInputProps) {
    // Python checks these two against fixed lists, templates included.
    if (!(FILE_SYSTEM_TYPES as readonly string[]).includes(props.fileSystemType)) {
      throw new UnsupportedOptionError(
        'FileSystemInput.fileSystemType',
        props.fileSystemType,
        FILE_SYSTEM_TYPES,
      );
    }
    const mode = props.fileSystemAccessMode ?? 'ro';
    if (!(FILE_SYSTEM_ACCESS_MODES as readonly string[]).includes(mode)) {
      throw new UnsupportedOptionError(
        'FileSystemInput.fileSystemAccessMode',
        mode,
        FILE_SYSTEM_ACCESS_MODES,
      );
    }
    this.props = props;
  }

  toChannel(): ChannelConfig {
    const p = this.props;
    return defined({
      DataSource: {
        FileSystemDataSource: {
          FileSystemId: p.fileSystemId,
          FileSystemType: p.fileSystemType,
          DirectoryPath: p.directoryPath,
          FileSystemAccessMode: p.fileSystemAccessMode ?? 'ro',
        },
      },
      // Python tests truthiness here, so an empty content type is dropped.
      ContentType: p.contentType ? p.contentType : undefined,
    });
  }
}

/** Options of {@link InstanceGroup}. */
export interface InstanceGroupProps {
  readonly instanceGroupName?: Templated<string>;
  readonly instanceType?: Templated<string>;
  readonly instanceCount?: Templated<number>;
}

/** A named group of training instances of one type (heterogeneous clusters). */
export class InstanceGroup {
  constructor(readonly props: InstanceGroupProps) {}

  /** The API request member for this instance group. */
  toRequest(): InstanceGroupRequest {
    // Python always writes all three keys, None included.
    return {
      InstanceGroupName: this.props.instanceGroupName ?? null,
      InstanceType: this.props.instanceType ?? null,
      InstanceCount: this.props.instanceCount ?? null,
    } as unknown as InstanceGroupRequest;
  }
}

/**
 * A training channel source: an S3 URI (or template), a {@link TrainingInput} or a
 * {@link FileSystemInput}.
 */
export type ChannelSource = Templated<string> | TrainingInput | FileSystemInput;

/** Record sets (built-in algorithms) render their own channels. */
export interface RecordSetChannel {
  readonly channel: string;
  /** The channel without its name. */
  toChannel(): ChannelConfig;
  /** The number of features, read by the algorithm estimators. */
  readonly featureDim: unknown;
  /** Whether this is an S3 record set (`RecordSet`) or a file-system one. */
  readonly recordSetKind: 'S3' | 'FileSystem';
}

/** The inputs of a training job. */
export type TrainingInputs =
  | ChannelSource
  | Readonly<Record<string, ChannelSource>>
  | RecordSetChannel
  | readonly RecordSetChannel[];

/** Whether `v` is a record set (`RecordSet`, `FileSystemRecordSet` or alike). */
export const isRecordSetChannel = (v: unknown): v is RecordSetChannel =>
  typeof v === 'object' &&
  v !== null &&
  'recordSetKind' in v &&
  typeof (v as RecordSetChannel).toChannel === 'function';
