/**
 * The deploy path's value classes and results for the request cases: `DataCaptureConfig` and
 * `ServerlessInferenceConfig` as plain settings, and the Python objects `deploy`/`transformer`
 * return (predictors by class name, `Transformer` attributes).
 */
import type { DataCaptureSettings } from '../../../../src/direct/deployDataCapture.js';
import { dataCaptureConfig } from '../../../../src/direct/deployDataCapture.js';
import type { Transformer } from '../../../../src/estimators/Transformer.js';
import type { DirectSession } from '../../../../src/operators/direct/DirectSession.js';
import { toProps, withPositional, type ValueFactory } from '../../values.js';

const DATA_CAPTURE = Symbol('DataCaptureConfig');

/** A decoded `DataCaptureConfig(...)`, resolved to its request member by {@link dataCaptureOf}. */
interface DataCaptureValue {
  readonly [DATA_CAPTURE]: DataCaptureSettings;
}

export const deployValueClasses: Readonly<Record<string, ValueFactory>> = {
  DataCaptureConfig: (args, kwargs) => {
    const all = withPositional(
      args,
      kwargs,
      [
        'enable_capture',
        'sampling_percentage',
        'destination_s3_uri',
        'kms_key_id',
        'capture_options',
      ],
      'DataCaptureConfig',
    );
    const { sagemaker_session: _session, ...rest } = all;
    return { [DATA_CAPTURE]: toProps(rest) as unknown as DataCaptureSettings };
  },
  ServerlessInferenceConfig: (args, kwargs) =>
    toProps(
      withPositional(
        args,
        kwargs,
        ['memory_size_in_mb', 'max_concurrency', 'provisioned_concurrency'],
        'ServerlessInferenceConfig',
      ),
      { memory_size_in_mb: 'memorySizeInMb' },
    ),
};

/**
 * The request member of a decoded `DataCaptureConfig`; Python's constructor reads the default
 * bucket when no destination is given, so the bucket is resolved here, before the call's requests.
 */
export async function dataCaptureOf(
  value: unknown,
  direct: DirectSession,
): Promise<Record<string, unknown> | null> {
  if (typeof value !== 'object' || value === null || !(DATA_CAPTURE in value)) return null;
  const settings = (value as DataCaptureValue)[DATA_CAPTURE];
  return direct.build(() => dataCaptureConfig(settings, direct.session));
}

/** Python's predictor class for each model or estimator class (`None` for the generic models). */
export function predictorClass(pythonClass: string): string | null {
  if (pythonClass === 'Model' || pythonClass === 'FrameworkModel') return null;
  const base = pythonClass.replace(/Model$/, '');
  if (base === 'Estimator' || base === 'Object2Vec') return 'Predictor';
  return `${base}Predictor`;
}

/** A predictor as the cases record it. */
export const predictorResult = (pythonClass: string, endpointName: string): unknown => {
  const cls = predictorClass(pythonClass);
  return cls === null ? null : { $object: cls, attrs: { endpoint_name: endpointName } };
};

/** A `Transformer` as the cases record it. */
export function transformerResult(t: Transformer): unknown {
  const v = (x: unknown) => (x === undefined ? null : x);
  return {
    $object: 'Transformer',
    attrs: {
      model_name: v(t.modelName),
      instance_count: v(t.instanceCount),
      instance_type: v(t.instanceType),
      strategy: v(t.strategy),
      assemble_with: v(t.assembleWith),
      output_path: v(t.outputPath),
      output_kms_key: v(t.outputKmsKey),
      accept: v(t.accept),
      max_concurrent_transforms: v(t.maxConcurrentTransforms),
      max_payload: v(t.maxPayload),
      env: v(t.env),
      tags: v(t.tags),
      base_transform_job_name: v(t.baseTransformJobName),
      volume_kms_key: v(t.volumeKmsKey),
      _current_job_name: null,
    },
  };
}
