/**
 * The local SageMaker and S3 endpoints an example runs against: the ones its caller passes (a
 * test that inspects them afterwards), or ones started for the run and stopped after it.
 */
import {
  startLocalS3,
  startLocalSageMaker,
  type LocalS3,
  type LocalSageMaker,
  type LocalSageMakerOptions,
} from 'sagemaker-workflow/testing';

/** Endpoints a caller already runs; each one missing is started. */
export interface GivenEndpoints {
  readonly sagemaker?: LocalSageMaker | undefined;
  readonly s3?: LocalS3 | undefined;
}

/** The endpoints of one run. */
export interface LocalEndpoints {
  readonly sagemaker: LocalSageMaker;
  /** The S3 server, also the SageMaker endpoint's data plane when that one was started here. */
  readonly s3: LocalS3;
  /** Stops the endpoints started here; the given ones stay up. */
  close(): Promise<void>;
}

/**
 * Takes the given endpoints and starts the missing ones, SageMaker reading its jobs' inputs from
 * and writing their outputs to that S3 server.
 * @param sagemakerOptions the started SageMaker endpoint's options, besides its `s3`
 */
export async function startLocalEndpoints(
  given: GivenEndpoints,
  sagemakerOptions: Omit<LocalSageMakerOptions, 's3'> & { readonly region: string },
): Promise<LocalEndpoints> {
  const owned: { close(): Promise<void> }[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(owned.map((endpoint) => endpoint.close()));
  };
  try {
    const s3 = given.s3 ?? (await startLocalS3({ region: sagemakerOptions.region }));
    if (!given.s3) owned.push(s3);
    const sagemaker = given.sagemaker ?? (await startLocalSageMaker({ ...sagemakerOptions, s3 }));
    if (!given.sagemaker) owned.push(sagemaker);
    return { sagemaker, s3, close };
  } catch (error) {
    await close();
    throw error;
  }
}
