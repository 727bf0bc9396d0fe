/** Batch transform settings (Python's `sagemaker.transformer.Transformer`). */
import { OptionTypeError } from '../errors.js';
import { optionalNumberOf, optionalStringOf } from '../internal/check.js';
import type { Session } from '../session.js';
import type { Templated } from '../templates.js';
import { formatTags } from './tags.js';
import type { Tags } from './types.js';

/**
 * The arguments of Python's `estimator.transformer(...)` and `model.transformer(...)` that the
 * Airflow builder and the direct path share; each adds its own (model name, role, image, ...).
 */
export interface TransformerArguments {
  readonly instanceCount: Templated<number>;
  readonly instanceType: Templated<string>;
  /** @default - none */
  readonly strategy?: Templated<string> | null;
  /** @default - none */
  readonly assembleWith?: Templated<string> | null;
  /** @default - `s3://<default bucket>/<prefix>/<job name>` */
  readonly outputPath?: Templated<string> | null;
  /** @default - none */
  readonly outputKmsKey?: Templated<string> | null;
  /** @default - none */
  readonly accept?: Templated<string> | null;
  /** @default - none */
  readonly env?: Readonly<Record<string, Templated<string>>> | null;
  /** @default - none */
  readonly maxConcurrentTransforms?: Templated<number> | null;
  /** @default - none */
  readonly maxPayload?: Templated<number> | null;
  /** Tags of the transform job. @default - the estimator's */
  readonly tags?: Tags | null;
  /** @default - none */
  readonly volumeKmsKey?: Templated<string> | null;
}

/** Options of {@link Transformer}. */
export interface TransformerProps {
  readonly session: Session;
  /** The model to run. */
  readonly modelName: Templated<string>;
  readonly instanceCount: Templated<number>;
  readonly instanceType: Templated<string>;
  /** `MultiRecord` or `SingleRecord`. @default - none */
  readonly strategy?: Templated<string>;
  /** `Line` or `None`. @default - none */
  readonly assembleWith?: Templated<string>;
  /** S3 prefix for the results. @default - `s3://<default bucket>/<prefix>/<job name>` */
  readonly outputPath?: Templated<string>;
  readonly outputKmsKey?: Templated<string>;
  /** Accept header of the requests, the output format. @default - none */
  readonly accept?: Templated<string>;
  readonly maxConcurrentTransforms?: Templated<number>;
  /** Max payload per request, in MB. @default - none */
  readonly maxPayload?: Templated<number>;
  readonly tags?: Tags;
  /** Environment of the transform containers. @default - none */
  readonly env?: Readonly<Record<string, Templated<string>>>;
  /** Prefix of generated job names. @default - none: the model name is the job name */
  readonly baseTransformJobName?: string;
  readonly volumeKmsKey?: Templated<string>;
}

const TRANSFORMER = 'Transformer';

/** A batch transform job's settings. */
export class Transformer {
  readonly session: Session;
  readonly modelName: Templated<string>;
  readonly instanceCount: Templated<number> | undefined;
  readonly instanceType: Templated<string> | undefined;
  readonly strategy: Templated<string> | undefined;
  readonly assembleWith: Templated<string> | undefined;
  readonly outputPath: Templated<string> | undefined;
  readonly outputKmsKey: Templated<string> | undefined;
  readonly accept: Templated<string> | undefined;
  readonly maxConcurrentTransforms: Templated<number> | undefined;
  readonly maxPayload: Templated<number> | undefined;
  readonly tags: Record<string, string>[] | undefined;
  readonly env: Readonly<Record<string, Templated<string>>> | undefined;
  readonly baseTransformJobName: string | undefined;
  readonly volumeKmsKey: Templated<string> | undefined;

  constructor(props: TransformerProps) {
    if (props === null || typeof props !== 'object')
      throw new OptionTypeError('Transformer', props, 'an options object');
    const opt = (n: string): string => `Transformer.${n}`;
    this.session = props.session;
    this.modelName = props.modelName;
    this.instanceCount = optionalNumberOf(TRANSFORMER, 'instanceCount', props.instanceCount);
    this.instanceType = optionalStringOf(TRANSFORMER, 'instanceType', props.instanceType);
    this.strategy = optionalStringOf(TRANSFORMER, 'strategy', props.strategy);
    this.assembleWith = optionalStringOf(TRANSFORMER, 'assembleWith', props.assembleWith);
    this.outputPath = optionalStringOf(TRANSFORMER, 'outputPath', props.outputPath);
    this.outputKmsKey = optionalStringOf(TRANSFORMER, 'outputKmsKey', props.outputKmsKey);
    this.accept = optionalStringOf(TRANSFORMER, 'accept', props.accept);
    this.maxConcurrentTransforms = optionalNumberOf(
      TRANSFORMER,
      'maxConcurrentTransforms',
      props.maxConcurrentTransforms,
    );
    this.maxPayload = optionalNumberOf(TRANSFORMER, 'maxPayload', props.maxPayload);
    this.tags = props.tags === undefined ? undefined : formatTags(props.tags, opt('tags'));
    if (
      props.env !== undefined &&
      props.env !== null &&
      (typeof props.env !== 'object' || Array.isArray(props.env))
    ) {
      throw new OptionTypeError(opt('env'), props.env, 'an object of environment variables');
    }
    this.env = props.env ?? undefined;
    this.baseTransformJobName = optionalStringOf(
      TRANSFORMER,
      'baseTransformJobName',
      props.baseTransformJobName,
    );
    this.volumeKmsKey = optionalStringOf(TRANSFORMER, 'volumeKmsKey', props.volumeKmsKey);
  }

  /** A copy with another model name (the from-estimator path names the model after building it). */
  withModelName(modelName: Templated<string>): Transformer {
    // Not `Transformer.prototype`: esbuild renames a class that names itself in its body.
    const copy = Object.create(Object.getPrototypeOf(this) as object) as Transformer;
    Object.assign(copy, this, { modelName });
    return copy;
  }
}
