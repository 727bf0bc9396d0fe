/**
 * What a training job does with S3, decided when it is created: every channel's data must exist
 * (an empty prefix, a missing manifest or a manifest naming missing objects fails the job while
 * downloading, in SageMaker's words), so must a script-mode code archive; the algorithm then
 * trains, and the completed job writes `<S3OutputPath>/<job>/output/model.tar.gz`.
 * @internal
 */
import { DataFormatError } from './algorithms/trainingRows.js';
import { trainModel } from './algorithms/index.js';
import { KnnError } from './algorithms/knn.js';
import type { Json } from './protocol.js';
import type { JobRun } from './ResourceStore.js';
import {
  dataSourceObjects,
  joinUri,
  MissingDataError,
  objectAt,
  writeObject,
  type S3Input,
} from './s3Data.js';
import type { Simulation } from './Simulation.js';

/** Where a completed training job's model goes. @internal */
export const modelArtifactsUri = (request: Json, jobName: string): string | undefined => {
  const output = (request['OutputDataConfig'] ?? {}) as Json;
  const path = output['S3OutputPath'];
  return typeof path === 'string' ? joinUri(path, `${jobName}/output/model.tar.gz`) : undefined;
};

/** The code archive a script-mode job names (`"s3://..."`, JSON-quoted by the Python SDK). */
function submitDirectory(hyperParameters: Json): string | undefined {
  const raw = hyperParameters['sagemaker_submit_directory'];
  if (typeof raw !== 'string') return undefined;
  const unquoted = raw.replace(/^"(.*)"$/, '$1');
  return unquoted.startsWith('s3://') ? unquoted : undefined;
}

/** The data plane's decision for a training request. @internal */
export function trainingRun(sim: Simulation, request: Json, jobName: string): JobRun | undefined {
  const s3 = sim.s3;
  if (!s3) return undefined;
  const channels = new Map<string, { objects: S3Input[]; contentType: string }>();
  const hyperParameters = (request['HyperParameters'] ?? {}) as Json;
  const image = ((request['AlgorithmSpecification'] ?? {}) as Json)['TrainingImage'];
  let model: Uint8Array;
  try {
    for (const channel of (request['InputDataConfig'] ?? []) as Json[]) {
      const source = ((channel['DataSource'] ?? {}) as Json)['S3DataSource'];
      if (typeof source !== 'object' || source === null) continue;
      const objects = dataSourceObjects(s3, source as Json, sim.store.region, request['RoleArn']);
      const contentType =
        typeof channel['ContentType'] === 'string'
          ? channel['ContentType']
          : 'application/x-recordio-protobuf';
      channels.set(String(channel['ChannelName']), { objects, contentType });
    }
    const code = submitDirectory(hyperParameters);
    if (code !== undefined && !objectAt(s3, code)) {
      return {
        failureReason: `AlgorithmError: framework error: botocore.exceptions.ClientError: An error occurred (404) when calling the HeadObject operation: Not Found (downloading sagemaker_submit_directory ${code})`,
      };
    }
    model = trainModel(image, hyperParameters, channels, sim.clock.now() / 1000);
  } catch (error) {
    if (
      error instanceof MissingDataError ||
      error instanceof KnnError ||
      error instanceof DataFormatError
    ) {
      return { failureReason: error.message };
    }
    throw error;
  }
  const target = modelArtifactsUri(request, jobName);
  return {
    complete: () => {
      if (target) writeObject(s3, target, model, 'application/x-tar');
    },
  };
}
