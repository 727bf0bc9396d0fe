/** Parity handlers for `sagemaker.image_uris.retrieve`. */
import type { ImageUriOptions } from '../../../src/imageUris/imageUriOptions.js';
import { retrieve } from '../../../src/imageUris/retrieve.js';
import type { CallHandlers } from './types.js';

const STRING_OPTIONS = {
  framework: 'framework',
  region: 'region',
  version: 'version',
  py_version: 'pyVersion',
  instance_type: 'instanceType',
  accelerator_type: 'acceleratorType',
  image_scope: 'imageScope',
  container_version: 'containerVersion',
  base_framework_version: 'baseFrameworkVersion',
  sdk_version: 'sdkVersion',
  inference_tool: 'inferenceTool',
} as const satisfies Record<string, keyof ImageUriOptions>;

const SERVERLESS_KWARGS = {
  memory_size_in_mb: 'memorySizeInMb',
  max_concurrency: 'maxConcurrency',
  provisioned_concurrency: 'provisionedConcurrency',
} as const;
const COMPILER_KWARGS = { enabled: 'enabled', debug: 'debug' } as const;

interface NewForm {
  readonly $new: string;
  readonly kwargs?: Record<string, unknown>;
}
const isNew = (v: unknown, cls: string): v is NewForm =>
  typeof v === 'object' && v !== null && (v as NewForm).$new === cls;

function valueObject(
  raw: unknown,
  cls: string,
  names: Record<string, string>,
): Record<string, unknown> {
  if (!isNew(raw, cls)) throw new Error(`expected {"$new": "${cls}"}, got ${JSON.stringify(raw)}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw.kwargs ?? {})) {
    const name = names[k];
    if (!name) throw new Error(`${cls}: keyword ${k} not mapped`);
    out[name] = v;
  }
  return out;
}

/** Python keyword arguments of `retrieve` → our options (None → omitted). */
export function imageUriOptionsFromKwargs(
  kwargs: Readonly<Record<string, unknown>>,
): ImageUriOptions {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kwargs)) {
    if (value === null) continue;
    if (key in STRING_OPTIONS) {
      if (typeof value !== 'string')
        throw new Error(`${key}: expected a string, got ${JSON.stringify(value)}`);
      options[STRING_OPTIONS[key as keyof typeof STRING_OPTIONS]] = value;
    } else if (key === 'distribution') {
      options['distribution'] = value;
    } else if (key === 'serverless_inference_config') {
      options['serverlessInferenceConfig'] = valueObject(
        value,
        'ServerlessInferenceConfig',
        SERVERLESS_KWARGS,
      );
    } else if (key === 'training_compiler_config') {
      options['trainingCompilerConfig'] = valueObject(
        value,
        'TrainingCompilerConfig',
        COMPILER_KWARGS,
      );
    } else {
      throw new Error(`image_uris.retrieve: keyword ${key} is not mapped`);
    }
  }
  return options as unknown as ImageUriOptions;
}

export const imageUriCalls: CallHandlers = {
  'image_uris.retrieve': (args, kwargs) => {
    if (args.length) throw new Error('image_uris.retrieve: positional arguments are not mapped');
    return retrieve(imageUriOptionsFromKwargs(kwargs));
  },
};
