/**
 * What the simulated jobs read from and write to the local S3 server: objects under a prefix, a
 * manifest's objects, single objects; and SageMaker's wording when they are missing.
 * @internal
 */
import type { LocalS3 } from '../localS3/types.js';

/** An `s3://bucket/key` URI, split. @internal */
export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

/** Splits `s3://bucket/key`; `undefined` for anything else. @internal */
export function parseS3Uri(uri: unknown): S3Location | undefined {
  if (typeof uri !== 'string') return undefined;
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return m ? { bucket: m[1] ?? '', key: m[2] ?? '' } : undefined;
}

/** One object read from S3. @internal */
export interface S3Input {
  /** `s3://bucket/key` */
  readonly uri: string;
  readonly key: string;
  readonly body: Uint8Array;
}

/** Thrown when a job's input is missing; the message is the job's `FailureReason`. @internal */
export class MissingDataError extends Error {}

/** SageMaker's reason for a prefix without objects. @internal */
export const noObjectsReason = (uri: string, region: string, role: unknown): string => {
  const bucket = parseS3Uri(uri)?.bucket ?? '';
  return `ClientError: Data download failed:No S3 objects found under S3 URL "${uri}" given in input data source. Please ensure that the bucket exists in the selected region (${region}), that objects exist under that S3 prefix, and that the role "${String(role)}" has "s3:ListBucket" permissions on bucket "${bucket}".`;
};

/** Every object whose key starts with the URI's key, sorted. @internal */
export function objectsUnder(s3: LocalS3, uri: string): S3Input[] {
  const loc = parseS3Uri(uri);
  if (!loc) return [];
  return [...s3.objects(loc.bucket).entries()]
    .filter(([key]) => key.startsWith(loc.key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, o]) => ({ uri: `s3://${loc.bucket}/${key}`, key, body: o.body }));
}

/** The object at a URI, or `undefined`. @internal */
export function objectAt(s3: LocalS3, uri: unknown): S3Input | undefined {
  const loc = parseS3Uri(uri);
  const o = loc ? s3.getObject(loc.bucket, loc.key) : undefined;
  return loc && o
    ? { uri: `s3://${loc.bucket}/${loc.key}`, key: loc.key, body: o.body }
    : undefined;
}

/**
 * The objects a manifest file lists: `[{"prefix": "s3://b/p/"}, "rel", ...]`.
 * @throws {MissingDataError} when the manifest or one of its objects is missing.
 * @internal
 */
export function manifestObjects(s3: LocalS3, uri: string): S3Input[] {
  const manifest = objectAt(s3, uri);
  if (!manifest) {
    throw new MissingDataError(
      `ClientError: Data download failed:Could not download manifest file "${uri}": the object does not exist.`,
    );
  }
  let entries: unknown;
  try {
    entries = JSON.parse(Buffer.from(manifest.body).toString('utf8'));
  } catch {
    throw new MissingDataError(
      `ClientError: Data download failed:Manifest file "${uri}" is not valid JSON.`,
    );
  }
  const [head, ...rest] = Array.isArray(entries) ? (entries as unknown[]) : [];
  const prefix =
    typeof head === 'object' && head !== null ? (head as Record<string, unknown>)['prefix'] : '';
  return rest.map((rel) => {
    const objectUri = `${String(prefix)}${String(rel)}`;
    const found = objectAt(s3, objectUri);
    if (!found) {
      throw new MissingDataError(
        `ClientError: Data download failed:S3 object "${objectUri}" listed in manifest file "${uri}" does not exist.`,
      );
    }
    return found;
  });
}

/**
 * The objects an `S3DataSource` (`S3Prefix`, `ManifestFile` or `AugmentedManifestFile`) names.
 * @throws {MissingDataError} when there are none, or a manifest names a missing one.
 * @internal
 */
export function dataSourceObjects(
  s3: LocalS3,
  source: Record<string, unknown>,
  region: string,
  role: unknown,
): S3Input[] {
  const uri = typeof source['S3Uri'] === 'string' ? source['S3Uri'] : '';
  const type = source['S3DataType'] ?? 'S3Prefix';
  if (type === 'ManifestFile') return manifestObjects(s3, uri);
  if (type === 'AugmentedManifestFile') {
    const found = objectAt(s3, uri);
    if (!found) throw new MissingDataError(noObjectsReason(uri, region, role));
    return [found];
  }
  const objects = objectsUnder(s3, uri);
  if (objects.length === 0) throw new MissingDataError(noObjectsReason(uri, region, role));
  return objects;
}

/** Writes an object at a URI. @internal */
export function writeObject(
  s3: LocalS3,
  uri: string,
  body: Uint8Array | string,
  contentType?: string,
): void {
  const loc = parseS3Uri(uri);
  if (loc) s3.putObject(loc.bucket, loc.key, body, contentType);
}

/** `base` + `/` + `rest`, with one slash between. @internal */
export const joinUri = (base: string, rest: string): string =>
  `${base.replace(/\/+$/, '')}/${rest.replace(/^\/+/, '')}`;
