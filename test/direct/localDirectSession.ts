/** A direct-path session whose four clients talk to the local SageMaker and S3 endpoints. */
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { DirectSession } from '../../src/operators/direct/DirectSession.js';
import type { LocalS3, LocalSageMaker } from '../../src/testing/index.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/**
 * A session in us-west-2 with default bucket `bucket`; IAM and STS answer on the SageMaker port.
 * `now` pins the clock job names are stamped with.
 */
export function localDirectSession(
  sagemaker: LocalSageMaker,
  s3: LocalS3,
  now?: () => number,
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
    },
  });
}
