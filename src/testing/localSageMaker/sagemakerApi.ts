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
import { resourceNotFound, seconds as s, unsupported, type Json } from './protocol.js';
import { alreadyExists, jobExists } from './ResourceStore.js';
import type { Simulation } from './Simulation.js';
import { bestTrainingJob } from './tuningJobs.js';

type Operation = (sim: Simulation, body: Json) => Json;

const notFound = () => resourceNotFound('Requested resource not found.');

const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateTrainingJob: (sim, body) => ({
    TrainingJobArn: createResource(sim, 'training', body, jobExists('Training job')).arn,
  }),
  DescribeTrainingJob: describeTraining,
  StopTrainingJob: (sim, body) => stopJob(sim, findTrainingJobToStop(sim, body['TrainingJobName'])),
  ListTrainingJobs: (sim, body) =>
    listResources(sim, 'training', body, 'TrainingJobSummaries', jobSummary(sim, 'training')),

  CreateHyperParameterTuningJob(sim, body) {
    const r = createResource(sim, 'tuning', body, jobExists('Tuning job'));
    r.run = { completedFields: bestTrainingJob(sim, r) };
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
    findModel(sim, body);
    return {
      TransformJobArn: createResource(sim, 'transform', body, jobExists('Transform job')).arn,
    };
  },
  DescribeTransformJob: (sim, body) => describeBatchJob(sim, 'transform', body),
  StopTransformJob: (sim, body) =>
    stopJob(sim, findBatchJob(sim, 'transform', body['TransformJobName'])),
  ListTransformJobs: (sim, body) =>
    listResources(sim, 'transform', body, 'TransformJobSummaries', jobSummary(sim, 'transform')),

  CreateProcessingJob: (sim, body) => ({
    ProcessingJobArn: createResource(sim, 'processing', body, jobExists('Processing job')).arn,
  }),
  DescribeProcessingJob: (sim, body) => describeBatchJob(sim, 'processing', body),
  StopProcessingJob: (sim, body) =>
    stopJob(sim, findBatchJob(sim, 'processing', body['ProcessingJobName'])),
  ListProcessingJobs: (sim, body) =>
    listResources(sim, 'processing', body, 'ProcessingJobSummaries', jobSummary(sim, 'processing')),

  CreateModel: (sim, body) => ({
    ModelArn: createResource(sim, 'model', body, alreadyExists('model')).arn,
  }),
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
