/**
 * Where Python's `EstimatorBase._stage_user_code_in_s3` puts a job's code: the S3 location of the
 * code tarball and the upload that makes it. Shared by the generic estimator's script mode and
 * the framework estimators.
 */
import { OptionTypeError } from '../errors.js';
import { parseS3Url, posixBasename, s3PathJoin } from '../pythonCompat/s3.js';
import { checkCodeToPack, isS3Uri } from './localCode.js';
import type { S3Upload } from './s3Operations.js';
import type { UploadedCode } from '../estimators/types.js';

/** What the staging reads. */
export interface CodeToStage {
  /** The estimator's class name, for error messages. */
  readonly owner: string;
  readonly entryPoint: string;
  readonly sourceDir: string | undefined;
  readonly dependencies: readonly string[];
  readonly codeLocation: string | undefined;
  readonly outputPath: string;
  /** Whether the output path is the session's default (then its key prefix is kept). */
  readonly outputPathFromDefault: boolean;
  /** The job name Python's `_prepare_for_training` set. */
  readonly jobName: string;
}

/**
 * The staged code and, unless the source dir is already in S3, its upload.
 * @throws {@link ValidationError} for an output path or code location that is not an S3 URL
 * (Python parses them before it looks at the source dir); {@link OptionTypeError} for a job name
 * that is not a string; {@link LocalPathNotFoundError} for missing local code.
 */
export function stageUserCode(code: CodeToStage): {
  staged: UploadedCode;
  upload: S3Upload | undefined;
} {
  const { owner, entryPoint, sourceDir } = code;
  let bucket: string;
  let prefix: string;
  if (code.codeLocation === undefined) {
    const parsed = parseS3Url(code.outputPath, `${owner}.outputPath`);
    bucket = parsed.bucket;
    prefix = s3PathJoin([
      code.outputPathFromDefault ? parsed.key : undefined,
      checkJobName(code.jobName),
      'source',
    ]);
  } else {
    const parsed = parseS3Url(code.codeLocation, `${owner}.codeLocation`);
    parseS3Url(code.outputPath, `${owner}.outputPath`);
    bucket = parsed.bucket;
    prefix = s3PathJoin([parsed.key, checkJobName(code.jobName), 'source']);
  }
  if (sourceDir && isS3Uri(sourceDir)) {
    return { staged: { s3Prefix: sourceDir, scriptName: entryPoint }, upload: undefined };
  }
  checkCodeToPack(owner, entryPoint, sourceDir, code.dependencies);
  const key = `${prefix}/sourcedir.tar.gz`;
  return {
    staged: {
      s3Prefix: `s3://${bucket}/${key}`,
      scriptName: sourceDir ? entryPoint : posixBasename(entryPoint),
    },
    upload: { Path: sourceDir ?? entryPoint, Bucket: bucket, Key: key, Tar: true },
  };
}

function checkJobName(jobName: unknown): string {
  // Python joins the job name into the code's S3 key (a tuner passing its mini-batch size as the
  // job name fails here with a TypeError).
  if (typeof jobName !== 'string') {
    throw new OptionTypeError(
      'jobName',
      jobName,
      'a string: the job name is part of the code S3 key',
    );
  }
  return jobName;
}
