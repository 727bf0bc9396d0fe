/**
 * What a job will read from S3, listed from its request: training and tuning input channels,
 * transform and processing inputs, a model's artifacts, and the code archive that script mode
 * names in `sagemaker_submit_directory` (training hyperparameters) or `SAGEMAKER_SUBMIT_DIRECTORY`
 * (a model's environment). {@link checkS3Inputs} checks each one before Create, as Airflow's
 * operators do with `check_s3_url`.
 * @internal
 */
import type { Json } from './sagemakerCall.js';
import type { S3Operations } from './s3Operations.js';

/** One S3 location a job reads. @internal */
export interface S3Input {
  /** Where the request names it, e.g. `InputDataConfig[train]` or `HyperParameters.sagemaker_submit_directory`. */
  readonly channel: string;
  readonly uri: string;
  readonly bucket: string;
  readonly key: string;
  /** `'prefix'`: at least one object under the key; `'object'`: the object itself. */
  readonly type: 'prefix' | 'object';
}

/** Splits `s3://bucket/key`; `undefined` for anything else (`file://`, a template left over). */
function parseS3(uri: unknown): { bucket: string; key: string } | undefined {
  if (typeof uri !== 'string') return undefined;
  const m = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(uri);
  return m?.[1] ? { bucket: m[1], key: m[2] ?? '' } : undefined;
}

const asJson = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
const asList = (value: unknown): Json[] =>
  Array.isArray(value) ? value.map(asJson).filter((x): x is Json => x !== undefined) : [];

function input(channel: string, uri: unknown, type: S3Input['type']): S3Input[] {
  const loc = parseS3(uri);
  return loc ? [{ channel, uri: String(uri), ...loc, type }] : [];
}

/** An `S3DataSource` (channel, transform input): a prefix, or a manifest object. */
function dataSource(channel: string, source: Json | undefined): S3Input[] {
  if (!source) return [];
  const type = source['S3DataType'];
  // A manifest is one object (its entries are read by the job; checking them would mean reading it).
  const kind = type === 'ManifestFile' || type === 'AugmentedManifestFile' ? 'object' : 'prefix';
  return input(channel, source['S3Uri'], kind);
}

/** The code archive of script mode; the Python SDK JSON-quotes the hyperparameter's value. */
function submitDirectory(channel: string, value: unknown): S3Input[] {
  if (typeof value !== 'string') return [];
  return input(channel, value.replace(/^"(.*)"$/, '$1'), 'object');
}

function channels(path: string, definition: Json): S3Input[] {
  return asList(definition['InputDataConfig']).flatMap((channel) =>
    dataSource(
      `${path}InputDataConfig[${String(channel['ChannelName'])}]`,
      asJson(asJson(channel['DataSource'])?.['S3DataSource']),
    ),
  );
}

function trainingInputs(request: Json): S3Input[] {
  return [
    ...channels('', request),
    ...submitDirectory(
      'HyperParameters.sagemaker_submit_directory',
      asJson(request['HyperParameters'])?.['sagemaker_submit_directory'],
    ),
  ];
}

function tuningInputs(request: Json): S3Input[] {
  const single = asJson(request['TrainingJobDefinition']);
  const definitions = [
    ...(single ? [['TrainingJobDefinition.', single] as const] : []),
    ...asList(request['TrainingJobDefinitions']).map(
      (d, i) => [`TrainingJobDefinitions[${i}].`, d] as const,
    ),
  ];
  return definitions.flatMap(([path, d]) => [
    ...channels(path, d),
    ...submitDirectory(
      `${path}StaticHyperParameters.sagemaker_submit_directory`,
      asJson(d['StaticHyperParameters'])?.['sagemaker_submit_directory'],
    ),
  ]);
}

function modelInputs(request: Json): S3Input[] {
  const primary = asJson(request['PrimaryContainer']);
  const containers = [
    ...(primary ? [['PrimaryContainer', primary] as const] : []),
    ...asList(request['Containers']).map((c, i) => [`Containers[${i}]`, c] as const),
  ];
  return containers.flatMap(([path, c]) => [
    ...input(`Model.${path}.ModelDataUrl`, c['ModelDataUrl'], 'object'),
    ...submitDirectory(
      `Model.${path}.Environment.SAGEMAKER_SUBMIT_DIRECTORY`,
      asJson(c['Environment'])?.['SAGEMAKER_SUBMIT_DIRECTORY'],
    ),
  ]);
}

function processingInputs(request: Json): S3Input[] {
  return asList(request['ProcessingInputs']).flatMap((p) => {
    const s3 = asJson(p['S3Input']);
    if (!s3) return [];
    const kind = s3['S3DataType'] === 'ManifestFile' ? 'object' : 'prefix';
    return input(`ProcessingInputs[${String(p['InputName'])}]`, s3['S3Uri'], kind);
  });
}

/** Kinds whose request names S3 inputs. @internal */
export type S3InputKind = 'training' | 'tuning' | 'processing' | 'transform' | 'model';

/** Every S3 location the request (and the model created with it) will read, in request order. @internal */
export function s3InputsOf(kind: S3InputKind, request: Json, model?: Json): S3Input[] {
  const own = ((): S3Input[] => {
    switch (kind) {
      case 'training':
        return trainingInputs(request);
      case 'tuning':
        return tuningInputs(request);
      case 'processing':
        return processingInputs(request);
      case 'transform':
        return dataSource(
          'TransformInput',
          asJson(asJson(asJson(request['TransformInput'])?.['DataSource'])?.['S3DataSource']),
        );
      case 'model':
        return modelInputs(request);
    }
  })();
  return [...(model ? modelInputs(model) : []), ...own];
}

/** True when an `S3Upload` of the config will write the object (or an object under the prefix). @internal */
export function isUploaded(target: S3Input, ops: S3Operations | undefined): boolean {
  return (ops?.S3Upload ?? []).some(
    (u) =>
      u.Bucket === target.bucket &&
      (target.type === 'object' ? u.Key === target.key : u.Key.startsWith(target.key)),
  );
}
