import { describe, expect, it } from 'vitest';
import { runCli as run } from '../cli/runCli.js';
import { retrieve } from '../../src/imageUris/retrieve.js';

describe('sagemaker-workflow image-uri', () => {
  it('prints the URI that retrieve gives, and exits 0', async () => {
    // GIVEN a full set of options WHEN the CLI runs
    const out = await run(
      'image-uri',
      'pytorch',
      '--region',
      'us-east-1',
      '--version',
      '2.1',
      '--py-version',
      'py310',
      '--instance-type',
      'ml.p3.2xlarge',
      '--scope',
      'training',
    );
    // THEN stdout is the URI alone
    expect(out).toStrictEqual({
      stdout: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.1-gpu-py310\n',
      stderr: '',
      code: 0,
    });
    expect(out.stdout.trim()).toBe(
      retrieve({
        framework: 'pytorch',
        region: 'us-east-1',
        version: '2.1',
        pyVersion: 'py310',
        instanceType: 'ml.p3.2xlarge',
        imageScope: 'training',
      }),
    );
  });

  it('resolves partitions and defaults (knn in China)', async () => {
    const out = await run('image-uri', 'knn', '--region', 'cn-north-1');
    expect(out.stdout).toBe('390948362332.dkr.ecr.cn-north-1.amazonaws.com.cn/knn:1\n');
  });

  it('prints the error on stderr and exits 1 for an unsupported combination', async () => {
    const out = await run('image-uri', 'knn', '--region', 'xx-nowhere-1');
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^Unsupported region: "xx-nowhere-1"\..*Supported: af-south-1, /);
  });

  it('exits 1 with usage for a missing region, an unknown option or command', async () => {
    const [noRegion, badOption, badCommand] = await Promise.all([
      run('image-uri', 'knn'),
      run('image-uri', 'knn', '--region', 'us-east-1', '--bogus'),
      run('nope'),
    ]);
    expect(noRegion.code).toBe(1);
    expect(noRegion.stderr).toMatch(/^Missing --region\n\nUsage: sagemaker-workflow image-uri/);
    expect(badOption.code).toBe(1);
    expect(badOption.stderr).toMatch(/Unknown option '--bogus'/);
    expect(badCommand.code).toBe(1);
    expect(badCommand.stderr).toMatch(
      /^Unknown command: nope\n\nUsage: sagemaker-workflow <command>/,
    );
  });
});
