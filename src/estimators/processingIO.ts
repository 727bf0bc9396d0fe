/**
 * Processing job inputs and outputs (Python's `ProcessingInput` and `ProcessingOutput`).
 */
import { ValidationError } from '../errors.js';
import { checkOptionsObject } from '../internal/checkInput.js';
import { defined } from '../internal/defined.js';
import type { Templated } from '../templates.js';
import type { PyValue } from './types.js';

/** Options of {@link ProcessingInput}. */
export interface ProcessingInputProps {
  /** S3 URI to download. @default - none (no S3 input) */
  readonly source?: Templated<string> | null;
  /** Local path in the container. @default - none (no S3 input) */
  readonly destination?: Templated<string> | null;
  readonly inputName?: Templated<string> | null;
  /** @default 'S3Prefix' */
  readonly s3DataType?: Templated<string>;
  /** @default 'File' */
  readonly s3InputMode?: Templated<string>;
  /** @default 'FullyReplicated' */
  readonly s3DataDistributionType?: Templated<string>;
  /** `None` or `Gzip` (Gzip only with Pipe mode). @default 'None' */
  readonly s3CompressionType?: Templated<string>;
  /** @default false */
  readonly appManaged?: Templated<boolean>;
  /** A dataset definition (Athena / Redshift), passed through. @default - none */
  readonly datasetDefinition?: Readonly<Record<string, PyValue>> | null;
}

/** An input of a processing job. */
export class ProcessingInput {
  readonly props: ProcessingInputProps;

  /**
   * @param props all optional, as in Python (`ProcessingInput()` is valid).
   * @throws {@link OptionTypeError} when `props` is not an object; {@link InputLimitError} when it
   * holds a value beyond the input limits.
   */
  constructor(props: ProcessingInputProps = {}) {
    checkOptionsObject('ProcessingInput', props);
    this.props = props;
  }

  /** @throws {@link ValidationError} for Gzip compression outside Pipe mode, as Python. */
  toRequest(): Record<string, unknown> {
    const p = this.props;
    const hasS3 = p.source != null && p.destination != null;
    const mode = p.s3InputMode ?? 'File';
    const compression = p.s3CompressionType ?? 'None';
    if (hasS3 && compression === 'Gzip' && mode !== 'Pipe') {
      throw new ValidationError(
        'ProcessingInput.s3CompressionType',
        compression,
        "'None', or 'Gzip' with s3InputMode 'Pipe'",
      );
    }
    return defined({
      InputName: p.inputName ?? null,
      AppManaged: p.appManaged ?? false,
      S3Input: hasS3
        ? {
            S3Uri: p.source,
            LocalPath: p.destination,
            S3DataType: p.s3DataType ?? 'S3Prefix',
            S3InputMode: mode,
            S3DataDistributionType: p.s3DataDistributionType ?? 'FullyReplicated',
            S3CompressionType: compression,
          }
        : undefined,
      DatasetDefinition: p.datasetDefinition ?? undefined,
    });
  }
}

/** Options of {@link ProcessingOutput}. */
export interface ProcessingOutputProps {
  /** Local path in the container. @default - none (no S3 output) */
  readonly source?: Templated<string> | null;
  /** S3 URI to upload to. */
  readonly destination?: Templated<string> | null;
  readonly outputName?: Templated<string> | null;
  /** `EndOfJob` or `Continuous`. @default 'EndOfJob' */
  readonly s3UploadMode?: Templated<string>;
  /** @default false */
  readonly appManaged?: Templated<boolean>;
  /** Feature Store output, passed through. @default - none */
  readonly featureStoreOutput?: Readonly<Record<string, PyValue>> | null;
}

/** An output of a processing job. */
export class ProcessingOutput {
  readonly props: ProcessingOutputProps;

  /**
   * @param props all optional, as in Python (`ProcessingOutput()` is valid).
   * @throws {@link OptionTypeError} when `props` is not an object; {@link InputLimitError} when it
   * holds a value beyond the input limits.
   */
  constructor(props: ProcessingOutputProps = {}) {
    checkOptionsObject('ProcessingOutput', props);
    this.props = props;
  }

  /** The API request member for this input or output. */
  toRequest(): Record<string, unknown> {
    const p = this.props;
    return defined({
      OutputName: p.outputName ?? null,
      AppManaged: p.appManaged ?? false,
      S3Output:
        p.source != null
          ? {
              S3Uri: p.destination ?? null,
              LocalPath: p.source,
              S3UploadMode: p.s3UploadMode ?? 'EndOfJob',
            }
          : undefined,
      FeatureStoreOutput: p.featureStoreOutput ?? undefined,
    });
  }
}
