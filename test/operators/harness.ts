/**
 * Test harness: a local SageMaker/Logs endpoint and the real AWS SDK clients pointed at it over
 * HTTP, with a fast fixed-delay retry strategy (the SDK's retries, only quicker).
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { OperatorLogger } from '../../src/operators/logger.js';
import type { LocalS3 } from '../../src/testing/index.js';
import {
  startLocalSageMaker,
  type LocalSageMaker,
  type LocalSageMakerOptions,
} from '../../src/testing/index.js';

export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface CapturingLogger extends OperatorLogger {
  readonly lines: string[];
}

export function capturingLogger(): CapturingLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => void lines.push(`info: ${m}`),
    warn: (m) => void lines.push(`warn: ${m}`),
    error: (m) => void lines.push(`error: ${m}`),
  };
}

export interface Harness {
  readonly local: LocalSageMaker;
  readonly sagemaker: SageMakerClient;
  readonly logs: CloudWatchLogsClient;
  readonly logger: CapturingLogger;
  close(): Promise<void>;
}

export const fastRetry = (maxAttempts: number) => new ConfiguredRetryStrategy(maxAttempts, () => 5);

export async function startHarness(
  options: LocalSageMakerOptions = {},
  maxAttempts = 4,
): Promise<Harness> {
  const local = await startLocalSageMaker({ autoAdvanceSeconds: 20, ...options });
  const common = {
    endpoint: local.url,
    region: 'us-east-1',
    credentials,
    retryStrategy: fastRetry(maxAttempts),
  };
  const sagemaker = new SageMakerClient(common);
  const logs = new CloudWatchLogsClient(common);
  return {
    local,
    sagemaker,
    logs,
    logger: capturingLogger(),
    async close() {
      sagemaker.destroy();
      logs.destroy();
      await local.close();
    },
  };
}

/** An S3 client for the local S3 server, with the fast retries. */
export function s3ClientFor(local: LocalS3): S3Client {
  return new S3Client({ ...local.clientConfig, retryStrategy: fastRetry(2) });
}

/** Options for fast waits: a check every 10 to 20 ms. */
export const FAST = { checkIntervalSeconds: 0.01, maxCheckIntervalSeconds: 0.02 } as const;
