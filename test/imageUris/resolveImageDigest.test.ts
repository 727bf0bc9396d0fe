import { ECRClient } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  imageExists,
  isEcrAccessDeniedError,
  isImageNotFoundError,
  isRepositoryNotFoundError,
  resolveImageDigest,
} from '../../src/imageUris/index.js';
import { isValidationError } from '../../src/errors.js';
import { startLocalEcr, type LocalEcr } from '../../src/testing/index.js';

const ACCOUNT = '123456789012';
const host = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;

describe('resolveImageDigest and imageExists against a local ECR endpoint', () => {
  let ecr: LocalEcr;
  let client: ECRClient;
  let algoDigest: string;

  beforeAll(async () => {
    ecr = await startLocalEcr({ registryId: ACCOUNT, repositories: ['empty'] });
    algoDigest = ecr.addImage({ repositoryName: 'my-algo', imageTags: ['1.0', 'latest'] });
    client = new ECRClient({
      endpoint: ecr.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    client.destroy();
    await ecr.close();
  });

  it('pins a tag to the digest of its image', async () => {
    // GIVEN an image tagged 1.0  WHEN resolving the tagged URI
    const pinned = await resolveImageDigest(`${host}/my-algo:1.0`, { client });
    // THEN the URI names the image by digest, found by DescribeImages in the URI's account
    expect(pinned).toBe(`${host}/my-algo@${algoDigest}`);
    expect(algoDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ecr.requests.at(-1)).toStrictEqual({
      action: 'DescribeImages',
      body: { registryId: ACCOUNT, repositoryName: 'my-algo', imageIds: [{ imageTag: '1.0' }] },
    });
  });

  it('follows a moved tag, and reads an untagged URI as latest', async () => {
    const newer = ecr.addImage({
      repositoryName: 'my-algo',
      imageTags: ['latest'],
      imageManifest: '{"v":2}',
    });
    expect(await resolveImageDigest(`${host}/my-algo`, { client })).toBe(
      `${host}/my-algo@${newer}`,
    );
    expect(await resolveImageDigest(`${host}/my-algo:1.0`, { client })).toBe(
      `${host}/my-algo@${algoDigest}`,
    );
  });

  it('returns a digest URI without calling ECR', async () => {
    const before = ecr.requests.length;
    const uri = `${host}/my-algo:1.0@${algoDigest}`;
    expect(await resolveImageDigest(uri, { client })).toBe(`${host}/my-algo@${algoDigest}`);
    expect(ecr.requests.length).toBe(before);
  });

  it('throws typed errors for a missing image and a missing repository', async () => {
    const missingTag = resolveImageDigest(`${host}/my-algo:9.9`, { client });
    await expect(missingTag).rejects.toSatisfy(isImageNotFoundError);
    const missingRepo = resolveImageDigest(`${host}/nope:1`, { client });
    await expect(missingRepo).rejects.toSatisfy(isRepositoryNotFoundError);
    await expect(missingRepo).rejects.toMatchObject({
      repositoryName: 'nope',
      registryId: ACCOUNT,
    });
    await expect(resolveImageDigest(`${host}/empty:1`, { client })).rejects.toSatisfy(
      isImageNotFoundError,
    );
  });

  it('refuses a URI that is not an ECR image URI', async () => {
    await expect(resolveImageDigest('docker.io/library/python:3', { client })).rejects.toSatisfy(
      isValidationError,
    );
  });

  it('imageExists answers true, false for a missing tag or repository', async () => {
    expect(await imageExists(`${host}/my-algo:1.0`, { client })).toBe(true);
    expect(await imageExists(`${host}/my-algo@${algoDigest}`, { client })).toBe(true);
    expect(await imageExists(`${host}/my-algo:9.9`, { client })).toBe(false);
    expect(await imageExists(`${host}/nope:1`, { client })).toBe(false);
  });

  it('falls back to BatchGetImage when DescribeImages is denied', async () => {
    // GIVEN a caller with pull permission only
    ecr.deny(['DescribeImages']);
    try {
      // WHEN pinning THEN the digest comes from BatchGetImage
      expect(await resolveImageDigest(`${host}/my-algo:1.0`, { client })).toBe(
        `${host}/my-algo@${algoDigest}`,
      );
      expect(ecr.requests.slice(-2).map((r) => r.action)).toStrictEqual([
        'DescribeImages',
        'BatchGetImage',
      ]);
      // AND its not-found answers keep their meaning
      await expect(resolveImageDigest(`${host}/my-algo:9.9`, { client })).rejects.toSatisfy(
        isImageNotFoundError,
      );
      await expect(resolveImageDigest(`${host}/nope:1`, { client })).rejects.toSatisfy(
        isRepositoryNotFoundError,
      );
      expect(await imageExists(`${host}/my-algo:9.9`, { client })).toBe(false);
    } finally {
      ecr.deny([]);
    }
  });

  it('throws EcrAccessDeniedError when both calls are denied', async () => {
    ecr.deny(['DescribeImages', 'BatchGetImage']);
    try {
      const denied = resolveImageDigest(`${host}/my-algo:1.0`, { client });
      await expect(denied).rejects.toSatisfy(isEcrAccessDeniedError);
      await expect(denied).rejects.toMatchObject({
        actions: ['ecr:DescribeImages', 'ecr:BatchGetImage'],
      });
      await expect(imageExists(`${host}/my-algo:1.0`, { client })).rejects.toSatisfy(
        isEcrAccessDeniedError,
      );
    } finally {
      ecr.deny([]);
    }
  });
});
