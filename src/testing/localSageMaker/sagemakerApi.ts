/**
 * The SageMaker operations the local endpoint serves, by name.
 * @internal
 */
import { createResource, stopJob } from './createResource.js';
import { describeBatchJob, describeTuning, findBatchJob } from './describeJobs.js';
import { describeTraining, findTrainingJobToStop } from './describeTraining.js';
import {
  describeEndpoint,
  describeEndpointConfig,
  findEndpointConfig,
  findModel,
  updateEndpoint,
} from './endpoints.js';
import { jobSummary, listResources } from './listResources.js';
import {
  resourceNotFound,
  seconds as s,
  unsupported,
  validationError,
  type Json,
} from './protocol.js';
import { alreadyExists, jobExists } from './ResourceStore.js';
import type { Simulation } from './Simulation.js';
import { processingRun } from './processingRun.js';
import { trainingRun } from './trainingRun.js';
import { modelDataUrls, transformRun } from './transformRun.js';
import { tuningRun } from './tuningJobs.js';
import { objectAt } from './s3Data.js';
import type { JobRun, Resource } from './ResourceStore.js';

type Operation = (sim: Simulation, body: Json) => Json;

const setRun = (r: Resource, run: JobRun | undefined): void => {
  if (run) r.run = run;
};

/** CreateModel refuses model data that is not there, as SageMaker does (with a local S3). */
function checkModelData(sim: Simulation, body: Json): void {
  if (!sim.s3) return;
  for (const url of modelDataUrls(body)) {
    // A prefix (uncompressed model data) is not one object.
    if (url.endsWith('/')) continue;
    if (!objectAt(sim.s3, url)) throw validationError(`Could not find model data at ${url}.`);
  }
}

const notFound = () => resourceNotFound('Requested resource not found.');

const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateTrainingJob(sim, body) {
    const r = createResource(sim, 'training', body, jobExists('Training job'));
    setRun(r, trainingRun(sim, body, r.name));
    return { TrainingJobArn: r.arn };
  },
  DescribeTrainingJob: describeTraining,
  StopTrainingJob: (sim, body) => stopJob(sim, findTrainingJobToStop(sim, body['TrainingJobName'])),
  ListTrainingJobs: (sim, body) =>
    listResources(sim, 'training', body, 'TrainingJobSummaries', jobSummary(sim, 'training')),

  CreateHyperParameterTuningJob(sim, body) {
    const r = createResource(sim, 'tuning', body, jobExists('Tuning job'));
    r.run = tuningRun(sim, r);
    return { HyperParameterTuningJobArn: r.arn };
  },
  DescribeHyperParameterTuningJob: describeTuning,
  StopHyperParameterTuningJob: (sim, body) =>
    stopJob(sim, sim.store.find('tuning', body['HyperParameterTuningJobName'], notFound)),
  ListHyperParameterTuningJobs: (sim, body) =>
    listResources(
      sim,
      'tuning',
      body,
      'HyperParameterTuningJobSummaries',
      jobSummary(sim, 'tuning'),
    ),

  CreateTransformJob(sim, body) {
    const model = findModel(sim, body);
    const r = createResource(sim, 'transform', body, jobExists('Transform job'));
    setRun(r, transformRun(sim, body, model));
    return { TransformJobArn: r.arn };
  },
  DescribeTransformJob: (sim, body) => describeBatchJob(sim, 'transform', body),
  StopTransformJob: (sim, body) =>
    stopJob(sim, findBatchJob(sim, 'transform', body['TransformJobName'])),
  ListTransformJobs: (sim, body) =>
    listResources(sim, 'transform', body, 'TransformJobSummaries', jobSummary(sim, 'transform')),

  CreateProcessingJob(sim, body) {
    const r = createResource(sim, 'processing', body, jobExists('Processing job'));
    setRun(r, processingRun(sim, body, sim.behaviours.find(r.name)));
    return { ProcessingJobArn: r.arn };
  },
  DescribeProcessingJob: (sim, body) => describeBatchJob(sim, 'processing', body),
  StopProcessingJob: (sim, body) =>
    stopJob(sim, findBatchJob(sim, 'processing', body['ProcessingJobName'])),
  ListProcessingJobs: (sim, body) =>
    listResources(sim, 'processing', body, 'ProcessingJobSummaries', jobSummary(sim, 'processing')),

  CreateModel(sim, body) {
    checkModelData(sim, body);
    return { ModelArn: createResource(sim, 'model', body, alreadyExists('model')).arn };
  },
  DescribeModel(sim, body) {
    const r = findModel(sim, body);
    return { ...r.request, ModelArn: r.arn, CreationTime: s(r.createdAt), Tags: undefined };
  },
  DeleteModel(sim, body) {
    sim.store.of('model').delete(findModel(sim, body).name);
    return {};
  },
  ListModels: (sim, body) =>
    listResources(sim, 'model', body, 'Models', (r) => ({
      ModelName: r.name,
      ModelArn: r.arn,
      CreationTime: s(r.createdAt),
    })),

  CreateEndpointConfig: (sim, body) => ({
    EndpointConfigArn: createResource(
      sim,
      'endpointConfig',
      body,
      alreadyExists('endpoint configuration'),
    ).arn,
  }),
  DescribeEndpointConfig: describeEndpointConfig,
  CreateEndpoint(sim, body) {
    findEndpointConfig(sim, body);
    return { EndpointArn: createResource(sim, 'endpoint', body, alreadyExists('endpoint')).arn };
  },
  UpdateEndpoint: updateEndpoint,
  DescribeEndpoint: describeEndpoint,
  ListEndpoints: (sim, body) =>
    listResources(sim, 'endpoint', body, 'Endpoints', (r) => ({
      EndpointName: r.name,
      EndpointArn: r.arn,
      CreationTime: s(r.createdAt),
      EndpointStatus: describeEndpoint(sim, { EndpointName: r.name })['EndpointStatus'],
    })),

  AddTags(sim, body) {
    const r = sim.store.findByArn(body['ResourceArn']);
    const added = Array.isArray(body['Tags']) ? (body['Tags'] as Json[]) : [];
    r.tags = [...r.tags.filter((t) => !added.some((a) => a['Key'] === t['Key'])), ...added];
    return { Tags: added };
  },
  ListTags: (sim, body) => ({ Tags: sim.store.findByArn(body['ResourceArn']).tags }),
};

/** Answers one SageMaker operation. @throws {ApiError} @internal */
export function sagemakerApi(sim: Simulation, operation: string, body: Json): Json {
  const handler = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
  if (!handler) throw unsupported(operation);
  return handler(sim, body);
}
