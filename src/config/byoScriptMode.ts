/** The script-mode step of a generic (bring-your-own image) estimator's training config. */
import type { ResolvedEstimatorBase } from '../estimators/EstimatorBase.js';
import type { UploadedCode } from '../estimators/types.js';
import { jsonDumps } from '../pythonCompat/jsonDumps.js';
import { pyTruthy } from '../pythonCompat/truthy.js';
import type { Session } from '../session.js';
import { validateSourceDir } from './localCode.js';
import type { S3Upload } from './s3Operations.js';
import { stageUserCode } from './stageUserCode.js';

/** Path of the code tarball inside the container when network isolation is on. */
const CONTAINER_CODE_PATH = '/opt/ml/input/data/code/sourcedir.tar.gz';

/** The staged code, its upload, the code channel (isolated jobs) and the script-mode hyperparameters. @internal */
export interface ScriptModeResult {
  readonly uploadedCode: UploadedCode;
  readonly upload: S3Upload | undefined;
  readonly codeChannelUri: string | undefined;
  readonly hyperparameters: Record<string, string>;
}

/**
 * Python's `EstimatorBase._prepare_for_training` script-mode branch for the generic
 * estimator. @internal
 */
export function prepareByoScriptMode(
  o: ResolvedEstimatorBase,
  session: Session,
  jobName: string,
  outputPath: string,
  outputPathFromDefault: boolean,
): ScriptModeResult {
  validateSourceDir('Estimator', o.entryPoint, o.sourceDir);
  const { staged: uploadedCode, upload } = stageUserCode({
    owner: 'Estimator',
    entryPoint: o.entryPoint ?? '',
    sourceDir: o.sourceDir,
    dependencies: o.dependencies,
    codeLocation: o.codeLocation,
    outputPath,
    outputPathFromDefault,
    jobName,
  });
  const isolated = pyTruthy(o.enableNetworkIsolation) && Boolean(o.entryPoint);
  const hyperparameters = {
    sagemaker_submit_directory: jsonDumps(isolated ? CONTAINER_CODE_PATH : uploadedCode.s3Prefix),
    sagemaker_program: jsonDumps(uploadedCode.scriptName),
    sagemaker_container_log_level: jsonDumps(o.containerLogLevel),
    sagemaker_job_name: jsonDumps(jobName),
    sagemaker_region: jsonDumps(session.region),
  };
  return {
    uploadedCode,
    upload,
    codeChannelUri: isolated ? uploadedCode.s3Prefix : undefined,
    hyperparameters,
  };
}
