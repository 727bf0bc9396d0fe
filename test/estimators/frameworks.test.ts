/**
 * Framework estimators through the config builders: golden configs for representative cases
 * (taken from the Python SDK's behaviour, see docs/python-parity.md items 9-13, 23-25) and the
 * typed errors of bad input.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployConfigFromEstimator } from '../../src/config/deployConfigFromEstimator.js';
import { modelConfig } from '../../src/config/modelConfig.js';
import { modelConfigFromEstimator } from '../../src/config/modelConfigFromEstimator.js';
import { prepareTraining, trainingConfig } from '../../src/config/trainingConfig.js';
import { trainingJob } from '../../src/config/trainingJob.js';
import { transformConfigFromEstimator } from '../../src/config/transformConfigFromEstimator.js';
import {
  isLocalPathNotFoundError,
  isMissingOptionError,
  isSageMakerWorkflowError,
  isValidationError,
} from '../../src/errors.js';
import { Estimator } from '../../src/estimators/Estimator.js';
import { KNN } from '../../src/estimators/amazon/KNN.js';
import {
  Chainer,
  HuggingFace,
  MXNet,
  PyTorch,
  PyTorchModel,
  SKLearn,
  TensorFlow,
  XGBoost,
} from '../../src/estimators/frameworks/index.js';
import { createSession } from '../../src/session.js';

const FIXTURES = join(import.meta.dirname, '..', 'parity', 'cases', 'fixtures');
const TRAIN_PY = join(FIXTURES, 'scripts', 'train.py');
const SOURCE_DIR = join(FIXTURES, 'source_dir');
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole';
// 2024-01-02T03:04:05.678Z
const session = createSession({
  region: 'us-west-2',
  defaultBucket: 'my-bucket',
  now: () => 1704164645.678,
  timeZone: 'utc',
});

const tensorflow = (extra: Record<string, unknown> = {}) =>
  new TensorFlow({
    session,
    role: ROLE,
    entryPoint: TRAIN_PY,
    frameworkVersion: '2.13',
    pyVersion: 'py310',
    instanceCount: 1,
    instanceType: 'ml.c5.xlarge',
    ...extra,
  });

describe('TensorFlow training config', () => {
  it('writes script-mode hyperparameters, model_dir and the S3Upload of the entry point', () => {
    // GIVEN a TensorFlow estimator with a hyperparameter from the constructor and one set later
    const tf = tensorflow({ hyperparameters: { epochs: 10 } }).setHyperparameters({
      optimizer: 'adam',
    });
    // WHEN its training config is built
    const config = trainingConfig(tf, { inputs: 's3://data/train', jobName: 'tf-job' });
    // THEN the hyperparameters are JSON-encoded (set ones twice), with the script-mode keys and model_dir
    expect(config).toStrictEqual({
      AlgorithmSpecification: {
        TrainingImage:
          '763104351884.dkr.ecr.us-west-2.amazonaws.com/tensorflow-training:2.13-cpu-py310',
        TrainingInputMode: 'File',
      },
      OutputDataConfig: { S3OutputPath: 's3://my-bucket/' },
      StoppingCondition: { MaxRuntimeInSeconds: 86400 },
      ResourceConfig: { VolumeSizeInGB: 30, InstanceCount: 1, InstanceType: 'ml.c5.xlarge' },
      RoleArn: ROLE,
      InputDataConfig: [
        {
          DataSource: {
            S3DataSource: {
              S3DataType: 'S3Prefix',
              S3Uri: 's3://data/train',
              S3DataDistributionType: 'FullyReplicated',
            },
          },
          ChannelName: 'training',
        },
      ],
      HyperParameters: {
        epochs: '10',
        optimizer: '"\\"adam\\""',
        sagemaker_submit_directory: '"s3://my-bucket/tf-job/source/sourcedir.tar.gz"',
        sagemaker_program: '"train.py"',
        sagemaker_container_log_level: '20',
        sagemaker_job_name: '"tf-job"',
        sagemaker_region: '"us-west-2"',
        model_dir: '"s3://my-bucket/tf-job/model"',
      },
      S3Operations: {
        S3Upload: [
          { Path: TRAIN_PY, Bucket: 'my-bucket', Key: 'tf-job/source/sourcedir.tar.gz', Tar: true },
        ],
      },
      TrainingJobName: 'tf-job',
    });
  });

  it('keeps an s3:// source dir as the submit directory and uploads nothing', () => {
    // GIVEN code already in S3 and a code location
    const tf = tensorflow({
      entryPoint: 'train.py',
      sourceDir: 's3://code/src.tar.gz',
      codeLocation: 's3://code-bucket/prefix',
      modelDir: false,
    });
    // WHEN the training job is prepared
    const { config, run } = prepareTraining(tf, { jobName: 'job' });
    // THEN the submit directory is the given tarball, no S3Operations, no model_dir
    expect(config.HyperParameters?.sagemaker_submit_directory).toBe('"s3://code/src.tar.gz"');
    expect(config.HyperParameters).not.toHaveProperty('model_dir');
    expect(config).not.toHaveProperty('S3Operations');
    expect(run.uploadedCode).toStrictEqual({
      s3Prefix: 's3://code/src.tar.gz',
      scriptName: 'train.py',
    });
  });

  it('adds the code channel with network isolation while the submit directory keeps the S3 URI', () => {
    // GIVEN network isolation and a local source dir
    const tf = tensorflow({
      entryPoint: 'train.py',
      sourceDir: SOURCE_DIR,
      enableNetworkIsolation: true,
    });
    // WHEN the config is built
    const config = trainingConfig(tf, { jobName: 'iso' });
    // THEN a `code` channel points at the tarball and sagemaker_submit_directory is the S3 URI
    expect(config.InputDataConfig).toStrictEqual([
      {
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: 's3://my-bucket/iso/source/sourcedir.tar.gz',
            S3DataDistributionType: 'FullyReplicated',
          },
        },
        ChannelName: 'code',
      },
    ]);
    expect(config.HyperParameters?.sagemaker_submit_directory).toBe(
      '"s3://my-bucket/iso/source/sourcedir.tar.gz"',
    );
  });
});

describe('Distribution hyperparameters', () => {
  it('PyTorch torch_distributed adds its keys and the instance type', () => {
    // GIVEN PyTorch with torch_distributed on a GPU instance
    const pt = new PyTorch({
      session,
      role: ROLE,
      entryPoint: TRAIN_PY,
      frameworkVersion: '2.1.0',
      pyVersion: 'py310',
      instanceCount: 2,
      instanceType: 'ml.p4d.24xlarge',
      distribution: { torch_distributed: { enabled: true } },
    });
    // WHEN the config is built
    const hp = trainingConfig(pt, { jobName: 'pt' }).HyperParameters;
    // THEN the distribution keys follow the script-mode keys
    expect(hp?.sagemaker_torch_distributed_enabled).toBe('true');
    expect(hp?.sagemaker_instance_type).toBe('"ml.p4d.24xlarge"');
  });

  it('MXNet writes its MPI settings at construction (custom options only with processes per host)', () => {
    // GIVEN MXNet with MPI but no processes_per_host
    const mx = new MXNet({
      session,
      role: ROLE,
      entryPoint: TRAIN_PY,
      frameworkVersion: '1.9.0',
      pyVersion: 'py38',
      instanceCount: 1,
      instanceType: 'ml.c5.xlarge',
      distribution: { mpi: { enabled: true, custom_mpi_options: '-x A' } },
    });
    // WHEN its hyperparameters are read
    const hp = mx.hyperparameters();
    // THEN only the enabled flag is there, as Python's indentation has it
    expect(hp).toStrictEqual({ sagemaker_mpi_enabled: 'true' });
  });

  it('refuses a strategy Trainium does not run, naming the option', () => {
    // GIVEN / WHEN a parameter server on a Trainium instance
    const make = () =>
      new PyTorch({
        session,
        role: ROLE,
        entryPoint: TRAIN_PY,
        frameworkVersion: '1.13.1',
        pyVersion: 'py39',
        instanceCount: 1,
        instanceType: 'ml.trn1.2xlarge',
        distribution: { parameter_server: { enabled: true } },
      });
    // THEN a ValidationError names the distribution
    expect(make).toThrow(expect.objectContaining({ option: 'PyTorch.distribution' }));
  });
});

describe('Framework models', () => {
  it('model config from a training task points at the job template and reuses the uploaded code', () => {
    // GIVEN a trained PyTorch estimator (its run kept)
    const pt = new PyTorch({
      session,
      role: ROLE,
      entryPoint: 'train.py',
      sourceDir: SOURCE_DIR,
      frameworkVersion: '2.1',
      pyVersion: 'py310',
      instanceCount: 1,
      instanceType: 'ml.m5.xlarge',
    });
    const { run } = trainingJob(pt, { jobName: 'pt-job' });
    // WHEN the model config is built for the training task
    const config = modelConfigFromEstimator(pt, {
      from: { airflowTask: 'train', taskType: 'training', run },
      instanceType: 'ml.m5.large',
      name: 'pt-model',
      modelServerWorkers: 2,
    });
    // THEN the code's job segment is the XCom template, and the env is Python's
    const job = "{{ ti.xcom_pull(task_ids='train')['Training']['TrainingJobName'] }}";
    expect(config).toStrictEqual({
      ModelName: 'pt-model',
      PrimaryContainer: {
        Image: '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.1-cpu-py310',
        Environment: {
          SAGEMAKER_PROGRAM: 'train.py',
          SAGEMAKER_SUBMIT_DIRECTORY: `s3://my-bucket/${job}/source/sourcedir.tar.gz`,
          SAGEMAKER_CONTAINER_LOG_LEVEL: '20',
          SAGEMAKER_REGION: 'us-west-2',
          SAGEMAKER_MODEL_SERVER_WORKERS: '2',
        },
        ModelDataUrl: `s3://my-bucket/${job}/output/model.tar.gz`,
      },
      ExecutionRoleArn: ROLE,
    });
  });

  it('a standalone model uploads its entry point under <model name>/source', () => {
    // GIVEN a PyTorchModel with an entry point
    const model = new PyTorchModel({
      session,
      modelData: 's3://m/model.tar.gz',
      role: ROLE,
      entryPoint: TRAIN_PY,
      frameworkVersion: '2.1',
      pyVersion: 'py310',
      name: 'm1',
    });
    // WHEN its config is built
    const config = modelConfig(model, { instanceType: 'ml.g5.xlarge' });
    // THEN the GPU image is chosen and the upload key is the model's
    expect(config.PrimaryContainer?.Image).toBe(
      '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.1-gpu-py310',
    );
    expect(config.S3Operations).toStrictEqual({
      S3Upload: [
        { Path: 'train.py', Bucket: 'my-bucket', Key: 'm1/source/sourcedir.tar.gz', Tar: true },
      ],
    });
  });

  it('SKLearn serves its model on the training image, as Python does', () => {
    // GIVEN SKLearn (image looked up at construction)
    const sk = new SKLearn({
      session,
      role: ROLE,
      entryPoint: TRAIN_PY,
      frameworkVersion: '1.2-1',
      instanceType: 'ml.m5.large',
    });
    const { run } = trainingJob(sk, { jobName: 'sk' });
    // WHEN deployed from the training task
    const config = deployConfigFromEstimator(sk, {
      from: { airflowTask: 't', taskType: 'training', run },
      initialInstanceCount: 1,
      instanceType: 'ml.m5.large',
      modelName: 'skm',
    });
    // THEN the model's image is the training image
    expect(config.Model.PrimaryContainer?.Image).toBe(sk.trainingImageUri());
  });

  it('TensorFlow transform: env {} and the workers in VolumeKmsKeyId (Python passes them one slot off)', () => {
    // GIVEN a trained TensorFlow estimator
    const tf = tensorflow();
    const { run } = trainingJob(tf, { jobName: 'tf' });
    // WHEN a transform config is built with model server workers and a volume key
    const config = transformConfigFromEstimator(tf, {
      from: { airflowTask: 't', taskType: 'training', run },
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      data: 's3://in',
      modelServerWorkers: 3,
      volumeKmsKey: 'alias/vol',
      jobName: 'tr',
    });
    // THEN Environment is {} and VolumeKmsKeyId holds the workers
    expect(config.Transform.Environment).toStrictEqual({});
    expect(config.Transform.TransformResources).toStrictEqual({
      InstanceCount: 1,
      InstanceType: 'ml.m5.large',
      VolumeKmsKeyId: 3,
    });
  });
});

describe('Bad input', () => {
  it('a missing entry point file is LocalPathNotFoundError', () => {
    // GIVEN an entry point that does not exist WHEN training THEN the path is named
    const tf = tensorflow({ entryPoint: join(FIXTURES, 'nope.py') });
    const run = () => trainingConfig(tf, { jobName: 'x' });
    expect(run).toThrow(expect.objectContaining({ option: 'TensorFlow.entryPoint' }));
    try {
      run();
    } catch (e) {
      expect(isLocalPathNotFoundError(e)).toBe(true);
    }
  });

  it('no versions and no image is MissingOptionError', () => {
    // GIVEN / WHEN a Chainer without versions THEN MissingOptionError
    expect(
      () =>
        new Chainer({
          session,
          role: ROLE,
          entryPoint: TRAIN_PY,
          instanceCount: 1,
          instanceType: 'ml.c5.xlarge',
        }),
    ).toThrow(expect.objectContaining({ code: 'MISSING_OPTION' }));
  });

  it('an unsupported framework version is a typed error listing the supported ones', () => {
    // GIVEN a PyTorch version the registry does not have WHEN its image is needed THEN UnsupportedOptionError
    const pt = new PyTorch({
      session,
      role: ROLE,
      entryPoint: TRAIN_PY,
      frameworkVersion: '0.0.1',
      pyVersion: 'py3',
      instanceCount: 1,
      instanceType: 'ml.c5.xlarge',
    });
    expect(() => pt.trainingImageUri()).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPTION' }),
    );
  });

  it('conflicting Hugging Face base versions are a ValidationError', () => {
    // GIVEN both TensorFlow and PyTorch versions WHEN constructing THEN ValidationError
    let error: unknown;
    try {
      new HuggingFace({
        session,
        role: ROLE,
        entryPoint: TRAIN_PY,
        pyVersion: 'py38',
        transformersVersion: '4.6.1',
        tensorflowVersion: '2.4.1',
        pytorchVersion: '1.7.1',
        instanceCount: 1,
        instanceType: 'ml.p3.2xlarge',
      });
    } catch (e) {
      error = e;
    }
    expect(isValidationError(error)).toBe(true);
  });

  it('SKLearn refuses distributed training and XGBoost 1.1', () => {
    // GIVEN / WHEN / THEN
    expect(
      () =>
        new SKLearn({
          session,
          role: ROLE,
          entryPoint: TRAIN_PY,
          frameworkVersion: '1.2-1',
          instanceCount: 2,
          instanceType: 'ml.m5.large',
        }),
    ).toThrow(expect.objectContaining({ option: 'SKLearn.instanceCount' }));
    expect(
      () =>
        new XGBoost({
          session,
          role: ROLE,
          entryPoint: TRAIN_PY,
          frameworkVersion: '1.1-1',
          instanceCount: 1,
          instanceType: 'ml.m5.large',
        }),
    ).toThrow(expect.objectContaining({ option: 'XGBoost.frameworkVersion' }));
  });

  it('every error is one of ours', () => {
    // GIVEN an s3:// entry point WHEN constructing THEN a library error
    let error: unknown;
    try {
      tensorflow({ entryPoint: 's3://b/train.py' });
    } catch (e) {
      error = e;
    }
    expect(isSageMakerWorkflowError(error)).toBe(true);
    expect(isMissingOptionError(error)).toBe(false);
  });
});

describe('Python class identity', () => {
  it('each estimator names its Python class and module', () => {
    // GIVEN one estimator of each kind WHEN reading pythonClass THEN the SDK's class and module
    expect(tensorflow().pythonClass).toStrictEqual({
      name: 'TensorFlow',
      module: 'sagemaker.tensorflow.estimator',
    });
    expect(
      new Estimator({
        session,
        role: ROLE,
        imageUri: 'img:1',
        instanceCount: 1,
        instanceType: 'ml.m5.large',
      }).pythonClass,
    ).toStrictEqual({
      name: 'Estimator',
      module: 'sagemaker.estimator',
    });
    expect(
      new KNN({
        session,
        role: ROLE,
        instanceCount: 1,
        instanceType: 'ml.m5.large',
        k: 3,
        sampleSize: 10,
        predictorType: 'classifier',
      }).pythonClass,
    ).toStrictEqual({
      name: 'KNN',
      module: 'sagemaker.amazon.knn',
    });
  });
});
