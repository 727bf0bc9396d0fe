/**
 * The public entry points the fuzz suite calls, each with a valid baseline call that the
 * mutations start from. `call` receives the mutated options (or argument) and returns what must
 * be plain JSON.
 */
import { join } from 'node:path';
import {
  Estimator,
  FactorizationMachines,
  KMeans,
  KNN,
  LinearLearner,
  Model,
  PCA,
  Processor,
  ProcessingInput,
  ProcessingOutput,
  RecordSet,
  TrainingInput,
  Transformer,
  createSession,
  deployConfig,
  modelConfig,
  processingConfig,
  trainingConfig,
  transformConfig,
  tuningConfig,
} from '../../src/index.js';
import {
  CategoricalParameter,
  ContinuousParameter,
  HyperparameterTuner,
  IntegerParameter,
} from '../../src/estimators/tuner/index.js';
import {
  PyTorch,
  SKLearn,
  TensorFlow,
  XGBoost,
  HuggingFace,
  MXNet,
} from '../../src/estimators/frameworks/index.js';
import { retrieve } from '../../src/imageUris/index.js';
import {
  coerceConfig,
  validateConfig,
  CONFIG_KINDS,
} from '../../src/operators/validation/index.js';
import {
  denseTensorChunks,
  encodeDenseTensor,
  encodeSparseTensor,
  sparseTensorChunks,
} from '../../src/recordio/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'parity', 'cases', 'fixtures');
const TRAIN_PY = join(FIXTURES, 'scripts', 'train.py');
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
const SESSION_OPTIONS = {
  region: 'us-west-2',
  defaultBucket: 'my-bucket',
  now: () => 1704164645.678,
  timeZone: 'utc',
} as const;
const session = createSession(SESSION_OPTIONS);
const base = { session, role: ROLE, instanceCount: 1, instanceType: 'ml.m5.large' };
const records = new RecordSet({ s3Data: 's3://bucket/train/', numRecords: 100, featureDim: 8 });
const estimator = new Estimator({ ...base, imageUri: 'team/algo:1' });
const model = new Model({
  session,
  role: ROLE,
  imageUri: 'team/model:1',
  modelData: 's3://b/m.tar.gz',
});
const transformer = new Transformer({
  session,
  modelName: 'm',
  instanceCount: 1,
  instanceType: 'ml.m5.large',
});
const processor = new Processor({ ...base, imageUri: 'team/proc:1' });

/** One public entry point under fuzz. */
export interface EntryPoint {
  readonly name: string;
  /** The valid options (or argument) the mutations start from. */
  readonly baseline: Readonly<Record<string, unknown>>;
  /** Option names to try, beyond the baseline's own keys. */
  readonly extraKeys?: readonly string[];
  readonly call: (input: unknown) => unknown;
}

type Props = never;

/**
 * The members of a mutated input, split off `key`; an input that is not an object goes whole into
 * both places (spreading a 10^7-character string would cost the harness seconds, not the library).
 */
function split(o: unknown, key: string): [unknown, unknown] {
  if (typeof o !== 'object' || o === null) return [o, o];
  const { [key]: head, ...rest } = o as Record<string, unknown>;
  return [head, rest];
}
const framework = { ...base, entryPoint: TRAIN_PY };
const OPTION_NAMES = [
  'hyperparameters',
  'tags',
  'subnets',
  'securityGroupIds',
  'maxRun',
  'maxWait',
  'useSpotInstances',
  'volumeSize',
  'outputPath',
  'baseJobName',
  'distribution',
  'sourceDir',
  'dependencies',
  'environment',
  'metricDefinitions',
  'checkpointS3Uri',
  'enableNetworkIsolation',
  'instanceGroups',
  'miniBatchSize',
  'dataLocation',
];

/** Every entry point, in a stable order. */
export const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    name: 'new Estimator -> trainingConfig',
    baseline: { ...base, imageUri: 'team/algo:1', hyperparameters: { a: 1 } },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new Estimator(p as Props), { inputs: 's3://b/train' }),
  },
  {
    name: 'new KNN -> trainingConfig',
    baseline: { ...base, k: 3, sampleSize: 10, predictorType: 'classifier' },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new KNN(p as Props), { inputs: records }),
  },
  {
    name: 'new FactorizationMachines -> trainingConfig',
    baseline: { ...base, numFactors: 4, predictorType: 'binary_classifier' },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new FactorizationMachines(p as Props), { inputs: records }),
  },
  {
    name: 'new LinearLearner -> trainingConfig',
    baseline: { ...base, predictorType: 'regressor' },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new LinearLearner(p as Props), { inputs: records }),
  },
  {
    name: 'new KMeans -> trainingConfig',
    baseline: { ...base, k: 3 },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new KMeans(p as Props), { inputs: records }),
  },
  {
    name: 'new PCA -> trainingConfig',
    baseline: { ...base, numComponents: 2 },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new PCA(p as Props), { inputs: records, miniBatchSize: 10 }),
  },
  {
    name: 'new PyTorch -> trainingConfig',
    baseline: { ...framework, frameworkVersion: '2.1', pyVersion: 'py310' },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new PyTorch(p as Props), { inputs: 's3://b/train' }),
  },
  {
    name: 'new TensorFlow -> trainingConfig',
    baseline: { ...framework, frameworkVersion: '2.13', pyVersion: 'py310' },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new TensorFlow(p as Props), { inputs: 's3://b/train' }),
  },
  {
    name: 'new SKLearn -> trainingConfig',
    baseline: { ...framework, frameworkVersion: '1.2-1' },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new SKLearn(p as Props), { inputs: 's3://b/train' }),
  },
  {
    name: 'new XGBoost -> trainingConfig',
    baseline: { ...framework, frameworkVersion: '1.7-1' },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new XGBoost(p as Props), { inputs: 's3://b/train' }),
  },
  {
    name: 'new MXNet -> trainingConfig',
    baseline: { ...framework, frameworkVersion: '1.9.0', pyVersion: 'py38' },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new MXNet(p as Props), { inputs: 's3://b/train' }),
  },
  {
    name: 'new HuggingFace -> trainingConfig',
    baseline: {
      ...framework,
      instanceType: 'ml.p3.2xlarge',
      transformersVersion: '4.28',
      pytorchVersion: '2.0',
      pyVersion: 'py310',
    },
    extraKeys: OPTION_NAMES,
    call: (p) => trainingConfig(new HuggingFace(p as Props), { inputs: 's3://b/train' }),
  },
  {
    name: 'trainingConfig(estimator, options)',
    baseline: { inputs: 's3://b/train', jobName: 'job-1' },
    extraKeys: ['mini_batch_size', 'miniBatchSize', 'experimentConfig', 'inputs'],
    call: (o) => trainingConfig(estimator, o as Props),
  },
  {
    name: 'trainingConfig(anything)',
    baseline: { estimator },
    call: (o) => trainingConfig((o as { estimator?: never } | null)?.estimator ?? (o as never)),
  },
  {
    name: 'new TrainingInput -> trainingConfig',
    baseline: { s3Data: 's3://b/train', contentType: 'text/csv' },
    extraKeys: [
      'distribution',
      'compression',
      'recordWrapping',
      's3DataType',
      'inputMode',
      'targetAttributeName',
      'shuffleConfig',
    ],
    call: (p) => trainingConfig(estimator, { inputs: { train: new TrainingInput(p as Props) } }),
  },
  {
    name: 'new HyperparameterTuner -> tuningConfig',
    baseline: {
      estimator,
      objectiveMetricName: 'validation:loss',
      objectiveType: 'Minimize',
      hyperparameterRanges: {
        lr: new ContinuousParameter(1e-5, 0.1),
        depth: new IntegerParameter(1, 10),
        kind: new CategoricalParameter(['a', 'b']),
      },
      maxJobs: 4,
      maxParallelJobs: 2,
    },
    extraKeys: [
      'strategy',
      'earlyStoppingType',
      'warmStartConfig',
      'tags',
      'baseTuningJobName',
      'metricDefinitions',
    ],
    call: (p) => tuningConfig(new HyperparameterTuner(p as Props), { inputs: 's3://b/train' }),
  },
  {
    name: 'parameter ranges -> tuningConfig',
    baseline: { min: 1, max: 10, values: ['a', 'b'], scaling: 'Auto' },
    call: (p) => {
      const o = (p ?? {}) as Record<string, unknown>;
      const ranges = {
        c: new ContinuousParameter(o.min as never, o.max as never, o.scaling as never),
        i: new IntegerParameter(o.min as never, o.max as never, o.scaling as never),
        k: new CategoricalParameter(o.values as never),
      };
      const tuner = new HyperparameterTuner({
        estimator,
        objectiveMetricName: 'm',
        hyperparameterRanges: ranges,
        maxJobs: 2,
      });
      return tuningConfig(tuner, { inputs: 's3://b/train' });
    },
  },
  {
    name: 'new Model -> modelConfig',
    baseline: {
      session,
      role: ROLE,
      imageUri: 'team/model:1',
      modelData: 's3://b/m.tar.gz',
      env: { A: 'b' },
    },
    extraKeys: ['name', 'vpcConfig', 'enableNetworkIsolation', 'predictorCls'],
    call: (p) => modelConfig(new Model(p as Props)),
  },
  {
    name: 'modelConfig(model, options)',
    baseline: { instanceType: 'ml.m5.large', role: ROLE },
    extraKeys: ['imageUri', 'modelName', 'vpcConfigOverride'],
    call: (o) => modelConfig(model, o as Props),
  },
  {
    name: 'new Transformer -> transformConfig',
    baseline: {
      session,
      modelName: 'm',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      strategy: 'MultiRecord',
    },
    extraKeys: [
      'assembleWith',
      'outputPath',
      'maxConcurrentTransforms',
      'maxPayload',
      'tags',
      'env',
      'volumeKmsKey',
      'outputKmsKey',
      'acceptType',
    ],
    call: (p) => transformConfig(new Transformer(p as Props), { data: 's3://b/in' }),
  },
  {
    name: 'transformConfig(transformer, options)',
    baseline: { data: 's3://b/in', splitType: 'Line', contentType: 'text/csv', jobName: 'tj' },
    extraKeys: ['dataType', 'compressionType', 'inputFilter', 'outputFilter', 'joinSource'],
    call: (o) => transformConfig(transformer, o as Props),
  },
  {
    name: 'deployConfig(model, options)',
    baseline: { initialInstanceCount: 1, instanceType: 'ml.m5.large', endpointName: 'ep' },
    extraKeys: ['tags'],
    call: (o) => deployConfig(model, o as Props),
  },
  {
    name: 'new Processor -> processingConfig',
    baseline: { ...base, imageUri: 'team/proc:1', entrypoint: ['python3', 'x.py'] },
    extraKeys: [
      'volumeSizeInGb',
      'maxRuntimeInSeconds',
      'env',
      'tags',
      'networkConfig',
      'baseJobName',
    ],
    call: (p) => processingConfig(new Processor(p as Props), {}),
  },
  {
    name: 'ProcessingInput/Output -> processingConfig',
    baseline: {
      source: 's3://b/in',
      destination: '/opt/ml/processing/input',
      outputSource: '/opt/ml/processing/output',
    },
    extraKeys: [
      'inputName',
      's3DataType',
      's3InputMode',
      's3DataDistributionType',
      's3UploadMode',
      'outputName',
    ],
    call: (p) => {
      const [outputSource, rest] = split(p, 'outputSource');
      const output = typeof p === 'object' && p !== null ? { ...p, source: outputSource } : p;
      return processingConfig(processor, {
        inputs: [new ProcessingInput(rest as Props)],
        outputs: [new ProcessingOutput(output as Props)],
      });
    },
  },
  {
    name: 'createSession -> trainingConfig',
    baseline: SESSION_OPTIONS,
    extraKeys: ['defaultBucketPrefix', 'accountId', 'partition'],
    call: (o) =>
      trainingConfig(
        new Estimator({ ...base, session: createSession(o as Props), imageUri: 'team/algo:1' }),
        {
          inputs: 's3://b/train',
        },
      ),
  },
  {
    name: 'retrieve(options)',
    baseline: {
      framework: 'pytorch',
      region: 'us-west-2',
      version: '2.1',
      pyVersion: 'py310',
      instanceType: 'ml.g5.xlarge',
      imageScope: 'training',
    },
    extraKeys: [
      'acceleratorType',
      'distribution',
      'containerVersion',
      'baseFrameworkVersion',
      'trainingCompiler',
      'sdkVersion',
      'inferenceTool',
      'serverlessInferenceConfig',
    ],
    call: (o) => retrieve(o as Props),
  },
  {
    name: 'encodeDenseTensor(matrix, options)',
    baseline: {
      matrix: [
        [1, 2],
        [3, 4],
      ],
      labels: [0, 1],
    },
    extraKeys: ['dtype', 'shape', 'data'],
    call: (o) => {
      const [matrix, rest] = split(o, 'matrix');
      return Array.from(encodeDenseTensor(matrix as never, rest as never)).length;
    },
  },
  {
    name: 'denseTensorChunks(matrix, options)',
    baseline: {
      matrix: [
        [1, 2],
        [3, 4],
      ],
      chunkBytes: 64,
    },
    extraKeys: ['labels', 'dtype'],
    call: (o) => {
      const [matrix, rest] = split(o, 'matrix');
      let n = 0;
      for (const chunk of denseTensorChunks(matrix as never, rest as never)) n += chunk.length;
      return n;
    },
  },
  {
    name: 'encodeSparseTensor(csr, labels)',
    baseline: { shape: [2, 3], indptr: [0, 1, 2], indices: [0, 2], data: [1, 2], labels: [0, 1] },
    extraKeys: ['dtype'],
    call: (o) => {
      const [labels, csr] = split(o, 'labels');
      return Array.from(encodeSparseTensor(csr as never, labels as never)).length;
    },
  },
  {
    name: 'sparseTensorChunks(csr, options)',
    baseline: { shape: [2, 3], indptr: [0, 1, 2], indices: [0, 2], data: [1, 2], chunkBytes: 64 },
    extraKeys: ['labels', 'dtype'],
    call: (o) => {
      const [chunkBytes, withLabels] = split(o, 'chunkBytes');
      const [labels, csr] = split(withLabels, 'labels');
      const options = typeof o === 'object' && o !== null ? { chunkBytes, labels } : o;
      let n = 0;
      for (const chunk of sparseTensorChunks(csr as never, options as never)) n += chunk.length;
      return n;
    },
  },
  {
    name: 'validateConfig(kind, config)',
    baseline: { TrainingJobName: 'j', RoleArn: ROLE, ResourceConfig: { InstanceCount: 1 } },
    extraKeys: ['AlgorithmSpecification', 'HyperParameters', 'Tags', 'StoppingCondition'],
    call: (c) => CONFIG_KINDS.map((kind) => validateConfig(kind, c)),
  },
  {
    name: 'coerceConfig(kind, config)',
    baseline: { TrainingJobName: 'j', RoleArn: ROLE, ResourceConfig: { InstanceCount: '1' } },
    extraKeys: ['AlgorithmSpecification', 'HyperParameters', 'Tags', 'StoppingCondition'],
    // coerceConfig hands the SDK what it was given (a Date stays a Date): typed errors only.
    call: (c) => CONFIG_KINDS.map((kind) => (coerceConfig(kind, c), null)),
  },
];
