/** The framework estimators and their models, for the parity runner. */
import { TensorFlow } from '../../../src/estimators/frameworks/TensorFlow.js';
import { TensorFlowModel } from '../../../src/estimators/frameworks/TensorFlowModel.js';
import { PyTorch } from '../../../src/estimators/frameworks/PyTorch.js';
import { PyTorchModel } from '../../../src/estimators/frameworks/PyTorchModel.js';
import { MXNet } from '../../../src/estimators/frameworks/MXNet.js';
import { MXNetModel } from '../../../src/estimators/frameworks/MXNetModel.js';
import { Chainer } from '../../../src/estimators/frameworks/Chainer.js';
import { ChainerModel } from '../../../src/estimators/frameworks/ChainerModel.js';
import { SKLearn } from '../../../src/estimators/frameworks/SKLearn.js';
import { SKLearnModel } from '../../../src/estimators/frameworks/SKLearnModel.js';
import { XGBoost } from '../../../src/estimators/frameworks/XGBoost.js';
import { XGBoostModel } from '../../../src/estimators/frameworks/XGBoostModel.js';
import { HuggingFace } from '../../../src/estimators/frameworks/HuggingFace.js';
import { HuggingFaceModel } from '../../../src/estimators/frameworks/HuggingFaceModel.js';
import type { BuildHandlers, CaseContext } from './types.js';
import { toProps, UnsupportedCaseError, withPositional } from '../values.js';

type Ctor = new (props: never) => object;

const session = (ctx: CaseContext) => {
  if (!ctx.sagemakerSession) throw new UnsupportedCaseError('a build class needs a session');
  return ctx.sagemakerSession;
};

/** Python class name: our constructor and Python's positional parameters. */
const CLASSES: Readonly<Record<string, readonly [Ctor, readonly string[]]>> = {
  TensorFlow: [
    TensorFlow,
    ['py_version', 'framework_version', 'model_dir', 'image_uri', 'distribution'],
  ],
  TensorFlowModel: [
    TensorFlowModel,
    ['model_data', 'role', 'entry_point', 'image_uri', 'framework_version', 'container_log_level'],
  ],
  PyTorch: [
    PyTorch,
    [
      'entry_point',
      'framework_version',
      'py_version',
      'source_dir',
      'hyperparameters',
      'image_uri',
      'distribution',
    ],
  ],
  PyTorchModel: [
    PyTorchModel,
    ['model_data', 'role', 'entry_point', 'framework_version', 'py_version', 'image_uri'],
  ],
  MXNet: [
    MXNet,
    [
      'entry_point',
      'framework_version',
      'py_version',
      'source_dir',
      'hyperparameters',
      'image_uri',
      'distribution',
    ],
  ],
  MXNetModel: [
    MXNetModel,
    ['model_data', 'role', 'entry_point', 'framework_version', 'py_version', 'image_uri'],
  ],
  Chainer: [
    Chainer,
    [
      'entry_point',
      'use_mpi',
      'num_processes',
      'process_slots_per_host',
      'additional_mpi_options',
      'source_dir',
      'hyperparameters',
      'framework_version',
      'py_version',
      'image_uri',
    ],
  ],
  ChainerModel: [
    ChainerModel,
    ['model_data', 'role', 'entry_point', 'image_uri', 'framework_version', 'py_version'],
  ],
  SKLearn: [
    SKLearn,
    [
      'entry_point',
      'framework_version',
      'py_version',
      'source_dir',
      'hyperparameters',
      'image_uri',
      'image_uri_region',
    ],
  ],
  SKLearnModel: [
    SKLearnModel,
    ['model_data', 'role', 'entry_point', 'framework_version', 'py_version', 'image_uri'],
  ],
  XGBoost: [
    XGBoost,
    [
      'entry_point',
      'framework_version',
      'source_dir',
      'hyperparameters',
      'py_version',
      'image_uri',
      'image_uri_region',
    ],
  ],
  XGBoostModel: [
    XGBoostModel,
    ['model_data', 'role', 'entry_point', 'framework_version', 'image_uri', 'py_version'],
  ],
  HuggingFace: [
    HuggingFace,
    [
      'py_version',
      'entry_point',
      'transformers_version',
      'tensorflow_version',
      'pytorch_version',
      'source_dir',
      'hyperparameters',
      'image_uri',
      'distribution',
    ],
  ],
  HuggingFaceModel: [
    HuggingFaceModel,
    [
      'role',
      'model_data',
      'entry_point',
      'transformers_version',
      'tensorflow_version',
      'pytorch_version',
      'py_version',
      'image_uri',
    ],
  ],
};

export const frameworkBuilds: BuildHandlers = Object.fromEntries(
  Object.entries(CLASSES).map(([name, [Class, positional]]) => [
    name,
    (args, kwargs, ctx) =>
      new Class({
        ...toProps(withPositional(args, kwargs, positional, name)),
        session: session(ctx),
      } as never),
  ]),
);
