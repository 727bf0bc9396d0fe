import { describe, expect, it } from 'vitest';
import { baseNameFromImage, nameFromBase } from '../../src/pythonCompat/names.js';
import { parseS3Url, posixPathJoin, s3PathJoin } from '../../src/pythonCompat/s3.js';
import { sagemakerShortTimestamp, sagemakerTimestamp } from '../../src/pythonCompat/timestamps.js';
import { createSession } from '../../src/session.js';

const clock = (now: number) => ({ now: () => now, timeZone: 'utc' as const });

describe('timestamps', () => {
  it('takes up to three digits of repr(now), not zero-padded milliseconds', () => {
    expect(sagemakerTimestamp(1650504550.03)).toBe('2022-04-21-01-29-10-03');
    expect(sagemakerTimestamp(1889312915.0)).toBe('2029-11-14-01-08-35-0');
    expect(sagemakerTimestamp(1714564800.25)).toBe('2024-05-01-12-00-00-25');
    expect(sagemakerTimestamp(1790635680.472213)).toBe('2026-09-28-22-48-00-472');
  });

  it('formats the short stamp as yymmdd-HHMM', () => {
    expect(sagemakerShortTimestamp(1650504550.03, 'utc')).toBe('220421-0129');
  });
});

describe('nameFromBase', () => {
  it('truncates the base so the name fits', () => {
    const name = nameFromBase('x'.repeat(80), clock(1650504550.03));
    expect(name).toBe(`${'x'.repeat(40)}-2022-04-21-01-29-10-03`);
    expect(name.length).toBe(63);
  });

  it('uses the short stamp and 32 characters for tuning names', () => {
    expect(
      nameFromBase('a-very-long-tuning-base-name', clock(1650504550.03), {
        maxLength: 32,
        short: true,
      }),
    ).toBe('a-very-long-tuning-b-220421-0129');
  });
});

describe('baseNameFromImage', () => {
  it.each([
    ['123.dkr.ecr.us-east-1.amazonaws.com/team/algo:1.0', 'algo'],
    ['host:5000/algo', 'algo'],
    ['algo@sha256:ab', 'algo@sha256'],
    ['{{ image_uri }}', '{{ image_uri }}'],
    ['a:b:c', 'a:b:c'],
  ])('%s -> %s', (image, expected) => {
    expect(baseNameFromImage(image)).toBe(expected);
  });
});

describe('S3 paths', () => {
  it('joins as Python s3_path_join does', () => {
    expect(s3PathJoin(['s3://', 'bucket', undefined], { withEndSlash: true })).toBe('s3://bucket/');
    expect(s3PathJoin(['s3://', 'bucket', 'team/project'], { withEndSlash: true })).toBe(
      's3://bucket/team/project/',
    );
    expect(s3PathJoin(['s3://', 'b', '/x//y/', 'job'])).toBe('s3://b/x/y/job');
    expect(s3PathJoin(['/a/', '', null, 'b/'])).toBe('a/b');
    expect(s3PathJoin(['s3://'])).toBe('s3://');
  });

  it('parses s3 URLs as urlparse does and refuses other schemes', () => {
    expect(parseS3Url('s3://bucket/a/b?x=1#f')).toEqual({ bucket: 'bucket', key: 'a/b' });
    expect(parseS3Url('S3://bucket')).toEqual({ bucket: 'bucket', key: '' });
    expect(() => parseS3Url('{{ output_path }}')).toThrow(/s3:\/\//);
  });

  it('joins local paths as os.path.join', () => {
    expect(posixPathJoin('s3://b/', 'job', 'output')).toBe('s3://b/job/output');
    expect(posixPathJoin('s3://b', '/abs', 'x')).toBe('/abs/x');
  });
});

describe('session partitions', () => {
  it.each([
    ['us-east-2', 'aws', 'amazonaws.com'],
    ['cn-northwest-1', 'aws-cn', 'amazonaws.com.cn'],
    ['us-gov-west-1', 'aws-us-gov', 'amazonaws.com'],
    ['us-iso-east-1', 'aws-iso', 'c2s.ic.gov'],
    ['us-isob-east-1', 'aws-iso-b', 'sc2s.sgov.gov'],
    ['us-isof-south-1', 'aws-iso-f', 'csp.hci.ic.gov'],
    ['eusc-de-east-1', 'aws-eusc', 'amazonaws.eu'],
    ['ap-southeast-9', 'aws', 'amazonaws.com'],
  ])('%s is in %s (%s)', (region, partition, dnsSuffix) => {
    // GIVEN a region WHEN a session is made THEN it knows the region's partition
    const session = createSession({ region });
    expect(session.partition).toBe(partition);
    expect(session.dnsSuffix).toBe(dnsSuffix);
  });

  it('leaves an unknown region without a partition', () => {
    expect(createSession({ region: 'mars-north-1' }).partition).toBeUndefined();
  });
});
