/** A direct-path session whose clients talk to the local SageMaker and S3 endpoints. */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { DirectSession } from '../../src/operators/direct/DirectSession.js';
import type { OperatorClock } from '../../src/operators/clock.js';
import type { LocalS3, LocalSageMaker } from '../../src/testing/index.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * A session in us-west-2 with default bucket `bucket`; IAM and STS answer on the SageMaker port.
 * `now` pins the clock job names are stamped with; `withLogs` adds a CloudWatch Logs client (the
 * SageMaker port serves Logs too).
 */
export function localDirectSession(
  sagemaker: LocalSageMaker,
  s3: LocalS3,
  now?: () => number,
  withLogs = false,
): DirectSession {
  const common = { region: 'us-west-2', credentials, maxAttempts: 1 };
  return new DirectSession({
    region: 'us-west-2',
    defaultBucket: 'bucket',
    ...(now ? { now } : {}),
    clients: {
      sagemaker: new SageMakerClient({ ...common, endpoint: sagemaker.url }),
      s3: new S3Client({ ...common, endpoint: s3.endpoint, forcePathStyle: true }),
      iam: new IAMClient({ ...common, endpoint: sagemaker.url }),
      sts: new STSClient({ ...common, endpoint: sagemaker.url }),
      ...(withLogs && { logs: new CloudWatchLogsClient({ ...common, endpoint: sagemaker.url }) }),
    },
  });
}

/**
 * A clock for the operators' waiter whose sleeps return at once and move its own time on, so a
 * wait of many check intervals takes no real time (the local endpoint moves its jobs on with
 * `autoAdvanceSeconds` at each Describe).
 */
export function instantClock(): OperatorClock {
  let now = Date.now();
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
  };
}
