/**
 * `createModel`: Python's `Model._create_sagemaker_model` — the code staged (uploaded, or
 * repacked into the model archive), the role expanded, then CreateModel (an existing model is
 * kept, as Python swallows "Cannot create already existing model").
 */
import type { CodeStaging } from '../../direct/modelContainer.js';
import type { DirectModel } from '../../direct/modelRequest.js';
import { loadS3Sdk, loadSageMakerSdk } from '../../internal/loadPeer.js';
import type { DirectSession } from './DirectSession.js';
import { repackModel, uploadExtraArgs } from './repack.js';
import { serviceError } from './serviceError.js';
import { codePaths, localEntries, tarGz } from './tarGz.js';
import { LocalPathNotFoundError } from '../../errors.js';
import { existsSync } from 'node:fs';

/** Python's `tar_and_upload_dir` for a model's code. */
async function uploadModelCode(
  direct: DirectSession,
  staging: Extract<CodeStaging, { kind: 'upload' }>,
): Promise<void> {
  if (staging.sourceDir !== undefined && !existsSync(staging.sourceDir))
    throw new LocalPathNotFoundError('sourceDir', staging.sourceDir);
  const paths = codePaths(staging.entryPoint, staging.sourceDir, staging.dependencies);
  for (const p of paths) if (!existsSync(p)) throw new LocalPathNotFoundError('entryPoint', p);
  const body = tarGz(localEntries(paths));
  const extra = await uploadExtraArgs(direct, staging.bucket, staging.kmsKey);
  const { PutObjectCommand } = await loadS3Sdk();
  await direct.clients.s3.send(
    new PutObjectCommand({ Bucket: staging.bucket, Key: staging.key, ...extra, Body: body }),
  );
}

/** Stages a model's code as planned. */
export async function stageModelCode(
  direct: DirectSession,
  staging: CodeStaging | undefined,
): Promise<void> {
  if (staging?.kind === 'upload') await uploadModelCode(direct, staging);
  else if (staging?.kind === 'repack') await repackModel(direct, staging);
  else if (staging?.kind === 'inS3') await direct.expectedOwner(staging.bucket);
}

/**
 * Creates the model as Python does: staging, role expansion, CreateModel.
 * @returns the model name.
 */
export async function createModel(direct: DirectSession, model: DirectModel): Promise<string> {
  await stageModelCode(direct, model.plan.staging);
  const request = { ...model.request, ExecutionRoleArn: await direct.expandRole(model.role) };
  const { CreateModelCommand } = await loadSageMakerSdk();
  try {
    await direct.clients.sagemaker.send(new CreateModelCommand(request as never));
  } catch (error) {
    const info = serviceError(error);
    if (!(
      info?.code === 'ValidationException' &&
      info.message.includes('Cannot create already existing model')
    ))
      throw error;
  }
  return model.plan.name;
}
