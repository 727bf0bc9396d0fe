/**
 * Cold start of the installed package: the package is built (JavaScript only, as published:
 * no source maps), packed with `npm pack` and installed into a scratch app under the temp dir;
 * then `node app.mjs` (import the package, build the Iris KNN training config, print it) is timed
 * against a bare `node -e ''` in the same rounds, in shuffled order. Each child also reports its
 * own CPU time (user + system, all threads) through a `--require` hook given to both commands,
 * which is steadier than wall time on a shared host. Also prints what the import loads.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  symlinkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build } from 'tsup';
import { buildOptions } from '../tsup.config.js';
import { fmt, fmtStats, stats, type BenchContext } from './support.js';

const root = resolve(import.meta.dirname, '..');

const APP = `import { createSession, KNN, RecordSet, trainingConfig } from 'sagemaker-workflow';
const session = createSession({ region: 'us-east-1', defaultBucket: 'bucket' });
const knn = new KNN({ session, role: 'arn:aws:iam::123456789012:role/SageMakerRole', instanceCount: 1,
  instanceType: 'ml.m5.large', k: 3, sampleSize: 150, predictorType: 'classifier' });
const inputs = new RecordSet({ s3Data: 's3://bucket/iris/train/.amazon.manifest', numRecords: 150, featureDim: 4 });
console.log(JSON.stringify(trainingConfig(knn, { inputs })));
`;

/** The app's import alone: what loading the package costs before any config is built. */
const IMPORT_ONLY = `import { createSession, KNN, RecordSet, trainingConfig } from 'sagemaker-workflow';
console.log(JSON.stringify({ loaded: [createSession, KNN, RecordSet, trainingConfig].length }));
`;

/**
 * The root of a stand-in package: the four names the app imports, doing nothing. Installed with
 * the same package.json, it measures what importing any installed package costs here (resolving
 * the bare specifier through \`exports\`, reading and linking one small module).
 */
const STUB_ROOT = `export const createSession = (options) => options;
export class KNN { constructor(props) { this.props = props; } }
export class RecordSet { constructor(props) { this.props = props; } }
export const trainingConfig = () => ({});
`;

/** Writes the child's CPU time to fd 3 at exit. */
const CPU_HOOK = `process.on('exit', () => {
  const u = process.cpuUsage();
  require('node:fs').writeSync(3, String((u.user + u.system) / 1000));
});
`;

/** Logs each module the ESM loader loads, with its size, to stderr. */
const LOAD_HOOKS = `export async function load(url, context, next) {
  const r = await next(url, context);
  process.stderr.write('loaded ' + url + ' ' + (r.source ? r.source.length : 0) + '\\n');
  return r;
}
`;

async function installPackage(work: string, quick: boolean): Promise<string> {
  const pkg = join(work, 'pkg');
  mkdirSync(pkg);
  // The ES module builds of tsup.config.ts (the core and the entry points), as published.
  const esm = (await buildOptions(join(pkg, 'dist'))).filter((o) => o.name?.startsWith('esm'));
  await Promise.all(esm.map((o) => build({ ...o, config: false, sourcemap: false, silent: true })));
  copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: pkg,
      encoding: 'utf8',
    }),
  ) as { filename: string }[];
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module' }),
  );
  const tarball = join(work, packed!.filename);
  if (quick) {
    // CI: unpack the tarball where npm would put it and link its one dependency (npm install
    // takes longer than the whole quick run may).
    const target = join(app, 'node_modules/sagemaker-workflow');
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
    mkdirSync(join(app, 'node_modules/@bufbuild'), { recursive: true });
    symlinkSync(
      join(root, 'node_modules/@bufbuild/protobuf'),
      join(app, 'node_modules/@bufbuild/protobuf'),
    );
  } else {
    execFileSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--omit=peer', '--prefer-offline', tarball],
      { cwd: app, stdio: 'ignore' },
    );
  }
  writeFileSync(join(app, 'app.mjs'), APP);
  writeFileSync(join(app, 'import.mjs'), IMPORT_ONLY);
  // The stand-in package, beside the real one: same package.json (under its own name), a stub root.
  const stub = join(app, 'node_modules/sagemaker-workflow-stub');
  mkdirSync(join(stub, 'dist'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string };
  writeFileSync(
    join(stub, 'package.json'),
    JSON.stringify({ ...manifest, name: 'sagemaker-workflow-stub' }, null, 2),
  );
  writeFileSync(join(stub, 'dist/index.js'), STUB_ROOT);
  writeFileSync(
    join(app, 'stub.mjs'),
    APP.replace("from 'sagemaker-workflow'", "from 'sagemaker-workflow-stub'"),
  );
  // Floors beside bare node: an ES module that only prints (what the ESM loader alone costs),
  // and the same app bundled into one file (what the package's module count costs).
  writeFileSync(join(app, 'empty.mjs'), `console.log(JSON.stringify({}));\n`);
  await esbuild({
    entryPoints: [join(app, 'app.mjs')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: join(app, 'app.bundle.mjs'),
    logLevel: 'silent',
  });
  writeFileSync(join(app, 'cpu.cjs'), CPU_HOOK);
  writeFileSync(join(app, 'hooks.mjs'), LOAD_HOOKS);
  writeFileSync(
    join(app, 'trace.mjs'),
    `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
  );
  return app;
}

/** The installed CLI, from the scratch app's folder. */
const CLI = 'node_modules/sagemaker-workflow/dist/cli.js';

/** One run: wall ms and the child's own CPU ms. */
/**
 * The environment without NODE_EXTRA_CA_CERTS: when it is set, every node process parses those
 * certificates at startup, before any JavaScript runs (on this machine about two thirds of a bare
 * `node -e ''`), which hides the package's share behind a larger floor.
 */
const WITHOUT_EXTRA_CERTS = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'),
);

function runOnce(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): { wall: number; cpu: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', './cpu.cjs', ...args], {
    cwd,
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${String(r.status)}`);
  return { wall, cpu: Number(String(r.output[3])) };
}

export default async function bench(context: BenchContext): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'smw-cold-'));
  try {
    const app = await installPackage(work, context.quick);
    const commands = {
      bare: ['-e', ''],
      empty: ['empty.mjs'],
      stub: ['stub.mjs'],
      import: ['import.mjs'],
      app: ['app.mjs'],
      bundle: ['app.bundle.mjs'],
      // The same without NODE_EXTRA_CA_CERTS (the same as the above where it is not set).
      bareClean: ['-e', ''],
      emptyClean: ['empty.mjs'],
      stubClean: ['stub.mjs'],
      appClean: ['app.mjs'],
      // The CLI as installed, without and with the compile cache it switches on (the cached runs
      // read what the first one, run to warm the disk cache below, wrote).
      cliUncached: [CLI, 'image-uri', 'knn', '--region', 'us-east-1'],
      cliCached: [CLI, 'image-uri', 'knn', '--region', 'us-east-1'],
      // The app where its user has set NODE_COMPILE_CACHE (the library never sets it).
      appCached: ['app.mjs'],
    } as const;
    type Command = keyof typeof commands;
    const names = Object.keys(commands) as Command[];
    const compileCache = join(work, 'compile-cache');
    const cached = { ...process.env, NODE_COMPILE_CACHE: compileCache };
    const envs: Partial<Record<Command, NodeJS.ProcessEnv>> = {
      cliUncached: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
      cliCached: cached,
      appCached: cached,
    };
    const envOf = (name: Command): NodeJS.ProcessEnv =>
      name.endsWith('Clean') ? WITHOUT_EXTRA_CERTS : (envs[name] ?? process.env);
    const runs = context.quick ? 3 : 25;
    const wall = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<
      Command,
      number[]
    >;
    const cpu = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<
      Command,
      number[]
    >;
    for (const name of names) runOnce(commands[name], app, envOf(name)); // warm the disk cache
    for (let i = 0; i < runs; i++) {
      const order = [...names].sort(() => Math.random() - 0.5);
      for (const name of order) {
        const r = runOnce(commands[name], app, envOf(name));
        wall[name].push(r.wall);
        cpu[name].push(r.cpu);
      }
    }
    // What the import loads (a separate, traced run).
    const traced = spawnSync(process.execPath, ['--import', './trace.mjs', 'app.mjs'], {
      cwd: app,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const loaded = traced.stderr
      .split('\n')
      .filter((line) => line.startsWith('loaded ') && line.includes('/node_modules/'))
      .map((line) => line.split(' ').slice(1));
    const loadedBytes = loaded.reduce((n, [, size]) => n + Number(size), 0);
    const dist = join(app, 'node_modules/sagemaker-workflow/dist');
    const distFiles = readdirSync(dist, { recursive: true }).map(String);
    const maps = distFiles.filter((f) => f.endsWith('.map')).length;
    const distBytes = distFiles.reduce((n, f) => {
      const s = statSync(join(dist, f));
      return s.isFile() ? n + s.size : n;
    }, 0);

    const ratio = (a: number[], b: number[]) => a.map((v, i) => v / (b[i] as number));
    console.log(
      `installed package (${fmt(distBytes / 1024, 0)} KB of JavaScript in dist, ${maps} source maps): the import loads ${loaded.length} modules, ${fmt(loadedBytes / 1024, 0)} KB:`,
    );
    for (const [url, size] of loaded.sort((a, b) => Number(b[1]) - Number(a[1])).slice(0, 8)) {
      console.log(`  ${fmt(Number(size) / 1024, 1)} KB ${url!.replace(/.*node_modules\//, '')}`);
    }
    console.log(
      `node app.mjs (import + KNN config + print): ${fmtStats(stats(wall.app))} ms wall, ${fmtStats(stats(cpu.app))} ms CPU; bare node -e '': ${fmtStats(stats(wall.bare))} ms wall, ${fmtStats(stats(cpu.bare))} ms CPU (${runs} rounds); per-round ratio ${fmtStats(stats(ratio(wall.app, wall.bare)))}× wall`,
    );
    const perBare = (name: Command) =>
      `${fmtStats(stats(cpu[name]))} ms CPU (${fmtStats(stats(ratio(cpu[name], cpu.bare)))}× bare)`;
    console.log(
      `per-round CPU ratio of node app.mjs to bare: ${fmtStats(stats(ratio(cpu.app, cpu.bare)))}×`,
    );
    console.log(
      `floors: ES module that only prints ${perBare('empty')}; a stand-in package (same package.json, a root of four stubs) imported by the same app ${perBare('stub')}; the app bundled into one file ${perBare('bundle')}`,
    );
    console.log(
      `the import alone (no config built) ${perBare('import')}: loading the package costs ${fmt(stats(cpu.import).median - stats(cpu.stub).median, 1)} ms CPU over the stand-in, building and printing the config ${fmt(stats(cpu.app).median - stats(cpu.import).median, 1)} ms`,
    );
    context.report({
      figure: 'cold process: import installed package + KNN config + print (CPU ms)',
      unit: 'ms',
      ours: stats(cpu.app),
      floor: { name: "bare node -e ''", value: stats(cpu.bare) },
      better: 'lower',
      goal: '≤ 1.15×',
    });
    context.report({
      figure: 'same, against an ES module that only prints (CPU ms)',
      unit: 'ms',
      ours: stats(cpu.app),
      floor: { name: 'node empty.mjs: the ESM loader alone', value: stats(cpu.empty) },
      better: 'lower',
      goal: `≤ 1.15× bare, of which the ESM loader takes ${(stats(cpu.empty).median / stats(cpu.bare).median).toPrecision(3)}×`,
    });
    context.report({
      figure: 'same, against a stand-in package exporting four stubs (CPU ms)',
      unit: 'ms',
      ours: stats(cpu.app),
      floor: { name: 'node stub.mjs: importing any installed package', value: stats(cpu.stub) },
      better: 'lower',
      goal: `≤ 1.15× bare, of which importing a stub package takes ${(stats(cpu.stub).median / stats(cpu.bare).median).toPrecision(3)}×`,
    });
    const clean = (name: Command) =>
      `${fmtStats(stats(cpu[name]))} ms CPU (${fmtStats(stats(ratio(cpu[name], cpu.bareClean)))}×)`;
    console.log(
      `without NODE_EXTRA_CA_CERTS (${process.env.NODE_EXTRA_CA_CERTS === undefined ? 'not set here: same commands' : 'set here'}): bare ${fmtStats(stats(cpu.bareClean))} ms CPU; ES module that only prints ${clean('emptyClean')}; stand-in package ${clean('stubClean')}; node app.mjs ${clean('appClean')}`,
    );
    context.report({
      figure: 'cold process without NODE_EXTRA_CA_CERTS (CPU ms)',
      unit: 'ms',
      ours: stats(cpu.appClean),
      floor: { name: "bare node -e ''", value: stats(cpu.bareClean) },
      better: 'lower',
      goal: `the stand-in package takes ${(stats(cpu.stubClean).median / stats(cpu.bareClean).median).toPrecision(3)}×, an ES module that only prints ${(stats(cpu.emptyClean).median / stats(cpu.bareClean).median).toPrecision(3)}×`,
    });
    console.log(
      `the CLI, \`sagemaker-workflow image-uri knn --region us-east-1\`: ${perBare('cliUncached')} with NODE_DISABLE_COMPILE_CACHE=1, ${perBare('cliCached')} with its compile cache`,
    );
    console.log(
      `node app.mjs with NODE_COMPILE_CACHE set by its user: ${perBare('appCached')}, against ${perBare('app')} without`,
    );
    context.report({
      figure: 'CLI `image-uri`, compile cache on vs off (CPU ms)',
      unit: 'ms',
      ours: stats(cpu.cliCached),
      floor: { name: 'the same with NODE_DISABLE_COMPILE_CACHE=1', value: stats(cpu.cliUncached) },
      better: 'lower',
      goal: `what the cache saves; bare node is ${fmt(stats(cpu.bare).median, 1)} ms`,
    });
    context.report({
      figure: 'the import alone, no config (CPU ms)',
      unit: 'ms',
      ours: stats(cpu.import),
      floor: { name: 'node stub.mjs', value: stats(cpu.stub) },
      better: 'lower',
      goal: 'what loading the package costs',
    });
    context.report({
      figure: 'same app bundled into one file (CPU ms)',
      unit: 'ms',
      ours: stats(cpu.bundle),
      floor: { name: "bare node -e ''", value: stats(cpu.bare) },
      better: 'lower',
      goal: 'what the package costs without its module count',
    });
    context.report({
      figure: 'same, wall ms',
      unit: 'ms',
      ours: stats(wall.app),
      floor: { name: "bare node -e ''", value: stats(wall.bare) },
      better: 'lower',
      goal: '≤ 1.15×',
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
