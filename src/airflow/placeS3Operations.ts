/**
 * Where a config's `S3Operations` go in a DAG. The provider runs `configure_s3_resources` on the
 * top of the config only (it pops `config["S3Operations"]`), so the operations Python leaves
 * nested in a transform config's `Model` would be sent to CreateModel as an unknown member; they
 * move to the top. With `uploads: 'prestage'` none stay: they are returned for the caller to run
 * ahead (with `runS3Operations` from `sagemaker-workflow/operators`), and the DAG only submits.
 * @internal
 */
import { mergeS3Operations, type S3Operations } from '../config/s3Operations.js';
import { isPlainObject } from '../operators/validation/configPath.js';

/** A config with its operations lifted to the top, and the operations. @internal */
export interface PlacedConfig {
  /** The config without any `S3Operations` member. */
  readonly request: Record<string, unknown>;
  /** The operations the config asked for, nested or not. */
  readonly s3Operations: S3Operations | undefined;
}

const isEmpty = (ops: S3Operations): boolean => Object.keys(ops).length === 0;

/** Splits every `S3Operations` off a config: its own and those of its composite parts. @internal */
export function liftS3Operations(config: Readonly<Record<string, unknown>>): PlacedConfig {
  const found: S3Operations[] = [];
  const take = (part: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    const { S3Operations: ops, ...rest } = part;
    if (isPlainObject(ops)) found.push(ops);
    return rest;
  };
  const request = take(config);
  for (const key of ['Model', 'EndpointConfig', 'Endpoint', 'Transform']) {
    const part = request[key];
    if (isPlainObject(part) && 'S3Operations' in part) request[key] = take(part);
  }
  const merged = mergeS3Operations(found);
  return { request, s3Operations: isEmpty(merged) ? undefined : merged };
}

/** The local paths of uploads that are relative: on an Airflow worker they resolve elsewhere. @internal */
export function relativeUploadPaths(ops: S3Operations | undefined): string[] {
  return (ops?.S3Upload ?? []).map((upload) => upload.Path).filter((path) => !path.startsWith('/'));
}
