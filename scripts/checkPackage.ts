/**
 * `npm run check:package`: builds, packs the tarball into a temporary folder (never touching a
 * tarball already in the repository), lints it with publint and are-the-types-wrong, then installs
 * it alone into a scratch application and checks what a new user gets: no AWS service client, the
 * root builds a config, and `sagemaker-workflow/testing` starts the local SageMaker endpoint; that
 * no built entry point imports an AWS SDK package, `tar`, a template engine or another entry's
 * peer at module load, and that only `./stepfunctions/cdk` loads the CDK (the root and
 * `./stepfunctions` never do): scripts/checkPackageImports.ts; and that each export keeps its
 * name (scripts/checkExportNames.ts).
 * `--footprint` also installs the operators' peers and prints both install sizes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkExportNames } from './checkExportNames.js';
import { checkCdkIsolation, checkModuleLoads } from './checkPackageImports.js';

const OPERATOR_PEERS = [
  '@aws-sdk/client-sagemaker',
  '@aws-sdk/client-s3',
  '@aws-sdk/lib-storage',
  '@aws-sdk/client-cloudwatch-logs',
  'tar',
];

function run(command: string, args: readonly string[], cwd = process.cwd()): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function sizeOf(dir: string): { bytes: number; packages: number } {
  let bytes = 0;
  let packages = 0;
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (existsSync(join(child, 'package.json')) && path.endsWith('node_modules')) packages++;
        if (existsSync(join(child, 'package.json')) && /node_modules[/\\]@[^/\\]+$/.test(path)) {
          packages++;
        }
        walk(child);
      } else if (entry.isFile()) bytes += statSync(child).size;
    }
  };
  walk(join(dir, 'node_modules'));
  return { bytes, packages };
}

function describeSize(label: string, dir: string): void {
  const { bytes, packages } = sizeOf(dir);
  console.log(`${label}: ${(bytes / 1e6).toFixed(1)} MB in ${packages} packages`);
}

const work = mkdtempSync(join(tmpdir(), 'sagemaker-workflow-pack-'));
try {
  run('npm', ['run', '-s', 'build']);
  checkModuleLoads(process.cwd());
  checkCdkIsolation(process.cwd());
  await checkExportNames(process.cwd());
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work])) as {
    filename: string;
  }[];
  if (!packed) throw new Error('npm pack printed no file');
  const tarball = join(work, packed.filename);
  console.log(`packed ${tarball}`);
  run('npx', ['publint', 'run', tarball, '--strict']);
  console.log('publint: ok');
  console.log(run('npx', ['attw', tarball, '--profile', 'node16']));

  const app = join(work, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--omit=peer', tarball], app);
  const aws = join(app, 'node_modules/@aws-sdk');
  const clients = existsSync(aws) ? readdirSync(aws).filter((n) => n.startsWith('client-')) : [];
  if (clients.length)
    throw new Error(`a config-only install got AWS clients: ${clients.join(', ')}`);
  describeSize('config-only install', app);
  writeFileSync(
    join(app, 'smoke.mjs'),
    `import { createSession, KNN, RecordSet, trainingConfig } from 'sagemaker-workflow';
import { startLocalSageMaker } from 'sagemaker-workflow/testing';
import { pyFloat, pyStr } from 'sagemaker-workflow/python-compat';
if (pyStr(pyFloat(1)) !== '1.0') throw new Error('python-compat: pyStr(pyFloat(1)) is not 1.0');
const session = createSession({ region: 'us-east-2', defaultBucket: 'b' });
const knn = new KNN({ session, role: 'arn:aws:iam::123456789012:role/R', instanceCount: 1,
  instanceType: 'ml.m5.large', k: 3, sampleSize: 150, predictorType: 'classifier' });
const inputs = new RecordSet({ s3Data: 's3://b/train/.amazon.manifest', numRecords: 150, featureDim: 4 });
const config = trainingConfig(knn, { inputs });
if (!config.AlgorithmSpecification.TrainingImage.includes('knn')) throw new Error('no KNN image');
const endpoint = await startLocalSageMaker();
const response = await fetch(endpoint.url, { method: 'POST', headers: {
  'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'SageMaker.ListTrainingJobs' },
  body: '{}' });
await endpoint.close();
if (!response.ok) throw new Error('local SageMaker answered ' + response.status);
console.log('scratch app: built a KNN config and started the local SageMaker endpoint');
`,
  );
  console.log(run('node', ['smoke.mjs'], app).trim());
  if (process.argv.includes('--footprint')) {
    run('npm', ['install', '--no-audit', '--no-fund', ...OPERATOR_PEERS], app);
    describeSize('operators install (with the AWS client peers and tar)', app);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
