/**
 * `sagemaker-workflow/frameworks`: the framework estimators (script mode in a framework's prebuilt
 * container) and their models, Python's `sagemaker.tensorflow`, `sagemaker.pytorch`, ... Python's
 * `sagemaker` package keeps them out of its root, and so does this package: a config-only
 * application that uses one algorithm loads none of them.
 *
 * @module sagemaker-workflow/frameworks
 */
export {
  Framework,
  type FrameworkProps,
  type FrameworkJob,
  type FrameworkModelRequest,
  type PythonClass,
  type TransformerCallStyle,
} from './Framework.js';
export type { Distribution } from './distribution/index.js';
export { TensorFlow, type TensorFlowProps } from './TensorFlow.js';
export { TensorFlowModel, type TensorFlowModelProps } from './TensorFlowModel.js';
export { PyTorch, type PyTorchProps } from './PyTorch.js';
export { PyTorchModel, type PyTorchModelProps } from './PyTorchModel.js';
export { MXNet } from './MXNet.js';
export { MXNetModel, type MXNetModelProps } from './MXNetModel.js';
export { SKLearn, type SKLearnProps } from './SKLearn.js';
export { SKLearnModel, type SKLearnModelProps } from './SKLearnModel.js';
export { XGBoost, type XGBoostProps } from './XGBoost.js';
export { XGBoostModel, type XGBoostModelProps } from './XGBoostModel.js';
export { Chainer, type ChainerProps } from './Chainer.js';
export { ChainerModel, type ChainerModelProps } from './ChainerModel.js';
export { HuggingFace, type HuggingFaceProps } from './HuggingFace.js';
export { HuggingFaceModel, type HuggingFaceModelProps } from './HuggingFaceModel.js';
