/** Value types shared by estimators, models, transformers and processors. */
import type { PyFloat } from '../pythonCompat/pyFloat.js';

/** A value as a Python program holds it: JSON plus {@link PyFloat} for integral floats. */
export type PyValue =
  | string
  | number
  | boolean
  | null
  | PyFloat
  | readonly PyValue[]
  | { readonly [key: string]: PyValue };

/** Hyperparameters as the user sets them; builders render them to strings as Python does. */
export type Hyperparameters = Readonly<Record<string, PyValue>>;

/** One `{ Key, Value }` tag of the SageMaker API. */
export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/**
 * Tags: a list passes through unchanged (even `[{ "{{ key }}": "{{ value }}" }]`, as Python lets
 * it), an object becomes `[{ Key, Value }]` with Python `str()` of each side.
 */
export type Tags = readonly Readonly<Record<string, string>>[] | Readonly<Record<string, PyValue>>;

/** A metric the training container prints, found by a regex in its logs. */
export interface MetricDefinition {
  readonly Name: string;
  readonly Regex: string;
}

/** Subnets and security groups of a VPC. */
export interface VpcConfig {
  readonly Subnets: readonly string[];
  readonly SecurityGroupIds: readonly string[];
}

/** Code packed and uploaded for a job: where it lies and the script to run. */
export interface UploadedCode {
  /** `s3://.../sourcedir.tar.gz`, or the S3 `source_dir` itself. */
  readonly s3Prefix: string;
  /** The entry point's file name inside the code. */
  readonly scriptName: string;
}
