/**
 * `deploy` / `deployTrained`: Python's `model.deploy(...)` and `estimator.deploy(...)` — the model
 * created (code staged, role expanded), then CreateEndpointConfig and CreateEndpoint, and with
 * `wait` the endpoint waited for as the endpoint operator waits.
 */
import { deployRequests, type DeployRequestOptions } from '../../direct/deployRequests.js';
import type { ModelCodeSettings } from '../../direct/modelContainer.js';
import {
  checkEstimatorTags,
  modelDataOf,
  trainedModel,
  type TrainedModelOptions,
} from '../../direct/trainedModel.js';
import type { AnyEstimator } from '../../estimators/AnyEstimator.js';
import type { AnyModel, ModelData } from '../../estimators/Model.js';
import { formatTags } from '../../estimators/tags.js';
import { loadSageMakerSdk } from '../../internal/loadPeer.js';
import type { TrainingRun } from '../../estimators/trainingRun.js';
import { nameFromBase } from '../../pythonCompat/names.js';
import type { DirectSession } from './DirectSession.js';
import { readDataLocation } from './algorithmBucket.js';
import { createModel } from './deployModel.js';
import { waitForResource, type DirectWaitOptions } from './waitForDirectJob.js';

/** Options of {@link deploy}. */
export interface DeployOptions extends DeployRequestOptions, DirectWaitOptions {
  /** Model settings our model classes do not hold. @default - none */
  readonly settings?: ModelCodeSettings;
}

/** What `deploy` created. */
export interface Deployment {
  readonly endpointName: string;
  readonly modelName: string;
}

/**
 * Deploys a model as Python's `model.deploy(...)` does.
 * @throws ValidationError for arguments Python refuses; the AWS clients' errors.
 * @example
 * const { endpointName } = await deploy(direct, model, { initialInstanceCount: 1, instanceType: 'ml.m5.large', wait: false });
 */
export async function deploy(
  direct: DirectSession,
  model: AnyModel,
  options: DeployOptions,
): Promise<Deployment> {
  const requests = await direct.build(() => deployRequests(model, options, options.settings));
  const modelName = await createModel(direct, requests.model);
  const sagemaker = direct.clients.sagemaker;
  const { CreateEndpointCommand, CreateEndpointConfigCommand } = await loadSageMakerSdk();
  await sagemaker.send(new CreateEndpointConfigCommand(requests.endpointConfig as never));
  const created = await sagemaker.send(new CreateEndpointCommand(requests.endpoint as never));
  if (options.wait ?? true) {
    const arn = (created as { EndpointArn?: string } | undefined)?.EndpointArn;
    await waitForResource(direct, 'endpoint', requests.endpointName, arn, options.waitOptions);
  }
  return { endpointName: requests.endpointName, modelName };
}

/** Python's `EstimatorBase.model_data`: DescribeTrainingJob of the run's job. */
export async function trainedModelData(
  direct: DirectSession,
  run: TrainingRun,
): Promise<ModelData> {
  const { DescribeTrainingJobCommand } = await loadSageMakerSdk();
  const description = await direct.clients.sagemaker.send(
    new DescribeTrainingJobCommand({ TrainingJobName: run.jobName }),
  );
  return modelDataOf(description as unknown as Record<string, unknown>);
}

/** Options of {@link deployTrained}. */
export interface TrainedDeployOptions extends Omit<DeployOptions, 'settings'>, TrainedModelOptions {
  /** @default - `<base job name>-<timestamp>` */
  readonly modelName?: string | null;
}

/**
 * Deploys the model of `estimator`'s job `run` as Python's `estimator.deploy(...)` does: the
 * endpoint and model are named after the base job name, tags fall back to the estimator's.
 * @throws as {@link deploy}.
 * @example
 * const { jobName, run } = await fit(direct, estimator, { inputs });
 * await deployTrained(direct, estimator, run, { initialInstanceCount: 1, instanceType: 'ml.m5.large' });
 */
export async function deployTrained(
  direct: DirectSession,
  estimator: AnyEstimator,
  run: TrainingRun,
  options: TrainedDeployOptions,
): Promise<Deployment> {
  await readDataLocation(direct, estimator);
  const defaultName = nameFromBase(run.baseJobName, estimator.session);
  const modelData = await trainedModelData(direct, run);
  const { model, settings } = await direct.build(() =>
    trainedModel(estimator, run, modelData, options),
  );
  checkEstimatorTags(estimator);
  const tags = formatTags(options.tags, 'tags');
  return deploy(direct, model.withName(options.modelName || defaultName), {
    ...options,
    endpointName: options.endpointName || defaultName,
    tags: tags && tags.length > 0 ? tags : (estimator.options.tags ?? null),
    settings,
  });
}
