/**
 * Record sets: RecordIO-protobuf training data for the built-in algorithms, in S3 (`RecordSet`,
 * usually written by `uploadRecordSet`) or on a file system (`FileSystemRecordSet`).
 */
import { checkOptionsObject } from '../../internal/checkInput.js';
import {
  FileSystemInput,
  TrainingInput,
  type ChannelConfig,
  type RecordSetChannel,
} from '../inputs.js';
import type { Templated } from '../../templates.js';

/** Options of {@link RecordSet} (the shape `uploadRecordSet` returns). */
export interface RecordSetProps {
  /** S3 URI of the manifest (or prefix). */
  readonly s3Data: Templated<string>;
  readonly numRecords: number | Templated<number>;
  /** Features per record; becomes the algorithm's `feature_dim`. */
  readonly featureDim: number | Templated<number>;
  /** @default 'ManifestFile' */
  readonly s3DataType?: Templated<string>;
  /** @default 'train' */
  readonly channel?: string;
  /** @default 'ShardedByS3Key' */
  readonly distribution?: Templated<string>;
}

/** Records in S3 for one channel (Python's `sagemaker.amazon.amazon_estimator.RecordSet`). */
export class RecordSet implements RecordSetChannel {
  readonly recordSetKind = 'S3' as const;
  readonly s3Data: Templated<string>;
  readonly numRecords: number | Templated<number>;
  readonly featureDim: number | Templated<number>;
  readonly s3DataType: Templated<string>;
  readonly channel: string;
  readonly distribution: Templated<string>;

  constructor(props: RecordSetProps) {
    checkOptionsObject('RecordSet', props);
    this.s3Data = props.s3Data;
    this.numRecords = props.numRecords;
    this.featureDim = props.featureDim;
    this.s3DataType = props.s3DataType ?? 'ManifestFile';
    this.channel = props.channel ?? 'train';
    this.distribution = props.distribution ?? 'ShardedByS3Key';
  }

  toChannel(): ChannelConfig {
    return new TrainingInput({
      s3Data: this.s3Data,
      distribution: this.distribution,
      s3DataType: this.s3DataType,
    }).toChannel();
  }
}

/** Options of {@link FileSystemRecordSet}. */
export interface FileSystemRecordSetProps {
  readonly fileSystemId: Templated<string>;
  readonly fileSystemType: 'EFS' | 'FSxLustre';
  readonly directoryPath: Templated<string>;
  readonly numRecords: number | Templated<number>;
  readonly featureDim: number | Templated<number>;
  /** @default 'ro' */
  readonly fileSystemAccessMode?: 'ro' | 'rw';
  /** @default 'train' */
  readonly channel?: string;
}

/** Records on EFS or FSx for Lustre (Python's `FileSystemRecordSet`). */
export class FileSystemRecordSet implements RecordSetChannel {
  readonly recordSetKind = 'FileSystem' as const;
  readonly fileSystemInput: FileSystemInput;
  readonly numRecords: number | Templated<number>;
  readonly featureDim: number | Templated<number>;
  readonly channel: string;

  constructor(props: FileSystemRecordSetProps) {
    checkOptionsObject('FileSystemRecordSet', props);
    this.fileSystemInput = new FileSystemInput({
      fileSystemId: props.fileSystemId,
      fileSystemType: props.fileSystemType,
      directoryPath: props.directoryPath,
      fileSystemAccessMode: props.fileSystemAccessMode ?? 'ro',
    });
    this.numRecords = props.numRecords;
    this.featureDim = props.featureDim;
    this.channel = props.channel ?? 'train';
  }

  toChannel(): ChannelConfig {
    return this.fileSystemInput.toChannel();
  }
}
