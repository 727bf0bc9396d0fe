import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalS3 } from '../../src/testing/index.js';

const s3 = await startLocalS3();
const client = new S3Client({ ...s3.clientConfig, maxAttempts: 1 });
afterAll(async () => {
  client.destroy();
  await s3.close();
});

describe('startLocalS3', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(s3.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the real S3 client: create, put, head, get, list with pages, delete many', async () => {
    // GIVEN a bucket made through the API and three objects, one of them a stream
    await client.send(new CreateBucketCommand({ Bucket: 'b1' }));
    await client.send(new PutObjectCommand({ Bucket: 'b1', Key: 'd/a b.txt', Body: 'hello' }));
    await client.send(new PutObjectCommand({ Bucket: 'b1', Key: 'd/é&<.txt', Body: 'x' }));
    await client.send(
      new PutObjectCommand({
        Bucket: 'b1',
        Key: 'e/stream',
        Body: Readable.from([Buffer.from('ab'), Buffer.from('cd')]),
        ContentLength: 4,
      }),
    );
    // WHEN they are read back
    const head = await client.send(new HeadObjectCommand({ Bucket: 'b1', Key: 'd/a b.txt' }));
    const got = await client.send(new GetObjectCommand({ Bucket: 'b1', Key: 'e/stream' }));
    const page1 = await client.send(
      new ListObjectsV2Command({ Bucket: 'b1', Prefix: 'd/', MaxKeys: 1 }),
    );
    const page2 = await client.send(
      new ListObjectsV2Command({
        Bucket: 'b1',
        Prefix: 'd/',
        MaxKeys: 1,
        ContinuationToken: page1.NextContinuationToken,
      }),
    );
    // THEN sizes, bodies, keys and pages are right
    expect(head.ContentLength).toBe(5);
    expect(await got.Body?.transformToString()).toBe('abcd');
    expect(page1.Contents?.map((c) => c.Key)).toStrictEqual(['d/a b.txt']);
    expect(page1.IsTruncated).toBe(true);
    expect(page2.Contents?.map((c) => c.Key)).toStrictEqual(['d/é&<.txt']);
    expect(page2.IsTruncated).toBe(false);
    // AND a batch delete removes what it names
    const deleted = await client.send(
      new DeleteObjectsCommand({
        Bucket: 'b1',
        Delete: { Objects: [{ Key: 'd/a b.txt' }, { Key: 'd/é&<.txt' }] },
      }),
    );
    expect(deleted.Deleted?.map((d) => d.Key)).toStrictEqual(['d/a b.txt', 'd/é&<.txt']);
    expect([...s3.objects('b1').keys()]).toStrictEqual(['e/stream']);
  });

  it('answers missing objects and buckets, and injected faults, with S3 errors', async () => {
    s3.createBucket('b2');
    const missing = client.send(new GetObjectCommand({ Bucket: 'b2', Key: 'nope' }));
    await expect(missing).rejects.toMatchObject({ name: 'NoSuchKey' });
    const noBucket = client.send(new PutObjectCommand({ Bucket: 'nobucket', Key: 'k', Body: 'x' }));
    await expect(noBucket).rejects.toMatchObject({ name: 'NoSuchBucket' });
    // The second PUT to b2 fails once with SlowDown.
    s3.injectFault({ operation: 'PutObject', after: 1, status: 503, code: 'SlowDown' });
    await client.send(new PutObjectCommand({ Bucket: 'b2', Key: 'one', Body: '1' }));
    const second = await client
      .send(new PutObjectCommand({ Bucket: 'b2', Key: 'two', Body: '2' }))
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(S3ServiceException);
    expect((second as S3ServiceException).name).toBe('SlowDown');
    await client.send(new PutObjectCommand({ Bucket: 'b2', Key: 'three', Body: '3' }));
    expect([...s3.objects('b2').keys()].sort()).toStrictEqual(['one', 'three']);
    expect(s3.requests.filter((r) => r.faulted).map((r) => r.key)).toStrictEqual(['two']);
  });

  it('answers the bucket calls the operators make: HeadBucket, CreateBucket twice, ListBuckets', async () => {
    // GIVEN a server where bucket "made" does not exist yet
    const head = () => client.send(new HeadBucketCommand({ Bucket: 'made' }));
    // WHEN it is looked up, created twice, looked up again and listed
    await expect(head()).rejects.toMatchObject({
      name: 'NotFound',
      $metadata: { httpStatusCode: 404 },
    });
    await client.send(new CreateBucketCommand({ Bucket: 'made' }));
    await client.send(new CreateBucketCommand({ Bucket: 'made' }));
    const found = await head();
    const listed = await client.send(new ListBucketsCommand({}));
    // THEN it exists once, in the listing and in the server's view, and nothing was emptied
    expect(found.$metadata.httpStatusCode).toBe(200);
    expect(listed.Buckets?.map((b) => b.Name)).toStrictEqual(s3.buckets());
    expect(s3.buckets().filter((b) => b === 'made')).toStrictEqual(['made']);
    expect(s3.requests.filter((r) => r.bucket === 'made').map((r) => r.operation)).toStrictEqual([
      'HeadBucket',
      'CreateBucket',
      'CreateBucket',
      'HeadBucket',
    ]);
  });

  it('puts the region it was given in the client config', async () => {
    const other = await startLocalS3({ region: 'us-east-2', buckets: ['x'] });
    try {
      expect(other.clientConfig.region).toBe('us-east-2');
      expect(other.buckets()).toStrictEqual(['x']);
    } finally {
      await other.close();
    }
  });
});
