/** Direct-path sessions whose clients talk to the local SageMaker and S3 endpoints. */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { DirectSession } from '../../src/operators/direct/DirectSession.js';
import type { OperatorClock } from '../../src/operators/clock.js';
import { afterAll, beforeAll } from 'vitest';
import {
  startLocalS3,
  startLocalSageMaker,
  type LocalS3,
  type LocalSageMaker,
} from '../../src/testing/index.js';

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

/** The local endpoints of one test file and the sessions that talk to them. */
export interface LocalDirectEndpoints {
  readonly s3: LocalS3;
  readonly sagemaker: LocalSageMaker;
  /** {@link localDirectSession} over these endpoints. */
  session(now?: () => number, withLogs?: boolean): DirectSession;
}

/**
 * Starts local S3 and SageMaker (us-west-2, 30 simulated seconds per Describe) before the file's
 * tests and closes them after. `linkS3` lets the jobs read and write that S3 server;
 * `defaultBucket` creates the session's default bucket first, as most tests expect it to exist.
 */
export function useLocalDirectEndpoints(
  options: { readonly linkS3?: boolean; readonly defaultBucket?: boolean } = {},
): LocalDirectEndpoints {
  let s3: LocalS3 | undefined;
  let sagemaker: LocalSageMaker | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the local endpoints start in beforeAll');
    return value;
  };
  const endpoints: LocalDirectEndpoints = {
    get s3() {
      return started(s3);
    },
    get sagemaker() {
      return started(sagemaker);
    },
    session: (now, withLogs) =>
      localDirectSession(endpoints.sagemaker, endpoints.s3, now, withLogs),
  };
  beforeAll(async () => {
    s3 = await startLocalS3();
    sagemaker = await startLocalSageMaker({
      autoAdvanceSeconds: 30,
      region: 'us-west-2',
      ...(options.linkS3 === true && { s3 }),
    });
    if (options.defaultBucket !== false) await endpoints.session().defaultBucket();
  });
  afterAll(async () => {
    await sagemaker?.close();
    await s3?.close();
  });
  return endpoints;
}
