/**
 * The framework part of `prepareTrainingJob`: Python's `EstimatorBase._prepare_for_training`
 * (checks and stages the code) followed by the Airflow code's `prepare_framework` (the
 * `S3Upload` of the code and the script-mode hyperparameters).
 */
import { OptionTypeError } from '../errors.js';
import type { Framework } from '../estimators/frameworks/Framework.js';
import { parseS3Url, posixBasename, s3PathJoin } from '../pythonCompat/s3.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { Session } from '../session.js';
import { validateSourceDir } from './localCode.js';
import { stageUserCode } from './stageUserCode.js';
import type { S3Operations, S3Upload } from './s3Operations.js';
import type { UploadedCode } from '../estimators/types.js';

/** What the framework preparation hands back to `prepareTrainingJob`. @internal */
export interface FrameworkTrainingValues {
  readonly uploadedCode: UploadedCode;
  readonly s3Operations: S3Operations;
  /** Uploads Python performs itself while staging, when they differ from `S3Operations`. */
  readonly uploads: readonly S3Upload[];
  /** The `code` channel's S3 URI with network isolation. */
  readonly codeChannelUri: string | undefined;
  /** The job's hyperparameters, JSON-encoded (computed on demand: Python reads them last). */
  readonly hyperparameters: () => Record<string, string>;
}

/**
 * Python's staging (`_stage_user_code_in_s3`) and `prepare_framework` for a framework estimator.
 * @throws {@link LocalPathNotFoundError} for a missing entry point, source dir or dependency;
 * {@link ValidationError} for an output path or code location that is not an S3 URL.
 */
export function frameworkTrainingValues(
  estimator: Framework,
  session: Session,
  preparedName: string,
  jobName: string,
  outputPath: string,
  outputPathFromDefault: boolean,
): FrameworkTrainingValues {
  const o = estimator.options;
  const owner = estimator.pythonClass.name;
  const entryPoint = estimator.entryPoint;
  const sourceDir = o.sourceDir;
  validateSourceDir(owner, entryPoint, sourceDir);

  // _stage_user_code_in_s3: where Python itself uploads the code (its `code` channel points there).
  const { staged, upload: stagedUpload } = stageUserCode({
    owner,
    entryPoint,
    sourceDir,
    dependencies: o.dependencies,
    codeLocation: o.codeLocation,
    outputPath,
    outputPathFromDefault,
    jobName: preparedName,
  });
  if (typeof jobName !== 'string') {
    throw new OptionTypeError(
      'jobName',
      jobName,
      'a string: the job name is part of the code S3 key',
    );
  }
  estimator.checkDebuggerDefaults();
  const isolated = pyTruthy(o.enableNetworkIsolation);

  // prepare_framework (airflow.py): the code location the job is told about, and its upload.
  let bucket: string;
  let key: string;
  if (o.codeLocation !== undefined) {
    const parsed = parseS3Url(o.codeLocation, `${owner}.codeLocation`);
    bucket = parsed.bucket;
    key = s3PathJoin([parsed.key, jobName, 'source', 'sourcedir.tar.gz']);
  } else {
    const parsed = parseS3Url(staged.s3Prefix, `${owner}.sourceDir`);
    bucket = parsed.bucket;
    key = parsed.key;
  }
  const script = posixBasename(entryPoint);
  let uploadedCode: UploadedCode;
  let s3Operations: S3Operations = {};
  if (sourceDir && sourceDir.toLowerCase().startsWith('s3://')) {
    uploadedCode = { s3Prefix: sourceDir, scriptName: script };
  } else {
    uploadedCode = { s3Prefix: `s3://${bucket}/${key}`, scriptName: script };
    s3Operations = {
      S3Upload: [{ Path: sourceDir || entryPoint, Bucket: bucket, Key: key, Tar: true }],
    };
  }
  const upload = s3Operations.S3Upload?.[0];
  const uploads =
    stagedUpload &&
    !(upload && upload.Bucket === stagedUpload.Bucket && upload.Key === stagedUpload.Key)
      ? [stagedUpload]
      : [];

  const hyperparameters = (): Record<string, string> =>
    estimator.hyperparameters({
      jobName,
      outputPath,
      scriptMode: {
        sagemaker_submit_directory: uploadedCode.s3Prefix,
        sagemaker_program: script,
        sagemaker_container_log_level: o.containerLogLevel,
        sagemaker_job_name: jobName,
        sagemaker_region: session.region,
      },
    });
  return {
    uploadedCode,
    s3Operations,
    uploads,
    codeChannelUri: isolated ? staged.s3Prefix : undefined,
    hyperparameters,
  };
}
