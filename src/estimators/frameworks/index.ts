/** The framework estimators (script mode in a framework's prebuilt container) and their models. */
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
