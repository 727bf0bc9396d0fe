/**
 * Where a framework's `fit` puts its code: Python's `_stage_user_code_in_s3` alone (the Airflow
 * config stages it a second time under the code location, which `fit` does not), and the
 * script-mode hyperparameters that point at it.
 */
import type { S3Upload } from '../config/s3Operations.js';
import { stageUserCode } from '../config/stageUserCode.js';
import type { UploadedCode } from '../estimators/types.js';
import type { Framework } from '../estimators/frameworks/Framework.js';
import { jsonDumps } from '../pythonCompat/jsonDumps.js';
import { pyTruthy } from '../pythonCompat/truthy.js';

/** Path of the code tarball inside the container when network isolation is on. */
const CONTAINER_CODE_PATH = '/opt/ml/input/data/code/sourcedir.tar.gz';

/** The staged code, its upload and the hyperparameters naming it. */
export function frameworkStaging(
  estimator: Framework,
  jobName: string,
  outputPath: string,
): {
  uploadedCode: UploadedCode;
  upload: S3Upload | undefined;
  hyperparameters: Record<string, string>;
} {
  const o = estimator.options;
  const { staged, upload } = stageUserCode({
    owner: estimator.pythonClass.name,
    entryPoint: estimator.entryPoint,
    sourceDir: o.sourceDir,
    dependencies: o.dependencies,
    codeLocation: o.codeLocation,
    outputPath,
    outputPathFromDefault: o.outputPath === undefined,
    jobName,
  });
  const isolated = pyTruthy(o.enableNetworkIsolation);
  return {
    uploadedCode: staged,
    upload,
    hyperparameters: {
      sagemaker_submit_directory: jsonDumps(isolated ? CONTAINER_CODE_PATH : staged.s3Prefix),
      sagemaker_program: jsonDumps(staged.scriptName),
    },
  };
}
