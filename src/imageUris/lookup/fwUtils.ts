/**
 * The constants of the Python SDK's `fw_utils.py` and `image_uris.py` the image lookup reads,
 * and `utils.get_instance_type_family`.
 * @internal
 */
/** Instance families of Graviton (arm64) processors. */
export const GRAVITON_FAMILIES = ['m6g', 'm6gd', 'c6g', 'c6gd', 'c6gn', 'c7g', 'r6g', 'r6gd'];
/** Frameworks with Graviton images. */
export const GRAVITON_FRAMEWORKS = ['tensorflow', 'pytorch', 'xgboost', 'sklearn'];
/**
 * Frameworks with Trainium images. Python keeps this as the string "pytorch", so
 * `framework in ...` is a substring test.
 */
export const TRAINIUM_FRAMEWORKS = 'pytorch';
/** The image scope of Graviton inference images. */
export const INFERENCE_GRAVITON = 'inference_graviton';
/** Repositories whose container version is prefixed with the Neuron SDK version. */
export const NEURON_SDK_REPOSITORIES = [
  'pytorch-training-neuron',
  'pytorch-training-neuronx',
  'huggingface-vllm-inference-neuronx',
];
/** The arm64 image tags of XGBoost and scikit-learn versions. */
export const ARM64_TAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  xgboost: { '1.5-1': '1.5-1-arm64', '1.3-1': '1.3-1-arm64' },
  sklearn: { '1.0-1': '1.0-1-arm64-cpu-py3' },
};
/** Tags that get a CUDA 11 container suffix on p4d instances or with smdistributed. */
export const AUTO_CONTAINER_VERSIONS: Readonly<Record<string, string>> = {
  'tensorflow-2.3-gpu-py37': 'cu110-ubuntu18.04-v3',
  'tensorflow-2.3.1-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-2.3.2-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-1.15-gpu-py37': 'cu110-ubuntu18.04-v8',
  'tensorflow-1.15.4-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-1.15.5-gpu-py37': 'cu110-ubuntu18.04',
  'mxnet-1.8-gpu-py37': 'cu110-ubuntu16.04-v1',
  'mxnet-1.8.0-gpu-py37': 'cu110-ubuntu16.04',
  'pytorch-1.6-gpu-py36': 'cu110-ubuntu18.04-v3',
  'pytorch-1.6.0-gpu-py36': 'cu110-ubuntu18.04',
  'pytorch-1.6-gpu-py3': 'cu110-ubuntu18.04-v3',
  'pytorch-1.6.0-gpu-py3': 'cu110-ubuntu18.04',
};
/** The instance type forms the lookup understands, for error messages. */
export const INSTANCE_TYPES_HELP = 'ml.<family>.<size>, ml_<family>, local, local_gpu or neuron…';

/**
 * `utils.get_instance_type_family`: the family of `ml.<family>.<size>` or `ml_<family>`, else
 * the empty string.
 */
export function instanceTypeFamily(instanceType: string | undefined): string {
  if (typeof instanceType !== 'string') return '';
  // Python's `$` also matches before one trailing newline.
  const m = /^ml[._]([a-z\d-]+)\.?\w*\n?$/.exec(instanceType);
  return m?.[1] ?? '';
}
