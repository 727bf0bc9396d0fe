/**
 * Local S3 and SageMaker endpoints wired together, with the real AWS SDK clients over HTTP.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { afterEach, beforeEach } from 'vitest';
import {
  startLocalS3,
  startLocalSageMaker,
  type LocalS3,
  type LocalSageMaker,
  type LocalSageMakerOptions,
} from '../../src/testing/index.js';

export const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
export const KNN_IMAGE = '382416733822.dkr.ecr.us-east-1.amazonaws.com/knn:1';
export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface LocalEndpoints {
  readonly s3: LocalS3;
  readonly local: LocalSageMaker;
  readonly sagemaker: SageMakerClient;
  readonly s3Client: S3Client;
  close(): Promise<void>;
}

/** Starts both endpoints; SageMaker reads and writes the S3 server's objects. */
export async function startLocalEndpoints(
  options: LocalSageMakerOptions = {},
  maxAttempts = 3,
): Promise<LocalEndpoints> {
  const s3 = await startLocalS3({ buckets: ['bucket'] });
  const local = await startLocalSageMaker({ autoAdvanceSeconds: 20, s3, ...options });
  const retryStrategy = new ConfiguredRetryStrategy(maxAttempts, () => 1);
  const sagemaker = new SageMakerClient({
    endpoint: local.url,
    region: 'us-east-1',
    credentials,
    retryStrategy,
  });
  const s3Client = new S3Client({ ...s3.clientConfig, retryStrategy });
  return {
    s3,
    local,
    sagemaker,
    s3Client,
    async close() {
      sagemaker.destroy();
      s3Client.destroy();
      await local.close();
      await s3.close();
    },
  };
}

/**
 * Starts fresh endpoints before each test of the file and closes them after it; `use` receives
 * them once started (to keep them and seed data), so no test sees another's jobs or objects.
 */
export function withLocalEndpointsEachTest(use: (endpoints: LocalEndpoints) => void): void {
  let current: LocalEndpoints | undefined;
  beforeEach(async () => {
    current = await startLocalEndpoints();
    use(current);
  });
  afterEach(async () => {
    await current?.close();
  });
}

/** A training request on the KNN image reading `s3://bucket/<prefix>`. */
export function knnTraining(name: string, extra: Record<string, unknown> = {}): any {
  return {
    TrainingJobName: name,
    AlgorithmSpecification: { TrainingImage: KNN_IMAGE, TrainingInputMode: 'File' },
    RoleArn: ROLE,
    InputDataConfig: [
      {
        ChannelName: 'train',
        ContentType: 'text/csv',
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: 's3://bucket/train/',
            S3DataDistributionType: 'FullyReplicated',
          },
        },
      },
    ],
    OutputDataConfig: { S3OutputPath: 's3://bucket/output' },
    ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 86400 },
    HyperParameters: { k: '3', feature_dim: '2', sample_size: '6', predictor_type: 'classifier' },
    ...extra,
  };
}

/** Six labelled 2-feature rows, label first: two clusters. */
export const TWO_CLUSTERS = ['0,0,0', '0,0,1', '0,1,0', '1,9,9', '1,9,8', '1,8,9'].join('\n');
