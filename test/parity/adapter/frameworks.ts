/** The framework estimators and their models, for the parity runner. */
import { TensorFlow } from '../../../src/estimators/frameworks/TensorFlow.js';
import { TensorFlowModel } from '../../../src/estimators/frameworks/TensorFlowModel.js';
import { PyTorch } from '../../../src/estimators/frameworks/PyTorch.js';
import { PyTorchModel } from '../../../src/estimators/frameworks/PyTorchModel.js';
import type { BuildHandlers, CaseContext } from './types.js';
import { toProps, UnsupportedCaseError, withPositional } from '../values.js';

type Ctor = new (props: never) => object;

const session = (ctx: CaseContext) => {
  if (!ctx.sagemakerSession) throw new UnsupportedCaseError('a build class needs a session');
  return ctx.sagemakerSession;
};

/** Python class name: our constructor and Python's positional parameters. */
const CLASSES: Readonly<Record<string, readonly [Ctor, readonly string[]]>> = {
  TensorFlow: [TensorFlow, ['py_version', 'framework_version', 'model_dir', 'image_uri', 'distribution']],
  TensorFlowModel: [TensorFlowModel, ['model_data', 'role', 'entry_point', 'image_uri', 'framework_version', 'container_log_level']],
  PyTorch: [PyTorch, ['entry_point', 'framework_version', 'py_version', 'source_dir', 'hyperparameters', 'image_uri', 'distribution']],
  PyTorchModel: [PyTorchModel, ['model_data', 'role', 'entry_point', 'framework_version', 'py_version', 'image_uri']],
};

export const frameworkBuilds: BuildHandlers = Object.fromEntries(
  Object.entries(CLASSES).map(([name, [Class, positional]]) => [
    name,
    (args, kwargs, ctx) => new Class({ ...toProps(withPositional(args, kwargs, positional, name)), session: session(ctx) } as never),
  ]),
);
