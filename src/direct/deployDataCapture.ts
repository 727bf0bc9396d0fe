/** `dataCaptureConfig`: the `DataCaptureConfig` member of Python's `DataCaptureConfig(...)`. */
import type { Session } from '../session.js';
import { s3PathJoin } from '../pythonCompat/s3.js';

/** Python's `DataCaptureConfig(...)` keywords. */
export interface DataCaptureSettings {
  readonly enableCapture: boolean;
  /** @default 20 */
  readonly samplingPercentage?: number | null;
  /** @default - `s3://<default bucket>/<prefix>/model-monitor/data-capture` */
  readonly destinationS3Uri?: string | null;
  /** @default - none */
  readonly kmsKeyId?: string | null;
  /** @default ['REQUEST', 'RESPONSE'] */
  readonly captureOptions?: readonly string[] | null;
  /** @default ['text/csv'] */
  readonly csvContentTypes?: readonly string[] | null;
  /** @default ['application/json'] */
  readonly jsonContentTypes?: readonly string[] | null;
}

const CAPTURE_MODES: Readonly<Record<string, string>> = { REQUEST: 'Input', RESPONSE: 'Output' };

/**
 * Python's `DataCaptureConfig(...)._to_request_dict()`; without a destination it reads the
 * session's default bucket, as Python's constructor does.
 */
export function dataCaptureConfig(
  settings: DataCaptureSettings,
  session: Session,
): Record<string, unknown> {
  const destination =
    settings.destinationS3Uri ??
    s3PathJoin([
      's3://',
      session.defaultBucket(),
      session.defaultBucketPrefix,
      'model-monitor',
      'data-capture',
    ]);
  const options =
    settings.captureOptions && settings.captureOptions.length > 0
      ? settings.captureOptions
      : ['REQUEST', 'RESPONSE'];
  const out: Record<string, unknown> = {
    EnableCapture: settings.enableCapture,
    InitialSamplingPercentage: settings.samplingPercentage ?? 20,
    DestinationS3Uri: destination,
    CaptureOptions: options.map((o) => ({ CaptureMode: CAPTURE_MODES[o.toUpperCase()] ?? o })),
  };
  if (settings.kmsKeyId != null) out.KmsKeyId = settings.kmsKeyId;
  out.CaptureContentTypeHeader = {
    CsvContentTypes:
      settings.csvContentTypes && settings.csvContentTypes.length > 0
        ? settings.csvContentTypes
        : ['text/csv'],
    JsonContentTypes:
      settings.jsonContentTypes && settings.jsonContentTypes.length > 0
        ? settings.jsonContentTypes
        : ['application/json'],
  };
  return out;
}
