/**
 * `processingJobRequest`: the CreateProcessingJob request Python's `Processor.run(...)` /
 * `ScriptProcessor.run(code=...)` sends, with its uploads as data (the script, then each local
 * input, under `<default bucket>/<prefix>/<job>/input/<name>`).
 */
import { existsSync, statSync } from 'node:fs';
import { LocalPathNotFoundError, OptionTypeError, ValidationError } from '../errors.js';
import type { Processor } from '../estimators/Processor.js';
import { ProcessingInput, ProcessingOutput } from '../estimators/processingIO.js';
import { defined } from '../internal/defined.js';
import { baseNameFromImage, nameFromBase } from '../pythonCompat/names.js';
import { s3PathJoin } from '../pythonCompat/s3.js';

/** Settings Python's processors keep that the Airflow config drops. */
export interface DirectProcessingSettings {
  /** The container entrypoint of a plain `Processor`. @default - the image's */
  readonly entrypoint?: readonly string[] | null;
  /** KMS key of the outputs. @default - none */
  readonly outputKmsKey?: string | null;
}

/** Arguments of Python's `run`. */
export interface ProcessingRunOptions {
  readonly inputs?: readonly ProcessingInput[] | null;
  readonly outputs?: readonly ProcessingOutput[] | null;
  readonly arguments?: readonly string[] | null;
  readonly jobName?: string | null;
  readonly experimentConfig?: Readonly<Record<string, unknown>> | null;
  /** KMS key of the uploads. @default - none */
  readonly kmsKey?: string | null;
  /** `ScriptProcessor` only: the script, local or in S3. @default - none */
  readonly code?: string | null;
}

/** One local file or folder to upload before the job (Python's `S3Uploader.upload`). */
export interface LocalUpload {
  readonly localPath: string;
  /** The S3 prefix it goes under (`<prefix>/<file name>` for a file). */
  readonly desiredS3Uri: string;
  readonly kmsKey: string | undefined;
}

/** A processing request and its uploads. */
export interface DirectProcessingJob {
  readonly request: Record<string, unknown>;
  readonly uploads: readonly LocalUpload[];
  /** The role as configured: a name without `/` is expanded with IAM GetRole. */
  readonly role: unknown;
  readonly jobName: string;
}

const CODE_INPUT = 'code';
const CODE_BASE = '/opt/ml/processing/input';

const isDirectory = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** Python's `urlparse(...).scheme`. */
const scheme = (url: string): string => /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1] ?? '';

/** Python's `os.path.basename(urlparse(code).path)`. */
function codeName(code: string): string {
  let path = code;
  if (scheme(code)) {
    path = code.slice(scheme(code).length + 1);
    if (path.startsWith('//')) path = path.slice(2).replace(/^[^/]*/, '');
  }
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The request of `run`, identical to the Python SDK's (v2.257.6).
 * @throws {@link OptionTypeError} for inputs or outputs that are not `ProcessingInput`/`Output`;
 * {@link ValidationError} for a code URL scheme Python refuses.
 */
export function processingJobRequest(
  processor: Processor,
  options: ProcessingRunOptions = {},
  settings: DirectProcessingSettings = {},
): DirectProcessingJob {
  const session = processor.session;
  const jobName =
    options.jobName ??
    nameFromBase(
      processor.baseJobName || baseNameFromImage(processor.imageUri) || 'processing-job',
      session,
    );
  const uploads: LocalUpload[] = [];
  const kmsKey = options.kmsKey ?? undefined;
  const underJob = (...parts: string[]): string =>
    s3PathJoin(['s3://', session.defaultBucket(), session.defaultBucketPrefix, jobName, ...parts]);

  let inputs: unknown[] = [...(options.inputs ?? [])];
  let entrypoint = settings.entrypoint ?? undefined;
  if (processor.kind === 'scriptProcessor' && options.code != null) {
    const code = options.code;
    const kind = scheme(code);
    let codeUri: string;
    if (kind === 's3') codeUri = code;
    else if (kind === '' || kind === 'file') {
      const desired = underJob('input', CODE_INPUT);
      const local =
        kind === 'file' ? decodeURIComponent(code.replace(/^file:(\/\/[^/]*)?/, '')) : code;
      if (!existsSync(local)) throw new LocalPathNotFoundError('run.code', code);
      if (!statSync(local).isFile())
        throw new ValidationError('run.code', code, 'a path to a file, not a directory');
      uploads.push({ localPath: local, desiredS3Uri: desired, kmsKey });
      codeUri = `${desired}/${codeName(local)}`;
    } else {
      throw new ValidationError('run.code', code, 'a local file path or an s3:// URL');
    }
    inputs = [
      ...inputs,
      new ProcessingInput({
        source: codeUri,
        destination: `${CODE_BASE}/${CODE_INPUT}`,
        inputName: CODE_INPUT,
      }),
    ];
    entrypoint = [
      ...(processor as unknown as { command: readonly string[] }).command,
      `${CODE_BASE}/${CODE_INPUT}/${codeName(code)}`,
    ];
  }

  const normalizedInputs = inputs.map((input, i) => {
    if (!(input instanceof ProcessingInput))
      throw new OptionTypeError(`run.inputs[${i}]`, input, 'a ProcessingInput');
    const p = input.props;
    const name = p.inputName ?? `input-${i + 1}`;
    let source = p.source ?? null;
    if (!p.datasetDefinition && typeof source === 'string' && scheme(source) !== 's3') {
      const desired = underJob('input', name);
      uploads.push({ localPath: source, desiredS3Uri: desired, kmsKey });
      // Python points the input at the uploaded file itself, or at the folder's prefix.
      source = isDirectory(source)
        ? desired
        : `${desired}/${source.slice(source.lastIndexOf('/') + 1)}`;
    }
    return new ProcessingInput({ ...p, inputName: name, source }).toRequest();
  });
  const normalizedOutputs = (options.outputs ?? []).map((output, i) => {
    if (!(output instanceof ProcessingOutput))
      throw new OptionTypeError(`run.outputs[${i}]`, output, 'a ProcessingOutput');
    const p = output.props;
    const name = p.outputName ?? `output-${i + 1}`;
    const destination =
      typeof p.destination === 'string' && scheme(p.destination) === 's3'
        ? p.destination
        : underJob('output', name);
    return new ProcessingOutput({ ...p, outputName: name, destination }).toRequest();
  });

  const outputConfig = defined({
    Outputs: normalizedOutputs,
    KmsKeyId: settings.outputKmsKey ?? undefined,
  });
  const request = defined({
    ProcessingJobName: jobName,
    ProcessingResources: {
      ClusterConfig: defined({
        InstanceType: processor.instanceType ?? null,
        InstanceCount: processor.instanceCount ?? null,
        VolumeSizeInGB: processor.volumeSizeInGB,
        VolumeKmsKeyId: processor.volumeKmsKey,
      }),
    },
    AppSpecification: defined({
      ImageUri: processor.imageUri,
      ContainerArguments: options.arguments ?? undefined,
      ContainerEntrypoint: entrypoint,
    }),
    RoleArn: processor.role,
    ProcessingInputs: normalizedInputs.length > 0 ? normalizedInputs : undefined,
    ProcessingOutputConfig: normalizedOutputs.length > 0 ? outputConfig : undefined,
    Environment: processor.env,
    NetworkConfig: processor.networkConfig?.toRequest(),
    StoppingCondition:
      processor.maxRuntimeInSeconds !== undefined
        ? { MaxRuntimeInSeconds: processor.maxRuntimeInSeconds }
        : undefined,
    Tags: processor.tags,
    ExperimentConfig:
      options.experimentConfig && Object.keys(options.experimentConfig).length > 0
        ? options.experimentConfig
        : undefined,
  });
  return { request, uploads, role: processor.role, jobName };
}
