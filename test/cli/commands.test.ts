import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './runCli.js';
import packageJson from '../../package.json' with { type: 'json' };

const dir = mkdtempSync(join(tmpdir(), 'sw-cli-'));

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const validTransform = {
  TransformJobName: 'iris-knn-2024-01-01',
  ModelName: 'iris-knn',
  TransformInput: {
    DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/batch' } },
    ContentType: 'text/csv',
    SplitType: 'Line',
  },
  TransformOutput: { S3OutputPath: 's3://bucket/out' },
  TransformResources: { InstanceCount: 1, InstanceType: 'ml.m5.large' },
};

describe('sagemaker-workflow --version and --help', () => {
  it('prints the package version', async () => {
    // GIVEN the CLI WHEN run with --version THEN it prints package.json's version
    expect(await run('--version')).toStrictEqual({
      stdout: `${packageJson.version}\n`,
      stderr: '',
      code: 0,
    });
  });

  it.each(['image-uri', 'validate', 'render'])('prints the usage of %s', async (command) => {
    // GIVEN a command WHEN run with --help THEN its usage goes to stdout with exit 0
    const out = await run(command, '--help');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Usage: sagemaker-workflow ${command}`);
  });

  it('lists every command in the top-level help', async () => {
    const out = await run('--help');
    expect(out.stdout).toMatch(/image-uri[\s\S]*validate[\s\S]*render/);
  });

  it.each(['deploy', 'toString', '__proto__'])(
    'refuses the unknown command %s with the help and exit 1',
    async (command) => {
      // GIVEN a name that is no command, including an Object.prototype member, WHEN run THEN it
      // is named as unknown (the table is not read through the prototype) and the help follows
      const out = await run(command);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(new RegExp(`^Unknown command: ${command}\n\nUsage:`));
    },
  );
});

describe('sagemaker-workflow validate', () => {
  it('exits 0 for a valid config, inferring its kind', async () => {
    // GIVEN a valid transform request WHEN validated THEN exit 0 and it says which kind
    const out = await run('validate', file('ok.json', validTransform));
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('a valid transform config');
  });

  it('prints each problem with its field path and exits 1', async () => {
    // GIVEN a transform with a bad name and a missing output
    const bad = { ...validTransform, TransformJobName: 'bad name!', TransformOutput: undefined };
    // WHEN validated
    const out = await run('validate', file('bad.json', bad), '--kind', 'transform');
    // THEN each problem names its path, and the exit code is 1
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('TransformJobName:');
    expect(out.stderr).toContain('TransformOutput: is required');
  });

  it('checks the parts of a composite config under their keys', async () => {
    const composite = { Model: { ModelName: 'bad name!' }, Transform: validTransform };
    const out = await run('validate', file('composite.json', composite), '--json');
    expect(out.code).toBe(1);
    const problems = JSON.parse(out.stdout) as { path: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.path.startsWith('Model.'))).toBe(true);
  });

  it('refuses an unknown kind and a file that is not JSON, naming them', async () => {
    expect(
      (await run('validate', file('k.json', validTransform), '--kind', 'nope')).stderr,
    ).toMatch(/Unknown --kind "nope"\. Accepted: training/);
    const notJson = await run('validate', file('x.json', '{nope'));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('is not JSON');
  });
});

describe('sagemaker-workflow render', () => {
  it('renders the templates of a config with a JSON context', async () => {
    // GIVEN a config with Airflow templates and a context
    const config = { TrainingJobName: 'train-{{ ds_nodash }}', Nested: ['{{ params.n }}'] };
    const context = { ds_nodash: '20240101', params: { n: 3 } };
    // WHEN rendered THEN the templated strings are replaced, the rest untouched
    const out = await run('render', file('t.json', config), '--context', file('c.json', context));
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toStrictEqual({
      TrainingJobName: 'train-20240101',
      Nested: ['3'],
    });
  });

  it('exits 1 with the template error for an undefined variable', async () => {
    const out = await run(
      'render',
      file('u.json', { a: '{{ missing }}' }),
      '--context',
      file('e.json', {}),
    );
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('missing');
  });

  it('requires --context', async () => {
    const out = await run('render', file('n.json', {}));
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('Missing --context');
  });
});
